"""评阅意见反馈函: one letter per department that reported, with its 问题清单 attached.

The 总体评价 is the review team's own comment where the case holds one; otherwise a
sentence that follows the grade's class and says no more than the class does. A failed
report's letter always asks for the report to be redone by the case's date.
"""

from __future__ import annotations

from gongwen.case import Case, Department, GradeClass
from gongwen.render.contexts.common import Prepared, balanced, base, document
from gongwen.render.filters import long_date, sentence
from gongwen.render.kinds import KINDS
from gongwen.render.rates import due_words, is_on_time

LABEL = KINDS["feedback"].label  # the one list of kinds: gongwen.render.kinds
# What a grade's class alone says of a report: never more, so it cannot contradict the grade.
DEFAULT_COMMENT = {
    GradeClass.COMMENDED: "报告质量较好",
    GradeClass.PASSED: "报告达到规定要求",
    GradeClass.SHORT: "报告与规定要求尚有差距",
    GradeClass.FAILED: "报告未达到规定要求",
}


def items(case: Case) -> list[Department]:
    """Every department whose report was received (a letter answers a report)."""
    return [d for d in case.departments if d.received is not None]


def name(case: Case, item: Department) -> str:
    """The file name stem."""
    return f"{LABEL}-{item.name}"


def assessment(case: Case, item: Department) -> str:
    """The 总体评价: on time or late, the grade, the team's comment or the class's default."""
    on_time = "按时报送" if is_on_time(case, item) else "逾期报送"
    cls = case.grade_class(item)
    if cls is None:
        return f"该报告{on_time}，尚未评定等次。"
    comment = item.comment or DEFAULT_COMMENT[cls]
    return f"该报告{on_time}，评定为{item.grade}。{sentence(comment)}。"


def requirement(case: Case, item: Department) -> str:
    """The redo requirement of a failed report, then the team's own requirement, if any."""
    out = ""
    if case.grade_class(item) is GradeClass.FAILED and item.redo_by is not None:
        out = f"请对报告重新修改，于{long_date(item.redo_by)}前报送{case.team.office}。"
    if item.requirement:
        out += sentence(item.requirement) + "。"
    return out


def build(case: Case, item: Department) -> Prepared:
    """The letter's context; letters are numbered in the order of the departments."""
    fb = case.feedback
    index = next(i for i, d in enumerate(items(case)) if d.name == item.name)
    attachment = f"{item.official_name}{item.official.post}{case.review_year}年度履职报告问题清单"
    doc, layout, title = document(
        case,
        fb,
        title=[f"关于反馈{case.review_year}年度", "履职报告评阅意见的函"],
        recipients=[item.official_name],
        attachments=[attachment] if item.issues else [],
        number=(fb.number + index) if fb.number else None,
    )
    assert item.received is not None
    context = {
        **base(case),
        "doc": doc,
        "department": item.official_name,
        "official": f"{item.official.post}{item.official.name}",
        "received": long_date(item.received),
        "assessment": assessment(case, item),
        "requirement": requirement(case, item),
        "issues_total": len(item.issues),
        "rectify_by": due_words(item.issues, fb.rectify_by),
        "attachment_heading": balanced(
            [item.official_name, item.official.post, f"{case.review_year}年度履职报告问题清单"]
        ),
        "rows": [
            {
                "index": x.id,
                "text": x.text.rstrip("。"),
                "category": x.category,
                "deadline": long_date(x.deadline),
            }
            for x in item.issues
        ],
    }
    return Prepared(context, layout, title, case.issuer.name, fb.date)
