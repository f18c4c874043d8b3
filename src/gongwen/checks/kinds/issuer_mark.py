"""发文机关标志 (only when present): set in a face of `category` (小标宋) and in red.

Font and colour are 推荐 in GB/T 9704 7.2.4, so this is a warning; the size is left to
practice and not checked here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import dominant_face, face_problem, unknown_category
from gongwen.colours import is_red
from gongwen.i18n import N_
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {
    "category": {"type": "string", "required": True},
    "red": {"type": "boolean", "default": True},
}


def validate(
    params: dict[str, Any], fonts: dict[str, Any]
) -> list[tuple[str, str, dict[str, str]]]:
    """The category must be one of the fonts table."""
    return unknown_category("category", params["category"], fonts)


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """A hit for a mark in another face, and one for a mark that is not red."""
    for p in doc.with_role(Role.ISSUER_MARK):
        hit = face_problem(ctx, p, dominant_face(p), rule.params["category"])
        if hit:
            yield hit
        colors = [r.color for r in p.runs if r.text.strip()]
        if rule.params["red"] and colors and not all(is_red(c) for c in colors):
            shown = next((c for c in colors if not is_red(c)), None) or "000000"
            yield Hit(
                N_("the issuer mark is not red (#{actual})"),
                {"actual": shown},
                paragraph=p,
                expected="#FF0000",
                actual="#" + shown,
            )
