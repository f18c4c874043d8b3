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

from gongwen.case.model import Case, DocumentSettings
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
DECIDED_AFTER = N_("decided on {day}, after the document that says so ({date})")

_DOCUMENTS = {
    "report": N_("review report"),
    "circular": N_("circular"),
    "feedback": N_("feedback letter"),
}
_EVENTS = {
    "step": N_("this review step"),
    "received": N_("the report's receipt"),
    "rectified": N_("the rectification"),
    "letters": N_("the feedback letters"),
}


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


def _after(path: str, event: str, day: dt.date, doc: str, date: dt.date) -> Problem:
    values = {"event": event, "day": _d(day), "document": doc, "date": _d(date)}
    return Problem(path, "CS301", AFTER_DOCUMENT, values)


def _stated_done(case: Case) -> list[Problem]:
    """Past events that a document dated before them would state as done."""
    out = []
    report, circular, letters = case.report.date, case.circular.date, case.feedback.date
    for key in ("team", "individual", "collective", "extended", "drafting"):
        step = getattr(case.steps, key)
        last = step.end or step.start
        if last > report:
            field = "end" if step.end else "start"
            out.append(_after(f"steps.{key}.{field}", "step", last, "report", report))
    if letters > min(report, circular):
        doc, date = ("report", report) if report <= circular else ("circular", circular)
        out.append(_after("feedback.date", "letters", letters, doc, date))
    # the circular states the review period (分散审阅 to 延伸评阅) as done
    for key in ("individual", "extended"):
        step = getattr(case.steps, key)
        last = step.end or step.start
        if last > circular and last <= report:
            field = "end" if step.end else "start"
            out.append(_after(f"steps.{key}.{field}", "step", last, "circular", circular))
    for i, d in enumerate(case.departments):
        if d.received is not None:
            # the earliest document that states the receipt: the letter, the circular, the report
            doc, date = min(
                (("feedback", letters), ("circular", circular), ("report", report)),
                key=lambda x: x[1],
            )
            if d.received > date:
                out.append(_after(f"departments[{i}].received", "received", d.received, doc, date))
        for j, issue in enumerate(d.issues):
            if issue.rectified_on is None:
                continue
            doc, date = min((("circular", circular), ("report", report)), key=lambda x: x[1])
            if issue.rectified_on > date:
                path = f"departments[{i}].issues[{j}].rectified_on"
                out.append(_after(path, "rectified", issue.rectified_on, doc, date))
    return [Problem(p.path, p.code, p.msgid, _translated(p.values)) for p in out]


def _translated(values: dict[str, str]) -> dict[str, str]:
    """The event and document keys of a CS301 problem as message ids, translated later."""
    return {
        **values,
        "event": _EVENTS.get(values["event"], values["event"]),
        "document": _DOCUMENTS.get(values["document"], values["document"]),
    }


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
        if doc.number is None:
            out.append(Problem(f"{path}.number", "CS307", NO_NUMBER, {}))
    return out
