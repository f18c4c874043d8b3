"""公文 as offices set them in Word and WPS: the 版头 in its real forms, templates, 联合行文,
heading styles and captions (tests/fixtures/offices/, driven by expected.yaml)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from docxbuild import without_character_grid

from gongwen import check_file
from gongwen.findings import Severity
from gongwen.ingest import load
from gongwen.landing import landing
from gongwen.model import Role

OFFICES = Path(__file__).parent / "fixtures" / "offices"
WRITERS = Path(__file__).parent / "fixtures" / "writers"
FILES = yaml.safe_load((OFFICES / "expected.yaml").read_text(encoding="utf-8"))["files"]


def _found(path: Path, **options: object) -> list[str]:
    result = check_file(path, **options)  # type: ignore[arg-type]
    return sorted(
        f.code if f.location.paragraph is None else f"{f.code}@{f.location.paragraph}"
        for f in result.findings
    )


@pytest.mark.parametrize("case", FILES, ids=lambda c: c["file"])
def test_each_file_gives_exactly_its_findings(case):
    assert _found(OFFICES / case["file"], rules="gbt9704") == sorted(case["expect"])


@pytest.mark.parametrize("case", FILES, ids=lambda c: c["file"])
def test_each_line_is_read_as_what_it_is(case):
    paragraphs = load(OFFICES / case["file"]).paragraphs
    got = {n: paragraphs[n - 1].role.value for n in case["roles"]}
    assert got == case["roles"]


def test_the_wps_files_say_wps_and_the_word_files_do_not():
    """The corpus is what its names say: WPS's build number in docProps/custom.xml, Word's
    ascii faces apart from its eastAsia ones (WPS fills every slot with the same face)."""
    for case in FILES:
        with zipfile.ZipFile(OFFICES / case["file"]) as zf:
            names = zf.namelist()
            custom = (
                zf.read("docProps/custom.xml").decode() if "docProps/custom.xml" in names else ""
            )
            document = zf.read("word/document.xml").decode()
        wps = case["file"].startswith("wps-")
        assert ("KSOProductBuildVer" in custom) == wps, case["file"]
        assert ('w:ascii="Times New Roman"' in document) != wps, case["file"]


def test_a_report_in_its_departments_masthead_is_read_as_a_report():
    """The annual-report rules find the same as in the plain report the text came from."""
    roster = WRITERS / "名单-gbk.csv"
    masthead = check_file(OFFICES / "wps-report-in-masthead.docx", roster=roster)
    plain = check_file(WRITERS / "wps-fullwidth-spaces.docx", roster=roster)
    assert masthead.department == plain.department == "市财政局"
    serious = [f.code for f in masthead.findings if f.severity != Severity.INFO]
    assert serious == [f.code for f in plain.findings if f.severity != Severity.INFO] == []
    assert masthead.official == plain.official == "张伟"


def test_a_template_is_said_once_and_its_blanks_are_not_judged():
    result = check_file(OFFICES / "wps-template-placeholder.docx", rules="gbt9704")
    (finding,) = result.findings
    assert (finding.code, finding.severity, finding.actual) == ("GB001", Severity.INFO, "XX")
    doc = load(OFFICES / "wps-template-placeholder.docx")
    # the instruction is text to be replaced, never the 署名 however near the date it is
    instruction = next(p for p in doc.paragraphs if p.text.startswith("[此处"))
    assert instruction.role == Role.BODY


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("name", ["word-joint-line.docx", "wps-upward-signer.docx"])
def test_libreoffice_sets_the_signature_where_the_checker_says(tmp_path: Path, name: str) -> None:
    """The 署名 (a joint row of names too) and the date end where landing says, within one 字."""
    from gongwen.export import to_pdf

    source = without_character_grid(OFFICES / name, tmp_path / name)
    doc = load(source)
    section = doc.sections[0]
    placed = [p for p in doc.paragraphs if p.role in (Role.SIGNATURE, Role.DATE)]
    assert to_pdf([source], tmp_path / "pdf").ok
    layout = load(tmp_path / "pdf" / name.replace(".docx", ".pdf")).layout
    lines = [line for page in layout.pages for line in page.lines]
    one_char_mm = 16 * 25.4 / 72
    for p in placed:
        said = landing(p, section)
        assert said is not None
        drawn = next(line for line in reversed(lines) if line.text.endswith(p.text.strip()[-4:]))
        said_mm = section.margin_left.mm + said.right * one_char_mm
        assert abs(drawn.right.mm - said_mm) < one_char_mm, (p.text, drawn.right.mm, said_mm)


# A PDF carries no table structure: the rows of word-styled-report's table read as body text
PDF_ONLY = {"word-styled-report.docx": [("GB303", "项目金额（亿"), ("GB303", "一般公共预算收")]}


def _placed(path: Path) -> list[tuple[str, str]]:
    """(code, the first characters of its paragraph) of every finding but the GB7xx ones."""
    result = check_file(path, rules="gbt9704")
    return sorted(
        (f.code, "".join((f.location.snippet or "").split())[:6])
        for f in result.findings
        if not f.code.startswith("GB7")
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_pdf_of_each_file_gives_the_same_findings_at_the_same_text(tmp_path: Path) -> None:
    """Exported by LibreOffice, each file reads the same: 版头 lines without their spaces, a
    mark's red from the page, a text box's mark in its place at the top, the 署名 and date
    where they are drawn. The GB7xx layout rules are left out: these files are not set to the
    millimetre."""
    from gongwen.export import to_pdf

    sources = [without_character_grid(OFFICES / c["file"], tmp_path / c["file"]) for c in FILES]
    assert to_pdf(sources, tmp_path / "pdf").ok
    for source in sources:
        pdf = tmp_path / "pdf" / source.name.replace(".docx", ".pdf")
        extra = [(code, text[:6]) for code, text in PDF_ONLY.get(source.name, [])]
        assert _placed(pdf) == sorted(_placed(OFFICES / source.name) + extra), source.name
