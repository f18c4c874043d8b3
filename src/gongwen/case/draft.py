"""Drafting a case from check results, and saying what people still have to decide in one.

A draft lists every roster department with its received date, turns the findings into
candidate issues (status `pending`, one per rule and report) and leaves the human decisions
visibly empty: grades and votes are null, places with no source say `TO_FILL`, and the
`draft` entry lists what is left. `load_case` refuses a case while `undecided` finds anything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gongwen.case.complete import TO_FILL
from gongwen.case.documents import Circular, FeedbackSettings, Report, Titled
from gongwen.case.grading import LEGACY
from gongwen.case.model import (
    SCHEMA_VERSION,
    Case,
    Department,
    Draft,
    Issue,
    Issuer,
    IssueStatus,
    PastRound,
    Person,
    Step,
    Steps,
    Team,
)
from gongwen.findings import Category, CheckReport, FileResult, Finding, Severity
from gongwen.i18n import DEFAULT_LANG, LANGS, N_, t
from gongwen.roster import RosterEntry

# Rectification is usually due about three months after the reports (2020-03-31 → 2020-06-30).
RECTIFY_AFTER = dt.timedelta(days=91)

# The category a rule declares → the issue category of a case.
CATEGORIES = {
    Category.SUBMISSION: N_("submission on time"),
    Category.CONTENT: N_("report content"),
    Category.FORMAT: N_("document format"),
    Category.INPUT: N_("submitted file"),
}
_MORE = N_(" (and {n} more paragraphs like this)")  # the runner's suffix on a merged finding


def draft_case(
    report: CheckReport,
    roster: Sequence[RosterEntry],
    base: Case | None = None,
    *,
    last_year: Case | PastRound | None = None,
    last_year_ref: Path | None = None,
    source: str | None = None,
    lang: str = DEFAULT_LANG,
) -> Case:
    """A draft case: every roster department, received dates and candidate issues from `report`.

    With `base`, the issuer, team, steps and document settings are `base`'s; without, they are
    placeholders. With `last_year`, its open issues carry over; the case refers to it by
    `last_year_ref` when given, else embeds its issues.
    """
    from gongwen.case.carry import carry_over, past_round

    deadline = report.deadline or _required(base).deadline
    rectify_by = base.feedback.rectify_by if base else deadline + RECTIFY_AFTER
    results = {
        e.department: [r for r in report.files if r.department == e.department] for e in roster
    }
    departments = [
        _department(i, entry, results[entry.department], base, rectify_by, lang)
        for i, entry in enumerate(roster, start=1)
    ]
    todo = _todo(report, roster, results, base, source, lang)
    past = past_round(last_year) if last_year is not None else None
    shell = _shell(base, deadline, rectify_by)
    case = Case(
        version=SCHEMA_VERSION,
        **shell,
        review_year=report.review_year or _required(base).review_year,
        deadline=deadline,
        departments=departments,
        interviews=[],
        supervisions=[],
        last_year=last_year_ref if last_year_ref is not None else past,
        draft=Draft(source=source, todo=todo),
    )
    if past is None:
        return case
    carried = carry_over(case, past, rectify_by)
    if carried.unplaced:
        notes = [
            *todo,
            t(
                N_("last year's open issues of {names} have no department here"),
                lang,
                names="、".join(carried.unplaced),
            ),
        ]
        return carried.case.model_copy(update={"draft": Draft(source=source, todo=notes)})
    return carried.case


def _required(base: Case | None) -> Case:
    if base is None:
        raise ValueError("the check results give no review year or deadline: draft with a base")
    return base


def _shell(base: Case | None, deadline: dt.date, rectify_by: dt.date) -> dict[str, Any]:
    """The parts of a case that come from the base case, or placeholders to fill in."""
    if base is not None:
        keep = (
            "issuer",
            "rules_name",
            "reporters",
            "grading",
            "grace_days",
            "survey",
            "naming",
            "team",
            "steps",
            "report",
            "circular",
        )
        shell = {name: getattr(base, name) for name in keep}
        if base.survey is not None and base.survey.votes is not None:
            # the round's votes are this round's to cast: keep who votes and how it counts
            shell["survey"] = base.survey.model_copy(update={"votes": None})
        return {**shell, "feedback": base.feedback}
    step = Step(start=deadline, summary=TO_FILL)
    placeholder = Titled(title=TO_FILL, text=TO_FILL)
    return {
        "issuer": Issuer(name=TO_FILL, short_name=TO_FILL, mark=TO_FILL, code=TO_FILL),
        "rules_name": TO_FILL,
        "reporters": TO_FILL,
        # a scheme must be named for the case to hold; the todo list asks to confirm it
        "grading": LEGACY,
        "team": Team(
            name=TO_FILL,
            leader=Person(name=TO_FILL, post=TO_FILL),
            members=[Person(name=TO_FILL, post=TO_FILL)],
            office=TO_FILL,
        ),
        "steps": Steps(team=step, individual=step, collective=step, extended=step, drafting=step),
        "report": Report(date=deadline, proposals=[placeholder]),
        "circular": Circular(date=deadline, requirements=[placeholder]),
        "feedback": FeedbackSettings(date=deadline, rectify_by=rectify_by),
    }


def _department(
    number: int,
    entry: RosterEntry,
    results: list[FileResult],
    base: Case | None,
    rectify_by: dt.date,
    lang: str,
) -> Department:
    known = (
        next((d for d in base.departments if d.name == entry.department), None) if base else None
    )
    received = [r.received for r in results if r.received is not None]
    found = [issue for r in results for issue in candidate_issues(r, rectify_by, lang)]
    issues = [
        i.model_copy(update={"id": f"{number:02d}-{n:02d}"}) for n, i in enumerate(found, start=1)
    ]
    return Department(
        name=entry.department,
        official_name=known.official_name if known else _full_name(entry.department, base),
        official=Person(name=entry.official or TO_FILL, post=entry.post or TO_FILL),
        received=min(received) if received else None,
        grade=None,
        issues=issues,
        votes=None,
    )


def _full_name(name: str, base: Case | None) -> str:
    """市财政局 → 丹江口市财政局, from the place in the issuer's name; else the name as is."""
    if base is None:
        return name
    place = re.match(r".+?[省市县区州盟旗]", base.issuer.name)
    if place and name[:1] == place[0][-1]:
        return place[0] + name[1:]
    return name


