"""Writing a case as the workbook an office works in: a sheet per part, drop-downs, real dates.

The same case gives the same bytes: fixed document dates and zip entry times.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongwen.case import Case
from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.render.kinds import KINDS
from gongwen.workbook.cells import Bad, Context, Day, Moment
from gongwen.workbook.kinds import TEXT
from gongwen.workbook.layout import (
    CONTENT,
    ITEM,
    KEY,
    NOTES,
    SHEETS,
    STEP_KEYS,
    Column,
    Sheet,
    columns,
    heading,
    step_label,
)
from gongwen.workbook.notes import HEADER_FILL, READ_ONLY_FILL, notes, styled_header
from gongwen.workbook.where import WorkbookError

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SPARE_ROWS = 200  # rows below the last that keep the drop-downs, for rows a clerk adds
Records = list[tuple[str, dict[str, Any]]]  # (JSON path of the record, the record)


def workbook_bytes(case: Case, lang: str = DEFAULT_LANG) -> bytes:
    """The workbook of `case`: a sheet per part of the case, then 说明; WorkbookError for a
    case a workbook cannot hold (an embedded last year, a name with a line break)."""
    from openpyxl import Workbook

    from gongwen.writing import xlsx_bytes

    ctx = Context(lang, tuple(case.scheme.names))
    data = case.model_dump(mode="python", by_alias=True)
    problems: list[tuple[str, str]] = []
    if isinstance(data["last_year"], dict):
        msgid = N_("last year's round is embedded: save it as a case file and name its path")
        problems.append(("last_year", t(msgid, lang)))
    wb = Workbook()
    for number, sheet in enumerate(SHEETS):
        ws = wb.create_sheet(t(sheet.title, lang)) if number else wb.worksheets[0]
        ws.title = t(sheet.title, lang)
        rows = records(sheet.key, data, lang)
        if sheet.record:
            _record(ws, sheet, rows[0], ctx, problems)
        else:
            _table(ws, columns(sheet, case), rows, ctx, problems)
    notes(wb.create_sheet(t(NOTES, lang)), case, lang)
    if problems:
        raise WorkbookError(problems)
    return xlsx_bytes(wb, dt.datetime.combine(case.deadline, dt.time()))


def write_workbook(
    case: Case, path: str | Path, lang: str = DEFAULT_LANG, *, force: bool = False
) -> Path:
    """Write the workbook atomically; FileExistsError if `path` exists and not `force`."""
    from gongwen.writing import write_new

    return write_new(Path(path), lambda: workbook_bytes(case, lang), force=force)


def records(key: str, data: dict[str, Any], lang: str) -> Records:
    """The records of the sheet called `key`, each with its JSON path."""
    if key == "basics":
        return [("", {**data, "is_draft": data["draft"] is not None})]
    if key == "survey":
        return [("survey", data["survey"] or {})]
    if key == "team":
        team = data["team"]
        people = [
            ("team.leader", {"role": "leader", **team["leader"]}),
            *(
                (f"team.deputies[{i}]", {"role": "deputy", **p})
                for i, p in enumerate(team["deputies"])
            ),
            *(
                (f"team.members[{i}]", {"role": "member", **p})
                for i, p in enumerate(team["members"])
            ),
        ]
        return _numbered(people, "person")
    if key == "steps":
        return [
            (
                f"steps.{k}",
                {
                    "step": step_label(k, data["steps"][k]["name"], lang),
                    "key": k,
                    **data["steps"][k],
                },
            )
            for k in STEP_KEYS
        ]
    if key == "departments":
        return _numbered(
            [(f"departments[{i}]", d) for i, d in enumerate(data["departments"])], "department"
        )
    if key == "issues":
        return _numbered(
            [
                (
                    f"departments[{i}].issues[{j}]",
                    {**issue, "department": d["name"], "official": d["official"]["name"]},
                )
                for i, d in enumerate(data["departments"])
                for j, issue in enumerate(d["issues"])
            ],
            "issue",
        )
    if key in ("interviews", "supervisions"):
        return [
            (f"{key}[{i}]", {**item, "key": f"{key[:-1]}-{i + 1}"})
            for i, item in enumerate(data[key])
        ]
    return _documents(data)


def _numbered(rows: Records, name: str) -> Records:
    """`rows` each with the hidden key that keeps its place in the case: department-3."""
    return [(base, {**record, "key": f"{name}-{n}"}) for n, (base, record) in enumerate(rows, 1)]


def _documents(data: dict[str, Any]) -> Records:
    report, circular = data["report"], data["circular"]
    out: Records = [
        ("report", {**report, "points": report["proposals"], "key": "report"}),
        ("circular", {**circular, "points": circular["requirements"], "key": "circular"}),
        ("feedback", {**data["feedback"], "key": "feedback"}),
    ]
    for i, iv in enumerate(data["interviews"]):
        label = f"{KINDS['interview'].label}（{iv['department']}）"
        out.append((f"interviews[{i}].document", {**iv["document"], "key": f"interview-{i + 1}"}))
        out[-1][1]["document"] = label
    for i, s in enumerate(data["supervisions"]):
        label = f"{KINDS['decision'].label}（{s['subject']}）"
        out.append(
            (f"supervisions[{i}].document", {**s["document"], "key": f"supervision-{i + 1}"})
        )
        out[-1][1]["document"] = label
    for (_, record), kind in zip(out, ("report", "circular", "feedback"), strict=False):
        record["document"] = KINDS[kind].label
    return out


def get(record: dict[str, Any], path: str) -> Any:
    """The value at the dotted `path` of `record`; None where any step is missing."""
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _fill(ws: Worksheet, row: int, number: int, column: Column, value: Any) -> None:
    from openpyxl.styles import Alignment, PatternFill

    cell = ws.cell(row=row, column=number, value=value)
    if isinstance(value, str) and cell.data_type != "s":
        # openpyxl takes "=…" for a formula and "#N/A" for an error; the clerk's words are text,
        # and the quote prefix keeps Excel from reading them as a formula once edited
        cell.data_type = "s"
        cell.quotePrefix = True
    cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    if column.derived:
        cell.fill = PatternFill("solid", fgColor=READ_ONLY_FILL)
    if column.kind.number_format:
        cell.number_format = column.kind.number_format


def _written(
    column: Column, value: Any, path: str, ctx: Context, problems: list[tuple[str, str]]
) -> Any:
    try:
        return column.kind.write(value, ctx)
    except Bad as bad:
        problems.append((path, bad.message(ctx.lang)))
        return None


def _table(
    ws: Worksheet,
    cols: Sequence[Column],
    rows: Records,
    ctx: Context,
    problems: list[tuple[str, str]],
) -> None:
    from openpyxl.utils import get_column_letter

    styled_header(
        ws,
        [heading(c, ctx.lang) for c in cols],
        [c.width for c in cols],
        [READ_ONLY_FILL if c.derived else HEADER_FILL for c in cols],
    )
    for r, (base, record) in enumerate(rows, start=2):
        for n, column in enumerate(cols, start=1):
            path = f"{base}.{column.path}" if column.path else base
            value = _written(column, get(record, column.path), path, ctx, problems)
            _fill(ws, r, n, column, value)
    last = len(rows) + 1 + SPARE_ROWS
    for n, column in enumerate(cols, start=1):
        letter = get_column_letter(n)
        ws.column_dimensions[letter].hidden = column.hidden
        _validate(ws, column, f"{letter}2:{letter}{last}", ctx)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(rows) + 1}"
    _heights(ws)


def _record(
    ws: Worksheet,
    sheet: Sheet,
    row: tuple[str, dict[str, Any]],
    ctx: Context,
    problems: list[tuple[str, str]],
) -> None:
    base, record = row
    styled_header(
        ws, [t(ITEM, ctx.lang), t(CONTENT, ctx.lang), t(KEY.heading, ctx.lang)], [24, 60, 12]
    )
    ws.column_dimensions["C"].hidden = True
    label = Column("label", ITEM, TEXT, None)
    for r, column in enumerate(sheet.columns, start=2):
        path = f"{base}.{column.path}" if base else column.path
        _fill(ws, r, 1, label, t(column.heading, ctx.lang))
        _fill(ws, r, 2, column, _written(column, get(record, column.path), path, ctx, problems))
        _fill(ws, r, 3, KEY, column.key)
        _validate(ws, column, f"B{r}", ctx)
    _heights(ws)


LINE = 15  # points: one line of the default face
CJK = re.compile(r"[\u2e80-\uffef]")  # a wide character takes two units of a column's width


def _heights(ws: Worksheet) -> None:
    """Each row as tall as its longest wrapped cell: neither Excel nor LibreOffice grows a row
    for text written by a program."""
    from openpyxl.utils import get_column_letter

    for number, row in enumerate(ws.iter_rows(min_row=2), start=2):
        lines = 1
        for column, cell in enumerate(row, start=1):
            dimension = ws.column_dimensions[get_column_letter(column)]
            if cell.value is None or dimension.hidden or not isinstance(cell.value, str):
                continue
            width = max(int(dimension.width or 10) - 1, 1)
            units = [len(part) + len(CJK.findall(part)) for part in cell.value.split("\n")]
            lines = max(lines, sum(-(-u // width) or 1 for u in units))
        if lines > 1:
            ws.row_dimensions[number].height = LINE * min(lines, 15)


def _validate(ws: Worksheet, column: Column, where: str, ctx: Context) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if column.derived or column.hidden:
        return
    choices = column.kind.choices(ctx)
    if choices:
        rule = DataValidation(type="list", formula1=f'"{",".join(choices)}"', allow_blank=True)
        rule.error = t(N_("choose from the list"), ctx.lang)
    elif isinstance(column.kind, Day | Moment):
        # a warning, not a stop: a date typed as text (2025年6月18日) is read on import
        rule = DataValidation(
            type="date", operator="greaterThan", formula1="36526", allow_blank=True
        )
        rule.errorStyle = "warning"
        rule.error = t(N_("enter a date, such as 2025年6月18日"), ctx.lang)
    else:
        return
    rule.errorTitle = t(column.heading, ctx.lang)
    rule.showErrorMessage = True  # without it Excel takes any value without a word
    rule.add(where)
    ws.add_data_validation(rule)
