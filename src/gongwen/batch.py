"""Check one file or a folder of submissions: ingest → checks → results, with roster and register.

These functions return values and print nothing; the CLI is a thin layer over them.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.findings import (
    CheckReport,
    FileResult,
    FileStatus,
    Finding,
    Rate,
    ReceiptSource,
    Severity,
    Totals,
)
from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.ingest import display_path
from gongwen.limits import DEFAULT_LIMITS, Limits
from gongwen.roster import Receipt, RosterEntry, load_open_issues, load_register, load_roster

if TYPE_CHECKING:
    from gongwen.checks import RuleSet
    from gongwen.model import Document

# Files a folder walk passes over: editors' lock files and hidden files are not submissions.
_SKIPPED_PREFIXES = (".", "~$")


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
    measure_pdf: bool = True  # measure submitted PDFs' layout in mm (GB7xx, rules/gbt9704-pdf.yaml)
    limits: Limits = DEFAULT_LIMITS  # what one submitted file may cost (size, parts, pages, time)

    def rule_set(self) -> RuleSet:
        """The rule set with this run's overrides and selection applied."""
        from gongwen.checks import load_rule_set

        rule_set = load_rule_set(self.rules, year=self.year, deadline=self.deadline)
        return rule_set.select(self.select, self.ignore)


def _options(
    rules: str | Path = "annual-report",
    *,
    roster: str | Path | Sequence[RosterEntry] | None = None,
    register: str | Path | Sequence[Receipt] | None = None,
    year: int | None = None,
    deadline: dt.date | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    lang: str = DEFAULT_LANG,
    last_year_issues: str | Path | Mapping[str, Sequence[str]] | None = None,
    limits: Limits | None = None,
) -> Options:
    if isinstance(last_year_issues, str | Path):
        last_year_issues = last_year_open_issues(last_year_issues)
    if isinstance(roster, str | Path):
        roster = load_roster(roster)
    if isinstance(register, str | Path):
        register = load_register(register)
    return Options(
        rules=str(rules),
        year=year,
        deadline=deadline,
        select=tuple(select),
        ignore=tuple(ignore),
        lang=lang,
        roster=tuple(roster or ()),
        register=tuple(register or ()),
        last_year_issues={k: tuple(v) for k, v in (last_year_issues or {}).items()},
        limits=limits or DEFAULT_LIMITS,
    )


