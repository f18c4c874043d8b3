"""Every page is `width_mm` × `height_mm`.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: width_mm, height_mm, tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "width_mm": {"type": "number", "required": True},
    "height_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """Every page is `width_mm` × `height_mm`."""
    for page in ctx.layout.pages:
        w, h = page.width.mm, page.height.mm
        if off(w, p["width_mm"], p["tolerance_mm"]) or off(h, p["height_mm"], p["tolerance_mm"]):
            yield Hit(
                N_("the page is {actual}, expected {expected}"),
                {
                    "actual": f"{w:.1f} × {h:.1f} mm",
                    "expected": f"{p['width_mm']:g} × {p['height_mm']:g} mm",
                },
                page=page.number,
                expected=f"{p['width_mm']:g} × {p['height_mm']:g} mm",
                actual=f"{w:.1f} × {h:.1f} mm",
            )
            return


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
