"""An 上行文's 发文字号 line: the number one 字 in from the left, the 签发人 ending one 字
from the right (7.2.5, 7.2.6).

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document
from gongwen.units import Pt

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """An 上行文's 发文字号 line: the number one 字 in from the left, the 签发人 ending one 字
    from the right (7.2.5, 7.2.6)."""
    rule = ctx.elements.red_rule
    if rule is None or not ctx.layout.pages:
        return
    lines = [
        ln for ln in ctx.layout.pages[0].lines if "签发人" in ln.text and ln.baseline < rule.top
    ]
    if not lines:
        return
    line, char, tol = lines[-1], Pt(16).mm, p["tolerance_mm"]
    for got, want, side in (
        (line.left.mm, 28 + char, N_("left end")),
        (line.right.mm, 184 - char, N_("right end")),
    ):
        if off(got, want, tol):
            yield Hit(
                N_(
                    "the {side} of the line with the 签发人 is {actual} from the paper's "
                    "left edge, expected {expected} (one 字 in)"
                ),
                {"side": side, "actual": mm(got), "expected": mm(want)},
                page=1,
                snippet=line.text[:20],
                expected=mm(want),
                actual=mm(got),
            )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
