"""The one module that imports docxtpl: render a template with autoescape, apply the layout,
fix the properties, and pack a reproducible .docx (fixed timestamps and member order).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongwen import gbt9704 as g
from gongwen.render.filters import FILTERS

if TYPE_CHECKING:
    from collections.abc import MutableMapping

    from jinja2 import Environment, Template, nodes

    from gongwen.render.contexts.common import Layout, Prepared

# C0 controls other than \t and \n: not allowed in XML, and docxtpl turns \a and \f into
# new paragraphs and page breaks, which case text must not be able to do.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_NS = {
    "w": _W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def _clean(value: Any) -> Any:
    """Every value a template prints passes here before it is escaped."""
    if value is None:
        return ""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def render_template(template: Path, prepared: Prepared) -> bytes:
    """The .docx of `template` filled from `prepared`, byte for byte the same every time."""
    tpl = _template_class()(io.BytesIO(_template_bytes(template)))
    tpl.render(prepared.context, jinja_env=_environment(), autoescape=True)
    document = tpl.docx
    _apply_layout(document, prepared.layout)
    _set_properties(document, prepared)
    buf = io.BytesIO()
    tpl.save(buf)
    return normalise_zip(buf.getvalue())


# docxtpl cleans each part's XML with regexes and compiles it as a Jinja template on every
# render: three quarters of the time of a document. The template's parts are the same text
# every time, so both are done once per process and reused.


@functools.lru_cache(maxsize=16)
def _template_bytes(template: Path) -> bytes:
    return template.read_bytes()


@functools.cache
def _environment() -> Environment:
    """The Jinja environment of every render: autoescape, strict, compiled parts kept."""
    from jinja2 import Environment, StrictUndefined

    class CachingEnvironment(Environment):
        def from_string(
            self,
            source: str | nodes.Template,
            globals: MutableMapping[str, Any] | None = None,
            template_class: type[Template] | None = None,
        ) -> Template:
            if isinstance(source, str) and globals is None and template_class is None:
                return self._compiled(source)  # how docxtpl asks, once per part
            return super().from_string(source, globals, template_class)

        @functools.lru_cache(maxsize=64)  # noqa: B019 - one environment per process
        def _compiled(self, source: str) -> Template:
            return super().from_string(source)

    env = CachingEnvironment(autoescape=True, finalize=_clean, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


@functools.cache
def _template_class() -> Any:
    """DocxTemplate, with the regex cleaning of a part's XML done once per distinct part."""
    from docxtpl import DocxTemplate

    @functools.lru_cache(maxsize=64)
    def patched(src_xml: str) -> str:
        cleaned: str = DocxTemplate.patch_xml(None, src_xml)  # docxtpl has no types
        return cleaned

    class Template(DocxTemplate):  # type: ignore[misc]  # docxtpl has no types: Any
        def patch_xml(self, src_xml: str) -> str:
            return patched(src_xml)

    return Template


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _xpath(node: Any, expr: str) -> list[Any]:
    from lxml import etree

    found = etree.XPath(expr, namespaces=_NS)(node)
    if not isinstance(found, list):  # a number, a string or a boolean: not a node-set
        raise TypeError(f"{expr} does not select nodes")
    return found


def _paragraphs(body: Any, style: str) -> list[Any]:
    return _xpath(body, f'.//w:p[w:pPr/w:pStyle/@w:val="{style}"]')


def _set_right(paragraph: Any, right: int) -> None:
    ind = paragraph.find(f"{_w('pPr')}/{_w('ind')}")
    ind.set(_w("right"), str(g.twips(right)))
    ind.set(_w("rightChars"), str(round(right / g.CHAR * 100)))


def _set_left(paragraph: Any, left: int) -> None:
    """Set from the left at `left`, by its first character."""
    ppr = paragraph.find(_w("pPr"))
    ppr.find(_w("jc")).set(_w("val"), "left")
    ind = ppr.find(_w("ind"))
    for name in ("right", "rightChars", "hanging", "hangingChars"):
        ind.attrib.pop(_w(name), None)
    ind.set(_w("firstLine"), "0")  # the style's first-line indent would move it 2 字
    ind.set(_w("firstLineChars"), "0")
    ind.set(_w("left"), str(g.twips(left)))
    ind.set(_w("leftChars"), str(round(left / g.CHAR * 100)))


