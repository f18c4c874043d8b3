"""Odd page numbers end one 字 inside the right edge, even ones start one 字 in on the left.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: inset_pt, tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.ingest.pdf_elements import page_number_value
from gongwen.model import Document
from gongwen.units import Pt

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "inset_pt": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """Odd page numbers end one 字 inside the right edge, even ones start one 字 in on the left."""
    inset = Pt(p["inset_pt"]).mm
    for page in ctx.layout.pages:
        for line in ctx.elements.page_numbers(page):
            value = page_number_value(line) or page.number
            if value % 2:
                got, want, side = line.right.mm, 184 - inset, N_("right end")
            else:
                got, want, side = line.left.mm, 28 + inset, N_("left end")
            if off(got, want, p["tolerance_mm"]):
                yield Hit(
                    N_(
                        "the {side} of page number {number} is at {actual} from the left "
                        "edge of the paper, expected {expected} (odd pages right, even "
                        "pages left, one character in)"
                    ),
                    {"side": side, "number": value, "actual": mm(got), "expected": mm(want)},
                    page=page.number,
                    snippet=line.text.strip(),
                    expected=mm(want),
                    actual=mm(got),
                )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
