"""PDF ingest on real PDFs: LibreOffice conversions of a .docx, and PDFs written by pypdf."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pypdf
import pytest
from docx import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongwen.ingest import IngestError, load
from gongwen.ingest.pdf import has_text_layer, load_pdf, parse_pdf_date, tidy_text
from gongwen.model import Part, Role
from gongwen.resources import data_dir

TITLE = "市财政局局长张伟2019年度履职报告"
LONG = (
    "2019年，在市委、市政府的坚强领导下，依据财预〔2020〕7号文件精神，全面完成了年度预算"
    "执行任务，一般公共预算收入完成12.5亿元，同比增长6.3%，为全市经济社会发展提供了有力"
    "的财力保障，民生支出占一般公共预算支出的80.2%。"
)
HEADINGS = ("一、履职基本情况", "（一）狠抓收入组织", "二、存在的问题和不足")
DATE = "2020年3月20日"
_CJK_NEXT_TO_SPACE = re.compile(
    r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef] | [\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
)


def _soffice() -> str:
    found = shutil.which("soffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("soffice is required in CI: the PDF tests must not be skipped there")
    pytest.skip("LibreOffice (soffice) is not installed")


def _paragraph(doc, text: str, face: str, size: float, align: str = "both", indent: bool = True):
    p = doc.add_paragraph()
    ppr = p._p.get_or_add_pPr()
    spacing = OxmlElement("w:spacing")
    for key, value in (
        ("w:before", "0"),
        ("w:after", "0"),
        ("w:line", "579"),
        ("w:lineRule", "exact"),
    ):
        spacing.set(qn(key), value)
    ppr.append(spacing)
    ind = OxmlElement("w:ind")
    ind.set(qn("w:firstLine"), str(int(size * 40)) if indent else "0")
    ppr.append(ind)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), align)
    ppr.append(jc)
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)


def _report_docx(path: Path) -> None:
    """A short annual report: title, headings, a paragraph that wraps, signature, date."""
    doc = DocxDocument()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _paragraph(doc, TITLE, "方正小标宋简体", 22, "center", indent=False)
    _paragraph(doc, "", "仿宋_GB2312", 16)
    _paragraph(doc, HEADINGS[0], "黑体", 16)
    _paragraph(doc, HEADINGS[1], "楷体_GB2312", 16)
    _paragraph(doc, LONG, "仿宋_GB2312", 16)
    _paragraph(doc, HEADINGS[2], "黑体", 16)
    _paragraph(doc, "预算绩效评价结果运用还不够充分。", "仿宋_GB2312", 16)
    _paragraph(doc, "", "仿宋_GB2312", 16)
    _paragraph(doc, "市财政局 张伟", "仿宋_GB2312", 16, "right", indent=False)
    _paragraph(doc, DATE, "仿宋_GB2312", 16, "right", indent=False)
    doc.core_properties.title = TITLE
    doc.core_properties.author = "张伟"
    doc.save(str(path))


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report converted to PDF by LibreOffice, once for the module."""
    soffice = _soffice()
    folder = tmp_path_factory.mktemp("pdf")
    source = folder / "report.docx"
    _report_docx(source)
    # A profile of its own: a second soffice sharing one exits 1 without a word.
    profile = tmp_path_factory.mktemp("profile") / uuid.uuid4().hex
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = folder / "report.pdf"
    assert pdf.is_file(), "LibreOffice made no PDF"
    return pdf


def test_page_size_is_a4(converted: Path) -> None:
    doc = load_pdf(converted)
    assert doc.format == "pdf"
    assert doc.page_count == len(doc.pages) >= 1
    page = doc.pages[0]
    assert page.number == 1
    assert page.width.pt == pytest.approx(595.3, abs=1)
    assert page.height.pt == pytest.approx(841.9, abs=1)


def test_cjk_text_has_no_spurious_spaces(converted: Path) -> None:
    doc = load_pdf(converted)
    page_text = doc.pages[0].text
    assert "〔2020〕7号" in page_text
    assert TITLE in page_text
    for p in doc.paragraphs:
        assert not _CJK_NEXT_TO_SPACE.search(p.text.replace("市财政局 张伟", "")), p.text
    # pypdf alone does leave the spaces: the test would notice if the tidying went away.
    raw = pypdf.PdfReader(converted).pages[0].extract_text()
    assert "7 号" in raw or "2019 年" in raw


def test_wrapped_lines_become_one_paragraph(converted: Path) -> None:
    doc = load_pdf(converted)
    texts = [p.text for p in doc.paragraphs if p.part == Part.BODY]
    assert LONG in texts
    assert texts[0] == TITLE
    assert all(p.page == 1 for p in doc.paragraphs)


def test_fonts_are_listed_without_subset_prefix(converted: Path) -> None:
    doc = load_pdf(converted)
    fonts = doc.pages[0].fonts
    assert fonts
    raw = [
        str(f.get_object()["/BaseFont"])
        for f in pypdf.PdfReader(converted).pages[0]["/Resources"]["/Font"].values()
    ]
    assert any(re.match(r"^/[A-Z]{6}\+", name) for name in raw)  # the prefix was there
    assert not any(re.match(r"^[A-Z]{6}\+", name) for name in fonts)
    assert set(fonts) == {re.sub(r"^/[A-Z]{6}\+", "", name) for name in raw}
    runs = [p.runs[0] for p in doc.paragraphs if p.runs]
    assert all(r.font_east_asia and "+" not in r.font_east_asia for r in runs)


