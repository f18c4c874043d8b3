"""`gongwen check`: check submitted reports against a rule set."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from gongwen.i18n import N_, t

if TYPE_CHECKING:
    from gongwen.batch import Record, Summary
    from gongwen.findings import FileResult
    from gongwen.limits import Limits


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The arguments of `gongwen check`."""
    p = sub.add_parser(
        "check",
        help="检查报送的年度履职报告（.docx/.pdf）",
        description="检查一个或多个文件夹中的履职报告：报送时限、内容和格式。"
        "退出码：0 无错误；1 有错误；2 参数或规则文件不可用。",
    )
    check_arguments(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("-o", "--output", help="write the result to this file instead of stdout")
    p.add_argument("--also-json", metavar="FILE", help="also write the JSON result to FILE")
    p.add_argument("--force", action="store_true",
                   help="overwrite existing -o/--also-json files and copies")  # fmt: skip
    p.add_argument(
        "--annotate",
        metavar="OUTDIR",
        help="also write a marked-up copy of each report to OUTDIR, a comment at each finding",
    )
    from gongwen.cli.copies import stamp_arguments

    stamp_arguments(p)
    return p


def check_arguments(p: argparse.ArgumentParser) -> None:
    """What to check and against what: shared by `check` and `annotate`."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to check")
    p.add_argument("--rules", default="annual-report", help="rule set name or YAML file")
    p.add_argument("--roster", help="roster of officials who must submit (CSV or XLSX)")
    p.add_argument("--register", help="receipt register 收文登记 (CSV or XLSX)")
    p.add_argument(
        "--last-year-issues",
        metavar="FILE",
        help="last year's issue list (单位, 问题[, 整改状态]): reports must answer the open ones",
    )
    p.add_argument(
        "--last-year",
        metavar="CASE.json",
        help="last year's case file: reports must answer the issues it left open",
    )
    p.add_argument("--year", type=int, help="review year (overrides the rule set)")
    p.add_argument("--deadline", type=dt.date.fromisoformat, help="deadline, YYYY-MM-DD")
    p.add_argument("--select", action="append", default=[], help="only these codes or prefixes")
    p.add_argument("--ignore", action="append", default=[], help="skip these codes or prefixes")
    _limit_arguments(p)
    p.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="check in N worker processes (default: the number of cores; 1: in this process)",
    )


def _jobs(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _limit_arguments(p: argparse.ArgumentParser) -> None:
    """--max-*: what one submitted file may cost before it is refused (IO006)."""
    from gongwen.limits import DEFAULT_LIMITS as d
    from gongwen.limits import MB

    def positive(kind: type[int] | type[float]) -> Callable[[str], int | float]:
        def parse(value: str) -> int | float:
            number = kind(value)
            if not number > 0:
                raise argparse.ArgumentTypeError("must be more than 0")
            return number

        return parse

    p.add_argument(
        "--max-mb",
        type=positive(float),
        default=d.docx_bytes / MB,
        metavar="MB",
        help="size of a file, and of a .docx unpacked (default %(default)g)",
    )
    p.add_argument(
        "--max-part-mb",
        type=positive(float),
        default=d.part_bytes / MB,
        metavar="MB",
        help="one XML part of a .docx unpacked (default %(default)g)",
    )
    p.add_argument(
        "--max-parts",
        type=positive(int),
        default=d.docx_parts,
        metavar="N",
        help="parts of a .docx (default %(default)s)",
    )
    p.add_argument(
        "--max-pages",
        type=positive(int),
        default=d.pdf_pages,
        metavar="N",
        help="pages of a PDF (default %(default)s)",
    )
    p.add_argument("--max-seconds", type=positive(float), default=d.file_seconds,
                   metavar="S", help="time to check one file (default %(default)g)")  # fmt: skip


def _limits(args: argparse.Namespace) -> Limits:
    from gongwen.limits import MB, Limits

    return Limits(
        docx_bytes=int(args.max_mb * MB),
        part_bytes=int(args.max_part_mb * MB),
        docx_parts=args.max_parts,
        pdf_pages=args.max_pages,
        file_seconds=args.max_seconds,
    )


def _codes(values: list[str]) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


def run(args: argparse.Namespace) -> int:
    """Check, print or write the result, and return 0, 1 or 2."""
    import contextlib
    import dataclasses
    import tempfile

    from gongwen.batch import Options, iter_check, last_year_open_issues, summarise_records
    from gongwen.errors import GongwenError
    from gongwen.roster import load_open_issues, load_register, load_roster

    lang = args.lang
    try:
        options = Options(
            rules=args.rules,
            year=args.year,
            deadline=args.deadline,
            select=_codes(args.select),
            ignore=_codes(args.ignore),
            lang=lang,
            roster=tuple(load_roster(args.roster)) if args.roster else (),
            register=tuple(load_register(args.register)) if args.register else (),
            last_year_issues=load_open_issues(args.last_year_issues)
            if args.last_year_issues
            else last_year_open_issues(args.last_year)
            if args.last_year
            else {},
            limits=_limits(args),
            tables=tuple(Path(f) for f in (args.roster, args.register, args.last_year_issues) if f),
        )
        options.rule_set()
    except (GongwenError, ValueError) as error:
        message = error.message(lang) if isinstance(error, GongwenError) else str(error)
        print(t(N_("gongwen: {message}"), lang, message=message), file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(
            t(N_("gongwen: no such file or folder: {path}"), lang, path=missing[0]), file=sys.stderr
        )
        return 2
    copies = getattr(args, "annotate", None)
    if copies:
        from gongwen.cli.copies import outdir_problem

        problem = outdir_problem(args)
        if problem:
            print(t(N_("gongwen: {message}"), lang, message=problem), file=sys.stderr)
            return 2
        # a copies' folder inside a folder of submissions holds no submission
        options = dataclasses.replace(options, tables=(*options.tables, Path(copies)))
    existing = [f for f in (args.output, args.also_json) if f and Path(f).exists()]
    if existing and not args.force:
        print(
            t(N_("these files exist already (use --force): {files}"), lang,
              files=", ".join(existing)),
            file=sys.stderr,
        )  # fmt: skip
        return 2

    from gongwen.checks.measure import ink_available
    from gongwen.cli.verify import ink_note
    from gongwen.parallel import cpu_count

    if not ink_available() and any(
        p.suffix.lower() == ".pdf" or p.is_dir() for p in map(Path, args.paths)
    ):
        print(ink_note(lang), file=sys.stderr)  # once for the run, not a defect of each PDF
    jobs = args.jobs or cpu_count()
    # Each result goes to an unnamed temporary file as it comes (the system removes it however
    # the run ends) and only its record stays in memory; every output reads the spool back one
    # result at a time, so memory does not grow with the number of files.
    with contextlib.ExitStack() as stack:
        spool = stack.enter_context(
            tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", prefix="gongwen-")
        )
        if copies:  # the legacy files' .docx must outlive the check: the copies are made of it
            from gongwen.folders import submissions
            from gongwen.ingest.legacy import converted

            files = submissions(args.paths, options.tables)
            legacy = stack.enter_context(converted(files, limits=options.limits))
            options = dataclasses.replace(options, legacy=legacy)
        results = _with_progress(iter_check(args.paths, options, jobs=jobs), lang)
        summary = summarise_records([_spooled(result, spool) for result in results], options)
        if args.format is not None:  # None: `gongwen annotate`, whose output is the copies
            _report(args, spool, summary)
        if copies:
            from gongwen.cli.copies import write_copies

            def again() -> Iterator[FileResult]:
                return _read_back(spool, summary)

            if not write_copies(args, options, files, again, summary):
                return 2
    return 1 if summary.has_errors else 0


def _report(args: argparse.Namespace, spool: TextIO, summary: Summary) -> None:
    """The check's report: to -o, --also-json, the terminal or stdout."""
    from gongwen.writing import atomic_text

    lang = args.lang
    if args.also_json:
        with atomic_text(Path(args.also_json)) as out:
            _write("json", out, summary, _read_back(spool, summary), lang)
    if args.output:
        with atomic_text(Path(args.output)) as out:
            _write(args.format, out, summary, _read_back(spool, summary), lang)
    elif args.format == "table" and sys.stdout.isatty():
        from rich.console import Console

        from gongwen.report.table import renderables

        console = Console()
        for item in renderables(summary.report(), lang, _read_back(spool, summary)):
            console.print(item)
    else:
        _write(args.format, sys.stdout, summary, _read_back(spool, summary), lang)


def _spooled(result: FileResult, spool: TextIO) -> Record:
    """Write `result` to the spool as one line of JSON; its record is what stays in memory."""
    from gongwen.batch import Record

    spool.write(result.model_dump_json())
    spool.write("\n")
    return Record.of(result)


def _read_back(spool: TextIO, summary: Summary) -> Iterator[FileResult]:
    """The spooled results in order, one at a time, with the findings the run adds to each."""
    from gongwen.findings import FileResult

    spool.seek(0)
    for line in spool:
        yield summary.complete(FileResult.model_validate_json(line))


def _write(
    form: str, out: TextIO, summary: Summary, results: Iterator[FileResult], lang: str
) -> None:
    """Write the report in `form` (table, json, csv) to `out`, streaming `results`."""
    from gongwen.report import write_csv, write_json, write_table

    head = summary.report()
    if form == "json":
        write_json(out, head, results)
    elif form == "csv":
        write_csv(out, head, lang, results, summary.departments)
    else:
        write_table(out, head, lang, results)


def _with_progress(results, lang: str):  # type: ignore[no-untyped-def]
    """Pass results through, showing a progress bar on a terminal only."""
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True) as bar:
        task = bar.add_task(t(N_("checking"), lang))
        for count, result in enumerate(results, start=1):
            bar.update(
                task,
                description=t(
                    N_("checked {count}: {file}"), lang, count=count, file=Path(result.file).name
                ),
            )
            yield result
