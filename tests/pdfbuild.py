"""Build GB/T 9704 test documents as real .docx files, correct or deliberately broken.

The documents are made here, not by the generator, so the PDF measurements can be tested on
their own: `Layout()` gives a document that verifies cleanly when LibreOffice renders it with
the preview faces; changing one field (the mark 10 mm lower, Word's default margins, a
centred footer) gives a document with a known defect.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from gongwen.units import Mm, Pt, Twips

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DRAWING_NS = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
SENTENCE = (
    "本年度认真贯彻落实上级决策部署，坚持依法履职，主动接受人大监督，"
    "扎实推进各项工作任务落实，取得了较好成效。"
)


def require_soffice() -> None:
    """Skip when soffice is absent on a developer's machine; fail when it is absent in CI."""
    has_soffice = (
        shutil.which("soffice") or shutil.which("libreoffice") or os.environ.get("GONGWEN_SOFFICE")
    )
    missing = None if has_soffice else "LibreOffice (soffice)"
    if missing is None and not shutil.which("pdftoppm"):
        missing = "pdftoppm (poppler-utils)"
    if missing is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{missing} is missing in CI: run `bash fonts/install.sh` first")
    pytest.skip(f"{missing} is not installed")


@dataclass(frozen=True)
class Layout:
    """The numbers of one test document; the defaults follow GB/T 9704 as rendered here."""

    top_mm: float = 37
    bottom_mm: float = 35
    left_mm: float = 28
    right_mm: float = 26
    # Calibrated with LibreOffice 7.4 and the preview faces: ink top of the mark 72 mm down.
    mark_before_mm: float = 32.84
    mark_line_pt: float = 46
    rule_space_pt: int = 8  # border distance under the 发文字号 line: 4 mm under the ink
    footer_distance_mm: float = 25.5
    footer_align: str = "outside"  # outside (odd right, even left) or center
    body_paragraphs: int = 14
    imprint: bool = True
    imprint_rules: tuple[int, int] = (8, 6)  # thick, thin in eighths of a point


def _rpr(
    face: str,
    size_pt: float,
    *,
    color: str | None = None,
    spacing: int | None = None,
    latin: str | None = None,
) -> str:
    latin = latin or face
    parts = [
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{face}" w:cs="{latin}"/>',
    ]
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    half = round(size_pt * 2)
    parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    parts.append('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _para(
    text: str,
    *,
    face: str = "仿宋_GB2312",
    size: float = 16,
    jc: str = "both",
    line: int = 579,
    before: int = 0,
    first_chars: int = 0,
    ind: str = "",
    color: str | None = None,
    spacing: int | None = -5,
    borders: str = "",
    latin: str | None = None,
    tabs: str = "",
) -> str:
    first = f'<w:ind w:firstLineChars="{first_chars}" w:firstLine="{first_chars * 16 // 5}"/>'
    indent = ind or (first if first_chars else "")
    ppr = (
        f"<w:pPr>{borders}{tabs}"
        f'<w:spacing w:before="{before}" w:after="0" w:line="{line}" w:lineRule="exact"/>'
        f'{indent}<w:jc w:val="{jc}"/></w:pPr>'
    )
    runs = "".join(
        f"<w:r>{_rpr(face, size, color=color, spacing=spacing, latin=latin)}"
        + ("<w:tab/>" if chunk == "\t" else f'<w:t xml:space="preserve">{chunk}</w:t>')
        + "</w:r>"
        for chunk in _split_tabs(text)
    )
    return f"<w:p {W_NS}>{ppr}{runs}</w:p>"


def _split_tabs(text: str) -> list[str]:
    out: list[str] = []
    for i, piece in enumerate(text.split("\t")):
        if i:
            out.append("\t")
        if piece:
            out.append(piece)
    return out


def _border(side: str, eighths: int, color: str = "000000", space: int = 0) -> str:
    return f'<w:{side} w:val="single" w:sz="{eighths}" w:space="{space}" w:color="{color}"/>'


