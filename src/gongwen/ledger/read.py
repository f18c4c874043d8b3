"""Reading an edited ledger back: statuses and dates into the case, every unusable row reported.

Only 整改状态 and 整改完成日期 are taken from the workbook; a row that cannot be used is
reported with the reason and changes nothing, and the rest of the case stays as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongwen.case import Case, Issue, IssueStatus
from gongwen.errors import GongwenError
from gongwen.i18n import DEFAULT_LANG, LANGS, N_, t
from gongwen.ingest.sheets import Computed, SheetError, grids
from gongwen.ledger.sheet import (
    COLUMNS,
    LEDGER_SHEET,
    cell_date,
    headings,
    issues_by_key,
    parse_status,
    status_label,
)


class LedgerError(GongwenError):
    """A workbook that cannot be read as a ledger at all."""

    code = "LG001"


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row of the sheet that was not used, and why."""

    row: int
    message: str


@dataclass(frozen=True, slots=True)
class LedgerImport:
    """The case with the workbook's statuses and dates, and the rows left out."""

    case: Case
    updated: int  # issues whose status or date changed
    problems: tuple[RowProblem, ...]


def import_ledger(path: str | Path, case: Case, lang: str = DEFAULT_LANG) -> LedgerImport:
    """The statuses and dates of the workbook at `path` applied to `case`."""
    rows = _rows(Path(path), lang)
    header_at, columns = _header(rows, str(path))
    keys = issues_by_key(case)
    names = {d.name for d in case.departments}
    seen: dict[str, int] = {}
    changes: dict[tuple[int, int], Issue] = {}
    problems: list[RowProblem] = []
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        cells = {key: row[i] if i < len(row) else None for key, i in columns.items()}
        if all(v is None or str(v).strip() == "" for v in cells.values()):
            continue
        try:
            where, issue = _use(cells, case, keys, names, seen, number, lang)
        except _Unusable as reason:
            problems.append(RowProblem(number, reason.message))
            continue
        seen[str(cells["key"]).strip()] = number
        if issue is not None:
            changes[where] = issue
    return LedgerImport(_apply(case, changes), len(changes), tuple(problems))


class _Unusable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _use(
    cells: dict[str, Any],
    case: Case,
    keys: dict[str, tuple[int, int]],
    names: set[str],
    seen: dict[str, int],
    number: int,
    lang: str,
) -> tuple[tuple[int, int], Issue | None]:
    """Where the row's issue is and the issue as the row has it (None: unchanged)."""
    key = _text(cells["key"])
    if not key:
        raise _Unusable(
            t(
                N_(
                    "no key: a row added in the workbook is not imported; add the issue to the "
                    "case file"
                ),
                lang,
            )
        )
    if key not in keys:
        raise _Unusable(
            t(
                N_(
                    "the key {key!r} matches no issue of the case: the key column was edited, or "
                    "the case changed since the ledger was exported"
                ),
                lang,
                key=key,
            )
        )
    if key in seen:
        raise _Unusable(t(N_("the same key as row {row}"), lang, row=seen[key]))
    d, i = keys[key]
    department = case.departments[d]
    name = _text(cells.get("department"))
    if name != department.name:
        if name not in names:
            raise _Unusable(
                t(
                    N_("unknown department {name!r}: no department of the case is called that"),
                    lang,
                    name=name,
                )
            )
        raise _Unusable(
            t(
                N_("department changed to {name}, but the issue belongs to {owner}"),
                lang,
                name=name,
                owner=department.name,
            )
        )
    label = _text(cells["status"])
    status = parse_status(label)
    if status is None:
        choices = "、".join(status_label(s, lang) for s in IssueStatus)
        raise _Unusable(
            t(
                N_("unknown status {status!r}: use one of {choices}"),
                lang,
                status=label,
                choices=choices,
            )
        )
    day = _date(cells["rectified_on"], lang)
    if status == IssueStatus.RECTIFIED and day is None:
        raise _Unusable(t(N_("rectified, but the date of rectification is empty"), lang))
    if status != IssueStatus.RECTIFIED and day is not None:
        raise _Unusable(
            t(
                N_("a date of rectification, but the status is {status}"),
                lang,
                status=status_label(status, lang),
            )
        )
    issue = department.issues[i]
    if issue.status == status and issue.rectified_on == day:
        return (d, i), None
    data = issue.model_dump(mode="json", exclude_unset=True)
    data.pop("rectified_on", None)
    data["status"] = status.value
    if day is not None:
        data["rectified_on"] = day.isoformat()
    return (d, i), Issue.model_validate(data)


def _apply(case: Case, changes: dict[tuple[int, int], Issue]) -> Case:
    if not changes:
        return case
    departments = []
    for d, department in enumerate(case.departments):
        issues = [changes.get((d, i), issue) for i, issue in enumerate(department.issues)]
        if issues != department.issues:
            department = department.model_copy(update={"issues": issues})
        departments.append(department)
    return case.model_copy(update={"departments": departments})


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _date(value: object, lang: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return cell_date(value)
    except ValueError:
        raise _Unusable(
            t(
                N_("the date of rectification {value!r} is not a date such as 2020-05-08"),
                lang,
                value=str(value),
            )
        ) from None


def _rows(path: Path, lang: str) -> list[tuple[Any, ...]]:
    """The rows of the ledger sheet, read within the workbook limits (size, parts, rows and
    columns) before openpyxl is given the file, as the case workbook is."""

    if not path.is_file():
        raise LedgerError(N_("no such file"), str(path))
    try:
        sheets = grids(path, lang)
    except SheetError as exc:
        text = "; ".join(message for _, message in exc.errors)
        raise LedgerError(N_("cannot read the workbook: {error}"), str(path), error=text) from None
    titles = {t(LEDGER_SHEET, lang) for lang in LANGS}
    sheet = next((g for g in sheets if g.title in titles), sheets[0] if sheets else None)
    if sheet is None:
        raise LedgerError(N_("cannot read the workbook: {error}"), str(path), error="—")
    # a formula or an error value is read as its text: the row is then refused by its value
    return [tuple(v.text if isinstance(v, Computed) else v for v in row) for row in sheet.rows]


def _header(rows: list[tuple[Any, ...]], file: str) -> tuple[int, dict[str, int]]:
    """The index of the header row and the column of each known heading."""
    wanted = ("key", "department", "status", "rectified_on")
    for index, row in enumerate(rows[:10]):
        texts = [_text(v).casefold() for v in row]
        columns = {c.key: texts.index(h) for c in COLUMNS for h in headings(c.key) if h in texts}
        if all(k in columns for k in wanted):
            return index, columns
    names = "、".join(t(c.heading, DEFAULT_LANG) for c in COLUMNS if c.key in wanted)
    raise LedgerError(N_("not an issue ledger: no header row with {columns}"), file, columns=names)
