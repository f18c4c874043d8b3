"""A check run's summary: totals over the roster, 未报送 and 重复报送, from a record per file.

A run's report needs of each file only what `Record` keeps, so a caller streaming the file
results (the CLI spools them to disk) holds a few hundred bytes a file, not the results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from gongwen.findings import CheckReport, FileResult, Finding, Rate, Severity, Totals
from gongwen.roster import RosterEntry

if TYPE_CHECKING:
    from gongwen.batch import Options


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
