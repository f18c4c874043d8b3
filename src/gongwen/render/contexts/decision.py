"""专题监督决定: one decision per special supervision."""

from __future__ import annotations

from gongwen.case import Case, Supervision
from gongwen.render.contexts.common import Prepared, base, document
from gongwen.render.filters import join, long_date, sentence
from gongwen.render.kinds import KINDS

LABEL = KINDS["decision"].label  # the one list of kinds: gongwen.render.kinds


def items(case: Case) -> list[Supervision]:
    """Every special supervision of the case."""
    return list(case.supervisions)


def name(case: Case, item: Supervision) -> str:
    """The file name stem."""
    return f"{LABEL}-{item.subject}"


def caption(item: Supervision) -> str:
    """The 题注 of a decision adopted at a meeting: （2023年6月28日……会议通过）, or ""."""
    meeting = item.decided_by
    return f"（{long_date(meeting.date)}{meeting.called}通过）" if meeting.caption else ""


def build(case: Case, item: Supervision) -> Prepared:
    """The decision's context."""
    doc, layout, title = document(
        case,
        item.document,
        title=[f"关于对{item.subject}", "开展专题监督的决定"],
        caption=caption(item),
    )
    meeting = item.decided_by
    context = {
        **base(case),
        "doc": doc,
        # a meeting that adopts the decision deliberates it; a 主任会议 studies it
        "decided": f"经{long_date(meeting.date)}{meeting.called}"
        + ("审议" if meeting.caption else "研究"),
        "subject": item.subject,
        "departments": join(item.departments),
        "reasons": [sentence(x) + "。" for x in item.reasons],
        "steps": [{"title": s.title, "text": sentence(s.text) + "。"} for s in item.steps],
        "deadline": long_date(item.deadline),
        "reporter": item.reporter,
        "report_to": item.report_to,
        "report_form": item.report_form,
        "report_on": long_date(item.report_on),
        "follow_up": sentence(item.follow_up) + "。" if item.follow_up else "",
    }
    return Prepared(context, layout, title, case.issuer.name, item.document.date)
