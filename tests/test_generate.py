"""`gongwen generate` end to end, and the checker's verdict on what it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

import gongwen
from gongwen.cli import main
from gongwen.findings import Severity
from gongwen.resources import data_dir

SAMPLE = data_dir("samples") / "case.json"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("generated")
    assert main(["generate", str(SAMPLE), "-o", str(out)]) == 0
    return sorted(out.glob("*.docx"))


def test_generate_writes_every_document_and_says_so(tmp_path, capsys):
    assert main(["generate", str(SAMPLE), "-o", str(tmp_path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    files = sorted(tmp_path.iterdir())
    assert len(files) == 1 + 1 + 2 + 1 + 26
    assert {str(f) for f in files} <= set(printed)
    assert "31" in printed[-1]
    assert not [f for f in files if f.suffix != ".docx"]  # no temporary files left


def test_kind_selects_and_existing_files_need_force(tmp_path, capsys):
    args = ["generate", str(SAMPLE), "-o", str(tmp_path), "--kind", "decision", "--kind", "report"]
    assert main(args) == 0
    assert sorted(f.name for f in tmp_path.iterdir()) == [
        "专题监督决定-城区老旧小区改造工作.docx",
        "评阅报告-2019年度.docx",
    ]
    before = (tmp_path / "评阅报告-2019年度.docx").stat().st_mtime_ns
    assert main(args) == 2
    assert "--force" in capsys.readouterr().err
    assert (tmp_path / "评阅报告-2019年度.docx").stat().st_mtime_ns == before
    assert main([*args, "--force"]) == 0


def test_a_missing_case_file_exits_2(tmp_path, capsys):
    assert main(["generate", str(tmp_path / "none.json"), "-o", str(tmp_path / "o")]) == 2
    assert "文件不存在" in capsys.readouterr().err


def test_every_generated_document_passes_the_gbt9704_rules(generated):
    assert len(generated) == 31
    for path in generated:
        result = gongwen.check_file(path, rules="gbt9704")
        bad = [
            f"{f.code} {f.message} {f.location.describe()}"
            for f in result.findings
            if f.severity in (Severity.ERROR, Severity.WARNING)
        ]
        assert bad == [], path.name


def test_the_checker_sees_the_parts_it_checks(generated):
    from gongwen.ingest import load
    from gongwen.model import Role

    # a 函 in 信函格式: its mark is drawn on the page (10.1), the number is a paragraph
    doc = load(next(p for p in generated if p.name.startswith("评阅意见反馈函-市财政局")))
    roles = {p.role for p in doc.paragraphs}
    for role in (
        "DOC_NUMBER",
        "TITLE",
        "RECIPIENT",
        "SIGNATURE",
        "DATE",
        "ATTACHMENT_NOTE",
        "IMPRINT",
        "PAGE_NUMBER",
    ):
        assert getattr(Role, role) in roles, role
    assert Role.ISSUER_MARK not in roles
    notice = load(next(p for p in generated if p.name.startswith("约谈通知")))
    assert {Role.ISSUER_MARK, Role.DOC_NUMBER, Role.TITLE} <= {p.role for p in notice.paragraphs}
