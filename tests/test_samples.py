"""The shipped samples: each defect gives its exact code and location; the rest are clean.

Driven by `samples/expected.yaml`, which the sample script computes from what it wrote.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from gongwen import check_folder
from gongwen.cli import main
from gongwen.findings import FileStatus, Severity
from gongwen.resources import data_dir

SAMPLES = data_dir("samples")
EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))
FILES = EXPECTED["files"]


@pytest.fixture(scope="module")
def report():
    return check_folder(
        SAMPLES / "reports",
        roster=SAMPLES / "roster.csv",
        register=SAMPLES / "register.csv",
    )


def result_for(report, name):
    (found,) = [r for r in report.files if Path(r.file).name == name]
    return found


def test_every_sample_file_was_checked_and_only_those(report):
    assert sorted(Path(r.file).name for r in report.files) == sorted(f["file"] for f in FILES)


@pytest.mark.parametrize("sample", FILES, ids=lambda s: s["defect"] + ":" + s["file"][:8])
def test_sample_gives_exactly_its_expected_findings(report, sample):
    result = result_for(report, sample["file"])
    serious = [f for f in result.findings if f.severity != Severity.INFO]
    assert {f.code for f in serious} == {e["code"] for e in sample["expect"]}, [
        (f.code, f.location.paragraph, f.message) for f in serious
    ]
    for expected in sample["expect"]:
        mine = [f for f in serious if f.code == expected["code"]]
        assert mine[0].location.paragraph == expected["paragraph"]
        if "paragraphs" in expected:
            assert {f.location.paragraph for f in mine} <= set(expected["paragraphs"])
    assert result.department == sample["department"]


def test_conforming_reports_have_no_error_and_no_warning(report):
    clean = [s["file"] for s in FILES if s["defect"] == "none"]
    assert len(clean) >= 4
    for name in clean:
        result = result_for(report, name)
        assert result.count(Severity.ERROR) == result.count(Severity.WARNING) == 0, name
        assert result.content_pass and result.format_pass and result.on_time


def test_the_unreadable_file_is_reported_and_the_batch_goes_on(report):
    (broken,) = [r for r in report.files if r.status == FileStatus.UNREADABLE]
    assert [f.code for f in broken.findings] == ["IO001"]
    assert sum(r.status == FileStatus.CHECKED for r in report.files) == len(FILES) - 1


def test_absent_departments_are_reported(report):
    absent = {a["department"] for a in EXPECTED["absent"]}
    assert {f.message.split()[0] for f in report.roster_findings} == absent
    assert {f.code for f in report.roster_findings} == {"AR102"}
    assert set(report.totals.missing) == absent


def test_totals_over_the_roster(report):
    t = report.totals
    roster_size = len(FILES) + len(EXPECTED["absent"])
    assert (t.expected, t.received) == (roster_size, len(FILES))
    late_or_unreadable = {"late"}
    on_time = sum(1 for s in FILES if s["defect"] not in late_or_unreadable)
    assert t.on_time.numerator == on_time


def test_the_command_line_writes_json_and_exits_1_on_errors(tmp_path, capsys):
    out = tmp_path / "result.json"
    code = main(
        [
            "check",
            str(SAMPLES / "reports"),
            "--roster",
            str(SAMPLES / "roster.csv"),
            "--register",
            str(SAMPLES / "register.csv"),
            "--format",
            "json",
            "-o",
            str(out),
        ]
    )
    assert code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.4" and len(data["files"]) == len(FILES)


def test_select_and_ignore_narrow_the_rules(tmp_path, capsys):
    code = main(
        [
            "check",
            str(SAMPLES / "reports"),
            "--register",
            str(SAMPLES / "register.csv"),
            "--select",
            "GB308",
            "--format",
            "csv",
        ]
    )
    rows = capsys.readouterr().out.splitlines()[1:]
    assert code == 1
    assert {r.split(",")[2] for r in rows} <= {"GB308", "IO001"}
    assert any(",GB308," in r for r in rows)
    code = main(["check", str(SAMPLES / "reports"), "--ignore", "GB,AR,IO", "--format", "csv"])
    rows = capsys.readouterr().out.splitlines()[1:]
    # A file that cannot be read is always said, whatever is ignored: nothing was checked in it.
    assert [r.split(",")[2] for r in rows] == ["IO001"]
    assert code == 1


def test_year_and_deadline_override_the_rule_set_for_one_run(capsys):
    code = main(
        [
            "check",
            str(SAMPLES / "reports"),
            "--register",
            str(SAMPLES / "register.csv"),
            "--deadline",
            "2020-03-10",
            "--select",
            "AR101",
            "--format",
            "csv",
        ]
    )
    rows = [r for r in capsys.readouterr().out.splitlines()[1:] if ",AR101," in r]
    assert code == 1
    # every report registered after 10 March is now late
    assert len(rows) == sum(1 for s in FILES if s["received"] > "2020-03-10") - 1


def test_english_messages(report, capsys):
    main(
        ["check", str(SAMPLES / "reports"), "--select", "GB308", "--lang", "en", "--format", "csv"]
    )
    text = capsys.readouterr().out
    assert "file,department,code" in text
    rows = text.split("\n")[1:]
    gb308 = [row for row in rows if ",GB308," in row]
    assert gb308, text
    # the message is English; the rule's name is the office's own data (rules/*.yaml)
    assert all("has a leading zero" in row for row in gb308), gb308
