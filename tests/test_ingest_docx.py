"""Ingest of real .docx files: effective formatting, sections, properties, refusals."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx as python_docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt as DocxPt
from docxbuild import (
    A4_SECT,
    build,
    core,
    document,
    header_footer,
    para,
    run,
    settings,
    style,
    styles,
    theme,
)

from gongwen.ingest import IngestError, load
from gongwen.model import Alignment, LineRule, Part, Role

BODY_STYLES = styles(
    style("Normal", default=True, name="Normal", rpr='<w:rFonts w:eastAsia="宋体"/>')
    + style(
        "Base",
        based_on="Normal",
        ppr='<w:jc w:val="both"/>',
        rpr='<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>',
    )
    + style(
        "Body",
        based_on="Base",
        ppr='<w:ind w:firstLineChars="200"/><w:spacing w:line="579" w:lineRule="exact"/>',
    )
    + style("Kai", "character", rpr='<w:rFonts w:eastAsia="楷体_GB2312" w:ascii="KaiTi"/>')
    + style("KaiBold", "character", based_on="Kai", rpr="<w:b/>"),
    rpr_default='<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="21"/>',
)


def only(doc, part=Part.BODY):
    return [p for p in doc.paragraphs if p.part == part]


def test_fonts_only_through_styles(tmp_path: Path) -> None:
    body = para(
        ppr='<w:pStyle w:val="Body"/>',
        runs=run("本年度认真履职") + run("学法用法", '<w:rStyle w:val="KaiBold"/>'),
    )
    doc = load(build(tmp_path / "s.docx", document(body), styles_xml=BODY_STYLES))
    (p,) = only(doc)
    plain, kai = p.runs
    assert (plain.font_east_asia, plain.font_ascii, plain.size_pt) == (
        "仿宋_GB2312",
        "Times New Roman",
        16.0,
    )
    assert (kai.font_east_asia, kai.font_ascii, kai.size_pt, kai.bold) == (
        "楷体_GB2312",
        "KaiTi",
        16.0,
        True,
    )
    assert not plain.bold
    assert p.style_name == "Body"
    assert p.alignment == Alignment.JUSTIFY
    assert p.indent_first_chars == 2.0
    assert p.line_rule == LineRule.EXACT
    assert p.line_spacing is not None and p.line_spacing.pt == pytest.approx(28.95)


def test_unstyled_paragraph_takes_the_default_style(tmp_path: Path) -> None:
    doc = load(build(tmp_path / "d.docx", document(para("正文")), styles_xml=BODY_STYLES))
    (p,) = only(doc)
    assert p.style_name == "Normal"
    assert p.runs[0].font_east_asia == "宋体"
    assert p.runs[0].size_pt == 10.5  # w:sz 21 in docDefaults
    assert p.alignment == Alignment.LEFT
    assert p.line_rule == LineRule.MULTIPLE and p.line_multiple == 1.0


THEME_DEFAULTS = (
    '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" '
    'w:eastAsiaTheme="minorEastAsia"/><w:sz w:val="32"/>'
)


def _theme_doc(tmp_path: Path, theme_xml: str, lang: str = "zh-CN", body: str = "") -> object:
    return load(
        build(
            tmp_path / "t.docx",
            document(body or para("仿宋正文 text")),
            styles_xml=styles(style("Normal", default=True), rpr_default=THEME_DEFAULTS),
            theme_xml=theme_xml,
            settings_xml=settings(f'<w:themeFontLang w:val="en-US" w:eastAsia="{lang}"/>'),
        )
    )


def test_fonts_only_through_the_theme_script_entry(tmp_path: Path) -> None:
    doc = _theme_doc(
        tmp_path, theme(minor_latin="Cambria", minor_scripts={"Hans": "仿宋", "Jpan": "ＭＳ 明朝"})
    )
    (p,) = only(doc)
    assert p.runs[0].font_east_asia == "仿宋"
    assert p.runs[0].font_ascii == "Cambria"


def test_theme_ea_typeface_wins_over_the_script_entry(tmp_path: Path) -> None:
    doc = _theme_doc(tmp_path, theme(minor_ea="FangSong", minor_scripts={"Hans": "宋体"}))
    assert only(doc)[0].runs[0].font_east_asia == "FangSong"


def test_theme_script_follows_theme_font_lang(tmp_path: Path) -> None:
    doc = _theme_doc(
        tmp_path, theme(minor_scripts={"Hans": "宋体", "Jpan": "ＭＳ 明朝"}), lang="ja-JP"
    )
    assert only(doc)[0].runs[0].font_east_asia == "ＭＳ 明朝"


def test_theme_attribute_beats_explicit_name_on_the_same_element(tmp_path: Path) -> None:
    body = para(
        "标题",
        rpr='<w:rFonts w:eastAsia="仿宋_GB2312" w:eastAsiaTheme="majorEastAsia"/>',
    )
    doc = _theme_doc(tmp_path, theme(major_scripts={"Hans": "黑体"}), body=body)
    assert only(doc)[0].runs[0].font_east_asia == "黑体"


def test_direct_name_beats_theme_font_of_a_lower_level(tmp_path: Path) -> None:
    body = para("正文", rpr='<w:rFonts w:eastAsia="楷体_GB2312"/>')
    doc = _theme_doc(tmp_path, theme(minor_scripts={"Hans": "宋体"}), body=body)
    run_ = only(doc)[0].runs[0]
    assert run_.font_east_asia == "楷体_GB2312"
    assert run_.font_ascii == "Calibri"  # still from the theme


def test_direct_formatting_overrides_style(tmp_path: Path) -> None:
    body = para(
        "直接格式",
        ppr='<w:pStyle w:val="Body"/><w:jc w:val="center"/><w:ind w:firstLineChars="0"/>',
        rpr='<w:rFonts w:eastAsia="宋体"/><w:sz w:val="28"/><w:color w:val="ff0000"/>'
        '<w:spacing w:val="-5"/><w:w w:val="80"/>',
    )
    doc = load(build(tmp_path / "o.docx", document(body), styles_xml=BODY_STYLES))
    (p,) = only(doc)
    r = p.runs[0]
    assert (r.font_east_asia, r.size_pt, r.color) == ("宋体", 14.0, "FF0000")
    assert r.char_spacing_pt == -0.25 and r.char_scale_pct == 80
    assert p.alignment == Alignment.CENTER
    assert p.indent_first_chars is None
    assert p.line_rule == LineRule.EXACT  # still from the style


TOGGLE_STYLES = styles(
    style("Normal", default=True)
    + style("BoldPara", based_on="Normal", rpr="<w:b/>")
    + style("BoldChild", based_on="BoldPara", rpr='<w:i/><w:sz w:val="32"/>')
    + style("UnboldChild", based_on="BoldPara", rpr='<w:b w:val="0"/>')
    + style("Strong", "character", rpr="<w:b/>")
)


@pytest.mark.parametrize(
    ("para_style", "rpr", "bold"),
    [
        ("BoldPara", "", True),
        ("BoldChild", "", True),  # inherited through basedOn
        ("UnboldChild", "", False),  # a level turns it off inside the chain
        ("BoldChild", '<w:rStyle w:val="Strong"/>', False),  # paragraph XOR character style
        ("Normal", '<w:rStyle w:val="Strong"/>', True),
        ("BoldChild", '<w:rStyle w:val="Strong"/><w:b/>', True),  # direct is absolute
        ("BoldChild", '<w:b w:val="false"/>', False),
    ],
)
def test_bold_is_a_toggle_in_the_style_chain(
    tmp_path: Path, para_style: str, rpr: str, bold: bool
) -> None:
    body = para("粗体", ppr=f'<w:pStyle w:val="{para_style}"/>', rpr=rpr)
    doc = load(build(tmp_path / "b.docx", document(body), styles_xml=TOGGLE_STYLES))
    assert only(doc)[0].runs[0].bold is bold


def test_table_style_font_for_cells(tmp_path: Path) -> None:
    table_styles = styles(
        style("Normal", default=True)
        + style("Grid", "table", rpr='<w:rFonts w:eastAsia="黑体"/><w:sz w:val="24"/>')
        + style("Small", based_on="Normal", rpr='<w:sz w:val="20"/>')
    )
    small_cell = para("小字", ppr='<w:pStyle w:val="Small"/>')
    cells = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr><w:tr>'
        f"<w:tc>{para('单元格')}</w:tc><w:tc>{small_cell}</w:tc></w:tr></w:tbl>"
    )
    doc = load(
        build(
            tmp_path / "tb.docx",
            document(para("前") + cells + para("后")),
            styles_xml=table_styles,
        )
    )
    texts = [(p.text, p.part) for p in doc.paragraphs]
    assert texts == [
        ("前", Part.BODY),
        ("单元格", Part.TABLE),
        ("小字", Part.TABLE),
        ("后", Part.BODY),
    ]
    cell, small = doc.paragraphs[1], doc.paragraphs[2]
    assert (cell.runs[0].font_east_asia, cell.runs[0].size_pt) == ("黑体", 12.0)
    # the paragraph style sits above the table style
    assert (small.runs[0].font_east_asia, small.runs[0].size_pt) == ("黑体", 10.0)
    assert doc.paragraphs[0].runs[0].font_east_asia is None
    assert [p.index for p in doc.paragraphs] == [0, 1, 2, 3]
    assert cell.role == Role.TABLE


def test_first_line_indent_in_chars_and_twips(tmp_path: Path) -> None:
    body = (
        para("字符", ppr='<w:ind w:firstLineChars="200" w:firstLine="640"/>')
        + para("缇", ppr='<w:ind w:firstLine="640"/>')
        + para("悬挂", ppr='<w:ind w:left="420" w:hanging="420" w:hangingChars="100"/>')
    )
    doc = load(build(tmp_path / "i.docx", document(body)))
    chars, twips_, hanging = only(doc)
    assert chars.indent_first_chars == 2.0 and chars.indent_first.pt == pytest.approx(32)
    assert twips_.indent_first_chars is None and twips_.indent_first.pt == pytest.approx(32)
    assert hanging.indent_first_chars == -1.0
    assert hanging.indent_first.twips == pytest.approx(-420)
    assert hanging.indent_left.twips == pytest.approx(420)


def test_style_chars_indent_survives_a_direct_twips_indent(tmp_path: Path) -> None:
    # Word's own quirk: firstLineChars in the style still wins over a direct firstLine
    body = para("正文", ppr='<w:pStyle w:val="Body"/><w:ind w:firstLine="0"/>')
    doc = load(build(tmp_path / "q.docx", document(body), styles_xml=BODY_STYLES))
    p = only(doc)[0]
    assert p.indent_first_chars == 2.0 and p.indent_first == 0


def test_line_spacing_rules_and_space(tmp_path: Path) -> None:
    body = (
        para("固定", ppr='<w:spacing w:line="579" w:lineRule="exact" w:before="120"/>')
        + para("最小", ppr='<w:spacing w:line="400" w:lineRule="atLeast" w:after="240"/>')
        + para("倍数", ppr='<w:spacing w:line="360"/><w:pageBreakBefore/>')
    )
    exact, at_least, multiple = only(load(build(tmp_path / "l.docx", document(body))))
    assert exact.line_rule == LineRule.EXACT and exact.line_spacing.pt == pytest.approx(28.95)
    assert exact.space_before.pt == pytest.approx(6)
    assert at_least.line_rule == LineRule.AT_LEAST and at_least.line_spacing.pt == 20
    assert at_least.space_after.pt == pytest.approx(12)
    assert multiple.line_rule == LineRule.MULTIPLE and multiple.line_multiple == 1.5
    assert multiple.page_break_before and not exact.page_break_before


def test_section_a4_and_margins_in_mm(tmp_path: Path) -> None:
    doc = load(build(tmp_path / "m.docx", document(para("正文"))))
    (section,) = doc.sections
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = (section.margin_top, section.margin_bottom, section.margin_left, section.margin_right)
    assert [round(m.mm, 1) for m in margins] == [37.0, 35.0, 28.0, 26.0]
    assert section.line_pitch.twips == pytest.approx(579)
    assert section.grid_type == "lines"


def test_several_sections_and_paragraph_section_index(tmp_path: Path) -> None:
    letter = '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:titlePg/></w:sectPr>'
    body = para("第一节", ppr=letter) + para("第二节")
    doc = load(build(tmp_path / "x.docx", document(body)))
    assert len(doc.sections) == 2
    assert round(doc.sections[0].page_width.mm, 1) == 215.9 and doc.sections[0].title_page
    assert round(doc.sections[1].page_width.mm) == 210 and not doc.sections[1].title_page
    assert [p.section for p in only(doc)] == [0, 1]


def _footer_with_field(jc: str, simple: bool) -> str:
    if simple:
        field = '<w:fldSimple w:instr=" PAGE  \\* MERGEFORMAT ">' + run("1") + "</w:fldSimple>"
    else:
        field = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + run("2")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
    return header_footer(
        "ftr", para(ppr=f'<w:jc w:val="{jc}"/>', runs=run("— ") + field + run(" —"))
    )


def test_footer_page_field_and_alignments(tmp_path: Path) -> None:
    sect = A4_SECT.replace(
        "<w:pgSz",
        '<w:headerReference w:type="default" r:id="rIdH"/>'
        '<w:footerReference w:type="default" r:id="rIdOdd"/>'
        '<w:footerReference w:type="even" r:id="rIdEven"/><w:pgSz',
    )
    doc = load(
        build(
            tmp_path / "f.docx",
            document(para("正文"), sect=sect),
            settings_xml=settings("<w:evenAndOddHeaders/>"),
            headers={"rIdH": header_footer("hdr", para("某某局文件"))},
            footers={
                "rIdOdd": _footer_with_field("right", simple=True),
                "rIdEven": _footer_with_field("left", simple=False),
            },
        )
    )
    (section,) = doc.sections
    assert section.page_number_field
    assert section.different_odd_even
    assert section.footer_alignments == (Alignment.RIGHT, Alignment.LEFT)
    assert section.header_text == "某某局文件"
    assert section.footer_text == "— 1 —\n— 2 —"
    footers = only(doc, Part.FOOTER)
    assert [p.text for p in footers] == ["— 1 —", "— 2 —"]
    assert all(p.role == Role.PAGE_NUMBER and "PAGE" in p.fields for p in footers)
    assert only(doc, Part.HEADER)[0].role == Role.HEADER
    assert doc.paragraphs[-1].index == len(doc.paragraphs) - 1  # after the body


def test_footer_without_page_field(tmp_path: Path) -> None:
    sect = A4_SECT.replace("<w:pgSz", '<w:footerReference w:type="default" r:id="rIdF"/><w:pgSz')
    doc = load(
        build(
            tmp_path / "nf.docx",
            document(para("正文"), sect=sect),
            footers={"rIdF": header_footer("ftr", para("内部资料"))},
        )
    )
    assert not doc.sections[0].page_number_field
    assert doc.sections[0].footer_alignments == ()
    assert only(doc, Part.FOOTER)[0].role == Role.FOOTER


def test_core_properties(tmp_path: Path) -> None:
    doc = load(
        build(
            tmp_path / "c.docx",
            document(para("正文")),
            core_xml=core(
                title="履职报告",
                creator="张伟",
                last_modified_by="李四",
                created="2020-03-18T08:30:00Z",
                modified="2020-03-20T09:00:00Z",
            ),
        )
    )
    props = doc.properties
    assert (props.title, props.author, props.last_modified_by) == ("履职报告", "张伟", "李四")
    assert props.created == dt.datetime(2020, 3, 18, 8, 30, tzinfo=dt.UTC)
    assert props.modified == dt.datetime(2020, 3, 20, 9, 0, tzinfo=dt.UTC)


def test_text_of_tabs_breaks_and_hidden_and_deleted_runs(tmp_path: Path) -> None:
    runs = (
        '<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>'
        + run("隐藏", "<w:vanish/>")
        + '<w:del w:id="1" w:author="x"><w:r><w:delText>删除</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="x">' + run("插入") + "</w:ins>"
        + '<w:hyperlink r:id="rIdX">' + run("链接") + "</w:hyperlink>"
    )  # fmt: skip
    doc = load(build(tmp_path / "tx.docx", document(para(runs=runs))))
    p = only(doc)[0]
    assert p.text == "甲\t乙\n丙插入链接"
    assert len(p.runs) == 1  # same formatting: merged


def test_text_box_paragraphs_follow_their_anchor(tmp_path: Path) -> None:
    box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
        + para("抄送：县政府办公室。")
        + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        "<w:txbxContent>" + para("抄送：县政府办公室。") + "</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    doc = load(build(tmp_path / "box.docx", document(para("正文") + para(runs=box))))
    assert [(p.text, p.part) for p in doc.paragraphs] == [
        ("正文", Part.BODY),
        ("", Part.BODY),
        ("抄送：县政府办公室。", Part.TEXTBOX),
    ]
    assert doc.paragraphs[2].role == Role.IMPRINT


def test_word_like_file_from_python_docx(tmp_path: Path) -> None:
    d = python_docx.Document()  # its template sets theme fonts and themeFontLang ja-JP
    title = d.add_paragraph("市财政局局长张伟2019年度履职报告")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].font.size = DocxPt(22)
    d.add_paragraph("一、履职基本情况")
    body = d.add_paragraph("本年度认真履行职责。")
    body.paragraph_format.first_line_indent = DocxPt(32)
    body.runs[0].font.name = "Arial"  # python-docx writes ascii/hAnsi only
    d.add_paragraph("市财政局 张伟")
    d.add_paragraph("2020年3月20日")
    d.core_properties.author = "张伟"
    path = tmp_path / "pd.docx"
    d.save(path)
    before = path.read_bytes()
    doc = load(path)
    assert path.read_bytes() == before  # never modified
    paragraphs = only(doc)
    assert [p.role for p in paragraphs] == [
        Role.TITLE,
        Role.HEADING,
        Role.BODY,
        Role.SIGNATURE,
        Role.DATE,
    ]
    # minorEastAsia with an empty ea typeface and themeFontLang ja-JP: the Jpan entry
    assert paragraphs[2].runs[0].font_east_asia == "ＭＳ 明朝"
    assert paragraphs[2].runs[0].font_ascii == "Arial"
    assert paragraphs[1].runs[0].font_ascii == "Cambria"
    assert paragraphs[0].runs[0].size_pt == 22.0 and paragraphs[1].runs[0].size_pt == 11.0
    assert paragraphs[0].alignment == Alignment.CENTER
    assert paragraphs[2].indent_first.pt == pytest.approx(32)
    assert paragraphs[1].line_multiple == pytest.approx(1.15)
    assert doc.properties.author == "张伟"
    assert doc.format == "docx"


# ---- refusals -----------------------------------------------------------------------------


def test_not_a_zip_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("这不是公文", encoding="utf-8")
    with pytest.raises(IngestError) as info:
        load(path)
    assert info.value.code == "IO002"
    assert info.value.file == "notes.txt"
    assert "不支持的文件类型" in info.value.message()  # Chinese by default
    assert "unsupported file type" in info.value.message("en")


def test_broken_zip_named_docx_is_unreadable(tmp_path: Path) -> None:
    good = build(tmp_path / "good.docx", document(para("正文")))
    path = tmp_path / "broken.docx"
    path.write_bytes(good.read_bytes()[:200])
    with pytest.raises(IngestError) as info:
        load(path)
    assert info.value.code == "IO001"


def test_zip_without_a_word_document_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(IngestError) as info:
        load(path)
    assert info.value.code == "IO002"


def test_ole_file_is_io005_with_advice(tmp_path: Path) -> None:
    # The Compound File signature is what a .doc, a .wps and a password-protected .docx share.
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(IngestError) as info:
        load(path)
    assert info.value.code == "IO005"
    assert ".docx" in info.value.message("en")


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        load(tmp_path / "absent.docx")
    assert info.value.code == "IO001"
    assert str(info.value) == "absent.docx: the file does not exist"


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
)


def test_doctype_and_entities_are_refused(tmp_path: Path) -> None:
    path = build(tmp_path / "bomb.docx", BILLION_LAUGHS)
    with pytest.raises(IngestError) as info:
        load(path)
    assert info.value.code == "IO001"
    assert "DOCTYPE" in info.value.message("en")
    assert "拒绝读取" in info.value.message()


def test_utf16_doctype_is_refused(tmp_path: Path) -> None:
    xml = BILLION_LAUGHS.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    path = build(tmp_path / "bomb16.docx", "", extra={"word/document.xml": xml.encode("utf-16")})
    with pytest.raises(IngestError) as info:
        load(path)
    assert info.value.code == "IO001"


def test_oversized_part_is_refused_without_inflating(tmp_path: Path) -> None:
    from gongwen.limits import Limits

    filler = para("空" * 200) * 2000  # far past 64 KB unpacked, small packed
    path = build(tmp_path / "big.docx", document(filler))
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(IngestError) as info:
        load(path, Limits(part_bytes=64 * 1024))
    assert info.value.code == "IO006"
    assert "0.0625 MB" in info.value.message("en")


def test_malformed_xml_is_unreadable(tmp_path: Path) -> None:
    path = build(tmp_path / "bad.docx", "<w:document><w:body>")
    with pytest.raises(IngestError) as info:
        load(path)
    assert info.value.code == "IO001"
