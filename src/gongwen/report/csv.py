"""The CSV form of a check run: one row per finding, for a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from gongwen.findings import CheckReport, FileResult, Finding
from gongwen.i18n import N_, t

COLUMNS = (
    ("file", N_("file")),
    ("department", N_("department")),
    ("code", N_("code")),
    ("severity", N_("severity")),
    ("name", N_("rule")),
    ("message", N_("message")),
    ("page", N_("page")),
    ("paragraph", N_("paragraph")),
    ("snippet", N_("text")),
    ("expected", N_("expected")),
    ("actual", N_("actual")),
    ("clause", N_("clause")),
)


def write_csv(
    out: TextIO,
    report: CheckReport,
    lang: str = "zh",
    files: Iterable[FileResult] | None = None,
    departments: Mapping[str, str] | None = None,
) -> None:
    """Write every finding of the run to `out` as `to_csv` gives it, one file at a time.

    `files`, when given, are written in place of `report.files` and read once; then
    `departments` (each file's department, "" for none) must be given too, since a finding is
    placed by the file it names, which need not be the result it came in.
    """
    if files is None:
        files = report.files
        departments = {r.file: r.department or "" for r in report.files}
    elif departments is None:
        raise ValueError("write_csv needs the departments of the files it is given")
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t(label, lang) for _, label in COLUMNS])
    for result in files:
        _write_rows(writer, result.findings, departments, lang)
    _write_rows(writer, report.roster_findings, departments, lang)


def _write_rows(
    writer: Any, findings: Iterable[Finding], departments: Mapping[str, str], lang: str
) -> None:
    for f in findings:
        row = {
            "file": f.file,
            "department": departments.get(f.file, ""),
            "code": f.code,
            "severity": t(f.severity.value, lang),
            "name": f.name,
            "message": f.message,
            "page": f.location.page,
            "paragraph": f.location.paragraph,
            "snippet": f.location.snippet,
            "expected": f.expected,
            "actual": f.actual,
            "clause": f.clause,
        }
        writer.writerow(["" if row[k] is None else row[k] for k, _ in COLUMNS])


def to_csv(report: CheckReport, lang: str = "zh") -> str:
    """Every finding of the run as CSV rows, with a header in `lang` (UTF-8 BOM for Excel)."""
    out = io.StringIO()
    write_csv(out, report, lang)
    return out.getvalue()
