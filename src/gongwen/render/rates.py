"""The four rates of a review round, computed from the case."""

from __future__ import annotations

from dataclasses import dataclass

from gongwen.case import Case, Grade, IssueStatus
from gongwen.findings import Rate


@dataclass(frozen=True, slots=True)
class Rates:
    """按时报送率, 质量合格率, 问题整改率, 代表满意率."""

    on_time: Rate
    quality: Rate
    rectification: Rate
    satisfaction: Rate


def on_time(case: Case) -> list[str]:
    """Names of the departments whose report came in by the deadline."""
    return [d.name for d in case.departments if d.received and d.received <= case.deadline]


def passed(case: Case) -> list[str]:
    """Names of the departments whose report was graded acceptable (合格 or better)."""
    return [d.name for d in case.departments if d.grade and d.grade != Grade.FAIL]


def satisfied(case: Case) -> list[str]:
    """Names of the departments whose report more than half of the voters were satisfied with."""
    return [d.name for d in case.departments if d.votes and d.votes.passed]


def issue_counts(case: Case) -> tuple[int, int]:
    """(issues fed back, issues rectified by their deadline)."""
    issues = [i for d in case.departments for i in d.issues]
    done = [
        i
        for i in issues
        if i.status == IssueStatus.RECTIFIED and i.rectified_on and i.rectified_on <= i.deadline
    ]
    return len(issues), len(done)


def rates(case: Case) -> Rates:
    """The four rates; reports are counted over every department of the case."""
    n = len(case.departments)
    total, done = issue_counts(case)
    return Rates(
        on_time=Rate(numerator=len(on_time(case)), denominator=n),
        quality=Rate(numerator=len(passed(case)), denominator=n),
        rectification=Rate(numerator=done, denominator=total),
        satisfaction=Rate(numerator=len(satisfied(case)), denominator=n),
    )
