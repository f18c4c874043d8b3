"""The top of the mark's ink is `top_mm` below the paper's top edge.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: top_mm, tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, ink_above, letter_pairs, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "top_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """The top of the mark's ink is `top_mm` below the paper's top edge."""
    if not ctx.elements.letter or not ctx.elements.mark:
        return
    line = ctx.elements.mark[0]
    upper, _ = letter_pairs(ctx)
    got_ink = ctx.ink(line) if not upper else ink_above(ctx, line, upper[0].top)
    if got_ink is None:
        return
    if off(got_ink.top.mm, p["top_mm"], p["tolerance_mm"]):
        yield Hit(
            N_("the letter's mark starts {actual} from the top of the paper, expected {expected}"),
            {"actual": mm(got_ink.top.mm), "expected": mm(p["top_mm"])},
            page=1,
            snippet=line.text[:20],
            expected=mm(p["top_mm"]),
            actual=mm(got_ink.top.mm),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
