"""Page 1 of a letter carries no page number.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: none.
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
PARAMS: dict[str, Any] = {}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """Page 1 of a letter carries no page number."""
    if not ctx.elements.letter or not ctx.layout.pages:
        return
    numbers = ctx.elements.page_numbers(ctx.layout.pages[0])
    if numbers:
        yield Hit(
            N_("page 1 of a letter carries page number {actual}"),
            {"actual": numbers[0].text.strip()},
            page=1,
            expected="—",
            actual=numbers[0].text.strip(),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
