"""评阅报告: the review report to the committee, with the per-department results table."""

from __future__ import annotations

from gongwen.case import Case, IssueStatus
from gongwen.render import rates as r
from gongwen.render.contexts import results
from gongwen.render.contexts.common import Prepared, balanced, base, document, period
from gongwen.render.filters import join, long_date, percent, sentence, short_date

LABEL = "评阅报告"
STEP_NAMES = ("成立专班", "分散审阅", "集中评阅", "延伸评阅", "拟定报告")


def items(case: Case) -> list[None]:
    """One report per case."""
    return [None]


def name(case: Case, item: None) -> str:
    """The file name stem."""
    return f"{LABEL}-{case.review_year}年度"


def _steps(case: Case) -> list[dict[str, str]]:
    s, team = case.steps, case.team
    members = join(m.name for m in team.members)
    team_text = (
        f"成立由{team.leader.post}{team.leader.name}任组长，{members}等{len(team.members)}名"
        f"同志为成员的评阅专班，专班日常工作由{team.office}承担；"
    )
    steps = (s.team, s.individual, s.collective, s.extended, s.drafting)
    out = []
    for i, (label, step) in enumerate(zip(STEP_NAMES, steps, strict=True)):
        lead = team_text if i == 0 else ""
        out.append({"name": label, "text": f"{period(step.start, step.end)}，{lead}"
                    f"{sentence(step.summary)}。"})
    return out


def _rectification(case: Case) -> str:
    total, done = r.issue_counts(case)
    fb = case.feedback
    text = (
        f"上述问题已于{long_date(fb.date)}以评阅意见反馈函逐一反馈各部门，要求于"
        f"{long_date(fb.rectify_by)}前整改到位。截至{long_date(fb.rectify_by)}，{done}条问题已"
        f"整改落实到位，问题整改率为{percent(r.rates(case).rectification)}。"
    )
    if done < total:
        late = [d.name for d in case.departments
                if any(i.rectified_on is None or i.rectified_on > i.deadline for i in d.issues)]
        text += f"尚有{total - done}条问题未按期整改，涉及{join(late)}。"
    return text


def build(case: Case, item: None = None) -> Prepared:
    """The report's context."""
    attachment = f"{case.review_year}年度政府工作部门负责人履职报告评阅结果一览表"
    doc, layout, title = document(
        case,
        case.report,
        title=[f"关于{case.review_year}年度政府工作部门负责人", "履职报告评阅情况的报告"],
        attachments=[attachment],
    )
    rows = []
    for i, d in enumerate(case.departments, start=1):
        done = sum(1 for x in d.issues if x.status == IssueStatus.RECTIFIED)
        rows.append({
            "index": i,
            "department": d.name,
            "official": d.official.name,
            "received": short_date(d.received) if d.received else "未报送",
            "grade": d.grade.value if d.grade else "—",
            "issues": len(d.issues),
            "rectified": done,
        })
    context = {
        **base(case),
        "doc": doc,
        "steps": _steps(case),
        "summary": results.summary(case),
        "rates": results.rate_lines(case),
        "issues_total": r.issue_counts(case)[0],
        "categories": results.categories(case),
        "rectification": _rectification(case),
        "proposals": [{"title": p.title, "text": p.text} for p in case.report.proposals],
        "attachment_heading": balanced(
            [f"{case.review_year}年度政府工作部门负责人", "履职报告评阅结果一览表"]
        ),
        "rows": rows,
    }
    return Prepared(context, layout, title, case.issuer.name, case.report.date)
