"""Read a .docx into a `model.Document`: paragraphs in reading order, sections, properties.

Order of paragraphs: the body (table cells in place, text boxes right after the
paragraph that anchors them), then the headers and footers in effect, section by
section. lxml is walked directly; no python-docx object is made.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from gongwen.i18n import N_
from gongwen.ingest import IngestError
from gongwen.ingest.boxes import cell_boxes, frame_box, textbox_box
from gongwen.ingest.formats import Formats, formats_for
from gongwen.ingest.numbering import Numbering
from gongwen.ingest.ooxml import (
    CP_NS,
    DC_NS,
    DCTERMS_NS,
    MC_NS,
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
from gongwen.ingest.styles import RunFormat, on_off, twips
from gongwen.limits import DEFAULT_LIMITS, Limits
from gongwen.model import Alignment, Box, Document, Paragraph, Part, Properties, Run, Section
from gongwen.units import Length, Pt, Twips

_P, _R, _T, _TBL, _TR, _TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
_PPR, _RPR, _VAL = w("pPr"), w("rPr"), w("val")
_SDT, _SDT_CONTENT, _CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
_TXBX_CONTENT = w("txbxContent")
_P_STYLE, _R_STYLE, _SECT_PR, _INSTR_ATTR = w("pStyle"), w("rStyle"), w("sectPr"), w("instr")
_ALTERNATE, _CHOICE, _FALLBACK = (
    f"{{{MC_NS}}}{n}" for n in ("AlternateContent", "Choice", "Fallback")
)
# inline containers whose runs are shown; w:del and w:moveFrom (deleted text) are not
_INLINE = frozenset(
    w(n) for n in ("hyperlink", "smartTag", "ins", "moveTo", "customXml", "dir", "bdo", "fldSimple")
)
_RUN_TEXT = {w("t"): None, w("tab"): "\t", w("br"): "\n", w("cr"): "\n",
             w("noBreakHyphen"): "\u2011", w("softHyphen"): ""}  # fmt: skip
_FIELD_NAME = re.compile(r"\s*([A-Za-z]+)")
_HF_TYPES = ("default", "even", "first")  # the order footer_alignments reports them in

# Word's own defaults where a w:sectPr leaves something out (Letter, 1-inch margins)
_DEFAULT_PAGE = {"w": 12240, "h": 15840}
_DEFAULT_MARGIN = {"top": 1440, "bottom": 1440, "left": 1440, "right": 1440}


@dataclass
class _Inline:
    """What the walk of one paragraph collects."""

    pieces: list[tuple[str, RunFormat]] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    instr: list[list[str] | None] = field(default_factory=list)  # open fields; None: in result
    textboxes: list[etree._Element] = field(default_factory=list)


class _Walker:
    """Walks block content, appending Paragraph values in reading order."""

    def __init__(
        self, formats: Formats, numbering: Callable[[], Numbering] = lambda: Numbering(None)
    ) -> None:
        self.formats = formats
        self._numbering_source = numbering
        self._numbering: Numbering | None = None  # read when a numbered paragraph needs it
        self.paragraphs: list[Paragraph] = []
        self.section = 0
        self.section_ends: list[etree._Element] = []
        self.box: Box | None = None  # the text box or table cell being walked
        self.unshown_formats: list[tuple[str, int]] = []  # (list number format, paragraph)

    def block(self, parent: etree._Element, part: Part, table_style: str | None) -> None:
        """Every paragraph under a block container (body, cell, text box, header)."""
        for child in parent:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, part, table_style)
            elif tag == _TBL:
                self.table(child, part)
            elif tag in (_SDT, _CUSTOM_XML):
                content = child.find(_SDT_CONTENT) if tag == _SDT else child
                if content is not None:
                    self.block(content, part, table_style)

    def table(self, table: etree._Element, part: Part) -> None:
        """The cell paragraphs of a table, row by row."""
        style = table.find(f"{w('tblPr')}/{w('tblStyle')}")
        style_id = self.formats.sheet.table_style(style.get(_VAL) if style is not None else None)
        cell_part = Part.TABLE if part == Part.BODY else part
        rows = [_children(row, _TC) for row in _children(table, _TR)]
        saved = self.box
        for cells, boxes in zip(rows, cell_boxes(table, rows), strict=True):
            for cell, box in zip(cells, boxes, strict=True):
                self.box = box
                self.block(cell, cell_part, style_id)
        self.box = saved

    def paragraph(self, p: etree._Element, part: Part, table_style: str | None) -> None:
        """One paragraph, then the text boxes it anchors."""
        # the schema puts w:pPr first; find() would cost more than the rest of a short paragraph
        ppr = p[0] if len(p) and p[0].tag == _PPR else None
        style_id, style_name, layout, number = self.formats.layout(ppr, table_style)
        inline = _Inline()
        if number is not None:
            self._label(inline, number, ppr, table_style, style_id)
        self.inline(p, inline, table_style, style_id)
        runs = _merge(inline.pieces)
        self.paragraphs.append(
            Paragraph(
                index=len(self.paragraphs),
                text="".join(run.text for run in runs),
                part=part,
                style_name=style_name,
                section=self.section,
                runs=runs,
                fields=tuple(inline.fields),
                box=frame_box(ppr) or self.box,
                **layout,  # type: ignore[arg-type]
            )
        )
        saved = self.box
        for content in inline.textboxes:
            self.box = textbox_box(content)
            self.block(content, Part.TEXTBOX if part in (Part.BODY, Part.TABLE) else part, None)
        self.box = saved
        section = ppr.find(_SECT_PR) if ppr is not None else None
        if section is not None and part == Part.BODY:
            self.section_ends.append(section)
            self.section += 1

    def _label(
        self,
        acc: _Inline,
        number: tuple[str, int | None],
        ppr: etree._Element | None,
        table: str | None,
        style: str | None,
    ) -> None:
        """The list number Word shows before the text, set like the paragraph mark with the
        level's own run properties on top."""
        if self._numbering is None:
            self._numbering = self._numbering_source()
        label = self._numbering.label(number[0], number[1], style)
        for name in self._numbering.unshown():
            self.unshown_formats.append((name, len(self.paragraphs)))
        if label:
            mark = ppr.find(_RPR) if ppr is not None else None
            fmt = self.formats.label(mark, label[1], table, style)
            if not fmt.hidden:
                acc.pieces.append((label[0], fmt))

    def inline(
        self, parent: etree._Element, acc: _Inline, table: str | None, style: str | None
    ) -> None:
        """The runs under a paragraph or an inline container."""
        for child in parent:
            tag = child.tag
            if tag == _R:
                self.run(child, acc, table, style)
            elif tag in _INLINE:
                instr = child.get(_INSTR_ATTR)
                if instr is not None:
                    _add_field(acc, instr)
                self.inline(child, acc, table, style)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.inline(content, acc, table, style)

    def run(self, r: etree._Element, acc: _Inline, table: str | None, style: str | None) -> None:
        """One run: its text with its effective formatting, its fields and text boxes."""
        rpr = None
        text: list[str] = []
        for child in r:
            tag = child.tag
            if tag == _T:
                text.append(child.text or "")
            elif tag == _RPR:
                rpr = child
            elif tag in _RUN_TEXT:
                text.append(_RUN_TEXT[tag])  # type: ignore[arg-type]
            elif tag == _FLD_CHAR:
                _field_char(acc, child.get(_FLD_CHAR_TYPE))
            elif tag == _INSTR:
                if acc.instr and acc.instr[-1] is not None:
                    acc.instr[-1].append(child.text or "")
            elif tag == _SYM:
                code = child.get(w("char"))
                if code:
                    text.append(_symbol(code))
            elif tag in _DRAWINGS:
                acc.textboxes.extend(_textboxes(child))
        if not text:
            return
        fmt = self.formats.run(rpr, table, style)
        if not fmt.hidden:
            acc.pieces.append(("".join(text), fmt))


