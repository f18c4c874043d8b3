"""Comments on text that a field shows (a DATE, a PAGE): the range and the reference stand
around the whole field, so a program updating the field keeps the comment."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import docx
from docx.oxml import parse_xml
from lxml import etree
from pdfbuild import require_soffice

from gongwen import annotate, load
from gongwen.findings import Category, FileResult, Finding, Location, Severity

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
FIELD = (
    '<w:r xmlns:w="{ns}"><w:fldChar w:fldCharType="begin"/></w:r>',
    '<w:r xmlns:w="{ns}"><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" '
    "</w:instrText></w:r>",
    '<w:r xmlns:w="{ns}"><w:fldChar w:fldCharType="separate"/></w:r>',
    '<w:r xmlns:w="{ns}"><w:t>2020年3月5日</w:t></w:r>',
    '<w:r xmlns:w="{ns}"><w:fldChar w:fldCharType="end"/></w:r>',
)


def dated(tmp_path):
    """A .docx whose date line is 成文日期： and a DATE field, with a finding on the date and
    one on the whole line."""
    word = docx.Document()
    word.add_paragraph("青山市人大常委会关于某某的报告")
    line = word.add_paragraph("成文日期：")
    for run in FIELD:
        line._p.append(parse_xml(run.format(ns=W_NS)))
    path = tmp_path / "dated.docx"
    word.save(path)
    paragraph = next(p for p in load(path).paragraphs if p.text.startswith("成文日期"))
    start = paragraph.text.index("2020")
    common = {"name": "测试", "severity": Severity.WARNING, "category": Category.FORMAT,
              "file": str(path)}  # fmt: skip
    where = paragraph.index + 1
    findings = [
        Finding(
            code="GB900",
            message="日期",
            location=Location(paragraph=where, span=(start, len(paragraph.text))),
            **common,
        ),
        Finding(code="GB901", message="整行", location=Location(paragraph=where), **common),
    ]
    return path, FileResult(file=str(path), format="docx", findings=findings)


def test_the_range_and_reference_stand_outside_the_field_result(tmp_path):
    path, result = dated(tmp_path)
    data = annotate(path, result, when=dt.date(2020, 4, 1))
    body = docx.Document(io.BytesIO(data)).element.body
    line = next(p for p in body.iter(f"{W}p") if "成文日期" in "".join(p.itertext()))
    depth = 0
    for element in line.iter():
        kind = element.get(f"{W}fldCharType")
        if kind == "begin":
            depth += 1
        elif kind == "end":
            depth -= 1
        elif element.tag in (f"{W}commentRangeStart", f"{W}commentRangeEnd",
                             f"{W}commentReference"):  # fmt: skip
            assert depth == 0, etree.QName(element).localname


def test_libreoffice_keeps_the_comments_when_it_reads_the_field(tmp_path):
    require_soffice()
    path, result = dated(tmp_path)
    copy = tmp_path / "copy.docx"
    copy.write_bytes(annotate(path, result, when=dt.date(2020, 4, 1)))
    out = tmp_path / "out"
    profile = (tmp_path / "profile").resolve().as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "docx:MS Word 2007 XML", "--outdir", str(out), str(copy)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    texts = [c.text for c in docx.Document(str(out / "copy.docx")).comments]
    assert sum(t.startswith(("GB900", "GB901")) for t in texts) == 2, texts
