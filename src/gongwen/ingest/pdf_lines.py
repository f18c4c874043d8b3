"""A PDF's text lines, rebuilt from pypdf's fragments, and the paragraphs they make.

A line knows its page, its height on the page, its pieces with their x, size and face. Lines
are joined into a paragraph where one wraps onto the next; a PDF has no styles, so every
formatting field that positions cannot give stays None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from gongwen.forms import heading_level, page_number
from gongwen.model import Paragraph, Part, Run, is_cjk
from gongwen.units import Length, Pt

# The em dash is left out: the spaces of a page number "— 1 —" are real.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2026\u201c\u201d\u2018\u2019\u00b7"
# pypdf puts a space wherever the font changes (CJK face ↔ Latin face) and sometimes between
# CJK glyphs; Chinese text has no spaces there, so any space touching a CJK character goes
# (which also takes the one space of a "市财政局 张伟" 署名: PDF text cannot tell them apart).
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])[ \u00a0]+|[ \u00a0]+(?=[{_CJK}])")
_BOLD_FACE = re.compile(r"bold|black|heavy", re.IGNORECASE)


@dataclass(slots=True)
class Line:
    """A line of text on a page, rebuilt from pypdf's fragments."""

    page: int
    y: float
    chunks: list[tuple[str, float, float, str | None]] = field(default_factory=list)
    x_start: float | None = None
    x_end: float = 0.0

    def add(self, text: str, x: float, size: float, font: str | None) -> None:
        self.chunks.append((text, x, size, font))
        if text.strip():
            self.x_start = x if self.x_start is None else min(self.x_start, x)
            self.x_end = max(self.x_end, x + _width(text, size))

    @property
    def text(self) -> str:
        return tidy_text("".join(c[0] for c in self.chunks))

    def dominant(self, cjk: bool) -> tuple[str | None, float | None]:
        """The face and size that set most of the (CJK or other) visible characters."""
        faces: Counter[str] = Counter()
        sizes: Counter[float] = Counter()
        for text, _x, points, font in self.chunks:
            count = sum(1 for ch in text if not ch.isspace() and is_cjk(ch) == cjk)
            if count:
                sizes[points] += count
                if font:
                    faces[font] += count
        face = faces.most_common(1)[0][0] if faces else None
        size = sizes.most_common(1)[0][0] if sizes else None
        return face, size

    @property
    def size(self) -> float:
        return self.dominant(True)[1] or self.dominant(False)[1] or 0.0


def tidy_text(text: str) -> str:
    """`text` without the spaces pypdf inserts around CJK characters, line by line."""
    # a broken ToUnicode map can give lone surrogates, which no report could be written with
    text = text.encode("utf-8", "replace").decode("utf-8")
    lines = (_CJK_SPACE.sub("", line).strip() for line in text.splitlines())
    return "\n".join(lines).strip("\n")


def _width(text: str, size: float) -> float:
    """An estimate of the advance of `text`: CJK glyphs are square, Latin about half."""
    return sum(size if is_cjk(ch) else 0.55 * size for ch in text)


