"""A case workbook's sheets, read under the limits by `ingest.sheets`, its errors in workbook
terms (WorkbookError)."""

from __future__ import annotations

from pathlib import Path

from gongwen.ingest.sheets import Computed, Grid, SheetError
from gongwen.ingest.sheets import grids as read_grids
from gongwen.limits import DEFAULT_LIMITS, Limits
from gongwen.workbook.where import WorkbookError

__all__ = ["Computed", "Grid", "grids"]


def grids(path: Path, lang: str, limits: Limits = DEFAULT_LIMITS) -> list[Grid]:
    """Every sheet of the workbook at `path`; WorkbookError naming the file or the sheet when it
    is no .xlsx workbook or is larger than the limits allow."""
    try:
        return read_grids(path, lang, limits)
    except SheetError as error:
        raise WorkbookError(error.errors) from None
