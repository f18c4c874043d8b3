"""Between the red rule and the title's ink lie `blank_lines` blank lines.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: blank_lines, line_pitch_pt.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document
from gongwen.units import Pt

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "blank_lines": {"type": "number", "required": True},
    "line_pitch_pt": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """Between the red rule and the title's ink lie `blank_lines` blank lines."""
    rule, title = ctx.elements.red_rule, ctx.elements.title
    if rule is None or title is None:
        return
    got_ink = ctx.ink(title)
    if got_ink is None:
        return
    pitch = Pt(p["line_pitch_pt"]).mm
    blank = math.floor((got_ink.top.mm - rule.bottom.mm) / pitch)
    if blank != p["blank_lines"]:
        yield Hit(
            N_("{actual} blank lines between the red rule and the title, expected {expected}"),
            {"actual": blank, "expected": p["blank_lines"]},
            page=1,
            snippet=title.text[:20],
            expected=str(p["blank_lines"]),
            actual=str(blank),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