def in_reading_order(lines: list[Line]) -> list[Line]:
    """The lines in reading order: a text box or frame drawn after the body (a mark at the top
    of the page) is moved up to where it stands. The stream is cut where it jumps back up the
    page by more than a line and a half; the pieces are ordered by where they start, each kept
    in its own order (a superscript, a table's second column, stay where they were)."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and line.y - blocks[-1][-1].y <= 1.5 * max(line.size, 1.0):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    blocks.sort(key=lambda block: -round(block[0].y, 1))
    return [line for block in blocks for line in block]


def read_paragraphs(lines: list[Line]) -> tuple[Paragraph, ...]:
    """Body lines joined into paragraphs where a line wraps; page numbers go last as footers."""
    body = [ln for ln in lines if not _is_page_number(ln)]
    footers = [ln for ln in lines if _is_page_number(ln)]
    groups: list[list[Line]] = []
    if body:
        # the body's size is the one most characters are set in: a table or a 版记 in 4号 may
        # have more (short) lines, and its cells must not set the text column's left edge
        sizes: Counter[int] = Counter()
        for ln in body:
            sizes[round(ln.size)] += len(ln.text)
        body_size = sizes.most_common(1)[0][0]
        typical = [ln for ln in body if round(ln.size) == body_size] or body
        left = min(ln.x_start or 0.0 for ln in typical)
        right = max(ln.x_end for ln in typical)
        for line in body:
            if groups and _continues(groups[-1][-1], line, left, right):
                groups[-1].append(line)
            else:
                groups.append([line])
    else:
        left = 0.0
    paragraphs = [_paragraph(i, group, Part.BODY, left) for i, group in enumerate(groups)]
    paragraphs += [
        _paragraph(len(groups) + i, [line], Part.FOOTER, None) for i, line in enumerate(footers)
    ]
    return tuple(paragraphs)


def _is_page_number(line: Line) -> bool:
    return page_number(line.text) is not None and line.y < 120


def _continues(previous: Line, line: Line, left: float, right: float) -> bool:
    """Whether `line` is the wrapped continuation of `previous` (same paragraph)."""
    size = previous.size
    if not size or abs(line.size - size) > 0.6:
        return False
    if line.x_start is None or line.x_start > left + 0.5 * size:
        return False  # a new paragraph starts indented (or centred, or right-aligned)
    if previous.x_start is not None and previous.x_start > left + 2.5 * size:
        return False  # a centred or right-aligned line (a date) ends its paragraph
    # The end is estimated from unstretched glyph widths; justification spreads a full line
    # by up to a few characters, so only a line clearly short of the right edge ends here.
    if previous.x_end < right - 4 * size:
        return False
    if heading_level(line.text.lstrip()) is not None:
        return False
    if line.page == previous.page:
        return 0.5 * size < previous.y - line.y < 2.5 * size
    return line.page == previous.page + 1


def _paragraph(index: int, group: list[Line], part: Part, left: float | None) -> Paragraph:
    text = ""
    for line in group:
        piece = line.text
        if text and text[-1].isascii() and text[-1].isalnum() and piece[:1].isascii():
            text += " "
        text += piece
    first = group[0]
    face_cjk, size_cjk = _merge(line.dominant(True) for line in group)
    face_latin, size_latin = _merge(line.dominant(False) for line in group)
    size = size_cjk or size_latin
    runs = _runs(group[0], text, face_cjk, face_latin, size)
    indent: Length | None = None
    indent_chars: float | None = None
    if left is not None and first.x_start is not None and size:
        offset = max(first.x_start - left, 0.0)
        indent = Pt(offset)
        indent_chars = round(offset / size, 1)
    return Paragraph(
        index=index,
        text=text,
        part=part,
        page=first.page,
        indent_first=indent,
        indent_first_chars=indent_chars,
        runs=runs,
    )


def _runs(
    first: Line, text: str, face_cjk: str | None, face_latin: str | None, size: float | None
) -> tuple[Run, ...]:
    """The paragraph as one run in its dominant faces, or two where it opens in a face of
    its own: a heading that runs on into body text (（一）……。正文……) keeps its face, so it is
    judged by its own characters, as in a .docx."""

    def run(piece: str, east_asia: str | None) -> Run:
        face = east_asia or face_latin
        return Run(
            text=piece,
            font_east_asia=east_asia,
            font_ascii=face_latin,
            size_pt=size,
            bold=bool(face and _BOLD_FACE.search(face)),
        )

    lead, lead_face = "", None
    for piece, _x, _size, font in first.chunks:
        if piece.strip() and lead_face is None:
            lead_face = font
        if piece.strip() and font != lead_face:
            break
        lead += piece
    lead = tidy_text(lead)
    if not lead or lead_face in (None, face_cjk) or lead == text or not text.startswith(lead):
        return (run(text, face_cjk),)
    return (run(lead, lead_face), run(text[len(lead) :], face_cjk))


def _merge(pairs: Iterable[tuple[str | None, float | None]]) -> tuple[str | None, float | None]:
    faces: Counter[str] = Counter()
    sizes: Counter[float] = Counter()
    for face, size in pairs:
        if face:
            faces[face] += 1
        if size:
            sizes[size] += 1
    return (
        faces.most_common(1)[0][0] if faces else None,
        sizes.most_common(1)[0][0] if sizes else None,
    )
