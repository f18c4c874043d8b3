"""What the PDF layout kinds (`checks/kinds/pdf_*.py`) share: the page geometry of one PDF
with its recognised elements and ink, and the helpers of measuring in millimetres.

Vertical positions of characters are taken from their ink (rasterised by poppler), never
from the font's line box; horizontal positions from the glyph advances in the PDF. Without
poppler's `pdftoppm` the measures that need ink are skipped (`PdfView.ink_missing`), which a
run reports once, not as a defect of every file.
"""

from __future__ import annotations

import itertools
import re
import shutil
import statistics
import unicodedata
from functools import cached_property
from typing import Any

from gongwen import gbt9704 as g
from gongwen.ingest.pdf_elements import Elements
from gongwen.ingest.pdf_layout import Ink, PdfLayout, TextLine, ink
from gongwen.units import Length, Mm, Pt

FULL_WIDTH = re.compile(r"^[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’…—·]+$")
BODY_SIZE = g.BODY_SIZE.pt  # 3号, the body text's size in pt
# Marks LibreOffice and Word hang into the margin at a line's end (w:overflowPunct).
HANGING = set("，。、；：！？”’）》」』,.;:!?")
TYPE_BOTTOM_MM = round(g.TYPE_BOTTOM.mm)  # 37 + 225 (5.2.1)
TYPE_RIGHT_MM = round(g.TYPE_RIGHT.mm)  # 28 + 156 (5.2.1)
PITCH_PT = g.LINE_PITCH.pt  # the 22-line grid's pitch
PITCH_MM = Pt(PITCH_PT).mm  # a full page's last line is within one of the edge


def ink_available() -> bool:
    """Whether poppler's pdftoppm, which measures ink, is on this machine."""
    return shutil.which("pdftoppm") is not None


class PdfView:
    """What every measurement reads: the PDF, its geometry, and its recognised elements."""

    def __init__(self, path: str, layout: PdfLayout) -> None:
        self.path = path
        self.layout = layout

    @cached_property
    def elements(self) -> Elements:
        """The 公文 elements found on the pages."""
        return Elements(self.layout)

    @cached_property
    def ink_missing(self) -> bool:
        """pdftoppm is absent: measures of ink yield nothing."""
        return not ink_available()

    def ink(
        self, line: TextLine, *, left: Length | None = None, right: Length | None = None
    ) -> Ink | None:
        """The ink of `line` (between `left` and `right` when given); None without pdftoppm."""
        margin = Pt(0.3 * line.size_pt)
        return self.ink_between(
            line, Length(line.em_top - margin), Length(line.em_bottom + margin), left, right
        )

    def ink_between(
        self,
        line: TextLine,
        top: Length,
        bottom: Length,
        left: Length | None = None,
        right: Length | None = None,
    ) -> Ink | None:
        """The ink of `line` between `top` and `bottom`; None without pdftoppm."""
        if self.ink_missing:
            return None
        return ink(self.path, line.page, top, bottom, left or line.left, right or line.right)


def mm(length: float) -> str:
    """A length for a message: 72.0 mm."""
    return f"{length:.1f} mm"


def off(got: float, want: float, tol: float) -> bool:
    """Whether `got` misses `want` by more than `tol`."""
    return abs(got - want) > tol + 1e-9


def hangs(line: TextLine, p: dict[str, Any]) -> bool:
    """Whether the line ends in a point hung past the type area's right edge, if allowed."""
    return bool(p.get("allow_hanging_punctuation")) and (
        line.text.rstrip()[-1:] in HANGING and line.right.mm > TYPE_RIGHT_MM + 0.5
    )


def slots(lines: tuple[TextLine, ...]) -> int | None:
    """Line positions from the first to the last line at the page's usual pitch."""
    baselines = sorted(line.baseline.pt for line in lines)
    steps = [b - a for a, b in itertools.pairwise(baselines) if b - a > 4]
    if len(steps) < 3:
        return None
    pitch = statistics.median(steps)
    return round((baselines[-1] - baselines[0]) / pitch) + 1


def letter_pairs(ctx: PdfView) -> tuple[list[Any], list[Any]]:
    """The upper and the lower red double rule of a letter, each top to bottom."""
    rules = ctx.elements.letter_rules
    return [r for r in rules if r.top < Mm(150)], [r for r in rules if r.top >= Mm(150)]


def ink_above(ctx: PdfView, line: TextLine, limit: Length) -> Ink | None:
    """The ink of `line` above `limit` (a rule under it must not count as its ink)."""
    return ctx.ink_between(line, Mm(max(0.0, line.em_top.mm - 3)), limit)


def free_lines(ctx: PdfView, number: int) -> float:
    """Grid lines left empty at the foot of page `number` (1-based)."""
    page = ctx.layout.pages[number - 1]
    lines = [line for line in ctx.elements.body_lines(page) if line.baseline.mm < TYPE_BOTTOM_MM]
    if not lines:
        return 0.0
    last = max(line.em_bottom.mm for line in lines)
    return (TYPE_BOTTOM_MM - last) / PITCH_MM


def one_wide(text: str) -> bool:
    """Whether `text` is one Chinese (wide) character."""
    return len(text) == 1 and unicodedata.east_asian_width(text) in "WF"
