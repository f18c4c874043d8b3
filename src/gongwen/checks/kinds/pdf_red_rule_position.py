"""The red rule's top is `below_number_mm` under the ink of the 发文字号.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: below_number_mm, tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document
from gongwen.units import Length, Pt

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "below_number_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """The red rule's top is `below_number_mm` under the ink of the 发文字号."""
    rule, number = ctx.elements.red_rule, ctx.elements.doc_number
    if rule is None or number is None:
        return
    # To the foot of the closing 号 (7.2.5: every number ends with it): brackets and digits
    # reach lower or higher than the characters a reader lines the rule up with.
    got_ink = ctx.ink(number, left=Length(number.right - Pt(number.size_pt)))
    if got_ink is None:
        return
    gap = rule.top.mm - got_ink.bottom.mm
    if off(gap, p["below_number_mm"], p["tolerance_mm"]):
        yield Hit(
            N_("the red rule is {actual} under the document number, expected {expected}"),
            {"actual": mm(gap), "expected": mm(p["below_number_mm"])},
            page=1,
            snippet=number.text[:20],
            expected=mm(p["below_number_mm"]),
            actual=mm(gap),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
