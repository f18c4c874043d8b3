"""The results of the round in words, shared by the report and the circular.

Every sentence here is built from what the case holds: grade names and classes from its
scheme, the survey from its declared voters and rule, departments by name. A sentence
that would need a fact the case does not hold is left out rather than guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from gongwen.case import Case, GradeClass, IssueStatus
from gongwen.render import rates as r
from gongwen.render.filters import fraction, join, percent
from gongwen.survey import Result, words


def summary(case: Case) -> str:
    """Reports received, grades given, issues fed back."""
    n = len(case.departments)
    grades = Counter(d.grade for d in case.departments if d.grade)
    graded = "、".join(f"{g}的{grades[g]}份" for g in case.scheme.names if grades[g])
    total, _ = r.issue_counts(case)
    received = sum(1 for d in case.departments if d.received)
    text = f"{n}名{case.reporters}中，{received}名报送了{case.review_year}年度履职报告。"
    if graded:
        text += f"经{case.steps.collective.name or '集中评阅'}，报告质量评定为{graded}；"
    return text + (f"共形成并反馈问题清单{total}条。" if total else "未形成问题清单。")


def _late_detail(case: Case) -> str:
    late = [d.name for d in case.departments if d.received and not r.is_on_time(case, d)]
    missing = [d.name for d in case.departments if not d.received]
    if not late and not missing:
        return f"{len(case.departments)}份报告均按时报送。"
    parts = [f"{join(late)}逾期报送" if late else "", f"{join(missing)}未报送" if missing else ""]
    return "；".join(p for p in parts if p) + "。"


def _quality_detail(case: Case) -> str:
    failing = case.scheme.named(GradeClass.FAILED)
    failed = [d for d in case.departments if case.grade_class(d) is GradeClass.FAILED]
    if not failed:
        return f"没有报告评定为{'或'.join(failing)}。"
    by_grade: dict[str, list[str]] = {}
    for d in failed:
        by_grade.setdefault(d.grade or "", []).append(d.name)
    return "；".join(f"{join(names)}的报告评定为{g}" for g, names in by_grade.items()) + "。"


def status_counts(case: Case) -> dict[str, int]:
    """How many issues stand where: 按期整改, 逾期整改, 整改中, 未整改 (the counts above 0)."""
    issues = [i for d in case.departments for i in d.issues]
    counts = {
        "按期整改": sum(1 for i in issues if r.in_time(i)),
        "逾期整改": sum(
            1 for i in issues if i.status == IssueStatus.RECTIFIED and not r.in_time(i)
        ),
        "整改中": sum(1 for i in issues if i.status == IssueStatus.RECTIFYING),
        "未整改": sum(1 for i in issues if i.status == IssueStatus.OPEN),
    }
    return {k: v for k, v in counts.items() if v}


def _rectification_detail(case: Case) -> str:
    total, done = r.issue_counts(case)
    if total == 0:
        return "本年度未反馈问题。"
    if done == total:
        return f"反馈的{total}条问题均在规定期限内整改到位。"
    return "，".join(f"{k}{v}条" for k, v in status_counts(case).items()) + "。"


def _satisfaction_detail(case: Case) -> str:
    survey = case.survey
    if survey is None:
        return ""
    groups = "、".join(f"{g.name}{g.entitled}人" for g in survey.voters)
    whole = r.round_outcome(case)
    if whole is not None and survey.votes is not None:  # a round vote, not void
        return (
            f"{groups}，应参加测评{survey.entitled}人，实际参加{survey.votes.cast}人，"
            f"{words(whole, survey.votes)}。"
        )
    outcomes = r.report_outcomes(case)
    counts = Counter(o.result for o in outcomes.values())
    stated = "、".join(f"{res.value}的{counts[res]}份" for res in Result if counts[res])
    text = f"由{groups}对{len(outcomes)}份报告逐份进行满意度测评，测评结果为{stated}"
    void = r.void_votes(case)
    if void:
        text += f"；{join(void)}的报告参加测评人数未达法定人数，测评无效"
    unvoted = [
        d.name
        for d in case.departments
        if d.received and d.name not in outcomes and d.name not in void
    ]
    if unvoted:
        text += f"；{join(unvoted)}的报告未测评"
    bad = [name for name, o in outcomes.items() if o.result is Result.DISSATISFIED]
    if bad:
        text += f"；测评结果为不满意的是{join(bad)}"
    return text + "。"


def rate_lines(case: Case) -> list[dict[str, Any]]:
    """The rates the case can state, each with its fraction, percentage and what lies behind it."""
    rates = r.rates(case)
    details = [
        ("按时报送率", rates.on_time, _late_detail(case)),
        ("质量合格率", rates.quality, _quality_detail(case)),
        ("问题整改率", rates.rectification, _rectification_detail(case)),
    ]
    if case.survey is not None and rates.satisfaction.denominator:
        details.append(("代表满意率", rates.satisfaction, _satisfaction_detail(case)))
    return [
        {"label": label, "percent": percent(rate), "fraction": fraction(rate), "detail": detail}
        for label, rate, detail in details
        if rate.denominator  # a rate of nothing (no issues, no valid vote) is not stated
    ]


def no_survey(case: Case) -> str:
    """What to say of the vote when no rate can be given of it, or "" when one can."""
    survey = case.survey
    if survey is None:
        return "本年度未开展满意度测评。"
    if r.satisfaction(case).denominator:
        return ""
    whole = r.round_outcome(case)
    if whole is not None and survey.votes is not None:
        groups = "、".join(f"{g.name}{g.entitled}人" for g in survey.voters)
        return f"{groups}参加满意度测评，{words(whole, survey.votes)}。"
    void = r.void_votes(case)
    if void:
        return f"{join(void)}的报告参加测评人数未达法定人数，测评无效；其余报告未测评。"
    return "各报告均未进行满意度测评。"


def categories(case: Case) -> list[dict[str, Any]]:
    """Issue categories in order of first appearance, with counts and two examples each."""
    grouped: dict[str, list[str]] = {}
    for d in case.departments:
        for issue in d.issues:
            grouped.setdefault(issue.category, []).append(issue.text.rstrip("。"))
    out = []
    for name, texts in grouped.items():
        examples = list(dict.fromkeys(texts))[:2]
        out.append({"name": name, "count": len(texts), "examples": "；".join(examples)})
    return out


@dataclass(frozen=True, slots=True)
class Standing:
    """Who the circular names: commended, and why each of the others fell short."""

    commended: list[str]
    short_grade: dict[str, list[str]]  # grade → departments graded in a short or failed class
    late: list[str]
    missing: list[str]
    overdue: list[str]

    @property
    def short(self) -> list[str]:
        """Every department named as falling short, in case order, once."""
        names = [n for v in self.short_grade.values() for n in v]
        return list(dict.fromkeys([*names, *self.missing, *self.late, *self.overdue]))


def standing(case: Case, on: dt.date) -> Standing:
    """Who the circular dated `on` names, by the grade classes and the case's naming rules."""
    grades: dict[str, list[str]] = {}
    late, missing, overdue = [], [], []
    for d in case.departments:
        cls = case.grade_class(d)
        if cls in (GradeClass.SHORT, GradeClass.FAILED):
            grades.setdefault(d.grade or "", []).append(d.name)
        if d.received is None:
            missing.append(d.name)
        elif case.naming.late and not r.is_on_time(case, d):
            late.append(d.name)
        if case.naming.unrectified and any(r.overdue(i, on) for i in d.issues):
            overdue.append(d.name)
    ordered = {g: grades[g] for g in case.scheme.names if g in grades}
    short = {n for names in ordered.values() for n in names} | {*late, *missing, *overdue}
    commended = [
        d.name
        for d in case.departments
        if case.grade_class(d) is GradeClass.COMMENDED and d.name not in short
    ]
    return Standing(commended, ordered, late, missing, overdue)