def last_year_open_issues(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Last year's open issues per department: from its case file (.json) or an issue table."""
    if Path(path).suffix.lower() != ".json":
        return load_open_issues(path)
    from gongwen.case import read_case
    from gongwen.case.carry import open_issues

    return open_issues(read_case(path))


def check_file(
    path: str | Path,
    rules: str | Path = "annual-report",
    *,
    roster: str | Path | Sequence[RosterEntry] | None = None,
    register: str | Path | Sequence[Receipt] | None = None,
    year: int | None = None,
    deadline: dt.date | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    lang: str = DEFAULT_LANG,
    last_year_issues: str | Path | Mapping[str, Sequence[str]] | None = None,
    limits: Limits | None = None,
) -> FileResult:
    """Check one submitted file; a broken file gives a result with a finding, not an exception.

    `limits` bound what the file may cost (gongwen.limits.DEFAULT_LIMITS when None).
    """
    options = _options(
        rules,
        roster=roster,
        register=register,
        year=year,
        deadline=deadline,
        select=select,
        ignore=ignore,
        lang=lang,
        last_year_issues=last_year_issues,
        limits=limits,
    )
    return _check_one(Path(path), options, options.rule_set())


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
    return parallel.run(
        list(walk(paths)),
        functools.partial(_checker, options),
        functools.partial(_unchecked, options, rule_set, seconds),
        jobs=jobs,
        timeout=seconds,
    )


def _checker(options: Options) -> Callable[[Path], FileResult]:
    """The check of one file, with the rule set loaded once (once per worker process)."""
    rule_set = options.rule_set()
    return functools.partial(_check_one, options=options, rule_set=rule_set)


def _unchecked(
    options: Options, rule_set: RuleSet, seconds: float, path: Path, reason: str
) -> FileResult:
    """The result of a file whose check overran its time or stopped its worker."""
    from gongwen.checks import input_finding

    if reason == "timeout":
        code, msgid = "IO006", N_(
            "checking the file took longer than {seconds} s and was stopped; a real report "
            "takes well under a second: open it in Word or WPS, save it again and resubmit"
        )
    else:
        code, msgid = "IO001", N_(
            "the checker stopped on this file: open it in Word or WPS, save it again and resubmit"
        )
    receipt = _receipt(path, options.register)
    entry = _match_roster(path, None, receipt, options.roster)
    message = t(msgid, options.lang, seconds=f"{seconds:g}")
    return FileResult(
        file=display_path(path),
        status=FileStatus.UNREADABLE,
        department=entry.department if entry else None,
        official=entry.official if entry else None,
        received=receipt.received if receipt else None,
        received_source=ReceiptSource.REGISTER if receipt else None,
        on_time=_on_time(receipt.received if receipt else None, rule_set),
        findings=[
            input_finding(code, message, display_path(path), rule_set, lang=options.lang)
        ],
    )


def check_folder(
    paths: str | Path | Iterable[str | Path],
    rules: str | Path = "annual-report",
    *,
    roster: str | Path | Sequence[RosterEntry] | None = None,
    register: str | Path | Sequence[Receipt] | None = None,
    year: int | None = None,
    deadline: dt.date | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    lang: str = DEFAULT_LANG,
    last_year_issues: str | Path | Mapping[str, Sequence[str]] | None = None,
    jobs: int = 1,
    limits: Limits | None = None,
) -> CheckReport:
    """Check every file under `paths`, going on past broken files, with totals over the roster.

    `jobs` > 1 checks in that many worker processes; the result is the same, in the same order.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    options = _options(
        rules,
        roster=roster,
        register=register,
        year=year,
        deadline=deadline,
        select=select,
        ignore=ignore,
        lang=lang,
        last_year_issues=last_year_issues,
        limits=limits,
    )
    return summarise(list(iter_check(paths, options, jobs=jobs)), options)


@dataclass(frozen=True, slots=True)
class Record:
    """What a run's totals and its 未报送 and 重复报送 findings need of one file's result."""

    file: str
    department: str | None
    on_time: bool | None
    content_pass: bool
    format_pass: bool
    has_errors: bool

    @classmethod
    def of(cls, result: FileResult) -> Record:
        """The record of one file's result."""
        return cls(
            file=result.file,
            department=result.department,
            on_time=result.on_time,
            content_pass=result.content_pass,
            format_pass=result.format_pass,
            has_errors=result.count(Severity.ERROR) > 0,
        )

    def adding(self, findings: Sequence[Finding]) -> Record:
        """The record once `findings` are added to the file's result."""
        added = FileResult(file=self.file, findings=list(findings))
        return replace(
            self,
            content_pass=self.content_pass and added.content_pass,
            format_pass=self.format_pass and added.format_pass,
            has_errors=self.has_errors or added.count(Severity.ERROR) > 0,
        )


@dataclass(frozen=True, slots=True)
class Summary:
    """A run's report but for its file results: what the records of the files decide."""

    rule_set: str
    review_year: int | None
    deadline: dt.date | None
    roster_findings: tuple[Finding, ...]
    totals: Totals
    duplicates: Mapping[str, tuple[Finding, ...]]  # file → its AR104 重复报送 findings
    departments: Mapping[str, str]  # file → department ("" for none), for the CSV
    has_errors: bool

    def complete(self, result: FileResult) -> FileResult:
        """`result` with the findings the run adds to its file (AR104 重复报送)."""
        extra = self.duplicates.get(result.file)
        if not extra:
            return result
        return result.model_copy(update={"findings": [*result.findings, *extra]})

    def report(self, results: Iterable[FileResult] = ()) -> CheckReport:
        """The CheckReport with `results` completed; with none, the head a writer streams into."""
        return CheckReport(
            rule_set=self.rule_set,
            review_year=self.review_year,
            deadline=self.deadline,
            files=[self.complete(r) for r in results],
            roster_findings=list(self.roster_findings),
            totals=self.totals,
        )


def summarise(results: list[FileResult], options: Options) -> CheckReport:
    """The run's report: the file results, the 未报送 and 重复报送 findings and the totals."""
    return summarise_records([Record.of(r) for r in results], options).report(results)


def summarise_records(records: Sequence[Record], options: Options) -> Summary:
    """The run's summary from the records of its files, in order: no file result is held."""
    from gongwen.checks import duplicate_findings, roster_findings

    rule_set = options.rule_set()
    by_department: dict[str, list[str]] = {}
    for record in records:
        if record.department:
            by_department.setdefault(record.department, []).append(record.file)
    duplicates = duplicate_findings(by_department, rule_set, lang=options.lang)
    records = [r.adding(duplicates[r.file]) if r.file in duplicates else r for r in records]
    sent = {r.department for r in records}
    missing = [e for e in options.roster if e.department not in sent]
    roster = roster_findings(missing, rule_set, lang=options.lang)
    return Summary(
        rule_set=rule_set.name,
        review_year=rule_set.review_year,
        deadline=rule_set.deadline,
        roster_findings=tuple(roster),
        totals=totals(records, options.roster),
        duplicates={file: tuple(found) for file, found in duplicates.items()},
        departments={r.file: r.department or "" for r in records},
        has_errors=any(r.has_errors for r in records)
        or any(f.severity == Severity.ERROR for f in roster),
    )


def totals(
    results: Sequence[FileResult] | Sequence[Record], roster: Sequence[RosterEntry]
) -> Totals:
    """Received, on time, passing content and format: over the roster when there is one."""
    records = [r if isinstance(r, Record) else Record.of(r) for r in results]
    if roster:
        by_department: dict[str | None, list[Record]] = {}
        for record in records:
            by_department.setdefault(record.department, []).append(record)
        units = [by_department.get(e.department, []) for e in roster]
        missing = [e.department for e, found in zip(roster, units, strict=True) if not found]
    else:
        units = [[r] for r in records]
        missing = []
    expected = len(units)

    def count(test: Callable[[Record], bool]) -> Rate:
        passed = sum(1 for u in units if any(test(r) for r in u))
        return Rate(numerator=passed, denominator=expected)

    return Totals(
        expected=expected,
        received=sum(1 for u in units if u),
        on_time=count(lambda r: r.on_time is True),
        content_pass=count(lambda r: r.content_pass),
        format_pass=count(lambda r: r.format_pass),
        missing=missing,
    )


def files_with_suffix(paths: Iterable[str | Path], suffix: str) -> list[Path]:
    """The files named, and those ending in `suffix` under the folders named, sorted per folder."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in walk([path]) if p.suffix.lower() == suffix)
        else:
            found.append(path)
    return found


def walk(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under `paths`, sorted, without following symbolic links into loops."""
    for root in paths:
        root = Path(root)
        if not root.is_dir():
            yield root
            continue
        found: list[Path] = []
        for folder, dirs, files in os.walk(root, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith(_SKIPPED_PREFIXES))
            found.extend(Path(folder, f) for f in files if not f.startswith(_SKIPPED_PREFIXES))
        yield from sorted(found)


def _check_one(path: Path, options: Options, rule_set: RuleSet) -> FileResult:
    from gongwen.checks import Submission, input_finding, run_checks
    from gongwen.ingest import IngestError, load

    receipt = _receipt(path, options.register)
    try:
        doc = load(path, options.limits)
    except IngestError as error:
        entry = _match_roster(path, None, receipt, options.roster)
        finding = input_finding(
            error.code,
            error.message(options.lang),
            display_path(path),
            rule_set,
            lang=options.lang,
        )
        status = FileStatus.UNSUPPORTED if error.code == "IO002" else FileStatus.UNREADABLE
        return FileResult(
            file=display_path(path),
            status=status,
            department=entry.department if entry else None,
            official=entry.official if entry else None,
            received=receipt.received if receipt else None,
            received_source=ReceiptSource.REGISTER if receipt else None,
            on_time=_on_time(receipt.received if receipt else None, rule_set),
            findings=[finding],
        )
    entry = _match_roster(path, doc, receipt, options.roster)
    if doc.format == "pdf" and not any(page.text.strip() for page in doc.pages):
        message = t(
            N_(
                "a scan with no text layer: its content and format cannot be checked; "
                "ask for the PDF exported from Word/WPS or for the .docx"
            ),
            options.lang,
        )
        return FileResult(
            file=display_path(path),
            status=FileStatus.UNREADABLE,
            format=doc.format,
            department=entry.department if entry else None,
            official=entry.official if entry else None,
            received=receipt.received if receipt else None,
            received_source=ReceiptSource.REGISTER if receipt else None,
            on_time=_on_time(receipt.received if receipt else None, rule_set),
            findings=[
                input_finding("IO004", message, display_path(path), rule_set, lang=options.lang)
            ],
        )
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
    if doc.format == "pdf" and options.measure_pdf:
        findings += _measured(path, options)
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


def _measured(path: Path, options: Options) -> list[Finding]:
    """The layout of a submitted PDF measured in mm, for the GB7xx rules this run selects."""
    from gongwen.verify import load_rules, verify_pdf

    select = tuple(c.upper() for c in options.select)
    ignore = tuple(c.upper() for c in options.ignore)
    rules = [
        rule
        for code, rule in load_rules().items()
        if (not select or code.startswith(select)) and not (ignore and code.startswith(ignore))
    ]
    return verify_pdf(path, lang=options.lang, rules=rules) if rules else []


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
