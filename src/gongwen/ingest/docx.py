"""Read a .docx into a `model.Document`: paragraphs in reading order, sections, properties.

Order of paragraphs: the body (table cells in place, text boxes right after the
paragraph that anchors them), then the headers and footers in effect, section by
section. lxml is walked directly; no python-docx object is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from gongwen.i18n import N_
from gongwen.ingest import IngestError
from gongwen.ingest.formats import Formats, formats_for
from gongwen.ingest.numbering import Numbering
from gongwen.ingest.ooxml import (
    CP_NS,
    DC_NS,
    DCTERMS_NS,
    R_NS,
    REL_CORE,
    REL_FOOTER,
    REL_HEADER,
    REL_NUMBERING,
    REL_OFFICE_DOCUMENT,
    REL_SETTINGS,
    REL_STYLES,
    REL_THEME,
    Package,
    w,
)
from gongwen.ingest.ppr import on_off, twips
from gongwen.ingest.walker import Walker
from gongwen.landing import side
from gongwen.limits import DEFAULT_LIMITS, Limits
from gongwen.model import Alignment, Document, Paragraph, Part, Properties, Section
from gongwen.units import Length, Pt, Twips

_HF_TYPES = ("default", "even", "first")  # the order footer_alignments reports them in

# Word's own defaults where a w:sectPr leaves something out (Letter, 1-inch margins)
_DEFAULT_PAGE = {"w": 12240, "h": 15840}
_DEFAULT_MARGIN = {"top": 1440, "bottom": 1440, "left": 1440, "right": 1440}


def load_docx(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read the .docx at `path` (never modified) into a Document, within `limits`."""
    from gongwen.ingest.roles import assign_roles

    with Package(path, limits) as package:
        word = word_setup(package)
        walker = Walker(word.formats, word.numbering)
        body = word.root.find(w("body"))
        if body is not None:
            walker.block(body, Part.BODY, None)
            final = body.find(w("sectPr"))
            walker.section_ends.append(final if final is not None else etree.Element(w("sectPr")))
        odd_even = _setting_on(word.settings, "evenAndOddHeaders")
        sections = _sections(package, word.main, walker, odd_even)
        properties = _properties(package)
    return Document(
        path=str(path),
        format="docx",
        paragraphs=tuple(assign_roles(walker.paragraphs)),
        sections=sections,
        properties=properties,
        unshown_number_formats=tuple(walker.unshown_formats),
    )


@dataclass(frozen=True, slots=True)
class WordSetup:
    """What a walk of an open .docx needs: its main part, the formats its styles and theme
    give, and its numbering (read when first asked for)."""

    main: str  # the main document part's name
    root: etree._Element  # its w:document
    settings: etree._Element | None
    formats: Formats
    numbering: Callable[[], Numbering]


def word_setup(package: Package) -> WordSetup:
    """The setup of the .docx open in `package`, shared by every walk of it (the reading and
    the markup's anchors), so they number paragraphs alike. Raises IngestError (IO002) when
    it is a zip but not a Word document."""
    main = _main_part(package)
    root = package.xml(main)
    if root is None or root.tag != w("document"):
        raise _not_word(Path(package.file))
    settings = _related_xml(package, main, REL_SETTINGS)
    formats = formats_for(
        _related_bytes(package, main, REL_STYLES),
        _related_bytes(package, main, REL_THEME),
        _east_asia_lang(settings),
        package.file,
    )
    return WordSetup(
        main, root, settings, formats, lambda: Numbering(_related_xml(package, main, REL_NUMBERING))
    )


def _main_part(package: Package) -> str:
    part = package.related("", REL_OFFICE_DOCUMENT)
    if part is None and package.has("word/document.xml"):
        part = "word/document.xml"
    if part is None:
        raise _not_word(Path(package.file))
    return part


def _not_word(path: Path) -> IngestError:
    return IngestError(
        "IO002",
        N_("a zip archive but not a Word document (.docx): {name}"),
        {"name": path.name},
        file=path.name,
    )


def _related_xml(package: Package, source: str, rel_type: str) -> etree._Element | None:
    part = package.related(source, rel_type)
    return package.xml(part) if part else None


def _related_bytes(package: Package, source: str, rel_type: str) -> tuple[str, bytes] | None:
    part = package.related(source, rel_type)
    return (part, package.read(part)) if part else None


def _east_asia_lang(settings: etree._Element | None) -> str | None:
    if settings is None:
        return None
    lang = settings.find(w("themeFontLang"))
    return lang.get(w("eastAsia")) if lang is not None else None


def _setting_on(settings: etree._Element | None, name: str) -> bool:
    if settings is None:
        return False
    element = settings.find(w(name))
    return element is not None and on_off(element)


