"""Heading fonts by level: 一、黑体, （一）楷体, 1. and （1）仿宋 (GB/T 9704 7.3.3, 一般).

A heading is judged by the face of its first CJK character (a level-2 or level-3 heading
often runs on into body text in the body face). `levels` maps level → category; `size_pt`,
when given, is checked too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import face_problem, first_face, first_size, size_problem, unknown_category
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {
    "levels": {
        "type": "dict",
        "required": True,
        "keysrules": {"type": "integer", "min": 1, "max": 4},
        "valuesrules": {"type": "string"},
    },
    "size_pt": {"type": "number", "nullable": True, "default": None},
    "tolerance_pt": {"type": "number", "default": 0.1, "min": 0},
}


def validate(
    params: dict[str, Any], fonts: dict[str, Any]
) -> list[tuple[str, str, dict[str, str]]]:
    """Every category must be one of the fonts table."""
    return [
        problem
        for level, category in params["levels"].items()
        for problem in unknown_category(f"levels.{level}", category, fonts)
    ]


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """A hit per heading in another face category (and size, when `size_pt` is set)."""
    levels, size = rule.params["levels"], rule.params["size_pt"]
    for p in doc.with_role(Role.HEADING):
        category = levels.get(p.heading_level or 0)
        if category is None:
            continue
        hit = face_problem(ctx, p, first_face(p), category)
        if hit:
            yield hit
        if size is not None:
            hit = size_problem(p, first_size(p), size, rule.params["tolerance_pt"])
            if hit:
                yield hit
