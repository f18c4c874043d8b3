"""The roster (who must submit) and the receipt register (收文登记): configuration as data."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from gongwen.errors import ConfigError
from gongwen.i18n import N_


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One official who must submit a report."""

    department: str  # 单位
    official: str  # 姓名
    post: str = ""  # 职务


@dataclass(frozen=True, slots=True)
class Receipt:
    """One line of the receipt register: which file came from whom, and when."""

    file: str  # file name as received
    department: str
    received: dt.date


class TableError(ConfigError):
    """A roster or register that cannot be used; the message names file, row and column."""


# Accepted column headings, first one canonical; an office's own sheet rarely matches exactly.
ROSTER_COLUMNS = {
    "department": ("单位", "部门", "department"),
    "official": ("姓名", "负责人", "official"),
    "post": ("职务", "post"),
}
ISSUE_COLUMNS = {
    "department": ("单位", "部门", "department"),
    "issue": ("问题", "问题清单", "issue"),
    "status": ("整改状态", "状态", "status"),
}
REGISTER_COLUMNS = {
    "file": ("文件", "文件名", "file"),
    "department": ("单位", "部门", "department"),
    "received": ("收文日期", "报送日期", "received"),
}


def _rows(path: Path) -> list[list[str]]:
    """The rows of a CSV (UTF-8 with or without BOM, or GB18030/GBK) or XLSX table, as strings."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a bad workbook
            raise TableError(
                N_("cannot read the workbook: {error}"), str(path), error=exc
            ) from None
        try:
            sheet = wb.worksheets[0]
            return [
                ["" if v is None else _cell(v) for v in row]
                for row in sheet.iter_rows(values_only=True)
            ]
        finally:
            wb.close()
    return list(csv.reader(io.StringIO(_decoded(path), newline="")))


# What a table saved as CSV can be in a Chinese office: "CSV UTF-8" (with a BOM from Excel,
# without from WPS and LibreOffice) or "CSV (逗号分隔)", which Chinese Excel writes in the
# ANSI code page, GBK. GB18030 reads GBK and more. The decodes are strict and UTF-8 is
# tried first: Chinese text in GBK is practically never valid UTF-8, so the first decode
# that succeeds is the encoding, where a statistical guess could take a short table for Big5.
_CSV_ENCODINGS = ("utf-8", "gb18030")


def _decoded(path: Path) -> str:
    """The text of a CSV file, in the first encoding of _CSV_ENCODINGS that decodes it all."""
    data = path.read_bytes()
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    else:
        encodings = _CSV_ENCODINGS
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError(
        N_("neither UTF-8 nor GBK/GB18030 text: save the table as CSV UTF-8"), str(path)
    )


def _cell(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _header(
    path: Path, header: list[str], columns: Mapping[str, tuple[str, ...]]
) -> dict[str, int]:
    found: dict[str, int] = {}
    names = [h.strip().lower() for h in header]
    for key, aliases in columns.items():
        for alias in aliases:
            if alias.lower() in names:
                found[key] = names.index(alias.lower())
                break
    return found


def _table(
    path: Path, columns: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise TableError(N_("no such file"), str(path))
    rows = [r for r in _rows(path) if any(c.strip() for c in r)]
    if not rows:
        raise TableError(N_("the table is empty"), str(path))
    index = _header(path, rows[0], columns)
    missing = [columns[k][0] for k in required if k not in index]
    if missing:
        raise TableError(N_("missing column(s): {columns}"), str(path), columns="、".join(missing))
    for number, row in enumerate(rows[1:], start=2):
        cells = {k: (row[i].strip() if i < len(row) else "") for k, i in index.items()}
        yield number, cells


def load_roster(path: str | Path) -> list[RosterEntry]:
    """The officials who must submit, from a CSV or XLSX file with columns 单位, 姓名, 职务."""
    path = Path(path)
    entries = []
    for number, cells in _table(path, ROSTER_COLUMNS, ("department", "official")):
        if not cells["department"]:
            raise TableError(N_("row {row}: the department (单位) is empty"), str(path), row=number)
        entries.append(RosterEntry(cells["department"], cells["official"], cells.get("post", "")))
    return entries


def load_register(path: str | Path) -> list[Receipt]:
    """The receipt register, from a CSV or XLSX file with columns 文件, 单位, 收文日期."""
    path = Path(path)
    receipts = []
    for number, cells in _table(path, REGISTER_COLUMNS, ("file", "received")):
        try:
            received = parse_date(cells["received"])
        except ValueError:
            raise TableError(
                N_("row {row}: received date (收文日期) {value!r} is not a date"),
                str(path),
                row=number,
                value=cells["received"],
            ) from None
        receipts.append(Receipt(cells["file"], cells.get("department", ""), received))
    return receipts


def parse_date(text: str) -> dt.date:
    """A date written as 2020-03-20, 2020/3/20, 2020.3.20 or 2020年3月20日."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", text)
    if not m:
        raise ValueError(text)
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def load_open_issues(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Last year's issues still to answer, per department, from a table (单位, 问题[, 整改状态]).

    Rows whose status says 已整改 (rectified) are left out: only open issues need answering.
    """
    path = Path(path)
    issues: dict[str, list[str]] = {}
    for number, cells in _table(path, ISSUE_COLUMNS, ("department", "issue")):
        if not cells["department"] or not cells["issue"]:
            raise TableError(N_("row {row}: department or issue is empty"), str(path), row=number)
        if cells.get("status", "") in ("已整改", "已完成", "rectified"):
            continue
        issues.setdefault(cells["department"], []).append(cells["issue"])
    return {department: tuple(items) for department, items in issues.items()}
