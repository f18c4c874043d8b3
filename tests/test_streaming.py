"""Check output written as a stream: the same text as the whole report gives, atomically.

The summary of a run comes from one small record per file; the `write_*` writers take the
file results from an iterator read once (the command reads them back from a spool). Their
text must be byte for byte what `to_json`/`to_csv`/`to_table` give, and an output is all
there or not there.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
from pathlib import Path

import pytest
from rich.console import Console

from gongwen.batch import Options, Record, iter_check, summarise, summarise_records, totals
from gongwen.findings import CheckReport, FileResult, Finding, Severity
from gongwen.report import to_csv, to_json, to_table, write_csv, write_json, write_table
from gongwen.report.table import renderables
from gongwen.resources import data_dir
from gongwen.roster import load_register, load_roster
from gongwen.writing import atomic_text, write_bytes

SAMPLES = data_dir("samples")
REPORTS = SAMPLES / "reports"
ROSTER = SAMPLES / "roster.csv"
REGISTER = SAMPLES / "register.csv"
FINANCE = REPORTS / "市财政局-张伟-2019年度履职报告.docx"
AUDIT = REPORTS / "市审计局-郭春燕-2019年度履职报告.pdf"


def in_memory(folder: Path, lang: str = "zh") -> CheckReport:
    """The report the library builds holding every result, with the sample roster and register."""
    options = Options(
        lang=lang, roster=tuple(load_roster(ROSTER)), register=tuple(load_register(REGISTER))
    )
    return summarise(list(iter_check([folder], options)), options)


@pytest.fixture(scope="module")
def duplicates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder where 市财政局 sent two reports (the second under another name) and 市审计局 one."""
    folder = tmp_path_factory.mktemp("duplicates")
    shutil.copy(FINANCE, folder / FINANCE.name)
    shutil.copy(FINANCE, folder / "市财政局-张伟-2019年度履职报告（修改稿）.docx")
    shutil.copy(AUDIT, folder / AUDIT.name)
    return folder


def test_json_is_pydantics_own_form(duplicates: Path) -> None:
    report = in_memory(duplicates)
    assert any(f.code == "AR104" for f in report.all_findings)
    assert to_json(report) == report.model_dump_json(indent=2) + "\n"
    empty = CheckReport(rule_set="annual-report")
    assert to_json(empty) == empty.model_dump_json(indent=2) + "\n"
    assert '"files": []' in to_json(empty)
    one = CheckReport(rule_set="x", files=report.files[:1], totals=report.totals)
    assert to_json(one) == one.model_dump_json(indent=2) + "\n"


def test_the_table_is_rich_printing_the_renderables(duplicates: Path, tmp_path: Path) -> None:
    report = in_memory(duplicates)
    expected = io.StringIO()
    console = Console(file=expected, width=120, color_system=None, highlight=False)
    for item in renderables(report, "zh"):
        console.print(item)
    assert to_table(report) == expected.getvalue()
    assert "AR104" in expected.getvalue()


def test_writers_take_the_files_from_an_iterator_read_once(duplicates: Path) -> None:
    report = in_memory(duplicates, lang="en")
    head = report.model_copy(update={"files": []})
    departments = {r.file: r.department or "" for r in report.files}
    for write, whole, kwargs in (
        (write_json, to_json(report), {}),
        (write_csv, to_csv(report, "en"), {"lang": "en", "departments": departments}),
        (write_table, to_table(report, "en"), {"lang": "en"}),
    ):
        out = io.StringIO()
        write(out, head, files=iter(report.files), **kwargs)
        assert out.getvalue() == whole
    with pytest.raises(ValueError, match="departments"):
        write_csv(io.StringIO(), head, files=iter(report.files))


def test_the_summary_from_records_is_the_report_but_its_files(duplicates: Path) -> None:
    options = Options(roster=tuple(load_roster(ROSTER)), register=tuple(load_register(REGISTER)))
    results = list(iter_check([duplicates], options))
    summary = summarise_records([Record.of(r) for r in results], options)
    report = summarise(results, options)
    assert summary.report(results) == report
    assert summary.report().files == []
    assert summary.has_errors == report.has_errors
    assert totals([Record.of(r) for r in report.files], options.roster) == report.totals
    assert [summary.complete(r) for r in results] == report.files


def test_an_added_error_is_counted_in_the_record() -> None:
    clean = Record.of(FileResult(file="a.docx", department="市财政局"))
    assert (clean.content_pass, clean.format_pass, clean.has_errors) == (True, True, False)
    error = Finding(code="GB102", name="天头", severity=Severity.ERROR, message="m", file="a.docx")
    added = clean.adding([error])
    assert (added.content_pass, added.format_pass, added.has_errors) == (True, False, True)


def test_atomic_text_writes_exactly_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.csv"
    with atomic_text(target) as out:
        out.write("\ufeff一,二\r\n三\n")
        assert not target.exists()  # nothing at the target until the block ends
    assert target.read_bytes() == "\ufeff一,二\r\n三\n".encode()
    target.chmod(0o640)
    with atomic_text(target) as out:
        out.write("新")
    assert target.read_text(encoding="utf-8") == "新"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    with pytest.raises(RuntimeError), atomic_text(target) as out:
        out.write("半" * 100_000)
        raise RuntimeError
    assert target.read_text(encoding="utf-8") == "新"
    assert [p.name for p in target.parent.iterdir()] == ["out.csv"]


def test_a_link_at_the_target_is_replaced_not_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(elsewhere)
    write_bytes(link, b"{}")
    assert not link.is_symlink() and link.read_bytes() == b"{}"
    assert elsewhere.read_text(encoding="utf-8") == "keep"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(link.stat().st_mode) == 0o666 & ~mask
