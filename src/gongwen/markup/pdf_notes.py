"""PDF annotations on a copy of a submitted PDF: a highlight over each finding's text that
carries the note, and its rule code beside it in the margin, so the page itself shows it.

The finding's paragraph is found among the text lines of its page (the layout ingest read);
where the finding names characters, the highlight covers about those (CJK text is set on a
fixed pitch). Annotations gongwen wrote before (named `gongwen-…`, or ending with the mark
line: `ingest.comments` tells them) are removed first and the reviewers' own kept.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongwen.findings import FileResult
from gongwen.ingest.comments import PDF_NAME, pdf_notes
from gongwen.ingest.pdf_layout import PdfLayout, TextLine
from gongwen.markup.notes import Note, Stamp, plan
from gongwen.model import Document, Role, has_cjk

_SPACE = re.compile(r"\s+")
_YELLOW = "ffe14d"
_MARGIN_PT = 4.0  # between the text's right edge and the code in the margin
_LABEL_PT = 12.0  # the height of a code's box
_LABEL_FONT_PT = 7.0


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a note goes: a page (from 1) and boxes in PDF points (x0, y0, x1, y1)."""

    page: int
    boxes: tuple[tuple[float, float, float, float], ...]


def annotate_pdf(source: Path, document: Document, result: FileResult, stamp: Stamp) -> bytes:
    """The PDF at `source` with annotations for the findings of `result` (read into
    `document`), earlier gongwen annotations replaced."""
    from pypdf import PdfWriter

    cleaned = PdfWriter(clone_from=str(source))
    ours: dict[int, set[int]] = {}
    for found in pdf_notes(source):
        if found.ours:
            ours.setdefault(found.page, set()).add(found.position)
    for number, page in enumerate(cleaned.pages):
        if number in ours:
            _remove(page, ours[number])
    buffer = io.BytesIO()
    cleaned.write(buffer)
    # Cloned again, only what is still reached is kept, numbered in the order it is reached:
    # the submitted file and a marked-up copy of it give the same objects, so the same bytes.
    writer = PdfWriter(clone_from=buffer)
    layout: PdfLayout = document.layout
    title = next(iter(document.with_role(Role.TITLE)), None)
    labels = _Labels(layout)
    for number, note in enumerate(plan(result, stamp), start=1):
        paragraph = note.paragraph if note.paragraph is not None else (
            title.index if title is not None else None)  # fmt: skip
        place = _place(document, layout, paragraph, note)
        _add(writer, place, note, stamp, number, labels)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _place(document: Document, layout: PdfLayout, paragraph: int | None, note: Note) -> _Place:
    """The boxes of the note's text: its paragraph's lines (the span's part of them)."""
    heights = {p.number: p.height.pt for p in layout.pages}
    if paragraph is not None and 0 <= paragraph < len(document.paragraphs):
        p = document.paragraphs[paragraph]
        span = note.span if note.paragraph is not None else None
        found = _lines_of(layout, p.page or 1, p.text, span)
        if found:
            page = found[0][0].page
            height = heights[page]
            boxes = tuple(_box(line, a, b, height) for line, a, b in found if line.page == page)
            return _Place(page, boxes)
    page = note.page or (document.paragraphs[paragraph].page if paragraph is not None else 1) or 1
    page = page if page in heights else 1
    lines = next((p.lines for p in layout.pages if p.number == page), ())
    if lines:
        return _Place(page, (_box(lines[0], 0, len(_squash(lines[0].text)), heights[page]),))
    return _Place(
        page, ((72.0, heights.get(page, 842.0) - 72.0, 144.0, heights.get(page, 842.0) - 60.0),)
    )


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _lines_of(
    layout: PdfLayout, page: int, text: str, span: tuple[int, int] | None
) -> list[tuple[TextLine, int, int]]:
    """The lines that set `text` from `page` on, each with the [start, end) of its squashed
    text the note covers."""
    target = _squash(text)
    if span is not None:
        # glyph positions are estimated (widths are not read per glyph): a character more on
        # each side keeps the marked characters inside the highlight
        start = max(len(_squash(text[: span[0]])) - 1, 0)
        end = len(_squash(text[: span[1]])) + 1
    else:
        start, end = 0, len(target)
    lines = [line for p in layout.pages if p.number >= page for line in p.lines]
    for first, line in enumerate(lines):
        head = _squash(line.text)
        if not head or not target.startswith(head):
            continue
        out, at = [], 0
        for candidate in lines[first:]:
            piece = _squash(candidate.text)
            if not piece or not target.startswith(piece, at):
                break
            a, b = max(start - at, 0), min(end - at, len(piece))
            if a < b:
                out.append((candidate, a, b))
            at += len(piece)
            if at >= len(target):
                break
        return out
    return []


