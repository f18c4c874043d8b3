"""One check engine and one PDF reader (issue 13): the layout measurements are rules like
every other, a PDF is opened once, and the faults the split caused stay fixed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pdfbuild import require_soffice

from gongwen import check_file
from gongwen.checks import load_rule_set
from gongwen.checks.loader import RuleSetError
from gongwen.cli import main
from gongwen.errors import GongwenError
from gongwen.resources import data_dir

SAMPLE_PDF = data_dir("samples") / "reports" / "市审计局-郭春燕-2019年度履职报告.pdf"
RULES = data_dir("rules")


def test_a_layout_rule_is_explained_like_any_rule(capsys):
    assert main(["rules", "GB705"]) == 0
    out = capsys.readouterr().out
    assert "发文机关标志位置" in out and "pdf_issuer_mark" in out and "7.2.4" in out


def test_an_office_turns_a_layout_rule_off_or_tunes_it(tmp_path):
    office = tmp_path / "office.yaml"
    office.write_text(
        f"title: 本单位\nextends: {RULES / 'gbt9704.yaml'}\noverrides:\n"
        "  GB713: {enabled: false}\n  GB705: {params: {tolerance_mm: 2}}\nrules: []\n",
        encoding="utf-8",
    )
    rules = load_rule_set(office)
    codes = {r.code for r in rules.rules}
    assert "GB713" not in codes and rules.get("GB705").params["tolerance_mm"] == 2


def test_a_misspelt_layout_parameter_names_the_file_and_the_key(tmp_path, capsys):
    text = (RULES / "gbt9704-pdf.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "p.yaml"
    bad.write_text(
        text.replace("extends: input", f"extends: {RULES / 'input.yaml'}").replace(
            "height_mm: 297, tolerance_mm:", "height_mm: 297, tolerance_mmm:", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(bad)
    said = caught.value.message("en")
    assert "p.yaml" in said and "tolerance_mmm" in said
    assert main(["verify", "--rules", str(bad), str(SAMPLE_PDF), "--lang", "en"]) == 2
    assert "tolerance_mmm" in capsys.readouterr().err


def test_a_pdf_locked_only_against_editing_is_read_and_nothing_contradicts(tmp_path):
    from pypdf import PdfWriter

    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=str(SAMPLE_PDF))
    writer.encrypt(user_password="", owner_password="x", algorithm="RC4-128")
    with locked.open("wb") as out:
        writer.write(out)
    plain = {f.code for f in check_file(SAMPLE_PDF).findings}
    found = {f.code for f in check_file(locked).findings}
    assert "IO003" not in found and found == plain


def test_without_pdftoppm_a_run_says_so_once_and_no_file_is_blamed(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}
    run = subprocess.run(
        [sys.executable, "-m", "gongwen", "check", str(SAMPLE_PDF), "--format", "json",
         "--lang", "en"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert "IO004" not in run.stdout
    assert run.stderr.count("pdftoppm") == 1
    assert run.returncode == 0  # the conforming report is still conforming


def test_a_submitted_pdf_is_opened_once(monkeypatch):
    import pypdf

    opened = []
    real = pypdf.PdfReader

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            opened.append(args[0] if args else kwargs.get("stream"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pypdf, "PdfReader", Counting)
    result = check_file(SAMPLE_PDF)
    assert result.format == "pdf" and len(opened) == 1


def test_rule_set_errors_speak_the_language_asked(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: t\nrules:\n  - {code: GB799, name: x, kind: nosuch, clause: '1', "
                   "strength: 规定}\n", encoding="utf-8")  # fmt: skip
    assert main(["check", str(SAMPLE_PDF), "--rules", str(bad), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "nosuch" in err and "kind" in err
    assert not any("\u4e00" <= c <= "\u9fff" for c in err.replace("bad.yaml", "")), err


def test_every_error_of_a_users_input_has_one_root():
    from gongwen.case import CaseError
    from gongwen.ingest import IngestError

    for error in (CaseError, IngestError, RuleSetError):
        assert issubclass(error, GongwenError)


def test_the_generated_round_verifies_through_the_same_engine(tmp_path):
    require_soffice()
    from gongwen.case import load_case
    from gongwen.fit import generate

    fitted = generate(load_case(data_dir("samples") / "case.json"), tmp_path, ["decision"])
    (pdf,) = fitted.export.pdfs
    result = check_file(pdf, "gbt9704-pdf")
    assert result.findings == [] and Path(result.file).name == pdf.name