def _sections(package: Package, main: str, walker: Walker, odd_even: bool) -> tuple[Section, ...]:
    """The sections, and (appended to the walker) the header and footer paragraphs in effect."""
    rels = package.relationships(main)
    inherited: dict[tuple[str, str], str] = {}  # (header|footer, type) → part, carried forward
    emitted: dict[str, tuple[int, int]] = {}  # part → its paragraphs' slice
    sections: list[Section] = []
    for number, sect in enumerate(walker.section_ends):
        for ref in sect:
            kind = {w("headerReference"): "header", w("footerReference"): "footer"}.get(ref.tag)
            if kind is None:
                continue
            target = rels.get(ref.get(f"{{{R_NS}}}id", ""))
            if target and target[0] in (REL_HEADER, REL_FOOTER) and package.has(target[1]):
                inherited[(kind, ref.get(w("type")) or "default")] = target[1]
        title_page = _child_on(sect, "titlePg")
        in_effect = [t for t in _HF_TYPES if t == "default" or (t == "even" and odd_even)
                     or (t == "first" and title_page)]  # fmt: skip
        texts: dict[str, list[str]] = {"header": [], "footer": []}
        alignments: list[Alignment] = []
        numbers: dict[str, Paragraph] = {}  # footer type → its page-number paragraph
        page_field = False
        for kind in ("header", "footer"):
            for hf_type in in_effect:
                part = inherited.get((kind, hf_type))
                if part is None:
                    continue
                if part not in emitted:
                    emitted[part] = _emit(package, part, kind, walker, number)
                start, end = emitted[part]
                paragraphs = walker.paragraphs[start:end]
                text = "\n".join(p.text for p in paragraphs if p.text.strip())
                if text and text not in texts[kind]:
                    texts[kind].append(text)
                if kind == "footer":
                    for p in paragraphs:
                        if "PAGE" in p.fields:
                            page_field = True
                            numbers.setdefault(hf_type, p)
                            if p.alignment is not None:
                                alignments.append(p.alignment)
        section = _section(sect, title_page, odd_even, texts, page_field, alignments)
        sections.append(_page_number_sides(section, numbers))
    return tuple(sections)


def _page_number_sides(section: Section, numbers: dict[str, Paragraph]) -> Section:
    """`section` with where its page numbers land: odd pages show the default footer, even
    pages the even one when odd and even footers differ."""
    odd = numbers.get("default")
    even = numbers.get("even") if section.different_odd_even else odd
    return replace(
        section,
        page_number_odd=side(odd, section) if odd is not None else None,
        page_number_even=side(even, section, even_page=True) if even is not None else None,
    )


def _emit(package: Package, part: str, kind: str, walker: Walker, section: int) -> tuple[int, int]:
    root = package.xml(part)
    start = len(walker.paragraphs)
    if root is not None:
        saved, walker.section = walker.section, section
        walker.block(root, Part.HEADER if kind == "header" else Part.FOOTER, None)
        walker.section = saved
    return start, len(walker.paragraphs)


def _child_on(element: etree._Element, name: str) -> bool:
    child = element.find(w(name))
    return child is not None and on_off(child)


def _section(
    sect: etree._Element,
    title_page: bool,
    odd_even: bool,
    texts: dict[str, list[str]],
    page_field: bool,
    alignments: list[Alignment],
) -> Section:
    size = sect.find(w("pgSz"))
    margins = sect.find(w("pgMar"))
    grid = sect.find(w("docGrid"))

    def measure(element: etree._Element | None, name: str) -> float | None:
        value = twips(element.get(w(name))) if element is not None else None
        return None if value is None else abs(value)

    def length(element: etree._Element | None, name: str, default: float) -> Length:
        value = measure(element, name)
        return Twips(default if value is None else value)

    header = measure(margins, "header")
    footer = measure(margins, "footer")
    pitch = measure(grid, "linePitch")
    char_space = _char_space(grid)
    return Section(
        page_width=length(size, "w", _DEFAULT_PAGE["w"]),
        page_height=length(size, "h", _DEFAULT_PAGE["h"]),
        margin_top=length(margins, "top", _DEFAULT_MARGIN["top"]),
        margin_bottom=length(margins, "bottom", _DEFAULT_MARGIN["bottom"]),
        margin_left=length(margins, "left", _DEFAULT_MARGIN["left"]),
        margin_right=length(margins, "right", _DEFAULT_MARGIN["right"]),
        header_distance=Twips(header) if header is not None else None,
        footer_distance=Twips(footer) if footer is not None else None,
        line_pitch=Twips(pitch) if pitch is not None else None,
        grid_type=grid.get(w("type")) if grid is not None else None,
        char_space=char_space,
        different_odd_even=odd_even,
        title_page=title_page,
        header_text="\n".join(texts["header"]),
        footer_text="\n".join(texts["footer"]),
        page_number_field=page_field,
        footer_alignments=tuple(alignments),
    )


def _char_space(grid: etree._Element | None) -> Length | None:
    """w:docGrid/@w:charSpace, in 4096ths of a point (17.6.5), as a length."""
    value = grid.get(w("charSpace")) if grid is not None else None
    try:
        number = int(value) if value is not None else None
    except ValueError:
        return None
    if number is None:
        return None
    if number >= 2**31:  # LibreOffice writes a negative value as its unsigned 32-bit twin
        number -= 2**32
    return Pt(number / 4096)


def _properties(package: Package) -> Properties:
    part = package.related("", REL_CORE)
    if part is None and package.has("docProps/core.xml"):
        part = "docProps/core.xml"
    core = package.xml(part) if part else None
    if core is None:
        return Properties()

    def text(ns: str, name: str) -> str | None:
        element = core.find(f"{{{ns}}}{name}")
        value = (element.text or "").strip() if element is not None else ""
        return value or None

    return Properties(
        title=text(DC_NS, "title"),
        author=text(DC_NS, "creator"),
        last_modified_by=text(CP_NS, "lastModifiedBy"),
        created=_datetime(text(DCTERMS_NS, "created")),
        modified=_datetime(text(DCTERMS_NS, "modified")),
    )


def _datetime(value: str | None) -> dt.datetime | None:
    """A W3CDTF date (`2020-03-20T08:00:00Z`) as a datetime; None if it is not one."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None
