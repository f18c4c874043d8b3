"""The table form of a check run: a table of findings per file, then the totals over the roster."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from gongwen.findings import CheckReport, FileResult, Finding, Severity
from gongwen.i18n import N_, t

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def renderables(
    report: CheckReport, lang: str = "zh", files: Iterable[FileResult] | None = None
) -> Iterator[Any]:
    """The report as rich renderables: one block per file, the 未报送 list, the totals.

    `files`, when given, are shown in place of `report.files` and read once.
    """
    for result in report.files if files is None else files:
        yield from file_block(result, lang)
    if report.roster_findings:
        yield _findings_table(report.roster_findings, lang, title=t(N_("Not submitted"), lang))
    if report.totals is not None:
        yield totals_table(report, lang)


def file_block(result: FileResult, lang: str = "zh") -> Iterator[Any]:
    """The heading line and the findings table of one file."""
    from rich.text import Text

    who = " ".join(x for x in (result.department, result.official) if x)
    line = Text()
    line.append(result.file, style="bold")
    if who:
        line.append(f"  {who}")
    if result.received is not None:
        source = t(result.received_source.value, lang) if result.received_source else ""
        line.append(
            "  " + t(N_("received {date} ({source})"), lang, date=result.received, source=source)
        )
    if result.on_time is False:
        line.append("  " + t(N_("late"), lang), style="bold red")
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    summary = t(N_("{errors} errors, {warnings} warnings"), lang, errors=errors, warnings=warnings)
    line.append(f"  [{summary}]", style="red" if errors else "green")
    yield line
    if result.findings:
        yield _findings_table(result.findings, lang)


def _findings_table(findings: list[Finding], lang: str, title: str | None = None) -> Any:
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False, pad_edge=False)
    table.add_column(t(N_("severity"), lang), no_wrap=True)
    table.add_column(t(N_("code"), lang), no_wrap=True)
    table.add_column(t(N_("where"), lang), max_width=28)
    table.add_column(t(N_("message"), lang))
    table.add_column(t(N_("clause"), lang), max_width=16)
    for f in findings:
        table.add_row(
            t(f.severity.value, lang),
            f.code,
            f.location.describe(),
            f.message,
            f.clause or "",
            style=_STYLE[f.severity],
        )
    return table


def totals_table(report: CheckReport, lang: str = "zh") -> Any:
    """The totals: reports required and received, on time, passing content and format."""
    from rich.table import Table

    totals = report.totals
    assert totals is not None
    table = Table(title=t(N_("Totals"), lang), show_header=False)
    table.add_column()
    table.add_column(justify="right")

    table.add_row(t(N_("reports required"), lang), str(totals.expected))
    table.add_row(t(N_("reports received"), lang), str(totals.received))
    table.add_row(t(N_("submitted on time"), lang), str(totals.on_time))
    table.add_row(t(N_("content passes"), lang), str(totals.content_pass))
    table.add_row(t(N_("format passes"), lang), str(totals.format_pass))
    if totals.missing:
        table.add_row(t(N_("not submitted"), lang), "、".join(totals.missing))
    return table


def write_table(
    out: TextIO,
    report: CheckReport,
    lang: str = "zh",
    files: Iterable[FileResult] | None = None,
    width: int = 120,
) -> None:
    """Write the report to `out` as plain text (no colour), one block at a time.

    `files`, when given, are shown in place of `report.files` and read once. Each block is
    laid out in memory first, so the text does not depend on what `out` is (a terminal, a
    file, a pipe with another encoding).
    """
    from rich.console import Console

    block = io.StringIO()
    console = Console(file=block, width=width, color_system=None, highlight=False)
    for item in renderables(report, lang, files):
        console.print(item)
        out.write(block.getvalue())
        block.seek(0)
        block.truncate()


def to_table(report: CheckReport, lang: str = "zh", width: int = 120) -> str:
    """The report as plain text (no colour), for a file or a pipe."""
    out = io.StringIO()
    write_table(out, report, lang, width=width)
    return out.getvalue()
