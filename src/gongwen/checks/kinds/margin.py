"""One page margin of every section: `side` (top, bottom, left, right) is `mm` ± `tolerance_mm`.

GB/T 9704 gives 天头 37 mm and 订口 28 mm; bottom 35 mm and right 26 mm follow from the
156 × 225 mm type area. One rule per side, so each can be selected or ignored alone. A PDF
has no margins to read, so it is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_, t
from gongwen.model import Document

PARAMS: dict[str, Any] = {
    "side": {"type": "string", "required": True, "allowed": ["top", "bottom", "left", "right"]},
    "mm": {"type": "number", "required": True, "min": 0},
    "tolerance_mm": {"type": "number", "default": 1, "min": 0},
}

SIDES = {
    "top": N_("top margin"),
    "bottom": N_("bottom margin"),
    "left": N_("left margin"),
    "right": N_("right margin"),
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per section whose margin on `side` is off by more than the tolerance."""
    side, want, tol = rule.params["side"], rule.params["mm"], rule.params["tolerance_mm"]
    for i, section in enumerate(doc.sections):
        got = getattr(section, f"margin_{side}").mm
        if abs(got - want) > tol:
            yield Hit(
                N_("{side} is {actual} mm, expected {expected} ± {tolerance} mm"),
                {
                    "side": t(SIDES[side], ctx.lang),
                    "actual": f"{got:.1f}",
                    "expected": f"{want:g}",
                    "tolerance": f"{tol:g}",
                },
                section=i,
                expected=f"{want:g} mm",
                actual=f"{got:.1f} mm",
            )
