"""Reports as LibreOffice, pandoc and WPS write them: every planted defect found by its code,
and no finding on a conforming file. Driven by tests/fixtures/writers/expected.yaml."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from gongwen import check_file
from gongwen.findings import Severity
from gongwen.ingest import load
from gongwen.model import BoxKind, Part, Role

WRITERS = Path(__file__).parent / "fixtures" / "writers"
EXPECTED = yaml.safe_load((WRITERS / "expected.yaml").read_text(encoding="utf-8"))
FILES = EXPECTED["files"]


@pytest.mark.parametrize("case", FILES, ids=lambda c: c["file"])
def test_each_file_gives_exactly_its_findings(case):
    result = check_file(WRITERS / case["file"], roster=WRITERS / EXPECTED["roster"])
    found = sorted(
        f.code if f.location.paragraph is None else f"{f.code}@{f.location.paragraph}"
        for f in result.findings
        if f.severity != Severity.INFO
    )
    assert found == sorted(case["expect"]), [(f.code, f.message) for f in result.findings]
    assert result.department == EXPECTED["department"]  # matched through the GBK roster


def test_the_corpus_has_conforming_and_defective_files_of_each_writer():
    for writer in ("lo-", "pandoc-", "wps-"):
        mine = [c for c in FILES if c["file"].startswith(writer)]
        assert any(not c["expect"] for c in mine) and any(c["expect"] for c in mine), writer


def _placed(name: str) -> list:
    doc = load(WRITERS / name)
    return [p for p in doc.paragraphs if p.role in (Role.SIGNATURE, Role.DATE)]


@pytest.mark.parametrize(
    ("name", "part", "kind"),
    [
        ("lo-frame.docx", Part.TEXTBOX, BoxKind.TEXTBOX),
        ("wps-textbox.docx", Part.TEXTBOX, BoxKind.TEXTBOX),
        ("wps-vml-textbox.docx", Part.TEXTBOX, BoxKind.TEXTBOX),
        ("lo-table.docx", Part.TABLE, BoxKind.CELL),
        ("pandoc-table.docx", Part.TABLE, BoxKind.CELL),
        ("wps-frame.docx", Part.BODY, BoxKind.FRAME),
    ],
)
def test_signature_and_date_are_read_where_they_were_put(name, part, kind):
    placed = _placed(name)
    assert [p.role for p in placed] == [Role.SIGNATURE, Role.DATE]
    assert {(p.part, p.box.kind if p.box else None) for p in placed} == {(part, kind)}


def test_the_vml_file_has_no_drawingml_and_the_wps_files_say_wps():
    with zipfile.ZipFile(WRITERS / "wps-vml-textbox.docx") as zf:
        xml = zf.read("word/document.xml").decode()
        assert "<v:textbox>" in xml and "wps:txbx" not in xml
        assert "KSOProductBuildVer" in zf.read("docProps/custom.xml").decode()


def test_fixtures_stay_small():
    for case in FILES:
        assert (WRITERS / case["file"]).stat().st_size < 16_000, case["file"]