def _apply_layout(document: Any, layout: Layout) -> None:
    """The geometry that depends on the text: mark width, 署名/日期 indents, 版记 height."""
    body = document.element.body
    for p in _paragraphs(body, "GwMark"):
        for rpr in p.iter(_w("rPr")):
            scale = rpr.makeelement(_w("w"), {_w("val"): str(layout.mark_scale)})
            rpr.find(_w("sz")).addprevious(scale)
    for p in _paragraphs(body, "GwSignature"):
        _set_right(p, layout.signature_right)
    for p in _paragraphs(body, "GwDate"):
        if layout.date_left is not None:
            _set_left(p, layout.date_left)
        else:
            _set_right(p, layout.date_right)
    for anchor in _xpath(body, './/wp:anchor[wp:docPr/@name="版记"]'):
        cy = str(int(layout.imprint_height))
        anchor.find("wp:extent", _NS).set("cy", cy)
        for ext in _xpath(anchor, ".//a:xfrm/a:ext"):
            ext.set("cy", cy)
    for table in body.iter(_w("tbl")):
        _fit_table(table)
    if layout.letter:
        _first_page_unnumbered(body)
    if layout.pitch is not None:
        _set_pitch(body, layout.pitch, layout.squeeze_from)
    if layout.imprint_break is not None:
        _imprint_section(body, layout.imprint_break)
    if layout.seal_image is not None:
        signature = _paragraphs(body, "GwSignature")
        if signature:
            _add_seal(document, signature[0], layout)


def squeezed_text(text: str) -> str:
    """Text as the fitting compares it: without white space."""
    return "".join(text.split())


FIT_COLUMNS = "gongwen:fit-columns"
_CELL_PADDING = 170  # twips: the cells' left and right margins (templates/_blocks.py)


def _fit_table(table: Any) -> None:
    """A table's last row kept with the one before (never alone under a repeated heading),
    and, where the template asks, its columns sized from what they hold."""
    rows = table.findall(_w("tr"))
    if len(rows) > 2:
        for ppr in rows[-2].iter(_w("pPr")):
            if ppr.find(_w("keepNext")) is None:
                ppr.insert(
                    1 if ppr.find(_w("pStyle")) is not None else 0,
                    ppr.makeelement(_w("keepNext"), {}),
                )
    described = table.find(f"{_w('tblPr')}/{_w('tblDescription')}")
    if described is None or described.get(_w("val")) != FIT_COLUMNS:
        return
    from gongwen.render.tables import column_widths

    cells = [row.findall(_w("tc")) for row in rows]
    count = len(cells[0])
    columns = [
        ["".join(t.text or "" for t in row[i].iter(_w("t"))) for row in cells if len(row) == count]
        for i in range(count)
    ]
    char = g.twips(g.TABLE_SIZE)
    widths = [round(w) for w in column_widths(columns, g.twips(g.TYPE_WIDTH), char, _CELL_PADDING)]
    widths[-1] += g.twips(g.TYPE_WIDTH) - sum(widths)
    for col, w in zip(table.find(_w("tblGrid")).findall(_w("gridCol")), widths, strict=True):
        col.set(_w("w"), str(w))
    for row in cells:
        for cell, w in zip(row, widths, strict=False):
            cell.find(f"{_w('tcPr')}/{_w('tcW')}").set(_w("w"), str(w))


def _set_pitch(body: Any, pitch: int, start: str | None) -> None:
    """Every paragraph from the one starting with `start` (or the title) that is set at the
    grid's pitch takes `pitch` (7.3.5.1: line spacing adjusted so that the 署名 and 成文日期
    stand on a page with text)."""
    grid = str(g.twips(g.LINE_PITCH))
    started = False
    for p in body.iter(_w("p")):
        style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        name = style.get(_w("val")) if style is not None else ""
        own = squeezed_text("".join(t.text or "" for t in p.iter(_w("t"))))
        started = started or (own.startswith(start) if start else name == "GwTitle")
        if name == "GwAttachmentLabel":
            break  # the attachment starts a page of its own: it keeps the grid
        spacing = p.find(f"{_w('pPr')}/{_w('spacing')}")
        if started and spacing is not None and spacing.get(_w("line")) == grid:
            spacing.set(_w("line"), str(g.twips(pitch)))


