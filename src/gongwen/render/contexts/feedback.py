"""评阅意见反馈函: one letter per department that reported, with its 问题清单 attached."""

from __future__ import annotations

from gongwen.case import Case, Department, Grade
from gongwen.render.contexts.common import Prepared, balanced, base, document
from gongwen.render.filters import long_date

LABEL = "评阅意见反馈函"
_VERDICT = {
    Grade.EXCELLENT: "报告内容全面，重点突出，数据翔实，文风朴实",
    Grade.GOOD: "报告内容较为全面，结构完整，能够反映本人履职情况",
    Grade.PASS: "报告基本涵盖规定内容，但总结提炼和问题查摆不够深入",
    Grade.FAIL: "报告内容缺项较多，未达到实施办法规定的要求",
}


def items(case: Case) -> list[Department]:
    """Every department whose report was received (a letter answers a report)."""
    return [d for d in case.departments if d.received is not None]


def name(case: Case, item: Department) -> str:
    """The file name stem."""
    return f"{LABEL}-{item.name}"


def build(case: Case, item: Department) -> Prepared:
    """The letter's context; letters are numbered in the order of the departments."""
    fb = case.feedback
    index = next(i for i, d in enumerate(items(case)) if d.name == item.name)
    attachment = f"{item.official_name}主要负责人{case.review_year}年度履职报告问题清单"
    doc, layout, title = document(
        case,
        fb,
        title=[f"关于反馈{case.review_year}年度", "履职报告评阅意见的函"],
        recipients=[item.official_name],
        attachments=[attachment],
        number=(fb.number + index) if fb.number else None,
    )
    assert item.received is not None
    on_time = "按时报送" if item.received <= case.deadline else "逾期报送"
    verdict = _VERDICT[item.grade] if item.grade else "报告未评定等次"
    grade = f"，评定为{item.grade.value}" if item.grade else ""
    context = {
        **base(case),
        "doc": doc,
        "department": item.official_name,
        "official": item.official.name,
        "received": long_date(item.received),
        "assessment": f"该报告{on_time}。{verdict}{grade}。",
        "issues_total": len(item.issues),
        "rectify_by": long_date(fb.rectify_by),
        "attachment_heading": balanced(
            [item.official_name, "主要负责人", f"{case.review_year}年度履职报告问题清单"]
        ),
        "rows": [
            {"index": i, "text": x.text.rstrip("。"), "category": x.category,
             "deadline": long_date(x.deadline)}
            for i, x in enumerate(item.issues, start=1)
        ],
    }
    return Prepared(context, layout, title, case.issuer.name, fb.date)
