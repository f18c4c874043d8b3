"""A page followed by more text ends at most `max_lines` grid lines above the type area's
foot, unless what follows starts a page of its own (an attachment, the 版记).

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: max_lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, free_lines
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "max_lines": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """A page followed by more text ends at most `max_lines` grid lines above the type area's
    foot, unless what follows starts a page of its own (an attachment, the 版记)."""
    pages = ctx.layout.pages
    for page in pages[:-1]:
        following = ctx.elements.body_lines(pages[page.number])
        if not ctx.elements.body_lines(page) or not following:
            continue
        first = following[0].text.lstrip()
        if first.startswith("附件") and not first.startswith("附件："):
            continue  # the attachment begins on a new page (7.3.7)
        imprint = ctx.elements.imprint
        if (
            imprint is not None
            and imprint.page == page.number + 1
            and (ctx.elements.imprint_only(pages[page.number]))
        ):
            continue
        free = free_lines(ctx, page.number)
        if free > p["max_lines"] + 0.5:
            yield Hit(
                N_("page {page} ends {actual} lines above the foot of the type area"),
                {"page": page.number, "actual": f"{free:.0f}"},
                page=page.number,
                expected=f"≤ {p['max_lines']}",
                actual=f"{free:.0f}",
            )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