def candidate_issues(
    result: FileResult, deadline: dt.date, lang: str = DEFAULT_LANG
) -> list[Issue]:
    """One pending issue per rule code of `result`'s errors and warnings, in plain words."""
    groups: dict[str, list[Finding]] = {}
    for finding in result.findings:
        if finding.severity != Severity.INFO:
            groups.setdefault(finding.code, []).append(finding)
    return [
        Issue(
            id=code,  # numbered by the department that takes it
            text=issue_text(findings, lang),
            category=category(findings[0].category, lang),
            deadline=deadline,
            status=IssueStatus.PENDING,
        )
        for code, findings in groups.items()
    ]


def issue_text(findings: Sequence[Finding], lang: str = DEFAULT_LANG) -> str:
    """The problem that `findings` (one rule, one report) describe, with how often it occurs."""
    first = findings[0]
    message, _ = _without_more(first)
    text = t(N_("{name}: {message}"), lang, name=first.name, message=message.rstrip("。."))
    count = sum(1 + _without_more(f)[1] for f in findings)
    if count < 2:
        return text
    if all(f.location.paragraph is not None for f in findings):
        return t(N_("{text} ({n} paragraphs)"), lang, text=text, n=count)
    return t(N_("{text} ({n} places)"), lang, text=text, n=count)


def category(declared: Category, lang: str = DEFAULT_LANG) -> str:
    """The issue category of a finding of the `declared` category, in `lang`."""
    return t(CATEGORIES[declared], lang)


def _without_more(finding: Finding) -> tuple[str, int]:
    """A finding's message without the runner's "and N more" suffix, and N.

    Results of schema 1.0 have no `more`: the suffix is then read from the message.
    """
    for lang in LANGS:
        if finding.more:
            suffix = t(_MORE, lang, n=finding.more)
            if finding.message.endswith(suffix):
                return finding.message.removesuffix(suffix), finding.more
            continue
        pattern = re.escape(t(_MORE, lang, n="\0")).replace("\0", r"(\d+)") + r"$"
        found = re.search(pattern, finding.message)
        if found:
            return finding.message[: found.start()], int(found[1])
    return finding.message, finding.more


def _todo(
    report: CheckReport,
    roster: Sequence[RosterEntry],
    results: dict[str, list[FileResult]],
    base: Case | None,
    source: str | None,
    lang: str,
) -> list[str]:
    scheme = base.grading if base is not None else LEGACY
    named = scheme if isinstance(scheme, str) else "/".join(g.name for g in scheme.grades)
    notes = [
        t(
            N_(
                "grade each report received (grade) in the scheme {scheme}, or set grading to "
                "your office's scheme; a failed report needs its redo date (redo_by)"
            ),
            lang,
            scheme=named,
        ),
        t(
            N_(
                "review the candidate issues (status pending): confirm each as open, "
                "reword it, or delete it"
            ),
            lang,
        ),
        t(N_("add the issues agreed at the review meeting (集中评阅)"), lang),
        t(
            N_(
                "record the satisfaction vote, if one was held: who may vote and the counting "
                "rule in survey, the votes in survey.votes (one vote for the round) or in each "
                "department's votes"
            ),
            lang,
        ),
        t(N_("decide the interviews (工作约谈) and special supervision (专题监督), if any"), lang),
    ]
    if base is None:
        notes.append(
            t(
                N_(
                    "fill in every place marked {mark}, and set every date: the dates are "
                    "placeholders"
                ),
                lang,
                mark=TO_FILL,
            )
        )
    else:
        notes.append(
            t(
                N_(
                    "the issuer, team, steps and document settings were taken from the base case: "
                    "check their dates and numbers"
                ),
                lang,
            )
        )
    absent = [e.department for e in roster if not results[e.department]]
    if absent:
        notes.append(t(N_("no report from: {names}"), lang, names="、".join(absent)))
    names = {e.department for e in roster}
    stray = [Path(r.file).name for r in report.files if r.department not in names]
    if stray:
        notes.append(
            t(N_("files not matched to the roster: {files}"), lang, files="、".join(stray))
        )
    notes.append(
        t(N_("when all is decided, delete this draft entry: a draft is not generated"), lang)
    )
    return notes
