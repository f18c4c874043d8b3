"""未报送: an official on the roster from whom no report was received (batch scope).

Run over the whole batch by `checks.roster_findings`, one finding per missing roster entry,
with the department as the finding's file. No parameters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.model import Document

SCOPE = "batch"
PARAMS: dict[str, Any] = {}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Nothing to check in one document: absences are found over the batch."""
    return iter(())
