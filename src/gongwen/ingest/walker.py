"""Walking WordprocessingML into paragraphs: runs with their effective formatting, fields,
symbols, tables in place and text boxes after the paragraph that anchors them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from gongwen.ingest.boxes import cell_boxes, frame_box, textbox_box
from gongwen.ingest.formats import Formats
from gongwen.ingest.numbering import Numbering
from gongwen.ingest.ooxml import (
    MC_NS,
    w,
)
from gongwen.ingest.paragraph_format import list_indents
from gongwen.ingest.ppr import Props, read_ppr
from gongwen.ingest.styles import RunFormat
from gongwen.model import Box, Paragraph, Part, Run

_P, _R, _T, _TBL, _TR, _TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
_PPR, _RPR, _VAL = w("pPr"), w("rPr"), w("val")
_SDT, _SDT_CONTENT, _CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
_TXBX_CONTENT = w("txbxContent")
_SECT_PR, _INSTR_ATTR = w("sectPr"), w("instr")
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


@dataclass
class Inline:
    """What the walk of one paragraph collects."""

    pieces: list[tuple[str, RunFormat]] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    instr: list[list[str] | None] = field(default_factory=list)  # open fields; None: in result
    textboxes: list[etree._Element] = field(default_factory=list)


class Walker:
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
        inline = Inline()
        if number is not None:
            self._label(inline, number, ppr, table_style, style_id)
            layout = self._list_layout(layout, number, ppr, table_style, style_id)
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

    def _list_layout(
        self,
        layout: dict[str, object],
        number: tuple[str, int | None],
        ppr: etree._Element | None,
        table: str | None,
        style: str | None,
    ) -> dict[str, object]:
        """`layout` with the indents of the paragraph's list level in their layer."""
        level = self._numbering.indent(number[0], number[1], style) if self._numbering else {}
        if not level:
            return layout
        direct = read_ppr(ppr)
        above: Props = {}
        if "numId" in direct:  # the paragraph's own list: its level over all its styles
            below = self.formats.sheet.paragraph_base(table, style)[0]
        else:  # a style's list: its level over the styles that one is based on only
            below, above = self.formats.sheet.list_layers(table, style)
        return {**layout, **list_indents(below, level, above, direct)}

    def _label(
        self,
        acc: Inline,
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
        self, parent: etree._Element, acc: Inline, table: str | None, style: str | None
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

    def run(self, r: etree._Element, acc: Inline, table: str | None, style: str | None) -> None:
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


def _field_char(acc: Inline, kind: str | None) -> None:
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


def _add_field(acc: Inline, instr: str) -> None:
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
