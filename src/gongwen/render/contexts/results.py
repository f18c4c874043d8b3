"""The results of the round in words, shared by the report and the circular."""

from __future__ import annotations

from collections import Counter
from typing import Any

from gongwen.case import Case, Grade
from gongwen.render import rates as r
from gongwen.render.filters import fraction, join, long_date, percent


def summary(case: Case) -> str:
    """Reports received, grades given, issues fed back."""
    n = len(case.departments)
    grades = Counter(d.grade for d in case.departments if d.grade)
    graded = "、".join(f"{g.value}的{grades[g]}份" for g in Grade if grades[g])
    total, _ = r.issue_counts(case)
    received = sum(1 for d in case.departments if d.received)
    return (
        f"{n}名政府工作部门负责人中，{received}名报送了{case.review_year}年度履职报告。"
        f"经集中评阅，报告质量评定为{graded}；共形成并反馈问题清单{total}条。"
    )


def rate_lines(case: Case) -> list[dict[str, Any]]:
    """The four rates, each with its fraction, percentage and what lies behind it."""
    rates = r.rates(case)
    n = len(case.departments)
    names = [d.name for d in case.departments]
    late = [x for x in names if x not in r.on_time(case)]
    failed = [x for x in names if x not in r.passed(case)]
    unsatisfied = [x for x in names if x not in r.satisfied(case)]
    total, done = r.issue_counts(case)
    details = [
        ("按时报送率", rates.on_time,
         f"{n}名负责人均在{long_date(case.deadline)}前报送履职报告。" if not late
         else f"{join(late)}未按时报送。"),
        ("质量合格率", rates.quality,
         "全部报告质量评定为合格以上。" if not failed else f"{join(failed)}的报告未评定为合格。"),
        ("问题整改率", rates.rectification,
         f"反馈的{total}条问题均在规定期限内整改落实到位。" if done == total
         else f"尚有{total - done}条问题未在规定期限内整改到位。"),
        ("代表满意率", rates.satisfaction,
         f"评阅专班成员及常委会组成人员对{n}份履职报告均表示满意。" if not unsatisfied
         else f"{join(unsatisfied)}的报告满意票未过半数。"),
    ]
    return [
        {"label": label, "percent": percent(rate), "fraction": fraction(rate), "detail": detail}
        for label, rate, detail in details
    ]


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


def weak_departments(case: Case) -> list[str]:
    """Departments that fell short: graded only 合格 or worse, late, or not rectified in time."""
    on_time = set(r.on_time(case))
    out = []
    for d in case.departments:
        late = d.name not in on_time
        open_issues = any(i.rectified_on is None or i.rectified_on > i.deadline for i in d.issues)
        if d.grade in (Grade.PASS, Grade.FAIL, None) or late or open_issues:
            out.append(d.name)
    return out
