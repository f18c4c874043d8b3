"""The four rates of a review round, computed from the case by the rules it declares.

- 按时报送率: reports received by the deadline plus the case's grace days, over every
  department of the case (a report not received is not on time).
- 质量合格率: reports whose grade's class passes (commended, passed, short), over every
  department.
- 问题整改率: issues rectified by their own deadline, over every issue fed back.
- 代表满意率: with one vote for the round, the votes for the answers the rule counts over
  the rule's base; with a vote per report, the reports whose result is one of those answers
  over the reports put to a vote (a report not voted on is 未测评, left out).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongwen.case import Case, Department, Issue, IssueStatus
from gongwen.findings import Rate
from gongwen.survey import Outcome, Result, outcome


@dataclass(frozen=True, slots=True)
class Rates:
    """按时报送率, 质量合格率, 问题整改率, 代表满意率."""

    on_time: Rate
    quality: Rate
    rectification: Rate
    satisfaction: Rate


def is_on_time(case: Case, department: Department) -> bool:
    """Whether `department`'s report came in by the deadline (with the grace days)."""
    last = case.deadline + dt.timedelta(days=case.grace_days)
    return department.received is not None and department.received <= last


def on_time(case: Case) -> list[str]:
    """Names of the departments whose report came in by the deadline."""
    return [d.name for d in case.departments if is_on_time(case, d)]


def passed(case: Case) -> list[str]:
    """Names of the departments whose report was graded in a passing class."""
    return [d.name for d in case.departments if (c := case.grade_class(d)) and c.passes]


def in_time(issue: Issue) -> bool:
    """Whether `issue` was rectified by its deadline."""
    return (
        issue.status == IssueStatus.RECTIFIED
        and issue.rectified_on is not None
        and issue.rectified_on <= issue.deadline
    )


def overdue(issue: Issue, on: dt.date) -> bool:
    """Whether `issue`, on day `on`, is past its deadline without having been rectified in time."""
    return issue.deadline < on and not in_time(issue)


def issue_counts(case: Case) -> tuple[int, int]:
    """(issues fed back, issues rectified by their deadline)."""
    issues = [i for d in case.departments for i in d.issues]
    return len(issues), sum(1 for i in issues if in_time(i))


def report_outcomes(case: Case) -> dict[str, Outcome]:
    """The result of each report put to a vote, by department name (per-report surveys).

    A report with no ballot cast was not voted on (未测评); one short of its quorum was, but
    its vote is void: both are left out here, and so out of the 满意率.
    """
    survey = case.survey
    if survey is None or survey.votes is not None:
        return {}
    found = {
        d.name: outcome(d.votes, survey.entitled, survey.rule)
        for d in case.departments
        if d.votes is not None and d.votes.cast
    }
    return {name: o for name, o in found.items() if o.result is not Result.NO_QUORUM}


def void_votes(case: Case) -> list[str]:
    """Departments whose report was voted on short of the quorum."""
    survey = case.survey
    if survey is None or survey.votes is not None:
        return []
    return [
        d.name
        for d in case.departments
        if d.votes is not None
        and d.votes.cast
        and outcome(d.votes, survey.entitled, survey.rule).result is Result.NO_QUORUM
    ]


def round_outcome(case: Case) -> Outcome | None:
    """The result of the round's one vote, if the case holds one."""
    survey = case.survey
    if survey is None or survey.votes is None:
        return None
    return outcome(survey.votes, survey.entitled, survey.rule)


def satisfaction(case: Case) -> Rate:
    """代表满意率 as the case's survey and rule give it; 0/0 where nothing was voted on."""
    whole = round_outcome(case)
    if whole is not None:
        return (
            whole.rate if whole.result is not Result.NO_QUORUM else Rate(numerator=0, denominator=0)
        )
    outcomes = report_outcomes(case)
    counted = {a.value for a in case.survey.rule.rate_counts} if case.survey else set()
    good = sum(1 for o in outcomes.values() if o.result.value in counted)
    return Rate(numerator=good, denominator=len(outcomes))


def rates(case: Case) -> Rates:
    """The four rates; reports are counted over every department of the case."""
    n = len(case.departments)
    total, done = issue_counts(case)
    return Rates(
        on_time=Rate(numerator=len(on_time(case)), denominator=n),
        quality=Rate(numerator=len(passed(case)), denominator=n),
        rectification=Rate(numerator=done, denominator=total),
        satisfaction=satisfaction(case),
    )


def due_words(issues: list[Issue], rectify_by: dt.date) -> str:
    """When the issues are due: 于2020年6月30日前, or 按问题清单所列时限 when they differ."""
    from gongwen.render.filters import long_date

    if all(i.deadline == rectify_by for i in issues):
        return f"于{long_date(rectify_by)}前"
    return "按问题清单所列时限"
