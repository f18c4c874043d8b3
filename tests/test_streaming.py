"""`gongwen check` streams: results spooled to disk, each output the text the whole report gives.

The command keeps one small record per file and reads the results back from an unnamed
temporary file to write them; the `write_*` writers take the results from an iterator read
once. What is written must be byte for byte what the library's `summarise` →
`to_json`/`to_csv`/`to_table` give, and an output is all there or not there.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from rich.console import Console

import gongwen.report
from gongwen.batch import Options, Record, iter_check, summarise, summarise_records, totals
from gongwen.cli import main
from gongwen.findings import Category, CheckReport, FileResult, Finding, Severity
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
WRITE = {"json": to_json, "csv": to_csv, "table": to_table}


def in_memory(folder: Path, lang: str = "zh") -> CheckReport:
    """The report the library builds holding every result, with the sample roster and register."""
    options = Options(
        lang=lang, roster=tuple(load_roster(ROSTER)), register=tuple(load_register(REGISTER))
    )
    return summarise(list(iter_check([folder], options)), options)


def run_cli(folder: Path, form: str, out: Path, *extra: str, roster: bool = True) -> int:
    given = ["--roster", str(ROSTER), "--register", str(REGISTER)] if roster else []
    return main(["check", str(folder), *given, "--format", form, "-o", str(out), *extra])


@pytest.fixture(scope="module")
def duplicates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder where 市财政局 sent two reports (the second under another name) and 市审计局 one."""
    folder = tmp_path_factory.mktemp("duplicates")
    shutil.copy(FINANCE, folder / FINANCE.name)
    shutil.copy(FINANCE, folder / "市财政局-张伟-2019年度履职报告（修改稿）.docx")
    shutil.copy(AUDIT, folder / AUDIT.name)
    return folder


@pytest.mark.parametrize("form", ["json", "csv", "table"])
def test_the_command_writes_what_the_in_memory_report_gives(form: str, tmp_path: Path) -> None:
    out = tmp_path / f"result.{form}"
    report = in_memory(REPORTS)
    assert run_cli(REPORTS, form, out, "--jobs", "2") == (1 if report.has_errors else 0)
    assert out.read_bytes() == WRITE[form](report, "zh").encode("utf-8")


@pytest.mark.parametrize("form", ["json", "csv", "table"])
def test_a_department_that_sent_two_gets_ar104_on_both_when_streamed(
    form: str, duplicates: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"result.{form}"
    run_cli(duplicates, form, out, "--jobs", "1")
    assert out.read_bytes() == WRITE[form](in_memory(duplicates), "zh").encode("utf-8")
    if form != "json":
        return
    files = json.loads(out.read_text(encoding="utf-8"))["files"]
    finance = [f for f in files if f["department"] == "市财政局"]
    assert len(finance) == 2
    for mine, other in (finance, finance[::-1]):
        ar104 = [f for f in mine["findings"] if f["code"] == "AR104"]
        assert len(ar104) == 1
        assert Path(other["file"]).name in ar104[0]["message"]
        assert ar104[0]["file"] == mine["file"]
    audit = next(f for f in files if f["department"] == "市审计局")
    assert not any(f["code"] == "AR104" for f in audit["findings"])


def test_also_json_is_the_json_report_and_stdout_is_the_file(
    duplicates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table, also = tmp_path / "result.txt", tmp_path / "result.json"
    run_cli(duplicates, "table", table, "--also-json", str(also))
    report = in_memory(duplicates)
    assert also.read_bytes() == to_json(report).encode("utf-8")
    assert table.read_bytes() == to_table(report).encode("utf-8")
    capsys.readouterr()
    for form in ("json", "csv", "table"):
        out = tmp_path / f"again.{form}"
        run_cli(duplicates, form, out)
        capsys.readouterr()
        argv = ["check", str(duplicates), "--roster", str(ROSTER), "--register", str(REGISTER)]
        main([*argv, "--format", form])
        assert capsys.readouterr().out == out.read_bytes().decode("utf-8")


def test_the_exit_code_counts_the_roster_and_the_duplicates(tmp_path: Path) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(FINANCE, alone / FINANCE.name)
    out = tmp_path / "result.json"
    assert run_cli(alone, "json", out, "--register", str(REGISTER), roster=False) == 0
    assert not json.loads(out.read_text(encoding="utf-8"))["files"][0]["findings"]
    # The same clean report with the roster: every other department is an AR102 error.
    assert run_cli(alone, "json", out, "--force") == 1
    assert json.loads(out.read_text(encoding="utf-8"))["roster_findings"]


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
    error = Finding(
        code="GB102",
        name="天头",
        severity=Severity.ERROR,
        category=Category.FORMAT,
        message="m",
        file="a.docx",
    )
    added = clean.adding([error])
    assert (added.content_pass, added.format_pass, added.has_errors) == (True, False, True)


def _open_in(folder: Path) -> list[str]:
    """The files this process has open under `folder` (an unnamed temporary file included)."""
    names = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            names.append(os.readlink(f"/proc/self/fd/{fd}"))
        except FileNotFoundError:  # the descriptor listdir itself had open
            continue
    return [n for n in names if n.startswith(str(folder))]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_results_are_spooled_to_a_temporary_file_that_is_gone_after(
    duplicates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    seen: list[list[str]] = []
    real = gongwen.report.write_json

    def watching(out, report, files=None):  # type: ignore[no-untyped-def]
        seen.append(_open_in(spool))
        real(out, report, files)

    monkeypatch.setattr(gongwen.report, "write_json", watching)
    out = tmp_path / "result.json"
    run_cli(duplicates, "json", out, "--jobs", "1")
    assert len(seen) == 1 and len(seen[0]) == 1  # the spool, open while the output is written
    assert out.read_bytes() == to_json(in_memory(duplicates)).encode("utf-8")
    assert _open_in(spool) == []
    assert list(spool.iterdir()) == []


def test_a_failure_mid_write_leaves_no_output_and_no_temporary_file(
    duplicates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    real = gongwen.report.write_csv

    def failing(out, report, lang="zh", files=None, departments=None):  # type: ignore[no-untyped-def]
        real(out, report, lang, itertools.islice(files, 1), departments)
        raise OSError("disk full")

    monkeypatch.setattr(gongwen.report, "write_csv", failing)
    outdir = tmp_path / "out"
    outdir.mkdir()
    with pytest.raises(OSError, match="disk full"):
        run_cli(duplicates, "csv", outdir / "result.csv")
    assert list(outdir.iterdir()) == []
    assert list(spool.iterdir()) == []
    # Over an existing file with --force: the old file stays whole.
    (outdir / "result.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(OSError, match="disk full"):
        run_cli(duplicates, "csv", outdir / "result.csv", "--force")
    assert [p.name for p in outdir.iterdir()] == ["result.csv"]
    assert (outdir / "result.csv").read_text(encoding="utf-8") == "mine"


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