def _imprint(layout: Layout) -> str:
    """The 版记 as a text box anchored to the bottom of the type area (rendering.md)."""
    width = round(Mm(156))
    height = round(Mm(20))
    char = 280  # one 字 of 4号 in twips

    def rule(eighths: int) -> str:
        # A rule paragraph has no indent, so its border spans the whole type area.
        return _para(
            "",
            size=1,
            line=20,
            spacing=None,
            borders="<w:pBdr>" + _border("bottom", eighths) + "</w:pBdr>",
        )

    cc = _para(
        "抄送：县人民政府，县监察委员会，县人民法院，县人民检察院。",
        face="仿宋_GB2312",
        size=14,
        jc="left",
        line=440,
        spacing=None,
        ind=f'<w:ind w:left="{char}" w:right="{char}"/>',
    )
    issued = _para(
        "丹江口市人大常委会办公室\t2020年3月20日印发",
        face="仿宋_GB2312",
        size=14,
        jc="left",
        line=440,
        spacing=None,
        ind=f'<w:ind w:left="{char}" w:right="{char}"/>',
        tabs=f'<w:tabs><w:tab w:val="right" w:pos="{round(Mm(156).twips) - 2 * char}"/></w:tabs>',
    )
    thick, thin = layout.imprint_rules
    anchor = f"""<w:p {W_NS}><w:pPr><w:spacing w:before="0" w:after="0" w:line="20"
 w:lineRule="exact"/></w:pPr><w:r><w:drawing>
<wp:anchor {DRAWING_NS} distT="0" distB="0" distL="0" distR="0" simplePos="0"
 relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>
<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>
<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapTopAndBottom/><wp:docPr id="7" name="imprint"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>
<a:ext cx="{width}" cy="{height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
<a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent>{rule(thick)}{cc}{rule(thin)}{issued}{rule(thick)}
</w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"
 anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>
</wp:anchor></w:drawing></w:r></w:p>"""
    return anchor


def _footer_xml(align: str, indent: str) -> str:
    rpr = _rpr("宋体", 14, latin="宋体")
    field = (
        f'<w:r>{rpr}<w:t xml:space="preserve">— </w:t></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{rpr}<w:t xml:space="preserve"> —</w:t></w:r>'
    )
    return (
        f'<w:p {W_NS}><w:pPr><w:spacing w:before="0" w:after="0" w:line="280" '
        f'w:lineRule="exact"/>{indent}<w:jc w:val="{align}"/></w:pPr>{field}</w:p>'
    )


def _set_footer(footer, xml: str) -> None:
    footer.is_linked_to_previous = False
    element = footer._element
    for p in list(element):
        element.remove(p)
    element.append(parse_xml(xml))


def build(path: Path, layout: Layout = Layout()) -> Path:
    """Write a 通知 with 版头, body, page numbers and 版记 laid out as `layout` says."""
    doc = Document()
    body = doc.element.body
    for p in list(body):
        if p.tag != qn("w:sectPr"):
            body.remove(p)
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.top_margin, section.bottom_margin = Mm(layout.top_mm), Mm(layout.bottom_mm)
    section.left_margin, section.right_margin = Mm(layout.left_mm), Mm(layout.right_mm)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(layout.footer_distance_mm)
    doc.settings.odd_and_even_pages_header_footer = True
    char = 280
    if layout.footer_align == "center":
        odd = even = _footer_xml("center", "")
    else:
        odd = _footer_xml("right", f'<w:ind w:right="{char}"/>')
        even = _footer_xml("left", f'<w:ind w:left="{char}"/>')
    _set_footer(section.footer, odd)
    _set_footer(section.even_page_footer, even)

    line = 579
    parts = [
        _para(
            "丹江口市人大常委会文件",
            face="方正小标宋简体",
            size=36,
            jc="center",
            line=round(Pt(layout.mark_line_pt).twips),
            before=round(Mm(layout.mark_before_mm).twips),
            color="FF0000",
            spacing=None,
        ),
        _para("", line=line),
        _para("", line=line),
        _para(
            "丹人常〔2020〕7号",
            jc="center",
            line=line,
            spacing=None,
            latin="Times New Roman",
            borders="<w:pBdr>" + _border("bottom", 8, "FF0000", layout.rule_space_pt) + "</w:pBdr>",
        ),
        _para("", line=line),
        _para("", line=line),
        _para(
            "关于开展2019年度履职报告评阅工作的通知",
            face="方正小标宋简体",
            size=22,
            jc="center",
            line=line,
            spacing=None,
        ),
        _para("", line=line),
        _para("各乡镇人大主席团，县人大常委会各工作机构：", jc="left", line=line),
    ]
    for i in range(layout.body_paragraphs):
        parts.append(_para(SENTENCE * (2 + i % 3), first_chars=200, line=line))
    parts.append(_para("", line=line))
    parts.append(
        _para("丹江口市人民代表大会常务委员会", jc="right", line=line, ind='<w:ind w:right="640"/>')
    )
    # 7.3.5.2: the date's first character 2 字 right of the 署名's: the 署名 (15 characters of
    # 16 pt less 0.25 pt spacing each) ends 2 字 from the right, the date starts 2 字 after
    # the 署名's start, set from the left so that the digits' width does not move it
    start = 8844 - 640 - 15 * 315
    parts.append(
        _para(
            "2020年3月20日",
            jc="left",
            line=line,
            ind=f'<w:ind w:left="{start + 640}" w:firstLine="0"/>',
            latin="Times New Roman",
        )
    )
    if layout.imprint:
        parts.append(_imprint(layout))
    sect = body.find(qn("w:sectPr"))
    for xml in parts:
        sect.addprevious(parse_xml(xml))
    doc.save(str(path))
    return path
