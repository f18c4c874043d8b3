"""约谈通知: one notice per interview."""

from __future__ import annotations

from gongwen.case import Case, Interview
from gongwen.render.contexts.common import Prepared, base, document
from gongwen.render.filters import date_time, join, long_date, sentence

LABEL = "约谈通知"


def items(case: Case) -> list[Interview]:
    """Every interview of the case."""
    return list(case.interviews)


def name(case: Case, item: Interview) -> str:
    """The file name stem."""
    return f"{LABEL}-{item.department}"


def build(case: Case, item: Interview) -> Prepared:
    """The notice's context."""
    dept = case.department(item.department)
    doc, layout, title = document(
        case,
        item.document,
        title=[f"关于对{dept.name}", "主要负责人进行工作约谈的通知"],
        recipients=[dept.official_name],
    )
    context = {
        **base(case),
        "doc": doc,
        "target": f"{dept.official_name}{dept.official.post}{dept.official.name}同志",
        "when": date_time(item.when),
        "place": sentence(item.place),
        "interviewers": join(f"{p.post}{p.name}" for p in item.interviewers),
        "topics": "主要就以下事项进行约谈：" + "；".join(sentence(x) for x in item.topics),
        "issues": "；".join(sentence(x) for x in item.issues),
        "materials_due": long_date(item.materials_due),
        "contact": sentence(item.contact) if item.contact else "",
    }
    return Prepared(context, layout, title, case.issuer.name, item.document.date)
