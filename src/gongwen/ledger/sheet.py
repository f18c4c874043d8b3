"""The ledger's layout: sheets, columns, status labels and the key that ties a row to its issue."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from gongwen.case import Case, Department, Issue, IssueStatus
from gongwen.i18n import LANGS, N_, t


def cell_date(value: object) -> dt.date:
    """The date a cell holds: a date or date-time cell, or text such as 2025年6月18日 or
    2025-06-18; ValueError for anything else."""
    from gongwen.roster import parse_date

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value))


LEDGER_SHEET = N_("Issue ledger")
SUMMARY_SHEET = N_("Summary")
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
HEADER_ROW = 2  # row 1 holds the title
FIRST_ROW = HEADER_ROW + 1


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the ledger sheet."""

    key: str
    heading: str  # msgid
    width: float
    hidden: bool = False


COLUMNS = (
    Column("number", N_("Issue no."), 9),
    Column("department", N_("Department"), 22),
    Column("official", N_("Responsible official"), 10),
    Column("issue", N_("Issue"), 56),
    Column("category", N_("Category"), 16),
    Column("deadline", N_("Rectify by"), 17),
    Column("status", N_("Rectification status"), 12),
    Column("rectified_on", N_("Rectified on"), 17),
    Column("remarks", N_("Remarks"), 22),
    # Hidden: matches a row back to its issue whatever the office does to the visible columns.
    Column("key", N_("Key (do not edit)"), 14, hidden=True),
)

STATUS_LABELS = {
    IssueStatus.RECTIFIED: N_("Rectified"),
    IssueStatus.RECTIFYING: N_("Being rectified"),
    IssueStatus.OPEN: N_("Not rectified"),
    IssueStatus.PENDING: N_("Pending"),
}


def letter(key: str) -> str:
    """The column letter of the column called `key`."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key))


def status_label(status: IssueStatus, lang: str) -> str:
    """The status as the sheet shows it."""
    return t(STATUS_LABELS[status], lang)


def parse_status(text: str) -> IssueStatus | None:
    """The status a cell names, in any language of the catalogue or as the case writes it."""
    wanted = text.strip().casefold()
    for status, msgid in STATUS_LABELS.items():
        names = {status.value, *(t(msgid, lang) for lang in LANGS)}
        if wanted in {n.casefold() for n in names}:
            return status
    return None


def headings(key: str) -> set[str]:
    """Every heading a column may carry: each language's."""
    column = next(c for c in COLUMNS if c.key == key)
    return {t(column.heading, lang).strip().casefold() for lang in LANGS}


def issue_key(number: int, department: Department, index: int, issue: Issue) -> str:
    """`3.2.1a2b3c4d`: department and issue numbers, and a digest of the name and the text."""
    digest = hashlib.sha256(f"{department.name}\x1f{issue.text}".encode()).hexdigest()[:8]
    return f"{number}.{index}.{digest}"


def issues_by_key(case: Case) -> dict[str, tuple[int, int]]:
    """Key → (department index, issue index), both from 0."""
    return {
        issue_key(d + 1, department, i + 1, issue): (d, i)
        for d, department in enumerate(case.departments)
        for i, issue in enumerate(department.issues)
    }
