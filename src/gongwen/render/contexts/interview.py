"""约谈通知: one notice per interview."""

from __future__ import annotations

from gongwen.case import Case, Interview
from gongwen.render.contexts.common import Prepared, base, document
from gongwen.render.filters import date_time, join, long_date, sentence
from gongwen.render.kinds import KINDS

LABEL = KINDS["interview"].label  # the one list of kinds: gongwen.render.kinds


def items(case: Case) -> list[Interview]:
    """Every interview of the case."""
    return list(case.interviews)


def name(case: Case, item: Interview) -> str:
    """The file name stem."""
    return f"{LABEL}-{item.department}"


def cited(case: Case, item: Interview) -> list[str]:
    """What the official must explain: an issue id cited with its text, or the words given."""
    issues = {i.id: i for i in case.department(item.department).issues}
    out = []
    for entry in item.issues:
        issue = issues.get(entry)
        out.append(f"问题清单第{issue.id}项“{sentence(issue.text)}”" if issue else sentence(entry))
    return out


def build(case: Case, item: Interview) -> Prepared:
    """The notice's context."""
    dept = case.department(item.department)
    post = dept.official.post
    doc, layout, title = document(
        case,
        item.document,
        title=[f"关于对{dept.name}{post}", "进行工作约谈的通知"],
        recipients=[dept.official_name],
    )
    meeting = item.decided_by
    context = {
        **base(case),
        "doc": doc,
        "decided": f"经{long_date(meeting.date)}{meeting.called}研究",
        "target": f"{dept.official_name}{post}{dept.official.name}同志",
        "whom": f"你单位{post}{dept.official.name}同志",
        "when": date_time(item.when),
        "place": sentence(item.place),
        "interviewers": join(f"{p.post}{p.name}" for p in item.interviewers),
        "topics": "主要就以下事项进行约谈：" + "；".join(sentence(x) for x in item.topics),
        "issues": "；".join(cited(case, item)),
        "materials": join(sentence(x) for x in item.materials),
        "materials_due": long_date(item.materials_due),
        "materials_to": item.materials_to,
        "contact": sentence(item.contact) if item.contact else "",
    }
    return Prepared(context, layout, title, case.issuer.name, item.document.date)
