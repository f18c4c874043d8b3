"""Writing the issue ledger (问题清单台账) as an Excel workbook an office can work in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gongwen.case import Case
from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.ledger.sheet import (
    COLUMNS,
    DATE_FORMAT,
    FIRST_ROW,
    HEADER_ROW,
    LEDGER_SHEET,
    STATUS_LABELS,
    SUMMARY_SHEET,
    issue_key,
    letter,
    status_label,
)


def ledger_bytes(case: Case, lang: str = DEFAULT_LANG) -> bytes:
    """The workbook: the ledger sheet, one row per issue, and the summary with the four rates.

    The same case gives the same bytes: fixed document dates and zip entry times.
    """
    from openpyxl import Workbook

    from gongwen.writing import xlsx_bytes

    wb = Workbook()
    _ledger(wb.active, case, lang)
    _summary(wb.create_sheet(t(SUMMARY_SHEET, lang)), case, lang)
    return xlsx_bytes(wb, dt.datetime.combine(case.deadline, dt.time()))


def write_ledger(
    case: Case, path: str | Path, lang: str = DEFAULT_LANG, *, force: bool = False
) -> Path:
    """Write the workbook atomically; FileExistsError if `path` exists and not `force`."""
    from gongwen.writing import write_new

    return write_new(Path(path), lambda: ledger_bytes(case, lang), force=force)


def _ledger(ws, case: Case, lang: str) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    ws.title = t(LEDGER_SHEET, lang)
    last_column = letter(COLUMNS[-2].key)  # the title spans the visible columns
    ws.merge_cells(f"A1:{last_column}1")
    ws["A1"] = t(N_("{year} annual performance reports: issue ledger"), lang, year=case.review_year)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    for number, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=number, value=t(column.heading, lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        dimension = ws.column_dimensions[letter(column.key)]
        dimension.width = column.width
        dimension.hidden = column.hidden
    ws.freeze_panes = f"A{FIRST_ROW}"
    row = FIRST_ROW
    for d, department in enumerate(case.departments, start=1):
        for i, issue in enumerate(department.issues, start=1):
            values = {
                "number": issue.id,
                "department": department.name,
                "official": department.official.name,
                "issue": issue.text,
                "category": issue.category,
                "deadline": issue.deadline,
                "status": status_label(issue.status, lang),
                "rectified_on": issue.rectified_on,
                "remarks": _remarks(issue, lang),
                "key": issue_key(d, department, i, issue),
            }
            for number, column in enumerate(COLUMNS, start=1):
                cell = ws.cell(row=row, column=number, value=values[column.key])
                cell.alignment = wrap
                cell.border = border
                if column.key in ("deadline", "rectified_on"):
                    cell.number_format = DATE_FORMAT
            row += 1
    if row == FIRST_ROW:
        return
    last = row - 1
    labels = ",".join(t(label, lang) for label in STATUS_LABELS.values())
    status = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=False)
    status.error = t(N_("choose a status from the list"), lang)
    status.errorTitle = t(N_("Rectification status"), lang)
    status.showErrorMessage = True  # without it Excel takes any value without a word
    status.add(f"{letter('status')}{FIRST_ROW}:{letter('status')}{last}")
    date = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True)
    date.error = t(N_("enter a date, such as 2020-05-08"), lang)
    date.errorTitle = t(N_("Rectified on"), lang)
    date.showErrorMessage = True
    date.errorStyle = "warning"  # a date typed as text (2020年5月8日) is read too
    date.add(f"{letter('rectified_on')}{FIRST_ROW}:{letter('rectified_on')}{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(date)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{last}"


def _remarks(issue, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    notes = []
    if issue.carried_from:
        notes.append(t(N_("carried over from {year}"), lang, year=issue.carried_from))
    if issue.status.value == "pending":
        notes.append(t(N_("candidate from the check, not yet agreed"), lang))
    if issue.note:
        notes.append(issue.note)
    return "；".join(notes) or None


def _summary(ws, case: Case, lang: str) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Font

    from gongwen.render.rates import rates

    four = rates(case)
    ws.append(
        [
            t(N_("Rate"), lang),
            t(N_("Count"), lang),
            t(N_("Out of"), lang),
            t(N_("Percentage"), lang),
            t(N_("As stated"), lang),
        ]
    )
    for label, rate in (
        (N_("on-time submission rate"), four.on_time),
        (N_("quality pass rate"), four.quality),
        (N_("issue rectification rate"), four.rectification),
        (N_("satisfaction rate"), four.satisfaction),
    ):
        share = rate.numerator / rate.denominator if rate.denominator else None
        ws.append([t(label, lang), rate.numerator, rate.denominator, share, str(rate)])
        ws.cell(row=ws.max_row, column=4).number_format = "0.0%"
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for column, width in zip("ABCDE", (18, 8, 8, 12, 20), strict=True):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A2"
