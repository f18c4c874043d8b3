"""Report formats: JSON round-trips through the schema, CSV and table say what was found."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from gongwen.batch import totals
from gongwen.cli.schema import schema
from gongwen.findings import (
    Category,
    CheckReport,
    FileResult,
    FileStatus,
    Finding,
    Location,
    ReceiptSource,
    Severity,
)
from gongwen.report import to_csv, to_json, to_table
from gongwen.roster import RosterEntry

ROSTER = [
    RosterEntry("市财政局", "张伟", "局长"),
    RosterEntry("市教育局", "李娜", "局长"),
    RosterEntry("市民政局", "王强", "局长"),
]


def finding(code: str, severity: Severity, file: str, paragraph: int | None = None) -> Finding:
    return Finding(
        code=code,
        name="成文日期",
        severity=severity,
        category=Category.FORMAT,
        message="成文日期不应有前导零",
        file=file,
        location=Location(paragraph=paragraph, snippet="2020年03月05日"),
        expected="2020年3月5日",
        actual="2020年03月05日",
        clause="GB/T 9704-2012 7.3.5.4",
    )


def sample_report() -> CheckReport:
    files = [
        FileResult(
            file="a.docx",
            format="docx",
            department="市财政局",
            official="张伟",
            received=dt.date(2020, 3, 20),
            received_source=ReceiptSource.REGISTER,
            on_time=True,
            findings=[finding("GB308", Severity.ERROR, "a.docx", 42)],
        ),
        FileResult(
            file="b.docx",
            format="docx",
            department="市教育局",
            official="李娜",
            received=dt.date(2020, 4, 2),
            received_source=ReceiptSource.REGISTER,
            on_time=False,
            findings=[finding("GB601", Severity.WARNING, "b.docx", 5)],
        ),
        FileResult(file="c.docx", status=FileStatus.UNREADABLE),
    ]
    return CheckReport(
        rule_set="annual-report",
        review_year=2019,
        deadline=dt.date(2020, 3, 31),
        files=files,
        totals=totals(files, ROSTER),
    )


def test_totals_count_over_the_roster():
    report = sample_report()
    t = report.totals
    assert (t.expected, t.received) == (3, 2)
    assert (t.on_time.numerator, t.on_time.denominator) == (1, 3)
    assert t.on_time.percent == 33.3
    assert (t.format_pass.numerator, t.content_pass.numerator) == (1, 2)
    assert t.missing == ["市民政局"]


def test_totals_without_a_roster_count_files():
    report = sample_report()
    t = totals(report.files, [])
    assert (t.expected, t.received, t.on_time.numerator) == (3, 3, 1)
    assert t.missing == []


def test_json_round_trips_and_carries_its_schema_version():
    report = sample_report()
    text = to_json(report)
    data = json.loads(text)
    assert data["schema_version"] == "1.4"
    assert data["files"][0]["findings"][0]["category"] == "format"
    assert data["files"][0]["findings"][0]["location"]["paragraph"] == 42
    assert data["files"][0]["format_pass"] is False and data["files"][1]["format_pass"] is True
    assert "成文日期" in text  # Chinese stays readable, not \u-escaped
    again = CheckReport.model_validate_json(text)
    assert again.files[0].findings[0] == report.files[0].findings[0]


def test_the_json_schema_describes_the_result():
    s = schema("check-result")
    assert s["title"] == "CheckReport"
    assert {"schema_version", "files", "totals"} <= set(s["properties"])
    assert "Finding" in s["$defs"]
    finding = s["$defs"]["Finding"]
    assert "category" in finding["required"]
    assert "content_pass" in finding["properties"]["category"]["description"]
    assert s["$defs"]["Category"]["enum"] == ["input", "submission", "content", "format"]


def test_csv_has_a_translated_header_and_a_row_per_finding():
    text = to_csv(sample_report(), "zh")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["文件", "单位", "代码"]
    assert [r[2] for r in rows[1:]] == ["GB308", "GB601"]
    assert rows[1][1] == "市财政局" and rows[1][3] == "错误" and rows[1][7] == "42"
    english = list(csv.reader(io.StringIO(to_csv(sample_report(), "en").lstrip("\ufeff"))))
    assert english[0][:3] == ["file", "department", "code"]


def test_table_shows_files_findings_and_totals():
    text = to_table(sample_report(), "zh")
    assert "a.docx" in text and "GB308" in text and "¶42" in text
    assert "逾期" in text  # b.docx came late
    assert "1/3（33.3%）" in text
    assert "市民政局" in text
    assert "submitted on time" in to_table(sample_report(), "en")
