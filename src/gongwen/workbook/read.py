"""Reading a workbook back into the case file's data, noting where each value came from.

Every cell is read by its column's kind; a cell that cannot be read, a row that matches
nothing, a missing sheet or column, is a problem named by sheet, row and column. Nothing is
left out silently: what the workbook holds either goes into the case or is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gongwen.i18n import LANGS, N_, t
from gongwen.workbook.cells import Bad, Context, is_empty
from gongwen.workbook.layout import (
    DEPARTMENTS,
    VOTES,
    Column,
    Sheet,
)
from gongwen.workbook.where import Place, Places

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


@dataclass(slots=True)
class Row:
    """One row as read: its values by path (non-empty cells only) and the place of each cell."""

    place: Place
    values: dict[str, Any] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    key: str | None = None


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
        # interviews and supervisions by key: (JSON path, the item, its row) for their documents
        self.keys: dict[str, tuple[str, dict[str, Any], Place]] = {}

    def problem(self, place: Place, text: str) -> None:
        said = place.said(self.lang)
        self.problems.append((said, text))
        self.bad.add(said)

    def cell(self, row: Row, column: Column, raw: Any, place: Place) -> None:
        row.places[column.path] = place
        if is_empty(raw):
            return
        try:
            row.values[column.path] = column.kind.read(raw, self.ctx)
        except Bad as bad:
            self.problem(place, bad.message(self.lang))

    def table(self, ws: Worksheet, sheet: Sheet) -> list[Row]:
        """The non-empty rows of a table sheet, every cell read by its column."""
        rows = list(ws.iter_rows(values_only=True))
        header = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else ())]
        found: dict[int, Column] = {}
        for n, heading in enumerate(header):
            column = _by_heading(sheet, heading)
            if column is not None and column in found.values():
                msgid = N_("the same column twice")
            elif column is None and heading:
                msgid = N_("a column gongwen does not know: its cells would not be imported")
            else:
                if column is not None:
                    found[n] = column
                continue
            self.problem(Place(ws.title, None, heading), t(msgid, self.lang))
        present = {c.key for c in found.values()}
        votes = {c.key for c in VOTES}
        optional = votes if sheet is DEPARTMENTS and not present & votes else set()
        for column in sheet.columns:
            if column.key not in present | optional and not column.derived:
                heading = t(column.heading, self.lang)
                self.problem(
                    Place(ws.title, None, heading), t(N_("the column is missing"), self.lang)
                )
        out = []
        for number, values in enumerate(rows[1:], start=2):
            cells = {n: values[n] if n < len(values) else None for n in found}
            if all(is_empty(v) for n, v in cells.items() if not found[n].derived):
                continue
            row = Row(Place(ws.title, number))
            for n, column in found.items():
                if column.derived:
                    continue
                if column.hidden:
                    row.key = None if is_empty(cells[n]) else str(cells[n]).strip()
                    continue
                self.cell(row, column, cells[n], Place(ws.title, number, header[n]))
            out.append(row)
        return out

    def record(self, ws: Worksheet, sheet: Sheet) -> Row:
        """The one record of a record sheet: a row per field, matched by its key."""
        row = Row(Place(ws.title))
        seen: set[str] = set()
        for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
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
        for column in sheet.columns:
            if column.key not in seen:
                heading = t(column.heading, self.lang)
                self.problem(Place(ws.title, None, heading), t(N_("the row is missing"), self.lang))
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
        if base:
            self.places.rows[base] = row.place


def _by_heading(sheet: Sheet, heading: str) -> Column | None:
    wanted = heading.strip().casefold()
    for column in sheet.columns:
        if wanted in {t(column.heading, lang).strip().casefold() for lang in LANGS}:
            return column
    return None


def _set(target: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value
