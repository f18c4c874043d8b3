"""Reading a workbook back into the case file's data, noting where each value came from.

Every cell is read by its column's kind; a cell that cannot be read, a row that matches
nothing, a missing sheet or column, is a problem named by sheet, row and column. Nothing is
left out silently: what the workbook holds either goes into the case or is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gongwen.i18n import LANGS, N_, t
from gongwen.workbook.cells import YES_NO, Bad, Choice, Context, is_empty
from gongwen.workbook.layout import DEPARTMENTS, ORDER, READ_ONLY, VOTES, Column, Sheet, heading
from gongwen.workbook.source import Computed, Grid
from gongwen.workbook.where import Place, Places


@dataclass(slots=True)
class Row:
    """One row as read: its values by path (non-empty cells only) and the place of each cell."""

    place: Place
    values: dict[str, Any] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    key: str | None = None
    shown: dict[str, tuple[Any, Place]] = field(default_factory=dict)  # read-only cells filled
    cleared: set[str] = field(default_factory=set)  # yes/no cells left empty: read as 否


@dataclass(slots=True)
class Parsed:
    """What a workbook holds as case data, where each place came from, and what was wrong."""

    data: dict[str, Any]
    places: Places
    problems: list[tuple[str, str]]
    bad: set[str]  # the places of cells that could not be read


class Reader:
    """Reads sheets into rows and notes the place of every cell it reads."""

    def __init__(self, lang: str, grades: tuple[str, ...]) -> None:
        self.lang = lang
        self.ctx = Context(lang, grades)
        self.places = Places()
        self.problems: list[tuple[str, str]] = []
        self.bad: set[str] = set()
        self.cleared: set[str] = set()  # JSON paths of yes/no cells left empty, read as 否
        # interviews and supervisions by key: (JSON path, the item, its row) for their documents
        self.keys: dict[str, tuple[str, dict[str, Any], Place]] = {}

    def problem(self, place: Place, text: str) -> None:
        said = place.said(self.lang)
        self.problems.append((said, text))
        self.bad.add(said)

    def cell(self, row: Row, column: Column, raw: Any, place: Place) -> None:
        row.places[column.path] = place
        if is_empty(raw):
            if isinstance(column.kind, Choice) and column.kind.labels is YES_NO:
                row.values[column.path] = False  # a clerk who clears 是 means 否
                row.cleared.add(column.path)
            return
        if isinstance(raw, Computed):
            msgid = (
                N_("the error value {value}: type the value itself")
                if raw.error
                else N_("a formula, {value}: gongwen reads what is typed; type the value itself")
            )
            self.problem(place, t(msgid, self.lang, value=raw.text))
            return
        try:
            row.values[column.path] = column.kind.read(raw, self.ctx)
        except Bad as bad:
            self.problem(place, bad.message(self.lang))

    def table(self, ws: Grid, sheet: Sheet) -> list[Row]:
        """The non-empty rows of a table sheet, every cell read by its column; in the order of
        their keys where the sheet keeps the case's order, rows without one after."""
        rows = ws.rows
        header = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else ())]
        found: dict[int, Column] = {}
        for n, text in enumerate(header):
            column = _by_heading(sheet, text)
            if column is not None and column in found.values():
                msgid = N_("the same column twice")
            elif column is None and text:
                msgid = N_("a column gongwen does not know: its cells would not be imported")
            else:
                if column is not None:
                    found[n] = column
                continue
            self.problem(Place(ws.title, None, text), t(msgid, self.lang))
        present = {c.key for c in found.values()}
        votes = {c.key for c in VOTES}
        optional = votes if sheet is DEPARTMENTS and not present & votes else set()
        for column in sheet.columns:
            if column.key not in present | optional | {ORDER.key} and not column.derived:
                self.problem(
                    Place(ws.title, None, heading(column, self.lang)),
                    t(N_("the column is missing"), self.lang),
                )
        self.stray(ws, {n for n, text in enumerate(header) if text})
        out = []
        for number, values in enumerate(rows[1:], start=2):
            cells = {n: values[n] if n < len(values) else None for n in found}
            if all(is_empty(v) for n, v in cells.items() if not found[n].derived):
                continue
            row = Row(Place(ws.title, number))
            for n, column in found.items():
                place = Place(ws.title, number, header[n])
                if column.derived:
                    if not is_empty(cells[n]):
                        row.shown[column.path] = (cells[n], place)
                elif column.hidden:
                    row.key = None if is_empty(cells[n]) else str(cells[n]).strip()
                else:
                    self.cell(row, column, cells[n], place)
            out.append(row)
        if sheet.ordered:
            out.sort(key=_rank)
        return out

    def stray(self, ws: Grid, used: set[int]) -> None:
        """A value in a column with no heading is named once per column: it is read nowhere."""
        from openpyxl.utils import get_column_letter

        first: dict[int, int] = {}
        for number, values in enumerate(ws.rows[1:], start=2):
            for n, value in enumerate(values):
                if n not in used and n not in first and not is_empty(value):
                    first[n] = number
        msgid = N_("a value in a column with no heading: it would not be imported")
        for n, number in sorted(first.items()):
            self.problem(Place(ws.title, number, get_column_letter(n + 1)), t(msgid, self.lang))

    def record(self, ws: Grid, sheet: Sheet) -> Row:
        """The one record of a record sheet: a row per field, matched by its key."""
        row = Row(Place(ws.title))
        seen: set[str] = set()
        for number, values in enumerate(ws.rows[1:], start=2):
            label, raw, key = [*values, None, None, None][:3]
            if all(is_empty(v) for v in (label, raw, key)):
                continue
            place = Place(ws.title, number, str(label or "").strip() or None)
            column = next((c for c in sheet.columns if c.key == str(key or "").strip()), None)
            if column is None or column.key in seen:
                msgid = (
                    N_("the row is not one gongwen wrote (its key was changed or removed)")
                    if column is None
                    else N_("the same item twice")
                )
                self.problem(place, t(msgid, self.lang))
                continue
            seen.add(column.key)
            self.cell(row, column, raw, place)
        self.stray(ws, {0, 1, 2})
        for column in sheet.columns:
            if column.key not in seen:
                label = t(column.heading, self.lang)
                self.problem(Place(ws.title, None, label), t(N_("the row is missing"), self.lang))
        return row

    def put(
        self, target: dict[str, Any], base: str, row: Row, rename: dict[str, str] | None = None
    ) -> None:
        """Set the row's values under `base` in `target` and note their places."""
        rename = rename or {}
        for path, value in row.values.items():
            _set(target, rename.get(path, path), value)
        prefix = f"{base}." if base else ""
        for path, place in row.places.items():
            self.places.cells[prefix + rename.get(path, path)] = place
        self.cleared.update(prefix + rename.get(path, path) for path in row.cleared)
        if base:
            self.places.rows[base] = row.place


def _by_heading(sheet: Sheet, text: str) -> Column | None:
    wanted = text.strip().casefold()
    for lang in LANGS:
        wanted = wanted.removesuffix(t(READ_ONLY, lang).casefold()).strip()
    for column in sheet.columns:
        if wanted in {t(column.heading, lang).strip().casefold() for lang in LANGS}:
            return column
    return None


def _rank(row: Row) -> tuple[int, int]:
    """A row's place in the case: the number its key ends in (interview-3); a new row after."""
    m = re.fullmatch(r"[a-z]+-(\d{1,6})", row.key or "")
    return (0, int(m[1])) if m else (1, 0)


def _set(target: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value
