"""`gongwen generate --pdf`: the PDFs beside the .docx, kept when LibreOffice is not there."""

from __future__ import annotations

from pdfbuild import require_soffice
from pypdf import PdfReader

from gongwen.cli import main
from gongwen.i18n import t
from gongwen.resources import data_dir

CASE = str(data_dir("samples") / "case.json")


def test_generate_with_pdf_and_verify(tmp_path, capsys):
    require_soffice()
    out = tmp_path / "out"
    code = main(["generate", CASE, "-o", str(out), "--kind", "decision", "--pdf", "--verify"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    (docx,) = out.glob("*.docx")
    pdf = docx.with_suffix(".pdf")
    assert PdfReader(pdf).pages[0].mediabox.width > 590
    # which faces stood in is said, read from the PDF (none where the official ones exist)
    assert "FandolFang" in printed or t("no official face was substituted") in printed


def test_without_libreoffice_the_docx_are_still_written(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GONGWEN_SOFFICE", str(tmp_path / "no-such-soffice"))
    out = tmp_path / "out"
    code = main(["generate", CASE, "-o", str(out), "--kind", "decision", "--pdf"])
    err = capsys.readouterr().err
    assert code == 1
    assert "apt-get install" in err and "LibreOffice" in err
    assert len(list(out.glob("*.docx"))) == 1
    assert not list(out.glob("*.pdf"))
