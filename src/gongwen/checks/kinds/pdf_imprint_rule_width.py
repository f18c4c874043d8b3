"""The first and last 版记 rules are thick, those between thin.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: thick_mm, thin_mm, tolerance_mm.
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
    "thick_mm": {"type": "number", "required": True},
    "thin_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """The first and last 版记 rules are thick, those between thin."""
    imprint = ctx.elements.imprint
    if imprint is None:
        return
    rules = imprint.rules
    for i, rule in enumerate(rules):
        want = p["thick_mm"] if i in (0, len(rules) - 1) else p["thin_mm"]
        got = rule.thickness.mm
        if off(got, want, p["tolerance_mm"]):
            yield Hit(
                N_("imprint rule {number} is {actual} thick, {expected} is recommended"),
                {"number": i + 1, "actual": f"{got:.2f} mm", "expected": f"{want:.2f} mm"},
                page=imprint.page,
                expected=f"{want:.2f} mm",
                actual=f"{got:.2f} mm",
            )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
