"""Where a place of the case is in the workbook: a JSON path read back as sheet, row and column.

Reading a workbook notes, for every cell it reads, the JSON path the cell fills; an error the
case's own validation reports by JSON path is then said the way a clerk finds it, e.g.
`工作约谈 第3行 约谈时间`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongwen.case.errors import CaseError
from gongwen.i18n import N_, t


class WorkbookError(CaseError):
    """A workbook that does not make a usable case; `errors` lists (place, message) pairs."""

    code = "WB001"


@dataclass(frozen=True, slots=True)
class Place:
    """A sheet, and where known a row and a column (the headings as the workbook has them)."""

    sheet: str
    row: int | None = None
    column: str | None = None

    def said(self, lang: str) -> str:
        """The place as a clerk reads it: 工作约谈 第3行 约谈时间."""
        if self.row is None:
            return self.sheet if self.column is None else f"{self.sheet} {self.column}"
        where = t(N_("{sheet} row {row}"), lang, sheet=self.sheet, row=self.row)
        return where if self.column is None else f"{where} {self.column}"


def ancestors(path: str) -> list[str]:
    """`path` and every path above it, nearest first: a.b[2].c, a.b[2], a.b, a."""
    out = [path]
    while True:
        m = re.fullmatch(r"(.+)(?:\.[^.\[\]]+|\[\d+\])", path)
        if not m:
            return out
        path = m[1]
        out.append(path)


@dataclass(slots=True)
class Places:
    """JSON path → place, for cells, rows and sheets."""

    cells: dict[str, Place] = field(default_factory=dict)
    rows: dict[str, Place] = field(default_factory=dict)
    sheets: dict[str, Place] = field(default_factory=dict)  # the sheet that holds a path's kind

    def of(self, path: str) -> Place | None:
        """The place of `path`: its cell, the row or cell above it, the row it heads, its sheet."""
        for above in ancestors(path):
            for table in (self.cells, self.rows):
                if above in table:
                    return table[above]
        prefix = (path + ".", path + "[")
        below = [place for p, place in self.cells.items() if p.startswith(prefix)]
        if below and len({(b.sheet, b.row) for b in below}) == 1:
            return below[0]
        for above in [*ancestors(path), ""]:
            if above in self.sheets:
                return self.sheets[above]
        return None

    def said(self, path: str, lang: str) -> str:
        """The place of `path` as a clerk reads it, or the path itself where none is known."""
        place = self.of(path)
        return place.said(lang) if place else path

    def translated(self, error: CaseError, lang: str) -> WorkbookError:
        """`error` (by JSON path) said by place in the workbook."""
        return WorkbookError([(self.said(path, lang), message) for path, message in error.errors])
