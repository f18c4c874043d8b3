"""The year after: issues left open carry over, and this year's reports answer them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gongwen.case.load import read_case
from gongwen.case.model import Case, Issue, IssueStatus, PastRound
from gongwen.i18n import DEFAULT_LANG

# Issues still to be rectified: 整改中 and 未整改 carry over alike.
UNDONE = (IssueStatus.OPEN, IssueStatus.RECTIFYING)


@dataclass(frozen=True, slots=True)
class CarryOver:
    """This year's case with last year's open issues added, and what could not be placed."""

    case: Case
    carried: int
    unplaced: tuple[str, ...]  # departments of last year with open issues, not in this case


def past_round(
    last_year: Case | PastRound | Path | str, folder: Path | None = None, lang: str = DEFAULT_LANG
) -> PastRound:
    """Last year's year and issues, from its case, its embedded form or its file.

    A relative path is taken relative to `folder` (the referring case file's folder).
    """
    if isinstance(last_year, PastRound):
        return last_year
    if isinstance(last_year, Case):
        return PastRound.of(last_year)
    path = Path(last_year)
    if folder is not None and not path.is_absolute():
        path = folder / path
    return PastRound.of(read_case(path, lang))


def open_issues(last_year: Case | PastRound) -> dict[str, tuple[str, ...]]:
    """The issues each department left open: what its next report must answer."""
    past = past_round(last_year)
    found = {
        d.name: tuple(i.text for i in d.issues if i.status in UNDONE) for d in past.departments
    }
    return {name: texts for name, texts in found.items() if texts}


def carried(issue: Issue, year: int, deadline: dt.date) -> Issue:
    """`issue` as an open issue of the new round, marked with the year it was first raised.

    Its id is the old one behind the year it was first raised (2018-03-02), kept as it is
    when carried again, so an issue is cited the same way every year.
    """
    return Issue(
        id=issue.id if issue.carried_from else f"{year}-{issue.id}",
        text=issue.text,
        category=issue.category,
        deadline=deadline,
        carried_from=issue.carried_from or year,
    )


def carry_over(
    case: Case, last_year: Case | PastRound, deadline: dt.date | None = None
) -> CarryOver:
    """`case` with each open issue of `last_year` added to its department once, newly due by
    `deadline` (the feedback letters' date by default)."""
    past = past_round(last_year)
    due = deadline or case.feedback.rectify_by
    by_name = {d.name: d for d in past.departments}
    departments, count = [], 0
    for department in case.departments:
        old = by_name.get(department.name)
        have = {i.text for i in department.issues}
        new = [
            carried(i, past.review_year, due)
            for i in (old.issues if old else [])
            if i.status in UNDONE and i.text not in have
        ]
        count += len(new)
        if new:
            department = department.model_copy(update={"issues": [*department.issues, *new]})
        departments.append(department)
    names = {d.name for d in case.departments}
    unplaced = tuple(name for name in open_issues(past) if name not in names)
    updated = case.model_copy(update={"departments": departments}) if count else case
    return CarryOver(case=updated, carried=count, unplaced=unplaced)
