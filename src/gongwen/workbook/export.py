"""Writing a case as the workbook an office works in: a sheet per part, drop-downs, real dates.

The same case gives the same bytes: fixed document dates and zip entry times.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongwen.case import Case
from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.render.kinds import KINDS
from gongwen.workbook.cells import Bad, Context, Day, Moment
from gongwen.workbook.layout import (
    CONTENT,
    DEPARTMENTS,
    ITEM,
    NOTES,
    SHEETS,
    STEP_NAMES,
    VOTES,
    Column,
    Sheet,
)
from gongwen.workbook.where import WorkbookError

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet
    from pydantic import BaseModel

SPARE_ROWS = 200  # rows below the last that keep the drop-downs, for rows a clerk adds
Records = list[tuple[str, dict[str, Any]]]  # (JSON path of the record, the record)


def workbook_bytes(case: Case, lang: str = DEFAULT_LANG) -> bytes:
    """The workbook of `case`: a sheet per part of the case, then 说明; WorkbookError for a
    case a workbook cannot hold (an embedded last year, a name with a line break)."""
    from openpyxl import Workbook

    from gongwen.ledger.export import _reproducible

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
    _notes(wb.create_sheet(t(NOTES, lang)), case, lang)
    if problems:
        raise WorkbookError(problems)
    stamp = dt.datetime.combine(case.deadline, dt.time())
    wb.properties.creator = "gongwen"
    wb.properties.created = stamp
    buffer = io.BytesIO()
    wb.save(buffer)
    return _reproducible(buffer.getvalue(), stamp)


def write_workbook(
    case: Case, path: str | Path, lang: str = DEFAULT_LANG, *, force: bool = False
) -> Path:
    """Write the workbook atomically; FileExistsError if `path` exists and not `force`."""
    from gongwen.writing import write_bytes

    path = Path(path)
    if path.exists() and not force:
        raise FileExistsError(str(path))
    write_bytes(path, workbook_bytes(case, lang))
    return path


def per_report_votes(case: Case) -> bool:
    """Each report is voted on: the case's survey holds no vote of the round."""
    return case.survey is not None and case.survey.votes is None


def columns(sheet: Sheet, case: Case) -> Sequence[Column]:
    """The columns `sheet` has for `case`: the 测评 columns only where each report is voted on."""
    if sheet is DEPARTMENTS and not per_report_votes(case):
        return [c for c in sheet.columns if c not in VOTES]
    return sheet.columns


def records(key: str, data: dict[str, Any], lang: str) -> Records:
    """The records of the sheet called `key`, each with its JSON path."""
    if key == "basics":
        return [("", {**data, "is_draft": data["draft"] is not None})]
    if key == "survey":
        return [("survey", data["survey"] or {})]
    if key == "team":
        team = data["team"]
        return [
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
    if key == "steps":
        return [
            (f"steps.{k}", {"step": t(msgid, lang), "key": k, **data["steps"][k]})
            for k, msgid in STEP_NAMES.items()
        ]
    if key == "departments":
        return [(f"departments[{i}]", d) for i, d in enumerate(data["departments"])]
    if key == "issues":
        return [
            (
                f"departments[{i}].issues[{j}]",
                {**issue, "department": d["name"], "official": d["official"]["name"]},
            )
            for i, d in enumerate(data["departments"])
            for j, issue in enumerate(d["issues"])
        ]
    if key in ("interviews", "supervisions"):
        return [
            (f"{key}[{i}]", {**item, "key": f"{key[:-1]}-{i + 1}"})
            for i, item in enumerate(data[key])
        ]
    return _documents(data)


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


def _styled_header(ws: Worksheet, headings: list[str], widths: list[float]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    for number, (heading, width) in enumerate(zip(headings, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=number, value=heading)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(number)].width = width
    ws.freeze_panes = "B2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _fill(ws: Worksheet, row: int, number: int, column: Column, value: Any, ctx: Context) -> None:
    from openpyxl.styles import Alignment

    cell = ws.cell(row=row, column=number, value=value)
    cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
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

    _styled_header(ws, [t(c.heading, ctx.lang) for c in cols], [c.width for c in cols])
    for r, (base, record) in enumerate(rows, start=2):
        for n, column in enumerate(cols, start=1):
            path = f"{base}.{column.path}" if column.path else base
            value = _written(column, get(record, column.path), path, ctx, problems)
            _fill(ws, r, n, column, value, ctx)
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
    from gongwen.workbook.layout import KEY, TEXT

    base, record = row
    _styled_header(
        ws, [t(ITEM, ctx.lang), t(CONTENT, ctx.lang), t(KEY.heading, ctx.lang)], [24, 60, 12]
    )
    ws.column_dimensions["C"].hidden = True
    label = Column("label", ITEM, TEXT, None)
    for r, column in enumerate(sheet.columns, start=2):
        path = f"{base}.{column.path}" if base else column.path
        _fill(ws, r, 1, label, t(column.heading, ctx.lang), ctx)
        _fill(
            ws, r, 2, column, _written(column, get(record, column.path), path, ctx, problems), ctx
        )
        _fill(ws, r, 3, KEY, column.key, ctx)
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
    rule.add(where)
    ws.add_data_validation(rule)


def _notes(ws: Worksheet, case: Case, lang: str) -> None:
    """说明: what each column means (the case schema's descriptions) and how to fill it in."""
    from openpyxl.styles import Alignment

    headings = [
        t(h, lang)
        for h in (
            N_("Sheet of the workbook"),
            N_("Column of the sheet"),
            N_("What it holds"),
            N_("How to fill it in"),
        )
    ]
    _styled_header(ws, headings, [14, 16, 60, 36])
    row = 2
    ctx = Context(lang, tuple(case.scheme.names))
    for sheet in SHEETS:
        for column in columns(sheet, case):
            values = [
                t(sheet.title, lang),
                t(column.heading, lang),
                meaning(column, lang),
                how(column, ctx),
            ]
            for n, value in enumerate(values, start=1):
                ws.cell(row=row, column=n, value=value).alignment = Alignment(
                    wrap_text=True, vertical="top"
                )
            row += 1


def meaning(column: Column, lang: str) -> str:
    """What the column holds: its model field's description, in `lang`."""
    if column.hidden:
        return t(N_("matches the row back to the case: do not edit it"), lang)
    if column.derived or column.about is None:
        return t(N_("shown for reference; not read back"), lang)
    return "；".join(_described(f, lang) for f in (column.about, column.also) if f is not None)


def _described(about: tuple[type[BaseModel], str], lang: str) -> str:
    """The description of the field `about` names (its model's docstring for ""), in `lang`."""
    model, name = about
    text = model.model_fields[name].description if name else model.__doc__
    return t(text or name, lang)


def how(column: Column, ctx: Context) -> str:
    """How a clerk fills the column in, with its choices where it has a list."""
    text = t(column.kind.how, ctx.lang)
    choices = column.kind.choices(ctx)
    return f"{text}：{'、'.join(choices)}" if choices else text
