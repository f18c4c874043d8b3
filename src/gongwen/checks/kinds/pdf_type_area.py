"""Every line but the page numbers lies inside the type area (its em box, to the ink).

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: top_mm, left_mm, width_mm,
height_mm, tolerance_mm, allow_hanging_punctuation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, hangs, mm
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document
from gongwen.units import Pt

if TYPE_CHECKING:
    from gongwen.ingest.pdf_layout import TextLine

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "top_mm": {"type": "number", "required": True},
    "left_mm": {"type": "number", "required": True},
    "width_mm": {"type": "number", "required": True},
    "height_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
    "allow_hanging_punctuation": {"type": "boolean", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """Every line but the page numbers lies inside the type area (its em box, to the ink)."""
    tol = p["tolerance_mm"]
    top, left = p["top_mm"], p["left_mm"]
    bottom, right = top + p["height_mm"], left + p["width_mm"]
    for page in ctx.layout.pages:
        bad: list[tuple[TextLine, tuple[str, float, float, bool]]] = []
        for line in ctx.elements.body_lines(page):
            line_right = line.right.mm - (Pt(line.size_pt).mm if hangs(line, p) else 0)
            edges = (
                (N_("top edge"), line.em_top.mm, top, line.em_top.mm < top - tol),
                (N_("bottom edge"), line.em_bottom.mm, bottom, line.em_bottom.mm > bottom + tol),
                (N_("left edge"), line.left.mm, left, line.left.mm < left - tol),
                (N_("right edge"), line.right.mm, right, line_right > right + tol),
            )
            bad.extend((line, e) for e in edges if e[3])
        if bad:
            line, (edge, got, want, _) = bad[0]
            yield Hit(
                N_(
                    "text outside the type area: its {edge} is at {actual} from the paper's edge, "
                    "the type area's at {expected} ({count} places on this page)"
                ),
                {"edge": edge, "actual": mm(got), "expected": mm(want), "count": len(bad)},
                page=page.number,
                snippet=line.text[:20],
                expected=mm(want),
                actual=mm(got),
            )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
