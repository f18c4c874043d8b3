"""Read a PDF into a `model.Document`: pages, text lines as paragraphs, fonts, properties.

pypdf gives text fragments with their text matrix and font size; lines are rebuilt from
them so that each paragraph knows its page, size and face. A PDF has no styles: every
formatting field that positions cannot give stays None. A PDF without a text layer (a
scan) still loads, with empty page texts and no paragraphs: see `has_text_layer`.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongwen.forms import heading_level, page_number
from gongwen.i18n import N_
from gongwen.ingest import IngestError
from gongwen.ingest.pdf_content import matrix_product
from gongwen.ingest.pdf_open import open_pdf, unreadable
from gongwen.limits import DEFAULT_LIMITS, Limits
from gongwen.model import Document, Page, Paragraph, Part, Properties, Run, is_cjk
from gongwen.units import Length, Pt

__all__ = ["has_text_layer", "load_pdf", "tidy_text"]

# pypdf logs what it repairs in a damaged file ("EOF marker not found"); with no handler
# configured Python would print it bare on stderr, beside the finding that already says it.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

# The em dash is left out: the spaces of a page number "— 1 —" are real.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2026\u201c\u201d\u2018\u2019\u00b7"
# pypdf puts a space wherever the font changes (CJK face ↔ Latin face) and sometimes between
# CJK glyphs; Chinese text has no spaces there, so any space touching a CJK character goes
# (which also takes the one space of a "市财政局 张伟" 署名: PDF text cannot tell them apart).
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])[ \u00a0]+|[ \u00a0]+(?=[{_CJK}])")
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_BOLD_FACE = re.compile(r"bold|black|heavy", re.IGNORECASE)
_PDF_DATE = re.compile(
    r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+\-]\d{2}'?\d{2}'?)?"
)


@dataclass(slots=True)
class _Line:
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


def has_text_layer(document: Document) -> bool:
    """Whether a loaded PDF has any text at all; False for a scan (pages are images)."""
    return any(page.text.strip() for page in document.pages)


def load_pdf(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read the PDF at `path` into a Document, with its page geometry (`layout`) from the
    same reading; IngestError when it cannot be read."""
    from gongwen.ingest.pdf_colour import with_colours
    from gongwen.ingest.pdf_content import read_layout

    path = Path(path)
    reader = open_pdf(path)
    try:
        count = len(reader.pages)
    except Exception as exc:  # a damaged page tree
        raise unreadable(path, exc) from None
    if count > limits.pdf_pages:
        raise IngestError(
            "IO006",
            N_("the PDF has {count} pages, more than the limit of {limit}: refused"),
            {"count": count, "limit": limits.pdf_pages},
            file=path.name,
        )
    try:
        pages, lines = _read_pages(reader)
        properties = _properties(reader.metadata)
        layout = read_layout(path, reader)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types for a damaged file
        raise unreadable(path, exc) from None
    paragraphs = with_colours(_paragraphs(lines), layout)
    if paragraphs:
        from gongwen.ingest.roles import assign_roles

        paragraphs = tuple(assign_roles(paragraphs))
    return Document(
        path=str(path),
        format="pdf",
        paragraphs=paragraphs,
        pages=pages,
        properties=properties,
        page_count=len(pages),
        layout=layout,
    )


def _read_pages(reader: Any) -> tuple[tuple[Page, ...], list[_Line]]:
    pages: list[Page] = []
    lines: list[_Line] = []
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        height = float(box.height)
        page_lines = _lines(page, number)
        pages.append(
            Page(
                number=number,
                width=Pt(float(box.width)),
                height=Pt(height),
                text="\n".join(t for t in (ln.text for ln in page_lines) if t),
                fonts=tuple(_page_fonts(page)),
            )
        )
        lines.extend(ln for ln in page_lines if ln.text)
    return tuple(pages), lines


