"""A line of one Chinese character in smaller-than-body text, right under a line of the
same cell (the same left edge, one table line above).

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: tolerance_mm, max_gap_pt.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import BODY_SIZE, PdfView, one_wide
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "tolerance_mm": {"type": "number", "required": True},
    "max_gap_pt": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """A line of one Chinese character in smaller-than-body text, right under a line of the
    same cell (the same left edge, one table line above)."""
    for page in ctx.layout.pages:
        lines = [ln for ln in ctx.elements.body_lines(page) if ln.size_pt < BODY_SIZE - 0.5]
        for line in lines:
            if not one_wide(line.text.strip()):
                continue
            above = [
                ln
                for ln in lines
                if abs(ln.left.mm - line.left.mm) <= p["tolerance_mm"]
                and 0 < line.baseline.pt - ln.baseline.pt <= p["max_gap_pt"]
            ]
            if above:
                yield Hit(
                    N_("a table entry leaves one character on a line of its own: “{actual}”"),
                    {"actual": above[-1].text.strip() + line.text.strip()},
                    page=page.number,
                    snippet=line.text.strip(),
                    expected=N_("at least two characters a line"),
                    actual=line.text.strip(),
                )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
