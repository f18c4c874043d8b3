"""Check results → text for people (table) and for programs (JSON, CSV)."""

from __future__ import annotations

from gongwen.report.csv import to_csv
from gongwen.report.json import to_json
from gongwen.report.table import to_table

FORMATS = {"table": to_table, "json": to_json, "csv": to_csv}

__all__ = ["FORMATS", "to_csv", "to_json", "to_table"]
