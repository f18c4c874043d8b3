"""The page of the 署名 and 成文日期 holds text of the document, not only a closing.

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
    """The page of the 署名 and 成文日期 holds text of the document, not only a closing."""
    date = ctx.elements.date_line
    if date is not None and ctx.elements.signature_without_text:
        yield Hit(
            N_(
                "the signature stands on page {actual} with no text above it but the "
                "closing: fit it on the page before by adjusting the line spacing"
            ),
            {"actual": date.page},
            page=date.page,
            snippet=date.text,
            expected=N_("text above the signature"),
            actual=N_("closing only"),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
