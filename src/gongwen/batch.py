"""Check one file or a folder of submissions: ingest → checks → results, with roster and register.

These functions return values and print nothing; the CLI is a thin layer over them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack

from gongwen.findings import (
    CheckReport,
    FileResult,
    FileStatus,
    ReceiptSource,
)
from gongwen.folders import files_with_suffix, submissions, walk
from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.ingest import display_path
from gongwen.limits import DEFAULT_LIMITS, Limits
from gongwen.roster import Receipt, RosterEntry, load_open_issues, load_register, load_roster
from gongwen.summary import Record, Summary, summarise, summarise_records, totals

if TYPE_CHECKING:
    from gongwen.checks import RuleSet
    from gongwen.ingest.legacy import Conversion
    from gongwen.model import Document

__all__ = [
    "Options",
    "Record",
    "Summary",
    "check_file",
    "check_folder",
    "files_with_suffix",
    "iter_check",
    "last_year_open_issues",
    "summarise",
    "summarise_records",
    "totals",
    "walk",
]


@dataclass(frozen=True, slots=True)
class Options:
    """What one check run is configured with."""

    rules: str = "annual-report"
    year: int | None = None
    deadline: dt.date | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str = DEFAULT_LANG
    roster: tuple[RosterEntry, ...] = ()
    register: tuple[Receipt, ...] = ()
    last_year_issues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    limits: Limits = DEFAULT_LIMITS  # what one submitted file may cost (size, parts, pages, time)
    tables: tuple[Path, ...] = ()  # roster, register, the copies' folder: never submissions
    # legacy files (.doc, .rtf, .wps) and the .docx LibreOffice made of each, by str(path)
    legacy: Mapping[str, Conversion] = field(default_factory=dict)

    def rule_set(self) -> RuleSet:
        """The rule set with this run's overrides and selection applied."""
        from gongwen.checks import load_rule_set

        rule_set = load_rule_set(self.rules, year=self.year, deadline=self.deadline)
        return rule_set.select(self.select, self.ignore)


class CheckOptions(TypedDict, total=False):
    """The keyword options of `check_file` and `check_folder`, written once."""

    roster: str | Path | Sequence[RosterEntry] | None  # a roster file or its entries
    register: str | Path | Sequence[Receipt] | None  # a receipt register or its rows
    year: int | None  # the review year, over the rule set's
    deadline: dt.date | None  # the deadline, over the rule set's
    select: Sequence[str]  # only these rule codes or prefixes
    ignore: Sequence[str]  # leave out these rule codes or prefixes
    lang: str  # the language of the messages
    last_year_issues: str | Path | Mapping[str, Sequence[str]] | None  # to be answered
    limits: Limits | None  # what one file may cost (gongwen.limits.DEFAULT_LIMITS)


def _options(rules: str | Path = "annual-report", **given: Unpack[CheckOptions]) -> Options:
    roster = given.get("roster")
    register = given.get("register")
    last_year_issues = given.get("last_year_issues")
    named = (roster, register, last_year_issues)
    tables = tuple(Path(t) for t in named if isinstance(t, str | Path))
    if isinstance(last_year_issues, str | Path):
        last_year_issues = last_year_open_issues(last_year_issues)
    if isinstance(roster, str | Path):
        roster = load_roster(roster)
    if isinstance(register, str | Path):
        register = load_register(register)
    return Options(
        rules=str(rules),
        year=given.get("year"),
        deadline=given.get("deadline"),
        select=tuple(given.get("select", ())),
        ignore=tuple(given.get("ignore", ())),
        lang=given.get("lang", DEFAULT_LANG),
        roster=tuple(roster or ()),
        register=tuple(register or ()),
        last_year_issues={k: tuple(v) for k, v in (last_year_issues or {}).items()},
        limits=given.get("limits") or DEFAULT_LIMITS,
        tables=tables,
    )


