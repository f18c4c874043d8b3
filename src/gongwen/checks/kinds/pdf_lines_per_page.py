"""A full page (text down to the last line, more on the next page, no 版头) holds `lines`.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import BODY_SIZE, PITCH_MM, TYPE_BOTTOM_MM, PdfView, slots
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "lines": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """A full page (text down to the last line, more on the next page, no 版头) holds `lines`."""
    pages = ctx.layout.pages
    for i, page in enumerate(pages[:-1]):
        if page.number == 1 and ctx.elements.red_rule is not None:
            continue
        date = ctx.elements.date_line
        if date is not None and date.page == page.number:
            continue  # the 署名's page: 7.3.5.1 lets its line spacing be adjusted to fit
        if not ctx.elements.body_lines(pages[i + 1]):
            continue
        every = ctx.elements.body_lines(page)
        # The grid is the body text's: a page with a title, or a table's 四号 rows, spends
        # its height on lines of another size, so only pages wholly of 三号 text are counted.
        lines = tuple(line for line in every if abs(line.size_pt - BODY_SIZE) < 0.5)
        if len(lines) != len(every):
            continue
        count = slots(lines)
        # A page whose last lines are blank (a paragraph pushed to the next page) is not full.
        if lines and max(line.baseline for line in lines).mm < TYPE_BOTTOM_MM - PITCH_MM:
            continue
        if count is not None and count != p["lines"]:
            yield Hit(
                N_("a full page has {actual} lines, expected {expected}"),
                {"actual": count, "expected": p["lines"]},
                page=page.number,
                expected=str(p["lines"]),
                actual=str(count),
            )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
