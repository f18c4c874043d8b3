"""A heading that runs on into body text in the same paragraph (（一）……。正文……) is judged
by its own characters, in a PDF as in a .docx (GB304 looks at the heading's face)."""

from __future__ import annotations

import io
import zipfile

import pytest
from pdfbuild import require_soffice

from gongwen import check_file
from gongwen.checks.text import first_face
from gongwen.export import to_pdf
from gongwen.ingest import load
from gongwen.model import Role
from gongwen.resources import data_dir

SAMPLE = data_dir("samples") / "reports" / "市财政局-张伟-2019年度履职报告.docx"
BODY = (
    '<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" '
    'w:eastAsia="仿宋_GB2312"/><w:b w:val="0"/></w:rPr><w:t>全年完成一般公共预算收入'
    "十二亿元，同比增长百分之六，各项收入任务均按进度完成。</w:t></w:r>"
)


@pytest.fixture(scope="module")
def run_in(tmp_path_factory):
    """The sample's first level-2 heading made to run on into a sentence of body text."""
    require_soffice()
    folder = tmp_path_factory.mktemp("runin")
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                head = "（一）狠抓收入组织，财政实力稳步增强"
                xml = xml.replace(f"<w:t>{head}</w:t></w:r>", f"<w:t>{head}。</w:t></w:r>{BODY}", 1)
                data = xml.encode("utf-8")
            dst.writestr(item, data)
    docx = folder / "runin.docx"
    docx.write_bytes(out.getvalue())
    (pdf,) = to_pdf([docx], folder).pdfs
    return docx, pdf


def test_the_docx_and_its_pdf_agree_on_the_heading(run_in):
    docx, pdf = run_in
    assert "GB304" not in {f.code for f in check_file(docx).findings}
    assert "GB304" not in {f.code for f in check_file(pdf).findings}


def test_the_pdf_heading_keeps_its_own_face(run_in):
    _, pdf = run_in
    heading = next(
        p for p in load(pdf).paragraphs if p.role == Role.HEADING and p.text.startswith("（一）")
    )
    assert "全年完成" in heading.text  # the body text is in the same paragraph
    assert "Kai" in (first_face(heading) or "")  # 楷体 (FandolKai here), not the body's 仿宋
    assert "".join(r.text for r in heading.runs) == heading.text