_FLD_CHAR, _FLD_CHAR_TYPE, _INSTR, _SYM = w("fldChar"), w("fldCharType"), w("instrText"), w("sym")
_DRAWINGS = frozenset((w("drawing"), w("pict"), w("object"), _ALTERNATE))


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    """The children `tag` of `parent`, looking through content controls and custom XML."""
    found: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                found.extend(_children(content, tag))
        elif child.tag == _CUSTOM_XML:
            found.extend(_children(child, tag))
    return found


def _field_char(acc: _Inline, kind: str | None) -> None:
    """Track complex fields: instruction text runs from begin to separate (or end)."""
    if kind == "begin":
        acc.instr.append([])
    elif kind in ("separate", "end") and acc.instr:
        instr = acc.instr[-1]
        if instr is not None:
            _add_field(acc, "".join(instr))
        if kind == "separate":
            acc.instr[-1] = None  # the shown result follows, up to the end mark
        else:
            acc.instr.pop()


def _add_field(acc: _Inline, instr: str) -> None:
    match = _FIELD_NAME.match(instr)
    if match:
        acc.fields.append(match.group(1).upper())


def _symbol(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    # symbol fonts map their glyphs to F0xx; the private-use point says nothing readable
    return "" if 0xF000 <= value <= 0xF0FF else chr(value)


def _textboxes(element: etree._Element) -> list[etree._Element]:
    """The outermost text box contents under a drawing, taking one branch of mc:AlternateContent."""
    if element.tag == _ALTERNATE:
        branch = element.find(_CHOICE)
        if branch is None:
            branch = element.find(_FALLBACK)
        if branch is None:
            return []
        element = branch
    found: list[etree._Element] = []
    for box in element.iter(_TXBX_CONTENT):
        if not any(outer in found for outer in box.iterancestors(_TXBX_CONTENT)):
            found.append(box)
    return found


def _merge(pieces: list[tuple[str, RunFormat]]) -> tuple[Run, ...]:
    """Runs, with neighbours of identical formatting joined."""
    runs: list[Run] = []
    texts: list[str] = []
    current: RunFormat | None = None
    for text, fmt in pieces:
        if fmt != current and texts:
            runs.append(Run("".join(texts), *current[:-1]))  # type: ignore[index]
            texts = []
        texts.append(text)
        current = fmt
    if texts:
        runs.append(Run("".join(texts), *current[:-1]))  # type: ignore[index]
    return tuple(runs)


def load_docx(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read the .docx at `path` (never modified) into a Document, within `limits`."""
    from gongwen.ingest.roles import assign_roles

    with Package(path, limits) as package:
        main = _main_part(package)
        root = package.xml(main)
        if root is None or root.tag != w("document"):
            raise _not_word(path)
        settings = _related_xml(package, main, REL_SETTINGS)
        formats = formats_for(
            _related_bytes(package, main, REL_STYLES),
            _related_bytes(package, main, REL_THEME),
            _east_asia_lang(settings),
            package.file,
        )
        walker = _Walker(formats, lambda: Numbering(_related_xml(package, main, REL_NUMBERING)))
        body = root.find(w("body"))
        if body is not None:
            walker.block(body, Part.BODY, None)
            final = body.find(w("sectPr"))
            walker.section_ends.append(final if final is not None else etree.Element(w("sectPr")))
        odd_even = _setting_on(settings, "evenAndOddHeaders")
        sections = _sections(package, main, walker, odd_even)
        properties = _properties(package)
    return Document(
        path=str(path),
        format="docx",
        paragraphs=tuple(assign_roles(walker.paragraphs)),
        sections=sections,
        properties=properties,
        unshown_number_formats=tuple(walker.unshown_formats),
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


def _sections(package: Package, main: str, walker: _Walker, odd_even: bool) -> tuple[Section, ...]:
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
                            if p.alignment is not None:
                                alignments.append(p.alignment)
        sections.append(_section(sect, title_page, odd_even, texts, page_field, alignments))
    return tuple(sections)


def _emit(package: Package, part: str, kind: str, walker: _Walker, section: int) -> tuple[int, int]:
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

    def measure(element: etree._Element | None, name: str, default: float | None) -> float | None:
        value = twips(element.get(w(name))) if element is not None else None
        return default if value is None else abs(value)

    def length(element: etree._Element | None, name: str, default: float) -> Twips:
        return Twips(measure(element, name, default))  # type: ignore[arg-type]

    header = measure(margins, "header", None)
    footer = measure(margins, "footer", None)
    pitch = measure(grid, "linePitch", None)
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
        return Pt(int(value) / 4096) if value is not None else None
    except ValueError:
        return None


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
