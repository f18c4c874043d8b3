"""Marked-up copies as a reviewer opens them: LibreOffice exports every comment of a .docx copy
as a PDF note on the page of its text, and a PDF submission's copy carries its notes as
annotations that pypdf reads and poppler draws."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from pdfbuild import require_soffice

from gongwen import annotate, check_file, load
from gongwen.cli import main
from gongwen.findings import FileStatus
from gongwen.resources import data_dir

SAMPLES = data_dir("samples")
DEFECTS = [
    SAMPLES / "reports" / f"{name}-2019年度履职报告.{suffix}"
    for name, suffix in (("市应急管理局-朱国庆", "doc"), ("市人力资源和社会保障局-孙丽华", "docx"),
                         ("市商务局-胡少华", "docx"))
]  # fmt: skip
WHEN = dt.date(2020, 4, 1)
NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def soffice(tmp: Path, files: list[Path], target: str, outdir: Path) -> None:
    profile = (tmp / "profile").resolve().as_uri()
    argv = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--convert-to", target, "--outdir", str(outdir), *map(str, files)]  # fmt: skip
    subprocess.run(argv, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    """(original, check result, marked-up copy, its PDF with notes) of every checked sample."""
    require_soffice()
    tmp = tmp_path_factory.mktemp("annotated")
    out = []
    for path in sorted((SAMPLES / "reports").glob("*.doc*")):  # the .doc's copy is a .docx
        result = check_file(path, register=SAMPLES / "register.csv")
        if result.status != FileStatus.CHECKED:
            continue
        copy = tmp / f"{path.stem}.docx"
        copy.write_bytes(annotate(path, result, when=WHEN))
        out.append((path, result, copy))
    soffice(tmp, [c for _, _, c in out], NOTES, tmp / "pdf")
    return [(p, r, c, tmp / "pdf" / f"{c.stem}.pdf") for p, r, c in out]


def test_libreoffice_shows_every_comment_as_a_note_on_the_page_of_its_text(copies):
    from pypdf import PdfReader

    assert any(p.suffix == ".doc" for p, *_ in copies)
    for path, result, copy, pdf in copies:
        reader = PdfReader(pdf)
        notes = [
            (number, str(a.get_object()["/Contents"]))
            for number, page in enumerate(reader.pages, start=1)
            for a in page.get("/Annots") or []
            if a.get_object()["/Subtype"] == "/Text"
        ]
        pages = {n: squash(page.extract_text()) for n, page in enumerate(reader.pages, start=1)}
        document = load(copy)  # the submission's text (a .doc's as LibreOffice reads it)
        placed = [f for f in result.findings if f.location.paragraph is not None]
        whole = len(result.findings) > len(placed) or not result.findings
        merged = sum(len(f.also) for f in placed)  # a note at each place merged into one
        assert len(notes) == len(placed) + merged + whole, path.name
        for finding in placed:
            text = squash(document.paragraphs[finding.location.paragraph - 1].text)
            mine = [n for n, note in notes if note.startswith(f"{finding.code} {finding.name}")
                    and finding.message in note]  # fmt: skip
            assert mine, (path.name, finding.code)
            # the note stands on a page that shows the paragraph's text (its start or its end)
            assert any(text[:8] in pages[n] or text[-8:] in pages[n] for n in mine), finding


@pytest.fixture(scope="module")
def pdf_copies(tmp_path_factory):
    """(submitted PDF, result, marked-up PDF) for PDFs LibreOffice made of defective samples."""
    require_soffice()
    tmp = tmp_path_factory.mktemp("pdf")
    soffice(tmp, DEFECTS, "pdf", tmp)
    out = []
    for path in sorted(tmp.glob("*.pdf")):
        result = check_file(path)
        copy = tmp / f"marked-{path.name}"
        copy.write_bytes(annotate(path, result, when=WHEN))
        out.append((path, result, copy))
    return out


def test_a_pdf_copy_has_a_highlight_with_the_note_at_each_finding(pdf_copies):
    from pypdf import PdfReader

    for path, result, copy in pdf_copies:
        document = load(path)
        reader = PdfReader(copy)
        highlights = [
            (number, a.get_object())
            for number, page in enumerate(reader.pages, start=1)
            for a in page.get("/Annots") or []
            if a.get_object()["/Subtype"] == "/Highlight"
        ]
        # each finding at its place, then one at each place merged into it (Finding.also)
        placed = [(f, where) for f in result.findings if f.location.paragraph is not None
                  for where in (f.location, *f.also)]  # fmt: skip
        whole = any(f.location.paragraph is None for f in result.findings)
        assert len(highlights) == len(placed) + whole
        # each on the page of its place (the notes of a page come in the page's order)
        wanted = Counter((document.paragraphs[where.paragraph - 1].page, f"{f.code} {f.name}")
                         for f, where in placed)  # fmt: skip
        found = Counter((number, str(note["/Contents"]).splitlines()[0].rpartition("（")[0])
                        for number, note in highlights)  # fmt: skip
        assert wanted <= found, wanted - found
        for _number, note in highlights:
            assert str(note["/T"]) == "评阅专班"
        # a second run over the copy gives the same file
        assert annotate(copy, check_file(copy), when=WHEN) == copy.read_bytes()


def test_the_notes_are_drawn_on_the_page(pdf_copies, tmp_path):
    path, _result, copy = pdf_copies[0]

    def yellow(pdf: Path) -> int:
        """Highlighter-yellow pixels of page 1 as poppler draws it (binary PPM, P6)."""
        stem = tmp_path / pdf.stem
        subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(stem)],
                       check=True)  # fmt: skip
        (ppm,) = tmp_path.glob(f"{pdf.stem}*.ppm")
        data = ppm.read_bytes()
        _magic, _width, _height, _depth, pixels = data.split(maxsplit=4)
        rgb = zip(pixels[0::3], pixels[1::3], pixels[2::3], strict=False)
        return sum(1 for r, g, b in rgb if r > 200 and g > 180 and b < 140)

    assert yellow(path) == 0
    assert yellow(copy) > 500


def test_the_command_line_writes_copies_and_lists_the_unreadable(tmp_path, capsys):
    outdir = tmp_path / "批注稿"
    code = main(["annotate", str(SAMPLES / "reports"), "-o", str(outdir), "--note-date",
                 "2020-04-01", "--register", str(SAMPLES / "register.csv")])  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 1
    submitted = sorted(p.name for p in (SAMPLES / "reports").iterdir())
    written = sorted(p.name for p in outdir.iterdir())
    assert len(written) == len(submitted) - 1  # the damaged sample is listed, not copied
    assert "IO001" in printed and written[0] in printed
    again = tmp_path / "again"
    main(["check", str(SAMPLES / "reports"), "--annotate", str(again), "--note-date", "2020-04-01",
          "--register", str(SAMPLES / "register.csv"), "--format", "csv"])  # fmt: skip
    for name in written:
        assert (again / name).read_bytes() == (outdir / name).read_bytes(), name