def _box(line: TextLine, a: int, b: int, height: float) -> tuple[float, float, float, float]:
    """The part [a, b) of `line`'s squashed text, in PDF points (origin at the bottom)."""
    # a CJK character is set on a full em, Latin letters, digits and marks on about half one
    widths = [1.0 if has_cjk(c) else 0.5 for c in _squash(line.text)]
    total = sum(widths) or 1.0
    left, right = line.left.pt, line.right.pt
    x0 = left + (right - left) * sum(widths[:a]) / total
    x1 = left + (right - left) * sum(widths[:b]) / total
    return (x0, height - line.em_bottom.pt, x1, height - line.em_top.pt)


class _Labels:
    """Where the rule codes go: in the right margin beside their line, none over another."""

    def __init__(self, layout: PdfLayout) -> None:
        self._right = {
            p.number: max((ln.right.pt for ln in p.lines), default=p.width.pt * 0.85)
            for p in layout.pages
        }
        self._width = {p.number: p.width.pt for p in layout.pages}
        self._taken: dict[int, list[tuple[float, float, float, float]]] = {}

    def place(self, page: int, top: float, width: float) -> tuple[float, float, float, float]:
        """A free box `width` wide beside a line whose top is at `top` (PDF points)."""
        limit = self._width.get(page, 595.0) - 2
        start = min(self._right.get(page, 500.0) + _MARGIN_PT, limit - width)
        x, y = start, top
        taken = self._taken.setdefault(page, [])
        while True:
            box = (x, y - _LABEL_PT, x + width, y)
            if not any(_overlap(box, other) for other in taken):
                taken.append(box)
                return box
            x += width + 2
            if x + width > limit:
                x, y = start, y - _LABEL_PT - 1


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _add(
    writer: Any, place: _Place, note: Note, stamp: Stamp, number: int, labels: _Labels
) -> None:
    """A highlight carrying the note over its boxes, and its rule code in the margin."""
    from pypdf.annotations import FreeText, Highlight
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    boxes = place.boxes
    quads = ArrayObject(
        FloatObject(round(v, 2))
        for x0, y0, x1, y1 in boxes
        for v in (x0, y1, x1, y1, x0, y0, x1, y0)
    )
    rect = (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip
    when = stamp.when.strftime("D:%Y%m%d%H%M%S")
    common = {
        NameObject("/T"): TextStringObject(stamp.author),
        NameObject("/M"): TextStringObject(when),
    }
    highlight = Highlight(rect=rect, quad_points=quads, highlight_color=_YELLOW, printing=True)
    highlight.update(common)
    highlight[NameObject("/Contents")] = TextStringObject(note.text)
    highlight[NameObject("/NM")] = TextStringObject(f"{PDF_NAME}{number}")
    writer.add_annotation(place.page - 1, highlight)
    code = note.codes[0] if note.codes else "OK"
    if len(note.codes) > 1:
        code += f"+{len(note.codes) - 1}"
    label = FreeText(
        text=code,
        rect=labels.place(place.page, rect[3], 8 + 0.62 * _LABEL_FONT_PT * len(code)),
        font_size=f"{_LABEL_FONT_PT:g}pt",
        font_color="c00000",
        border_color="c00000",
        background_color="fff6cc",
    )
    label.update(common)
    # pypdf's appearance string names no font or size: viewers would guess (and clip) them
    label[NameObject("/DA")] = TextStringObject(f"/Helv {_LABEL_FONT_PT:g} Tf 0.75 0 0 rg")
    label[NameObject("/NM")] = TextStringObject(f"{PDF_NAME}{number}-code")
    writer.add_annotation(place.page - 1, label)


def _remove(page: Any, positions: set[int]) -> None:
    """Drop the annotations at `positions` of `page`'s /Annots (gongwen's, and their popups)."""
    from pypdf.generic import ArrayObject, NameObject

    annotations = page["/Annots"].get_object()
    kept = ArrayObject(ref for i, ref in enumerate(annotations) if i not in positions)
    if kept:
        page[NameObject("/Annots")] = kept
    else:
        del page["/Annots"]
