"""Where each paragraph of a .docx body stands in its XML: the w:p and the w:r of every piece
of its text, found by the same walk that reads it, so paragraph numbers and character
offsets of findings land on the runs they were computed from.

For writers that mark a document up (gongwen.markup): they hold the body of a document
they will change, and need the elements, not values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from gongwen.ingest.docx import word_setup
from gongwen.ingest.formats import Formats
from gongwen.ingest.numbering import Numbering
from gongwen.ingest.ooxml import Package, w
from gongwen.ingest.walker import Inline, Walker
from gongwen.model import Part

__all__ = ["Anchor", "Piece", "body_anchors", "run_pieces"]

# what each child of a w:r adds to the text read from it (see walker._RUN_TEXT)
_ONE_CHAR = frozenset(w(n) for n in ("tab", "br", "cr", "noBreakHyphen"))


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a paragraph's text and the run it comes from."""

    start: int  # offset in the paragraph's text
    text: str
    run: etree._Element | None  # the w:r; None for a list number Word shows before the text

    @property
    def end(self) -> int:
        """The offset just after the piece."""
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Anchor:
    """One paragraph of the body: its w:p and the pieces of its text, in order."""

    index: int  # the paragraph's index in the Document, from 0
    element: etree._Element
    part: Part
    pieces: tuple[Piece, ...]

    @property
    def runs(self) -> list[etree._Element]:
        """The runs that hold its text, in order."""
        return [p.run for p in self.pieces if p.run is not None]


class _Locating(Walker):
    """The ingest walk, noting the elements behind each paragraph and piece it reads."""

    def __init__(self, formats: Formats, numbering: Callable[[], Numbering]) -> None:
        super().__init__(formats, numbering)
        self.found: dict[int, tuple[etree._Element, Part, Inline]] = {}
        self._open: list[tuple[int, etree._Element, Part]] = []
        self._owner: dict[int, etree._Element] = {}  # id of a piece → its w:r

    def paragraph(self, p: etree._Element, part: Part, table_style: str | None) -> None:
        self._open.append((len(self.paragraphs), p, part))
        super().paragraph(p, part, table_style)

    def inline(self, parent: etree._Element, acc: Inline, table: str | None,
               style: str | None) -> None:  # fmt: skip
        if self._open and parent is self._open[-1][1]:
            index, p, part = self._open.pop()
            self.found[index] = (p, part, acc)
        super().inline(parent, acc, table, style)

    def run(self, r: etree._Element, acc: Inline, table: str | None, style: str | None) -> None:
        before = len(acc.pieces)
        super().run(r, acc, table, style)
        if len(acc.pieces) > before:
            self._owner[id(acc.pieces[-1])] = r

    def anchors(self) -> list[Anchor]:
        out = []
        for index, (p, part, acc) in sorted(self.found.items()):
            pieces, start = [], 0
            for piece in acc.pieces:
                pieces.append(Piece(start, piece[0], self._owner.get(id(piece))))
                start += len(piece[0])
            out.append(Anchor(index, p, part, tuple(pieces)))
        return out


def body_anchors(source: Path, body: etree._Element) -> list[Anchor]:
    """The paragraphs of `body` (the w:body of the document at `source`, or of a copy of it
    being changed) as ingest numbers them, with their elements."""
    with Package(source) as package:
        word = word_setup(package)
        walker = _Locating(word.formats, word.numbering)
        walker.block(body, Part.BODY, None)
    return walker.anchors()


def run_pieces(run: etree._Element) -> list[tuple[etree._Element, int, int]]:
    """The children of a w:r that hold its text, each with its [start, end) in the run's text."""
    out, at = [], 0
    for child in run:
        if child.tag == w("t"):
            length = len(child.text or "")
        elif child.tag in _ONE_CHAR:
            length = 1
        elif child.tag == w("sym"):
            length = _symbol_length(child.get(w("char")))
        else:
            continue
        out.append((child, at, at + length))
        at += length
    return out


def _symbol_length(code: str | None) -> int:
    try:
        value = int(code or "", 16)
    except ValueError:
        return 0
    return 0 if 0xF000 <= value <= 0xF0FF else 1
