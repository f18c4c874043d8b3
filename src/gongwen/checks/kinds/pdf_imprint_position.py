"""The 版记's last rule lies on the bottom edge of the type area of the last page.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: bottom_mm, tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "bottom_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """The 版记's last rule lies on the bottom edge of the type area of the last page."""
    imprint = ctx.elements.imprint
    if imprint is None:
        return
    last_page = len(ctx.layout.pages)
    if imprint.page != last_page:
        yield Hit(
            N_("the imprint is on page {actual}, not on the last page ({expected})"),
            {"actual": imprint.page, "expected": last_page},
            page=imprint.page,
            expected=str(last_page),
            actual=str(imprint.page),
        )
        return
    if not imprint.rules:
        return  # a letter's 版记 has no rules (10.1)
    got = imprint.rules[-1].bottom.mm
    if off(got, p["bottom_mm"], p["tolerance_mm"]):
        yield Hit(
            N_(
                "the imprint's last rule is {actual} from the top of the paper, expected "
                "{expected} (the bottom edge of the type area)"
            ),
            {"actual": mm(got), "expected": mm(p["bottom_mm"])},
            page=imprint.page,
            expected=mm(p["bottom_mm"]),
            actual=mm(got),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
