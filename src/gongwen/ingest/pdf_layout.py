"""Read the geometry of a PDF: text lines with positions, drawn rules, fonts, and ink.

The content stream is interpreted here (pypdf parses the operators; positions, widths and
colours are followed by this module), so measurements use what the PDF draws, not what a
text extractor guesses. Glyph boxes in a PDF are the font's line box, not the ink; `ink`
rasterises a region with poppler's `pdftoppm` and finds the inked rows and columns.
Every position is a `Length` from the top-left corner of the page, y growing downwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongwen.ingest.pdf_ink import Ink, ink
from gongwen.units import Length, Pt

__all__ = [
    "Ink",
    "PageLayout",
    "PdfLayout",
    "Rule",
    "TextLine",
    "base_font_name",
    "ink",
]

_SUBSET = re.compile(r"^[A-Z]{6}\+")


@dataclass(frozen=True, slots=True)
class TextLine:
    """Text on one baseline of a page, with its box from the glyph advances."""

    page: int
    text: str
    left: Length
    right: Length
    baseline: Length
    size_pt: float
    font: str  # the dominant face, subset prefix stripped
    color: tuple[float, float, float]  # fill colour as RGB, 0..1

    @property
    def em_top(self) -> Length:
        """Top of the ideographic em box (0.88 em above the baseline, as CJK faces set it)."""
        return Length(self.baseline - Pt(0.88 * self.size_pt))

    @property
    def em_bottom(self) -> Length:
        """Bottom of the ideographic em box."""
        return Length(self.baseline + Pt(0.12 * self.size_pt))


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line drawn on a page: a stroked path or a thin filled rectangle."""

    page: int
    left: Length
    right: Length
    top: Length
    bottom: Length
    color: tuple[float, float, float]

    @property
    def thickness(self) -> Length:
        """The line's width (its height on the page)."""
        return Length(self.bottom - self.top)

    @property
    def length(self) -> Length:
        """How long the line is."""
        return Length(self.right - self.left)


@dataclass(frozen=True, slots=True)
class PageLayout:
    """One page: its size, text lines (top to bottom) and rules."""

    number: int
    width: Length
    height: Length
    lines: tuple[TextLine, ...]
    rules: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class PdfLayout:
    """The geometry of a whole PDF."""

    path: str
    pages: tuple[PageLayout, ...]
    fonts: tuple[str, ...]  # embedded base font names, subset prefix stripped


def base_font_name(name: str) -> str:
    """`ABCDEF+FandolFang-Regular` → `FandolFang-Regular`."""
    return _SUBSET.sub("", name.lstrip("/"))
