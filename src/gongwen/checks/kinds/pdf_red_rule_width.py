"""The red rule runs from the type area's left edge to its right edge.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: tolerance_mm.
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
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """The red rule runs from the type area's left edge to its right edge."""
    rule = ctx.elements.red_rule
    if rule is None:
        return
    if off(rule.left.mm, 28, p["tolerance_mm"]) or off(rule.right.mm, 184, p["tolerance_mm"]):
        got = f"{rule.left.mm:.1f}–{rule.right.mm:.1f} mm"
        yield Hit(
            N_(
                "the red rule runs {actual} from the left edge of the paper, expected "
                "{expected} (as wide as the type area)"
            ),
            {"actual": got, "expected": "28.0–184.0 mm"},
            page=1,
            expected="28.0–184.0 mm",
            actual=got,
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