def _lines(page: Any, number: int) -> list[_Line]:
    """The page's text lines in content-stream order, with position, size and face."""
    lines: list[_Line] = []
    current: _Line | None = None

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: Any, size: float) -> None:
        nonlocal current
        if not text:
            return
        m = matrix_product(tm, cm)  # type: ignore[arg-type]
        x, y = m[4], m[5]
        scale = (m[2] ** 2 + m[3] ** 2) ** 0.5 or 1.0
        real_size = round(size * scale * 2) / 2
        face = _font_name(font)
        for i, piece in enumerate(text.split("\n")):
            if i > 0:
                current = None
            if not piece:
                continue
            if current is None or (piece.strip() and abs(current.y - y) > 0.5 * max(real_size, 1)):
                current = _Line(page=number, y=y)
                lines.append(current)
            current.add(piece, x, real_size, face)

    page.extract_text(visitor_text=visit)
    # top to bottom: a text box or frame (a mark, a 署名) comes after the body in the stream
    return sorted((ln for ln in lines if ln.text), key=lambda ln: -round(ln.y, 1))


def _width(text: str, size: float) -> float:
    """An estimate of the advance of `text`: CJK glyphs are square, Latin about half."""
    return sum(size if is_cjk(ch) else 0.55 * size for ch in text)


def _font_name(font: Any) -> str | None:
    try:
        name = font.get_object().get("/BaseFont") if font is not None else None
    except Exception:  # an unresolvable reference: the face is simply unknown
        return None
    return _SUBSET.sub("", str(name).lstrip("/")) if name else None


def _page_fonts(page: Any) -> list[str]:
    """The base font names in the page's resources (and its forms'), subset prefix stripped."""
    names: list[str] = []
    seen: set[int] = set()

    def walk(resources: Any, depth: int) -> None:
        if resources is None or depth > 4:
            return
        resources = resources.get_object()
        fonts = resources.get("/Font")
        for ref in fonts.get_object().values() if fonts else ():
            name = _font_name(ref)
            if name and name not in names:
                names.append(name)
        xobjects = resources.get("/XObject")
        for ref in xobjects.get_object().values() if xobjects else ():
            obj = ref.get_object()
            if id(obj) in seen or obj.get("/Subtype") != "/Form":
                continue
            seen.add(id(obj))
            walk(obj.get("/Resources"), depth + 1)

    walk(page.get("/Resources"), 0)
    return names


def _paragraphs(lines: list[_Line]) -> tuple[Paragraph, ...]:
    """Body lines joined into paragraphs where a line wraps; page numbers go last as footers."""
    body = [ln for ln in lines if not _is_page_number(ln)]
    footers = [ln for ln in lines if _is_page_number(ln)]
    groups: list[list[_Line]] = []
    if body:
        sizes = Counter(round(ln.size) for ln in body)
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


def _is_page_number(line: _Line) -> bool:
    return page_number(line.text) is not None and line.y < 120


def _continues(previous: _Line, line: _Line, left: float, right: float) -> bool:
    """Whether `line` is the wrapped continuation of `previous` (same paragraph)."""
    size = previous.size
    if not size or abs(line.size - size) > 0.6:
        return False
    if line.x_start is None or line.x_start > left + 0.5 * size:
        return False  # a new paragraph starts indented (or centred, or right-aligned)
    # The end is estimated from unstretched glyph widths; justification spreads a full line
    # by up to a few characters, so only a line clearly short of the right edge ends here.
    if previous.x_end < right - 4 * size:
        return False
    if heading_level(line.text.lstrip()) is not None:
        return False
    if line.page == previous.page:
        return 0.5 * size < previous.y - line.y < 2.5 * size
    return line.page == previous.page + 1


def _paragraph(index: int, group: list[_Line], part: Part, left: float | None) -> Paragraph:
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
    first: _Line, text: str, face_cjk: str | None, face_latin: str | None, size: float | None
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


def _properties(info: Any) -> Properties:
    if not info:
        return Properties()

    def text(key: str) -> str | None:
        value = info.get(key)
        value = str(value).strip() if value is not None else ""
        return value or None

    return Properties(
        title=text("/Title"),
        author=text("/Author"),
        created=parse_pdf_date(text("/CreationDate")),
        modified=parse_pdf_date(text("/ModDate")),
    )


def parse_pdf_date(value: str | None) -> dt.datetime | None:
    """A PDF date string (`D:20200320093000+08'00'`) as a datetime, None if it is not one."""
    if not value:
        return None
    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    year, month, day, hour, minute, second = (
        int(g) if g else d for g, d in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0), strict=True)
    )
    tz: dt.tzinfo | None = None
    offset = m[7]
    if offset == "Z":
        tz = dt.UTC
    elif offset:
        digits = offset.replace("'", "")
        delta = dt.timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5] or 0))
        tz = dt.timezone(-delta if digits[0] == "-" else delta)
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None
