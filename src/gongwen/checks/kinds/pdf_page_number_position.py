"""The ink of a page number's leading dash is `below_type_bottom_mm` under the type area.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: below_type_bottom_mm, tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document
from gongwen.units import Length, Pt

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "below_type_bottom_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """The ink of a page number's leading dash is `below_type_bottom_mm` under the type area."""
    want = 262 + p["below_type_bottom_mm"]
    for page in ctx.layout.pages:
        for line in ctx.elements.page_numbers(page):
            if not line.text.strip().startswith(("—", "–", "-", "－", "―")):
                continue
            dash = ctx.ink(line, right=Length(line.left + Pt(0.6 * line.size_pt)))
            if dash is None:
                continue
            if off(dash.top.mm, want, p["tolerance_mm"]):
                yield Hit(
                    N_(
                        "the page number's dash is {actual} from the top of the paper, "
                        "expected {expected} (7 mm under the type area)"
                    ),
                    {"actual": mm(dash.top.mm), "expected": mm(want)},
                    page=page.number,
                    snippet=line.text.strip(),
                    expected=mm(want),
                    actual=mm(dash.top.mm),
                )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
