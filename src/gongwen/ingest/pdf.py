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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gongwen.i18n import N_
from gongwen.ingest import IngestError
from gongwen.ingest.pdf_content import matrix_product
from gongwen.ingest.pdf_lines import Line, in_reading_order, read_paragraphs, tidy_text
from gongwen.ingest.pdf_open import open_pdf, unreadable
from gongwen.limits import DEFAULT_LIMITS, Limits
from gongwen.model import Document, Page, Properties
from gongwen.units import Pt

__all__ = ["has_text_layer", "load_pdf", "tidy_text"]

# pypdf logs what it repairs in a damaged file ("EOF marker not found"); with no handler
# configured Python would print it bare on stderr, beside the finding that already says it.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_PDF_DATE = re.compile(
    r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+\-]\d{2}'?\d{2}'?)?"
)


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
    paragraphs = with_colours(read_paragraphs(lines), layout)
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


def _read_pages(reader: Any) -> tuple[tuple[Page, ...], list[Line]]:
    pages: list[Page] = []
    lines: list[Line] = []
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


def _lines(page: Any, number: int) -> list[Line]:
    """The page's text lines in content-stream order, with position, size and face."""
    lines: list[Line] = []
    current: Line | None = None

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
                current = Line(page=number, y=y)
                lines.append(current)
            current.add(piece, x, real_size, face)

    page.extract_text(visitor_text=visit)
    return in_reading_order([ln for ln in lines if ln.text])


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