def _imprint_section(body: Any, blanks: int) -> None:
    """The 版记 in a section of its own on a new page, after `blanks` blank pages, with no
    page number on it nor on the blank pages (7.5). LibreOffice does not honour a section
    that starts on an even page, so the blank pages are page breaks of their own."""
    anchor = _xpath(body, './/wp:anchor[wp:docPr/@name="版记"]')[0]
    holder = next(a for a in anchor.iterancestors(_w("p")))
    before = holder.getprevious()
    sect = body.find(_w("sectPr"))
    ended = copy.deepcopy(sect)  # the text's section keeps its footers
    ppr = before.find(_w("pPr"))
    if ppr is None:
        ppr = before.makeelement(_w("pPr"), {})
        before.insert(0, ppr)
    for keep in ppr.findall(_w("keepNext")):
        ppr.remove(keep)
    ppr.append(ended)
    for ref in sect.findall(_w("footerReference")):
        ref.set(_R_ID, "rIdFooterFirst")  # the empty footer
    kind_el = sect.makeelement(_w("type"), {_w("val"): "nextPage"})
    sect.find(_w("pgSz")).addprevious(kind_el)
    for _ in range(blanks):
        blank = holder.makeelement(_w("p"), {})
        run = blank.makeelement(_w("r"), {})
        run.append(run.makeelement(_w("br"), {_w("type"): "page"}))
        blank.append(run)
        holder.addprevious(blank)


def _first_page_unnumbered(body: Any) -> None:
    """Page 1 takes the template's empty first-page footer (信函格式, 10.1)."""
    sect = body.find(_w("sectPr"))
    refs = sect.findall(_w("footerReference"))
    first = sect.makeelement(_w("footerReference"), {_w("type"): "first", _R_ID: "rIdFooterFirst"})
    refs[-1].addnext(first)
    sect.find(_w("docGrid")).addprevious(sect.makeelement(_w("titlePg"), {}))


def _add_seal(document: Any, paragraph: Any, layout: Layout) -> None:
    """A floating seal picture centred over the date, its centre a little above the 署名."""
    from docx.oxml import parse_xml

    rid, _image = document.part.get_or_add_image(str(layout.seal_image))
    size = int(g.SEAL_SIZE)
    x = int(layout.seal_centre) - size // 2
    y = int(g.SEAL_LIFT) - size // 2
    xml = (
        f'<w:r xmlns:w="{_W}" xmlns:wp="{_NS["wp"]}" xmlns:a="{_NS["a"]}" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<w:rPr><w:rFonts w:eastAsia="{g.FANGSONG.east_asia}"/>'
        '<w:lang w:eastAsia="zh-CN"/></w:rPr>'
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="251660288" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{size}" cy="{size}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapNone/><wp:docPr id="1000" name="印章" descr="印章"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="seal"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{size}" cy="{size}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    ppr = paragraph.find(_w("pPr"))
    ppr.addnext(parse_xml(xml))


def _set_properties(document: Any, prepared: Prepared) -> None:
    """Core properties from the case only: the same case gives the same file."""
    moment = dt.datetime.combine(prepared.date, dt.time(0, 0))
    props = document.core_properties
    props.title = prepared.title
    props.author = prepared.author
    props.last_modified_by = prepared.author
    props.created = moment
    props.modified = moment
    props.revision = 1


def normalise_zip(data: bytes) -> bytes:
    """`data` repacked reproducibly, [Content_Types].xml first, then the parts by name."""
    from gongwen.writing import reproducible_zip, zip_members

    members = dict(zip_members(data))
    order = sorted(members, key=lambda n: (n != "[Content_Types].xml", n))
    return reproducible_zip((name, members[name]) for name in order)


def paragraph_texts(data: bytes) -> list[str]:
    """The text of each body paragraph of the .docx `data`, without white space, in order."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as src:
        root = etree.fromstring(src.read("word/document.xml"))
    body = root.find(_w("body"))
    if body is None:
        raise ValueError("word/document.xml has no body")
    return [
        squeezed_text("".join(t.text or "" for t in p.iter(_w("t")))) for p in body.iter(_w("p"))
    ]
