"""Headings numbered by Word's automatic lists read as the reader sees them: 一、 （一） 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docxbuild import build, document, lvl, numbering, para, style, styles

from gongwen.ingest import load
from gongwen.model import Document, Role

CN_LEVELS = lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）")


def numbered(text: str, num_id: str = "1", level: int | None = 0) -> str:
    ilvl = f'<w:ilvl w:val="{level}"/>' if level is not None else ""
    return para(text, ppr=f'<w:numPr>{ilvl}<w:numId w:val="{num_id}"/></w:numPr>')


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text.strip()]


def test_list_numbers_stand_before_the_text_and_deeper_levels_restart(tmp_path: Path) -> None:
    body = "".join([
        numbered("履职基本情况"), numbered("主要做法", level=1), numbered("主要成效", level=1),
        numbered("学法用法情况"), numbered("学法", level=1), para("正文。"),
    ])  # fmt: skip
    doc = load(
        build(
            tmp_path / "a.docx",
            document(body),
            numbering_xml=numbering({"7": CN_LEVELS}, {"1": "7"}),
        )
    )
    assert texts(doc) == [
        "一、履职基本情况", "（一）主要做法", "（二）主要成效", "二、学法用法情况", "（一）学法",
        "正文。",
    ]  # fmt: skip
    levels = [p.heading_level for p in doc.paragraphs if p.role == Role.HEADING]
    assert levels == [1, 2, 2, 1, 2]


def test_a_style_linked_to_a_level_numbers_its_paragraphs(tmp_path: Path) -> None:
    sheet = styles(
        style("Normal", default=True)
        + style("H1", name="heading 1", ppr='<w:numPr><w:numId w:val="3"/></w:numPr>')
        + style("H2", name="heading 2", ppr='<w:numPr><w:numId w:val="3"/></w:numPr>')
        + style("Body", ppr='<w:numPr><w:numId w:val="3"/></w:numPr>')
    )
    levels = lvl(0, "chineseCounting", "%1、", style="H1") + lvl(
        1, "chineseCounting", "（%2）", style="H2"
    )
    body = "".join([
        para("基本情况", ppr='<w:pStyle w:val="H1"/>'),
        para("做法", ppr='<w:pStyle w:val="H2"/>'),
        para("存在的问题", ppr='<w:pStyle w:val="H1"/>'),
        # numId 0 takes away the numbering its style gives
        para("不编号的段落", ppr='<w:pStyle w:val="Body"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
    ])  # fmt: skip
    doc = load(
        build(
            tmp_path / "a.docx",
            document(body),
            styles_xml=sheet,
            numbering_xml=numbering({"0": levels}, {"3": "0"}),
        )
    )
    assert texts(doc) == ["一、基本情况", "（一）做法", "二、存在的问题", "不编号的段落"]


def test_instances_share_counters_unless_one_restarts(tmp_path: Path) -> None:
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    body = "".join([
        numbered("甲", "1"), numbered("乙", "1"), numbered("丙", "2"), numbered("丁", "3"),
        numbered("戊", "3"),
    ])  # fmt: skip
    nums = {"1": "5", "2": "5", "3": "5|" + restart}
    doc = load(
        build(
            tmp_path / "a.docx",
            document(body),
            numbering_xml=numbering({"5": lvl(0, "decimal", "%1.")}, nums),
        )
    )
    assert texts(doc) == ["1.甲", "2.乙", "3.丙", "1.丁", "2.戊"]


def test_formats_placeholders_suffixes_and_bullets(tmp_path: Path) -> None:
    levels = (
        lvl(0, "decimal", "%1.", start=3, suffix="space")
        + lvl(1, "decimal", "%1.%2", suffix="tab")
        + lvl(2, "bullet", "•")
        + lvl(3, "decimalEnclosedCircle", "%4")
        + lvl(4, "chineseLegalSimplified", "第%5条")
    )
    body = "".join([
        numbered("总", level=0), numbered("分", level=1), numbered("点", level=2),
        numbered("圈", level=3), numbered("条", level=4), numbered("条", level=4),
        numbered("没有级别的段落", level=None),
    ])  # fmt: skip
    doc = load(
        build(
            tmp_path / "a.docx",
            document(body),
            numbering_xml=numbering({"1": levels}, {"1": "1"}),
        )
    )
    assert texts(doc) == [
        "3. 总", "3.1\t分", "点", "①圈", "第壹条条", "第贰条条", "4. 没有级别的段落",
    ]  # fmt: skip


def test_the_number_is_set_like_the_paragraph_mark(tmp_path: Path) -> None:
    ppr = (
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        '<w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr>'
    )
    body = para("基本情况", ppr=ppr, rpr='<w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/>')
    doc = load(
        build(
            tmp_path / "a.docx",
            document(body),
            numbering_xml=numbering({"1": CN_LEVELS}, {"1": "1"}),
        )
    )
    (run,) = doc.paragraphs[0].runs  # the number joins the text run of the same format
    assert (run.text, run.font_east_asia, run.size_pt) == ("一、基本情况", "黑体", 16)


def test_a_numbering_reference_without_a_numbering_part_is_plain_text(tmp_path: Path) -> None:
    doc = load(build(tmp_path / "a.docx", document(numbered("基本情况"))))
    assert texts(doc) == ["基本情况"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_same_numbers(tmp_path: Path) -> None:
    """The PDF LibreOffice makes of the .docx carries the numbers ingest reads."""
    from gongwen.export import to_pdf

    body = "".join([
        numbered("履职基本情况"), numbered("主要做法", level=1), numbered("主要成效", level=1),
        numbered("学法用法情况"), numbered("学法", level=1),
    ])  # fmt: skip
    path = build(
        tmp_path / "numbered.docx",
        document(body),
        numbering_xml=numbering({"7": CN_LEVELS}, {"1": "7"}),
    )
    assert to_pdf([path], tmp_path / "pdf").ok
    pdf = load(tmp_path / "pdf" / "numbered.pdf")
    assert texts(pdf) == texts(load(path))


def test_the_levels_own_run_properties_set_the_number(tmp_path: Path) -> None:
    """Word sets the number with the level's rPr over the paragraph mark's: no GB304 from it."""
    level = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:suff w:val="nothing"/><w:lvlText w:val="%1、"/>'
        '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:lvl>'
    )
    sheet = styles(style("Normal", default=True, rpr='<w:rFonts w:eastAsia="仿宋_GB2312"/>'))
    body = numbered("基本情况").replace("<w:t", '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr><w:t')
    doc = load(
        build(
            tmp_path / "a.docx",
            document(body),
            styles_xml=sheet,
            numbering_xml=numbering({"1": level}, {"1": "1"}),
        )
    )
    assert [(r.text, r.font_east_asia) for r in doc.paragraphs[0].runs] == [
        ("一、基本情况", "黑体")
    ]


def test_hostile_numbers_stay_short_and_the_file_readable(tmp_path: Path) -> None:
    levels = (
        lvl(0, "upperLetter", "%1.", start=2_000_000_000)
        + lvl(1, "ideographDigital", "%2", start=-1)
        + lvl(2, "decimal", "%3)")
    )
    body = "".join(
        [numbered("甲", level=0), numbered("乙", level=1)]
        + [para("丙", ppr='<w:numPr><w:ilvl w:val="²"/><w:numId w:val="1"/></w:numPr>')]
        + [numbered(f"项{n}", level=0) for n in range(30)]
    )
    doc = load(
        build(
            tmp_path / "a.docx", document(body), numbering_xml=numbering({"1": levels}, {"1": "1"})
        )
    )
    found = texts(doc)
    assert found[:3] == ["32767.甲", "〇乙", "32768.丙"]  # start held to Word's 0–32767
    assert max(len(t) for t in found) < 20


def test_an_override_is_where_the_level_starts_each_time(tmp_path: Path) -> None:
    levels = lvl(0, "chineseCounting", "%1、") + lvl(1, "decimal", "%2.")
    restart = '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride>'
    body = "".join([
        numbered("一", "2"), numbered("a", "2", 1), numbered("b", "2", 1), numbered("二", "2"),
        numbered("c", "2", 1),
    ])  # fmt: skip
    doc = load(
        build(
            tmp_path / "a.docx",
            document(body),
            numbering_xml=numbering({"1": levels}, {"2": "1|" + restart}),
        )
    )
    assert texts(doc) == ["一、一", "5.a", "6.b", "二、二", "5.c"]


def test_legal_numbering_shows_every_number_in_digits(tmp_path: Path) -> None:
    legal = lvl(1, "decimal", "%1.%2").replace("<w:suff", "<w:isLgl/><w:suff")
    levels = lvl(0, "chineseCounting", "%1、") + legal
    body = numbered("总") + numbered("分", level=1)
    doc = load(
        build(
            tmp_path / "a.docx", document(body), numbering_xml=numbering({"1": levels}, {"1": "1"})
        )
    )
    assert texts(doc) == ["一、总", "1.1分"]
