"""A file that could not be read as a document (IO001–IO005), reported instead of its checks.

Ingest raises the error with the rule code; `checks.input_finding` turns it into a finding
with this rule's name, severity and clause. No parameters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.model import Document

SCOPE = "input"
PARAMS: dict[str, Any] = {}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Nothing to check in a document that was read: input errors come from ingest."""
    return iter(())
