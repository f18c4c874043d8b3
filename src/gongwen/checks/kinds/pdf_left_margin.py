"""Unindented body text starts `left_mm` from the paper's left edge.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: left_mm, tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import BODY_SIZE, PdfView, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "left_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """Unindented body text starts `left_mm` from the paper's left edge."""
    lefts = [
        (line.left.mm, line)
        for page in ctx.layout.pages
        for line in ctx.elements.body_lines(page)
        if abs(line.size_pt - BODY_SIZE) < 0.5
    ]
    if not lefts:
        return
    got, line = min(lefts, key=lambda item: item[0])
    if off(got, p["left_mm"], p["tolerance_mm"]):
        yield Hit(
            N_("the text starts {actual} from the left edge of the paper, expected {expected}"),
            {"actual": mm(got), "expected": mm(p["left_mm"])},
            page=line.page,
            snippet=line.text[:20],
            expected=mm(p["left_mm"]),
            actual=mm(got),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
