"""The batch against the roster: `when: missing` (the default) reports an official on the
roster from whom no report was received (未报送); `when: duplicate` a department that sent
more than one report (重复报送), so that the office decides which one counts.

Run over the whole batch: `checks.roster_findings` gives one finding per missing roster
entry, with the department as the finding's file; `checks.duplicate_findings` one finding
on each file of a department that sent several.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.model import Document

SCOPE = "batch"
PARAMS: dict[str, Any] = {
    "when": {"type": "string", "allowed": ["missing", "duplicate"], "default": "missing"},
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Nothing to check in one document: absences are found over the batch."""
    return iter(())
