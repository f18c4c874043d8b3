"""Dates that agree: what each document states as done must have happened by its own date.

Checked when a case is loaded to generate from (not for drafts). Each problem is one
message with a code (CS3xx), by JSON path, so an office can find and fix the date.

What a document states as *done* is checked here: the review report states the steps, the
reports received, the feedback letters sent and the issues rectified; the circular states
the reports received and the issues rectified; a feedback letter states the report
received; a notice or a decision states that it was decided. What lies ahead of a document
(an interview after the circular, a supervision decided later) is not an error: the
circular words it as planned (将于…约谈, 拟提请…决定), see `gongwen.render.contexts.circular`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongwen.case.documents import DocumentSettings, Form
from gongwen.case.model import Case
from gongwen.i18n import DEFAULT_LANG, N_, t


@dataclass(frozen=True, slots=True)
class Problem:
    """One date that does not agree: where, its code, and what is wrong."""

    path: str
    code: str
    msgid: str
    values: dict[str, str]

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """The coded message in `lang`."""
        values = {
            k: t(v, lang) if k in ("event", "document") else v for k, v in self.values.items()
        }
        return f"{self.code} " + t(self.msgid, lang, **values)


AFTER_DOCUMENT = N_("{event} ({day}) is after the {document} dated {date}, which states it as done")
MATERIALS_AFTER = N_("the materials are due {day}, after the interview on {date}")
NOTICE_AFTER = N_("the notice is dated {day}, after the interview on {date}")
DEADLINE_BEFORE_LETTER = N_("the deadline {day} is before the letter that sets it ({date})")
PRINTED_BEFORE = N_("印发日期 {day} is before the 成文日期 {date}")
NO_NUMBER = N_("a document with a 版头 needs a 发文字号: give its number")
NO_SIGNER = N_(
    "an 上行文 in 文件格式 names its 签发人 (7.2.6): give signers, or set upward to false"
)
DECIDED_AFTER = N_("decided on {day}, after the document that says so ({date})")

# The documents that state past events, and the events, as message ids translated on output.
REPORT, CIRCULAR, LETTER = N_("review report"), N_("circular"), N_("feedback letter")
STEP, RECEIVED = N_("this review step"), N_("the report's receipt")
RECTIFIED, LETTERS = N_("the rectification"), N_("the feedback letters")
VOTE = N_("the satisfaction vote")


def problems(case: Case) -> list[Problem]:
    """Every date of `case` that disagrees with a document that states it; [] if none."""
    out: list[Problem] = []
    out += _stated_done(case)
    out += _interviews(case)
    out += _letters(case)
    out += _documents(case)
    return out


def _d(day: dt.date) -> str:
    return day.isoformat()


def _after(path: str, event: str, day: dt.date, docs: list[tuple[str, dt.date]]) -> list[Problem]:
    """A CS301 problem when `day` is after the earliest of `docs` that states the event."""
    doc, date = min(docs, key=lambda x: x[1])
    if day <= date:
        return []
    values = {"event": event, "day": _d(day), "document": doc, "date": _d(date)}
    return [Problem(path, "CS301", AFTER_DOCUMENT, values)]


def _stated_done(case: Case) -> list[Problem]:
    """Past events that a document dated before them would state as done."""
    report, circular = (REPORT, case.report.date), (CIRCULAR, case.circular.date)
    letter = (LETTER, case.feedback.date)
    out = []
    for key in ("team", "individual", "collective", "extended", "drafting"):
        step = getattr(case.steps, key)
        path = f"steps.{key}.{'end' if step.end else 'start'}"
        # the circular states the review period (分散审阅 to 延伸评阅) as done, the report all
        docs = [report, circular] if key in ("individual", "extended") else [report]
        out += _after(path, STEP, step.end or step.start, docs)
    out += _after("feedback.date", LETTERS, case.feedback.date, [report, circular])
    if case.survey is not None and case.survey.date is not None:
        out += _after("survey.date", VOTE, case.survey.date, [report, circular])
    for i, d in enumerate(case.departments):
        if d.received is not None:
            path = f"departments[{i}].received"
            out += _after(path, RECEIVED, d.received, [letter, circular, report])
        for j, issue in enumerate(d.issues):
            if issue.rectified_on is not None:
                path = f"departments[{i}].issues[{j}].rectified_on"
                out += _after(path, RECTIFIED, issue.rectified_on, [report, circular])
    return out


def _interviews(case: Case) -> list[Problem]:
    out = []
    for i, iv in enumerate(case.interviews):
        day = iv.when.date()
        if iv.materials_due > day:
            values = {"day": _d(iv.materials_due), "date": _d(day)}
            out.append(Problem(f"interviews[{i}].materials_due", "CS302", MATERIALS_AFTER, values))
        if iv.document.date > day:
            values = {"day": _d(iv.document.date), "date": _d(day)}
            out.append(Problem(f"interviews[{i}].document.date", "CS303", NOTICE_AFTER, values))
        if iv.decided_by.date > iv.document.date:
            values = {"day": _d(iv.decided_by.date), "date": _d(iv.document.date)}
            out.append(Problem(f"interviews[{i}].decided_by.date", "CS306", DECIDED_AFTER, values))
    for i, s in enumerate(case.supervisions):
        if s.decided_by.date > s.document.date:
            values = {"day": _d(s.decided_by.date), "date": _d(s.document.date)}
            out.append(
                Problem(f"supervisions[{i}].decided_by.date", "CS306", DECIDED_AFTER, values)
            )
        for field, day in (("deadline", s.deadline), ("report_on", s.report_on)):
            if day < s.document.date:
                values = {"day": _d(day), "date": _d(s.document.date)}
                path = f"supervisions[{i}].{field}"
                out.append(Problem(path, "CS304", DEADLINE_BEFORE_LETTER, values))
    return out


def _letters(case: Case) -> list[Problem]:
    """Deadlines the feedback letters set must come after the letters."""
    fb = case.feedback
    out = []
    if fb.rectify_by < fb.date:
        values = {"day": _d(fb.rectify_by), "date": _d(fb.date)}
        out.append(Problem("feedback.rectify_by", "CS304", DEADLINE_BEFORE_LETTER, values))
    for i, d in enumerate(case.departments):
        if d.redo_by is not None and d.redo_by < fb.date:
            values = {"day": _d(d.redo_by), "date": _d(fb.date)}
            out.append(
                Problem(f"departments[{i}].redo_by", "CS304", DEADLINE_BEFORE_LETTER, values)
            )
        for j, issue in enumerate(d.issues):
            if issue.carried_from is None and issue.deadline < fb.date:
                values = {"day": _d(issue.deadline), "date": _d(fb.date)}
                path = f"departments[{i}].issues[{j}].deadline"
                out.append(Problem(path, "CS304", DEADLINE_BEFORE_LETTER, values))
    return out


def documents(case: Case) -> list[tuple[str, DocumentSettings]]:
    """Every document's settings with its JSON path."""
    out: list[tuple[str, DocumentSettings]] = [
        ("report", case.report),
        ("circular", case.circular),
        ("feedback", case.feedback),
    ]
    out += [(f"interviews[{i}].document", x.document) for i, x in enumerate(case.interviews)]
    out += [(f"supervisions[{i}].document", x.document) for i, x in enumerate(case.supervisions)]
    return out


def _documents(case: Case) -> list[Problem]:
    out = []
    for path, doc in documents(case):
        if doc.printed_on is not None and doc.printed_on < doc.date:
            values = {"day": _d(doc.printed_on), "date": _d(doc.date)}
            out.append(Problem(f"{path}.printed_on", "CS305", PRINTED_BEFORE, values))
        if doc.number is None and doc.form is not Form.PLAIN:
            out.append(Problem(f"{path}.number", "CS307", NO_NUMBER, {}))
        if doc.upward and doc.form is Form.FILE and not doc.signers:
            out.append(Problem(f"{path}.signers", "CS308", NO_SIGNER, {}))
    return out
