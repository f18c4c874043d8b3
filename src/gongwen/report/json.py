"""The JSON form of a check run: the versioned `CheckReport` schema."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TextIO

from gongwen.findings import CheckReport, FileResult

# pydantic's indented form of a report with no files has this line, and only once: the key is
# the only place an unescaped quote can stand before `files`.
_NO_FILES = '\n  "files": []'
_ITEM_INDENT = " " * 4


def write_json(out: TextIO, report: CheckReport, files: Iterable[FileResult] | None = None) -> None:
    """Write `report` to `out` as `to_json` gives it, the file results one at a time.

    `files`, when given, are written in place of `report.files` and read once, so a caller
    streaming results from a spool need not hold them. The text is pydantic's own: the report
    without its files, with each file result's indented JSON set into the list.
    """
    head = report.model_copy(update={"files": []}).model_dump_json(indent=2)
    before, marker, after = head.partition(_NO_FILES)
    if not marker:
        raise ValueError("the report's JSON has no files list")
    out.write(before)
    written = False
    for result in report.files if files is None else files:
        out.write(",\n" if written else '\n  "files": [\n')
        # JSON strings hold no raw newline, so every line of the item is indented the same.
        item = result.model_dump_json(indent=2)
        out.write(_ITEM_INDENT + item.replace("\n", "\n" + _ITEM_INDENT))
        written = True
    out.write("\n  ]" if written else _NO_FILES)
    out.write(after)
    out.write("\n")


def to_json(report: CheckReport, lang: str = "zh") -> str:
    """The report as JSON (UTF-8 text, Chinese unescaped); `lang` is unused: messages are set."""
    out = io.StringIO()
    write_json(out, report)
    return out.getvalue()
