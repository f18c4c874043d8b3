"""The whole case as one Excel workbook an office fills in, and back to a case file.

`write_workbook(case, path)` writes a sheet per part of the case (基本信息 … 公文, then 说明);
`import_workbook(path)` reads it back into a `Case`, naming every problem by sheet, row and
column; `load_workbook_case(path)` gives a case to generate from, as `load_case` does.
"""

from __future__ import annotations

from gongwen.workbook.export import workbook_bytes, write_workbook
from gongwen.workbook.load import import_workbook, load_workbook_case, undecided_in
from gongwen.workbook.where import WorkbookError

SUFFIX = ".xlsx"

__all__ = [
    "SUFFIX",
    "WorkbookError",
    "import_workbook",
    "load_workbook_case",
    "undecided_in",
    "workbook_bytes",
    "write_workbook",
]
