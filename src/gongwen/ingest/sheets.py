"""Opening an .xlsx workbook under the limits, and its sheets as grids of the values typed.

A workbook comes from an office's machine and may be anything: its size, its zip and each
sheet's extent are checked before openpyxl builds anything from it (a sheet with one cell at
XFD1048576 would otherwise cost gigabytes). Only what a clerk typed is data: a formula or an
error value (#N/A) is kept apart as a `Computed`, never read as the text it looks like.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongwen.errors import GongwenError
from gongwen.i18n import N_, t
from gongwen.limits import DEFAULT_LIMITS, MB, Limits


class SheetError(GongwenError):
    """A workbook that cannot be read; `errors` lists (place, message) pairs, the place a file
    or a sheet, the message already in the reader's language."""

    code = "WB001"

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{place}: {text}" for place, text in errors))
        self.errors = errors


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Compound File: .xls, or an .xlsx with a password
_ZIP = b"PK"


@dataclass(frozen=True, slots=True)
class Computed:
    """A cell whose value Excel computes (a formula) or an error value such as #DIV/0!."""

    text: str
    error: bool


@dataclass(frozen=True, slots=True)
class Grid:
    """One sheet: its title and its rows of cell values, trailing empty rows left off."""

    title: str
    rows: list[tuple[Any, ...]]


def grids(path: Path, lang: str, limits: Limits = DEFAULT_LIMITS) -> list[Grid]:
    """Every sheet of the workbook at `path`; SheetError naming the file or the sheet when it
    is no .xlsx workbook or is larger than the limits allow."""
    from openpyxl import load_workbook

    where = str(path)
    _check_file(path, lang, limits)
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        msgid = N_("cannot read the workbook: {error}")
        raise SheetError([(where, t(msgid, lang, error=exc))]) from None
    try:
        return [_grid(ws, lang, limits) for ws in wb.worksheets]
    except SheetError:
        raise
    except Exception as exc:  # a damaged sheet: openpyxl's parser raises what it meets
        raise SheetError(
            [(where, t(N_("cannot read the workbook: {error}"), lang, error=exc))]
        ) from None
    finally:
        wb.close()


def _check_file(path: Path, lang: str, limits: Limits) -> None:
    """Refuse, before openpyxl opens it, a file that is missing, too large or no .xlsx zip."""
    from gongwen.ingest import IngestError
    from gongwen.ingest.ooxml import Package

    where = str(path)
    if not path.is_file():
        raise SheetError([(where, t(N_("no such file"), lang))])
    size = path.stat().st_size
    if size > limits.case_bytes:
        msgid = N_("the workbook is {size} MB, more than the limit of {limit} MB: refused")
        text = t(msgid, lang, size=f"{size / MB:.0f}", limit=f"{limits.case_bytes / MB:g}")
        raise SheetError([(where, text)])
    with path.open("rb") as fh:
        head = fh.read(len(_OLE))
    if head == _OLE:
        msgid = N_(
            "an .xls workbook, or an .xlsx protected by a password: save it from Excel as an "
            ".xlsx workbook without a password"
        )
        raise SheetError([(where, t(msgid, lang))])
    if not head.startswith(_ZIP):
        msgid = N_("not an .xlsx workbook: save it from Excel or WPS as an .xlsx workbook")
        raise SheetError([(where, t(msgid, lang))])
    bounded = dataclasses.replace(limits, docx_bytes=limits.workbook_bytes)
    try:
        Package(path, bounded).close()  # the part count and declared sizes, nothing inflated
    except IngestError as exc:
        damaged = N_("a damaged .xlsx workbook: open it in Excel or WPS and save it again")
        text = exc.message(lang) if exc.code == "IO006" else t(damaged, lang)
        raise SheetError([(where, text)]) from None


def _grid(ws: Any, lang: str, limits: Limits) -> Grid:  # a ReadOnlyWorksheet: the stubs miss it
    """The sheet's values; a value past the row or column limit refuses the sheet, and so does
    a sheet whose rows, empty or not, hold more cells than a table within the limits would."""
    most_rows, most_columns = limits.workbook_rows, limits.workbook_columns
    budget = 2 * (most_rows + 1) * most_columns  # cells looked at, styled empty ones included
    ws.reset_dimensions()  # the stated extent may lie: read the cells themselves
    rows: list[tuple[Any, ...]] = []
    for number, row in enumerate(ws.iter_rows(), start=1):
        budget -= len(row)
        values = tuple(_value(cell) for cell in row[:most_columns])
        past_rows = number > most_rows and any(v is not None for v in values)
        past_columns = any(cell.value is not None for cell in row[most_columns:])
        if past_rows or past_columns or budget < 0:
            msgid = N_(
                "the sheet is larger than {rows} rows or {columns} columns: refused "
                "(delete what is below or right of the table)"
            )
            raise SheetError([(ws.title, t(msgid, lang, rows=most_rows, columns=most_columns))])
        if number <= most_rows:
            rows.append(values)
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return Grid(ws.title, rows)


def _value(cell: Any) -> Any:
    if cell.data_type == "f":
        return Computed(str(cell.value), error=False)
    if cell.data_type == "e":
        return Computed(str(cell.value), error=True)
    return cell.value
