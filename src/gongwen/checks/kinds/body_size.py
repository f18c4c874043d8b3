"""Body text size: body paragraphs are set in `size_pt` (三号, 16 pt, by default).

A paragraph is judged by the size of most of its characters. Each deviating paragraph is
reported, up to `max_findings`; the last one counts the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import in_text, merged, size_problem
from gongwen.model import Document

PARAMS: dict[str, Any] = {
    "size_pt": {"type": "number", "required": True, "min": 1},
    "tolerance_pt": {"type": "number", "default": 0.1, "min": 0},
    "roles": {"type": "list", "default": ["body"], "schema": {"type": "string"}},
    "max_findings": {"type": "integer", "default": 3, "min": 1},
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per body paragraph of another size, merged after `max_findings`."""
    p = rule.params
    hits = (
        size_problem(para, para.dominant_size(), p["size_pt"], p["tolerance_pt"])
        for para in in_text(doc)
        if para.role.value in p["roles"]
    )
    yield from merged((h for h in hits if h), p["max_findings"])
