"""The 发文字号 ends at the type area's right edge, its ink ⅞ of a 3号 character under the
upper double rule.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: right_mm, below_rule_pt,
tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, letter_pairs, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document
from gongwen.units import Pt

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "right_mm": {"type": "number", "required": True},
    "below_rule_pt": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """The 发文字号 ends at the type area's right edge, its ink ⅞ of a 3号 character under the
    upper double rule."""
    number = ctx.elements.letter_number
    upper, _ = letter_pairs(ctx)
    if number is None or not upper:
        return
    tol = p["tolerance_mm"]
    if off(number.right.mm, p["right_mm"], tol):
        yield Hit(
            N_(
                "the letter's document number ends {actual} from the paper's left edge, "
                "expected {expected} (flush right)"
            ),
            {"actual": mm(number.right.mm), "expected": mm(p["right_mm"])},
            page=1,
            snippet=number.text[:20],
            expected=mm(p["right_mm"]),
            actual=mm(number.right.mm),
        )
    got_ink = ctx.ink(number)
    if got_ink is None:
        return
    gap, want = got_ink.top.mm - upper[-1].bottom.mm, Pt(p["below_rule_pt"]).mm
    if off(gap, want, tol):
        yield Hit(
            N_(
                "the letter's document number is {actual} under the double rule, expected "
                "{expected}"
            ),
            {"actual": mm(gap), "expected": mm(want)},
            page=1,
            snippet=number.text[:20],
            expected=mm(want),
            actual=mm(gap),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
