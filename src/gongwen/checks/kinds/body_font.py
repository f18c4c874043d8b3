"""Body text font: the CJK characters of body paragraphs are set in a face of `category`.

A paragraph is judged by the eastAsia face of most of its CJK characters; a face counts by
its category in the rule set's `fonts:` table (仿宋_GB2312, 仿宋 and FangSong are all 仿宋).
Each deviating paragraph is reported, up to `max_findings`; the last one counts the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import dominant_face, face_problem, in_text, merged, unknown_category
from gongwen.model import Document

PARAMS: dict[str, Any] = {
    "category": {"type": "string", "required": True},
    "roles": {"type": "list", "default": ["body"], "schema": {"type": "string"}},
    "max_findings": {"type": "integer", "default": 3, "min": 1},
}


def validate(
    params: dict[str, Any], fonts: dict[str, Any]
) -> list[tuple[str, str, dict[str, str]]]:
    """The category must be one of the fonts table."""
    return unknown_category("category", params["category"], fonts)


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per body paragraph in another face category, merged after `max_findings`."""
    roles = set(rule.params["roles"])
    hits = (
        face_problem(ctx, p, dominant_face(p), rule.params["category"])
        for p in in_text(doc)
        if p.role.value in roles
    )
    yield from merged((h for h in hits if h), rule.params["max_findings"])
