"""评阅报告: the review report to the committee, with the per-department results table."""

from __future__ import annotations

from gongwen.case import Case
from gongwen.render import rates as r
from gongwen.render.contexts import results
from gongwen.render.contexts.common import Prepared, balanced, base, document, period
from gongwen.render.filters import join, long_date, percent, sentence, short_date
from gongwen.render.kinds import KINDS

LABEL = KINDS["report"].label  # the one list of kinds: gongwen.render.kinds
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
    deputies = join(f"{p.post}{p.name}" for p in team.deputies)
    team_text = (
        f"成立由{team.leader.post}{team.leader.name}任组长，"
        + (f"{deputies}任副组长，" if deputies else "")
        + f"{members}等{len(team.members)}名同志为成员的{team.name}，"
        f"日常工作由{team.office}承担；"
    )
    steps = (s.team, s.individual, s.collective, s.extended, s.drafting)
    out = []
    for i, (default, step) in enumerate(zip(STEP_NAMES, steps, strict=True)):
        label = step.name or default
        lead = team_text if i == 0 else ""
        out.append(
            {
                "name": label,
                "text": f"{period(step.start, step.end)}，{lead}{sentence(step.summary)}。",
            }
        )
    return out


def _rectification(case: Case) -> str:
    total, done = r.issue_counts(case)
    fb, on = case.feedback, case.report.date
    issues = [i for d in case.departments for i in d.issues]
    text = (
        f"上述问题已于{long_date(fb.date)}以评阅意见反馈函逐一反馈有关单位，要求"
        f"{r.due_words(issues, fb.rectify_by)}整改到位。截至{long_date(on)}，{done}条问题已按期"
        f"整改到位，问题整改率为{percent(r.rates(case).rectification)}。"
    )
    if done < total:
        counts = results.status_counts(case)
        counts.pop("按期整改", None)
        text += "其余问题中，" + "，".join(f"{k}{v}条" for k, v in counts.items())
        behind = [d.name for d in case.departments if any(not r.in_time(i) for i in d.issues)]
        text += f"，涉及{join(behind)}。"
    return text


def build(case: Case, item: None = None) -> Prepared:
    """The report's context."""
    attachment = f"{case.review_year}年度{case.reporters}履职报告评阅结果一览表"
    doc, layout, title = document(
        case,
        case.report,
        title=[f"关于{case.review_year}年度", case.reporters, "履职报告评阅情况的报告"],
        attachments=[attachment],
    )
    rows = []
    for i, d in enumerate(case.departments, start=1):
        done = sum(1 for x in d.issues if r.in_time(x))
        rows.append(
            {
                "index": i,
                "department": d.name,
                "official": d.official.name,
                "received": short_date(d.received) if d.received else "未报送",
                "grade": d.grade or "—",
                "issues": len(d.issues),
                "rectified": done,
            }
        )
    context = {
        **base(case),
        "doc": doc,
        "steps": _steps(case),
        "step_names": "、".join(x["name"] for x in _steps(case)),
        "summary": results.summary(case),
        "rates": results.rate_lines(case),
        "no_survey": results.no_survey(case),
        "issues_total": r.issue_counts(case)[0],
        "categories": results.categories(case),
        "rectification": _rectification(case),
        "proposals": [{"title": p.title, "text": p.text} for p in case.report.proposals],
        "attachment_heading": balanced(
            [f"{case.review_year}年度{case.reporters}", "履职报告评阅结果一览表"]
        ),
        "rows": rows,
    }
    return Prepared(context, layout, title, case.issuer.name, case.report.date)
