"""The CSV form of a check run: one row per finding, for a spreadsheet."""

from __future__ import annotations

import csv
import io

from gongwen.findings import CheckReport
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


def to_csv(report: CheckReport, lang: str = "zh") -> str:
    """Every finding of the run as CSV rows, with a header in `lang` (UTF-8 BOM for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t(label, lang) for _, label in COLUMNS])
    departments = {r.file: r.department or "" for r in report.files}
    for f in report.all_findings:
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
    return "\ufeff" + out.getvalue()
