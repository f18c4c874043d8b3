"""How the pages of a rendered PDF end (GB/T 9704 7.3.5.1, 7.4, 7.5): the 署名 never on a
page without text, no page ending early but before a required break, the 版记 on the back
page when the office prints on both sides, blank pages without a number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.i18n import N_
from gongwen.units import Pt
from gongwen.verify.measure import Context, Hit

_TYPE_BOTTOM_MM = 262.0
_PITCH_PT = 28.95  # the 22-line grid's pitch (render.geometry.LINE_PITCH)


def signature_with_text(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
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


def free_lines(ctx: Context, number: int) -> float:
    """Grid lines left empty at the foot of page `number` (1-based)."""
    page = ctx.layout.pages[number - 1]
    lines = [line for line in ctx.elements.body_lines(page) if line.baseline.mm < _TYPE_BOTTOM_MM]
    if not lines:
        return 0.0
    last = max(line.em_bottom.mm for line in lines)
    return (_TYPE_BOTTOM_MM - last) / Pt(_PITCH_PT).mm


def page_ends_early(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
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


def imprint_back_page(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
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


def blank_page_number(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
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


KINDS = {
    "pdf_signature_with_text": signature_with_text,
    "pdf_page_ends_early": page_ends_early,
    "pdf_imprint_back_page": imprint_back_page,
    "pdf_blank_page_number": blank_page_number,
}
