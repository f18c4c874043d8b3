"""情况通报: the results, those commended and those who fell short, the requirements."""

from __future__ import annotations

from collections import Counter

from gongwen.case import Case, Grade
from gongwen.render.contexts import results
from gongwen.render.contexts.common import Prepared, base, document, period
from gongwen.render.filters import join

LABEL = "情况通报"


def items(case: Case) -> list[None]:
    """One circular per case."""
    return [None]


def name(case: Case, item: None) -> str:
    """The file name stem."""
    return f"{LABEL}-{case.review_year}年度"


def _commended(case: Case) -> str:
    best = [d.name for d in case.departments if d.grade == Grade.EXCELLENT]
    if not best:
        return "本年度没有评定为优秀的履职报告。"
    return (
        f"{join(best)}共{len(best)}个部门负责人的履职报告内容全面、重点突出、数据翔实，"
        "评定为优秀，予以通报表扬。"
    )


def _fell_short(case: Case) -> str:
    weak = results.weak_departments(case)
    if not weak:
        return "各部门负责人的履职报告均达到良好以上等次。"
    cats = Counter(i.category for d in case.departments if d.name in weak for i in d.issues)
    top = join(c for c, _ in cats.most_common(2))
    text = f"{join(weak)}共{len(weak)}个部门负责人的履职报告存在一定差距"
    text += f"，问题主要集中在{top}等方面。" if top else "。"
    if case.interviews:
        talked = join(i.department for i in case.interviews)
        text += f"{case.issuer.short_name}已对{talked}主要负责人进行工作约谈"
        if case.supervisions:
            text += f"，并决定对{join(s.subject for s in case.supervisions)}开展专题监督"
        text += "。"
    return text


def build(case: Case, item: None = None) -> Prepared:
    """The circular's context."""
    doc, layout, title = document(
        case,
        case.circular,
        title=[f"关于{case.review_year}年度政府工作部门负责人", "履职报告评阅情况的通报"],
    )
    s = case.steps
    context = {
        **base(case),
        "doc": doc,
        "review_period": period(s.individual.start, s.extended.end or s.extended.start),
        "summary": results.summary(case),
        "rates": results.rate_lines(case),
        "commended": _commended(case),
        "fell_short": _fell_short(case),
        "requirements": [{"title": x.title, "text": x.text} for x in case.circular.requirements],
    }
    return Prepared(context, layout, title, case.issuer.name, case.circular.date)
