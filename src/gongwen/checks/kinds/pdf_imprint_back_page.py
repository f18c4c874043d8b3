"""Printed on both sides, the 版记 is on an even page, the back of the last sheet.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: double_sided.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "double_sided": {"type": "boolean", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """Printed on both sides, the 版记 is on an even page, the back of the last sheet."""
    imprint = ctx.elements.imprint
    if not p["double_sided"] or imprint is None or imprint.page % 2 == 0 or imprint.page == 1:
        return  # a one-page document keeps its 版记 under its text
    yield Hit(
        N_(
            "the imprint is on page {actual}, an odd page: printed on both sides it "
            "belongs on the back page"
        ),
        {"actual": imprint.page},
        page=imprint.page,
        expected=N_("an even page"),
        actual=str(imprint.page),
    )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
