"""A blank page (before the 版记 page) carries no page number.

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
    """A blank page (before the 版记 page) carries no page number."""
    for page in ctx.layout.pages:
        numbers = ctx.elements.page_numbers(page)
        if (
            numbers
            and not ctx.elements.body_lines(page)
            and not (ctx.elements.imprint and ctx.elements.imprint.page == page.number)
        ):
            yield Hit(
                N_("blank page {page} carries page number {actual}"),
                {"page": page.number, "actual": numbers[0].text.strip()},
                page=page.number,
                expected="—",
                actual=numbers[0].text.strip(),
            )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