def test_sizes_come_from_the_text_matrix(converted: Path) -> None:
    doc = load_pdf(converted)
    by_text = {p.text: p for p in doc.paragraphs}
    assert by_text[TITLE].runs[0].size_pt == 22
    assert by_text[LONG].runs[0].size_pt == 16
    assert by_text[LONG].indent_first_chars == pytest.approx(2, abs=0.3)


def test_roles_of_title_headings_signature_and_date(converted: Path) -> None:
    doc = load_pdf(converted)
    by_text = {p.text: p for p in doc.paragraphs}
    assert by_text[TITLE].role == Role.TITLE
    assert by_text[DATE].role == Role.DATE
    assert by_text[HEADINGS[0]].role == Role.HEADING
    assert by_text[HEADINGS[0]].heading_level == 1
    assert by_text[HEADINGS[1]].heading_level == 2
    assert by_text[HEADINGS[2]].heading_level == 1
    assert by_text[LONG].role == Role.BODY
    assert [p.role for p in doc.paragraphs].count(Role.SIGNATURE) == 1


def test_properties_come_from_the_info_dictionary(converted: Path) -> None:
    doc = load_pdf(converted)
    assert doc.properties.title == TITLE
    assert doc.properties.author == "张伟"
    assert isinstance(doc.properties.created, dt.datetime)


def test_load_dispatches_pdf_by_content(converted: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "report.docx"  # a misleading name: content decides
    renamed.write_bytes(converted.read_bytes())
    doc = load(renamed)
    assert doc.format == "pdf"
    assert doc.paragraphs


# --- PDFs written with pypdf -----------------------------------------------------------


def _blank_pdf(path: Path, **metadata: str) -> Path:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595.3, height=841.9)
    if metadata:
        writer.add_metadata(metadata)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_scan_without_text_layer_loads_with_no_paragraphs(tmp_path: Path) -> None:
    doc = load_pdf(_blank_pdf(tmp_path / "scan.pdf"))
    assert doc.page_count == 1
    assert doc.pages[0].text == ""
    assert doc.paragraphs == ()
    assert not has_text_layer(doc)


def test_encrypted_pdf_is_io003(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595.3, height=841.9)
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(IngestError) as caught:
        load_pdf(path)
    assert caught.value.code == "IO003"
    assert caught.value.file == "locked.pdf"
    assert "加密" in caught.value.message("zh")
    assert "encrypted" in caught.value.message("en")


def test_pdf_locked_only_against_editing_is_read(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595.3, height=841.9)
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    doc = load_pdf(path)
    assert doc.page_count == 1


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\nnot really a pdf\n", b"%PDF-1.4\n1 0 obj << /Type /Catalog", b""],
    ids=["garbage", "truncated", "empty"],
)
def test_unreadable_pdf_is_io001(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        load_pdf(path)
    assert caught.value.code == "IO001"
    assert caught.value.message("zh") != caught.value.message("en")


def test_missing_file_is_io001(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:
        load_pdf(tmp_path / "absent.pdf")
    assert caught.value.code == "IO001"


def test_info_dictionary_dates_are_parsed(tmp_path: Path) -> None:
    path = _blank_pdf(
        tmp_path / "dated.pdf",
        **{
            "/Title": "履职报告",
            "/Author": "李红梅",
            "/CreationDate": "D:20200320093000+08'00'",
            "/ModDate": "D:20200321",
        },
    )
    props = load_pdf(path).properties
    assert props.title == "履职报告"
    assert props.author == "李红梅"
    assert props.created == dt.datetime(
        2020, 3, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))
    )
    assert props.modified == dt.datetime(2020, 3, 21)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("D:20200320", dt.datetime(2020, 3, 20)),
        ("D:20200320093000Z", dt.datetime(2020, 3, 20, 9, 30, tzinfo=dt.UTC)),
        ("D:20261127001307Z'", dt.datetime(2026, 11, 27, 0, 13, 7, tzinfo=dt.UTC)),
        (
            "D:20200320093000-05'30",
            dt.datetime(2020, 3, 20, 9, 30, tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30))),
        ),
        ("20200320", None),
        ("D:20201340", None),
        ("", None),
    ],
)
def test_parse_pdf_date(raw: str, expected: dt.datetime | None) -> None:
    assert parse_pdf_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("财预〔2020〕7 号", "财预〔2020〕7号"),
        ("2020 年3 月20 日", "2020年3月20日"),
        ("市 财 政 局", "市财政局"),
        ("增长6.3% ，为全市", "增长6.3%，为全市"),
        ("Word document 文档", "Word document文档"),
        ("第一行 \n 第二行", "第一行\n第二行"),
    ],
)
def test_tidy_text(raw: str, tidy: str) -> None:
    assert tidy_text(raw) == tidy


# --- the shipped sample ------------------------------------------------------------------


def test_the_sample_pdf_reads_as_a_report() -> None:
    reports = data_dir("samples") / "reports"
    path = next(reports.glob("*.pdf"))
    doc = load_pdf(path)
    assert has_text_layer(doc)
    assert doc.page_count and doc.page_count > 1
    body = [p for p in doc.paragraphs if p.part == Part.BODY]
    assert body[0].role == Role.TITLE and "2019年度履职报告" in body[0].text
    assert body[-1].role == Role.DATE
    assert body[-2].role == Role.SIGNATURE
    levels = [p.heading_level for p in body if p.role == Role.HEADING]
    assert levels.count(1) == 6
    footers = [p for p in doc.paragraphs if p.part == Part.FOOTER]
    assert [p.text for p in footers] == [f"— {n} —" for n in range(1, doc.page_count + 1)]
    assert [p.page for p in footers] == list(range(1, doc.page_count + 1))
