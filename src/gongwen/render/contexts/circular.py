"""情况通报: the results, those who did well and those who fell short, the requirements."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from gongwen.case import Case, GradeClass, Interview
from gongwen.render.contexts import results
from gongwen.render.contexts.common import Prepared, base, document, period
from gongwen.render.filters import join, long_date
from gongwen.render.kinds import KINDS

LABEL = KINDS["circular"].label  # the one list of kinds: gongwen.render.kinds


def items(case: Case) -> list[None]:
    """One circular per case."""
    return [None]


def name(case: Case, item: None) -> str:
    """The file name stem."""
    return f"{LABEL}-{case.review_year}年度"


def _conditions(case: Case) -> list[str]:
    """What being named as doing well takes besides the grade, by the case's naming rules."""
    out = []
    if case.naming.late:
        out.append("按时报送")
    if case.naming.unrectified:
        out.append("没有逾期未整改的问题")
    return out


def _commended(case: Case, standing: results.Standing) -> str:
    grades = "或".join(case.scheme.named(GradeClass.COMMENDED))
    terms = "，".join(_conditions(case))
    if not standing.commended:
        need = [f"评定为{grades}", *_conditions(case)]
        joined = "、".join(need[:-1]) + "且" + need[-1] if len(need) > 1 else need[0]
        return f"本年度没有{joined}的报告。"
    text = f"{join(standing.commended)}的履职报告评定为{grades}"
    return text + (f"，{terms}。" if terms else "。")


def _actions(case: Case, on: dt.date) -> str:
    """Interviews and supervisions, worded as done or as planned by the circular's date."""
    text = ""
    held = [i for i in case.interviews if i.when.date() <= on]
    ahead = [i for i in case.interviews if i.when.date() > on]

    def who(ivs: list[Interview]) -> str:
        return join(f"{i.department}{case.department(i.department).official.post}" for i in ivs)

    if held:
        text += f"{case.issuer.short_name}已对{who(held)}进行工作约谈。"
    for i in ahead:
        text += f"{case.issuer.short_name}将于{long_date(i.when.date())}对{who([i])}进行工作约谈。"
    for s in case.supervisions:
        if s.decided_by.date <= on:
            text += f"{s.decided_by.body}已决定对{s.subject}开展专题监督。"
        else:
            text += f"拟提请{s.decided_by.called}决定对{s.subject}开展专题监督。"
    return text


def _fell_short(case: Case, standing: results.Standing, on: dt.date) -> str:
    reasons = [f"{join(names)}的报告评定为{g}" for g, names in standing.short_grade.items()]
    if standing.missing:
        reasons.append(f"{join(standing.missing)}未报送履职报告")
    if standing.late:
        reasons.append(f"{join(standing.late)}逾期报送")
    if standing.overdue:
        reasons.append(f"{join(standing.overdue)}有问题未按期整改")
    if not reasons:
        below = case.scheme.named(GradeClass.SHORT) + case.scheme.named(GradeClass.FAILED)
        parts = [f"本年度没有存在不足的报告：没有报告评定为{'或'.join(below)}"]
        if case.naming.late:
            parts.append("报告均按时报送")
        if case.naming.unrectified:
            parts.append("没有逾期未整改的问题")
        return "，".join(parts) + "。"
    text = "；".join(reasons) + "。"
    short = set(standing.short)
    cats = Counter(i.category for d in case.departments if d.name in short for i in d.issues)
    top = join(c for c, _ in cats.most_common(2))
    if top:
        text += f"上述单位的问题主要集中在{top}等方面。"
    return text


def sections(case: Case, on: dt.date) -> list[dict[str, str]]:
    """The results' headed parts: 表现较好的 where the scheme commends, then 存在不足的."""
    standing = results.standing(case, on)
    out = []
    if case.scheme.named(GradeClass.COMMENDED):
        out.append({"title": "表现较好的", "text": _commended(case, standing)})
    out.append({"title": "存在不足的", "text": _fell_short(case, standing, on)})
    return out


def actions(case: Case, on: dt.date) -> str:
    """The paragraph on interviews and supervisions, or ""."""
    return _actions(case, on)


def build(case: Case, item: None = None) -> Prepared:
    """The circular's context."""
    doc, layout, title = document(
        case,
        case.circular,
        title=[f"关于{case.review_year}年度", case.reporters, "履职报告评阅情况的通报"],
    )
    s = case.steps
    context = {
        **base(case),
        "doc": doc,
        "review_period": period(s.individual.start, s.extended.end or s.extended.start),
        "summary": results.summary(case),
        "rates": results.rate_lines(case),
        "no_survey": results.no_survey(case),
        "sections": sections(case, case.circular.date),
        "actions": actions(case, case.circular.date),
        "requirements": [{"title": x.title, "text": x.text} for x in case.circular.requirements],
    }
    return Prepared(context, layout, title, case.issuer.name, case.circular.date)
