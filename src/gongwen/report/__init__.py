"""Check results → text for people (table) and for programs (JSON, CSV).

`to_*` return the whole text; `write_*` write the same text to a stream, one file result at a
time, from results that need not all be held (the CLI reads them back from a spool).
"""

from __future__ import annotations

from gongwen.report.csv import to_csv, write_csv
from gongwen.report.json import to_json, write_json
from gongwen.report.table import to_table, write_table

FORMATS = {"table": to_table, "json": to_json, "csv": to_csv}

__all__ = ["FORMATS", "to_csv", "to_json", "to_table", "write_csv", "write_json", "write_table"]
