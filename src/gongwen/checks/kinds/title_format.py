"""Title format: 2号 (22 pt) 小标宋, centred (GB/T 9704 7.3.1, 一般).

Judged on each title paragraph: the face of most CJK characters by the fonts table, the
size of most characters, and the alignment. Parameters: category, size_pt, alignment.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import (
    ALIGNMENTS,
    dominant_face,
    face_problem,
    size_problem,
    unknown_category,
)
from gongwen.i18n import N_, t
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {
    "category": {"type": "string", "required": True},
    "size_pt": {"type": "number", "required": True, "min": 1},
    "tolerance_pt": {"type": "number", "default": 0.1, "min": 0},
    "alignment": {
        "type": "string",
        "default": "center",
        "allowed": ["center", "left", "right", "justify"],
    },
}


def validate(
    params: dict[str, Any], fonts: dict[str, Any]
) -> list[tuple[str, str, dict[str, str]]]:
    """The category must be one of the fonts table."""
    return unknown_category("category", params["category"], fonts)


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Hits for a title paragraph in another face, size or alignment."""
    p = rule.params
    for para in doc.with_role(Role.TITLE):
        for hit in (
            face_problem(ctx, para, dominant_face(para), p["category"]),
            size_problem(para, para.dominant_size(), p["size_pt"], p["tolerance_pt"]),
        ):
            if hit:
                yield hit
        if para.alignment is not None and para.alignment.value != p["alignment"]:
            actual = t(ALIGNMENTS[para.alignment.value], ctx.lang)
            expected = t(ALIGNMENTS[p["alignment"]], ctx.lang)
            yield Hit(
                N_("the title is {actual}, expected {expected}"),
                {"actual": actual, "expected": expected},
                paragraph=para,
                expected=expected,
                actual=actual,
            )