def last_year_open_issues(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Last year's open issues per department: from its case file (.json) or an issue table."""
    if Path(path).suffix.lower() != ".json":
        return load_open_issues(path)
    from gongwen.case import read_case
    from gongwen.case.carry import open_issues

    return open_issues(read_case(path))


def check_file(
    path: str | Path, rules: str | Path = "annual-report", **options: Unpack[CheckOptions]
) -> FileResult:
    """Check one submitted file; a broken file gives a result with a finding, not an exception.

    `limits` bound what the file may cost (gongwen.limits.DEFAULT_LIMITS when None).
    """
    from gongwen.ingest.legacy import converted

    run = _options(rules, **options)
    rule_set = run.rule_set()
    with converted([path], limits=run.limits) as legacy:
        return _check_one(Path(path), dataclasses.replace(run, legacy=legacy), rule_set)


def iter_check(
    paths: Iterable[str | Path], options: Options, *, jobs: int = 1, timeout: float | None = None
) -> Iterator[FileResult]:
    """Results one file at a time, in a deterministic order (sorted paths), as they are ready.

    `jobs` > 1 checks in that many worker processes; at most a few files per job are in
    flight, so results stream and memory does not grow with the folder. A file taking more
    than `timeout` seconds (the run's per-file limit when None) gets an IO006 finding.
    """
    from gongwen import parallel

    rule_set = options.rule_set()
    seconds = timeout if timeout is not None else options.limits.file_seconds
    files = submissions(paths, options.tables)

    def run(options: Options) -> Iterator[FileResult]:
        return parallel.run(
            files,
            functools.partial(_checker, options),
            functools.partial(_unchecked, options, rule_set, seconds),
            jobs=jobs,
            timeout=seconds,
        )

    return _converting(files, options, run)


def _converting(
    files: list[Path], options: Options, run: Callable[[Options], Iterator[FileResult]]
) -> Iterator[FileResult]:
    """`run` with the legacy files among `files` converted (one LibreOffice run) first.

    Both happen now, not at the first result asked for: the worker processes must be forked
    before the caller starts a thread (a progress bar), and the .docx files live until the
    results are read (or the iterator is dropped unread).
    """
    from gongwen.ingest.legacy import converted

    stack = contextlib.ExitStack()
    pending = [f for f in files if str(f) not in options.legacy]
    try:
        found = stack.enter_context(converted(pending, limits=options.limits))
        results = run(dataclasses.replace(options, legacy={**options.legacy, **found}))
    except BaseException:
        stack.close()
        raise
    closing = _closing(results, stack)
    weakref.finalize(closing, stack.close)
    return closing


def _closing(results: Iterator[FileResult], stack: contextlib.ExitStack) -> Iterator[FileResult]:
    with stack:
        yield from results


def _checker(options: Options) -> Callable[[Path], FileResult]:
    """The check of one file, with the rule set loaded once (once per worker process)."""
    rule_set = options.rule_set()
    return functools.partial(_check_one, options=options, rule_set=rule_set)


def _unchecked(
    options: Options, rule_set: RuleSet, seconds: float, path: Path, reason: str
) -> FileResult:
    """The result of a file whose check overran its time or stopped its worker."""
    if reason == "timeout":
        code = "IO006"
        msgid = N_(
            "checking the file took longer than {seconds} s and was stopped; a real report "
            "takes well under a second: open it in Word or WPS, save it again and resubmit"
        )
    else:
        code = "IO001"
        msgid = N_(
            "the checker stopped on this file: open it in Word or WPS, save it again and resubmit"
        )
    message = t(msgid, options.lang, seconds=f"{seconds:g}")
    return _not_checked(path, None, options, rule_set, code, message)


def check_folder(
    paths: str | Path | Iterable[str | Path],
    rules: str | Path = "annual-report",
    *,
    jobs: int = 1,
    **options: Unpack[CheckOptions],
) -> CheckReport:
    """Check every file under `paths`, going on past broken files, with totals over the roster.

    `jobs` > 1 checks in that many worker processes; the result is the same, in the same order.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    run = _options(rules, **options)
    return summarise(list(iter_check(paths, run, jobs=jobs)), run)


def _check_one(path: Path, options: Options, rule_set: RuleSet) -> FileResult:
    from gongwen.checks import Submission, input_finding, run_checks
    from gongwen.ingest import IngestError, load

    conversion = options.legacy.get(str(path))
    if conversion is not None and conversion.docx is None:
        return _not_checked(
            path, None, options, rule_set, "IO005", conversion.message(options.lang)
        )
    try:
        doc = load(conversion.docx if conversion and conversion.docx else path, options.limits)
    except IngestError as error:
        message = error.message(options.lang)
        if conversion is not None:  # its parts are the conversion's: say whose they are
            message = t(N_("the .docx LibreOffice made of this {kind} file: {message}"),
                        options.lang, kind=conversion.kind, message=message)  # fmt: skip
        return _not_checked(path, None, options, rule_set, error.code, message)
    receipt = _receipt(path, options.register)
    entry = _match_roster(path, doc, receipt, options.roster)
    if doc.format == "pdf" and not any(page.text.strip() for page in doc.pages):
        message = t(
            N_(
                "a scan with no text layer: its content and format cannot be checked; "
                "ask for the PDF exported from Word/WPS or for the .docx"
            ),
            options.lang,
        )
        return _not_checked(path, doc, options, rule_set, "IO004", message)
    received, source = _received(doc, receipt)
    submission = Submission(
        file=display_path(path),
        received=received,
        received_source=source,
        department=entry.department if entry else None,
        official=entry.official if entry else None,
        last_year_issues=options.last_year_issues.get(entry.department, ()) if entry else (),
    )
    findings = run_checks(doc, rule_set, submission, lang=options.lang)
    if conversion is not None and "IO008" in {r.code for r in rule_set.rules}:
        message = t(N_("read as the .docx LibreOffice made of this {kind} file"), options.lang,
                    kind=conversion.kind)  # fmt: skip
        findings.insert(
            0, input_finding("IO008", message, submission.file, rule_set, lang=options.lang)
        )
    return FileResult(
        file=display_path(path),
        format=doc.format,
        department=submission.department,
        official=submission.official,
        received=received,
        received_source=source,
        on_time=_on_time(received, rule_set),
        findings=findings,
    )


def _not_checked(
    path: Path,
    doc: Document | None,
    options: Options,
    rule_set: RuleSet,
    code: str,
    message: str,
) -> FileResult:
    """The result of a file that could not be checked: one input finding (IO0xx), with what
    the register and the roster still say of it."""
    from gongwen.checks import input_finding

    receipt = _receipt(path, options.register)
    entry = _match_roster(path, doc, receipt, options.roster)
    return FileResult(
        file=display_path(path),
        status=FileStatus.UNSUPPORTED if code == "IO002" else FileStatus.UNREADABLE,
        format=doc.format if doc is not None else None,
        department=entry.department if entry else None,
        official=entry.official if entry else None,
        received=receipt.received if receipt else None,
        received_source=ReceiptSource.REGISTER if receipt else None,
        on_time=_on_time(receipt.received if receipt else None, rule_set),
        findings=[input_finding(code, message, display_path(path), rule_set, lang=options.lang)],
    )


def _on_time(received: dt.date | None, rule_set: RuleSet) -> bool | None:
    from gongwen.checks import is_on_time

    if received is None or rule_set.deadline is None:
        return None
    return is_on_time(received, rule_set.deadline, rule_set.grace_days)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _receipt(path: Path, register: Sequence[Receipt]) -> Receipt | None:
    name = _key(path.name)
    return next((r for r in register if _key(Path(r.file).name) == name), None)


def _received(
    doc: Document, receipt: Receipt | None
) -> tuple[dt.date | None, ReceiptSource | None]:
    if receipt is not None:
        return receipt.received, ReceiptSource.REGISTER
    stamp = doc.properties.modified or doc.properties.created
    if stamp is None:
        return None, None
    return stamp.date(), ReceiptSource.METADATA


def _match_roster(
    path: Path, doc: Document | None, receipt: Receipt | None, roster: Sequence[RosterEntry]
) -> RosterEntry | None:
    """The roster entry a file belongs to: by register, then file name, then the title."""
    if not roster:
        return None
    if receipt is not None and receipt.department:
        found = [e for e in roster if e.department == receipt.department]
        if found:
            return found[0]
    texts = [path.stem]
    if doc is not None:
        texts.extend(p.text for p in doc.paragraphs[:8])
    for text in texts:
        by_department = [e for e in roster if e.department and e.department in text]
        if by_department:
            return max(by_department, key=lambda e: len(e.department))
        by_name = [e for e in roster if e.official and e.official in text]
        if len(by_name) == 1:
            return by_name[0]
    return None
