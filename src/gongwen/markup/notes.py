"""What a marked-up copy says and where: one note per finding, the whole-report ones together.

A note is a value the writers (.docx comments, PDF annotations) place; nothing here knows a
file format. Every note ends with the mark line `gongwen · <rule set>`: that line is how a
later run knows the notes it wrote (and replaces them) from the reviewers' own
(`gongwen.ingest.comments` reads them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.ingest.comments import MARK

if TYPE_CHECKING:
    from gongwen.findings import FileResult, Finding, Location


DEFAULT_AUTHOR = "评阅专班"
DEFAULT_INITIALS = "评阅"


@dataclass(frozen=True, slots=True)
class Note:
    """One comment: its lines, and the paragraph (and characters) it is anchored on."""

    lines: tuple[str, ...]
    paragraph: int | None  # index in the Document, from 0; None: on the title
    span: tuple[int, int] | None = None  # characters of the paragraph's text
    page: int | None = None  # the page of a PDF finding with no paragraph
    codes: tuple[str, ...] = ()  # the rule codes it is about

    @property
    def text(self) -> str:
        """The note as one text, a line a paragraph."""
        return "\n".join(self.lines)


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who writes the notes, under which rule set, and when."""

    rule_set: str
    when: dt.datetime
    author: str = DEFAULT_AUTHOR
    initials: str = DEFAULT_INITIALS
    lang: str = DEFAULT_LANG

    @property
    def mark(self) -> str:
        """The last line of each note."""
        return f"{MARK}{self.rule_set}"


def finding_lines(finding: Finding, lang: str) -> list[str]:
    """A finding as a reviewer reads it: code and name, what is wrong, expected and actual,
    the clause."""
    lines = [_head(finding, lang), finding.message]
    if finding.expected is not None or finding.actual is not None:
        lines.append(
            t(
                N_("expected: {expected}; actual: {actual}"),
                lang,
                expected=finding.expected if finding.expected is not None else "—",
                actual=finding.actual if finding.actual is not None else "—",
            )
        )
    if finding.clause:
        lines.append(t(N_("clause: {clause}"), lang, clause=finding.clause))
    return lines


def _head(finding: Finding, lang: str) -> str:
    severity = t(finding.severity.value, lang)
    return t(N_("{code} {name} ({severity})"), lang, code=finding.code, name=finding.name,
             severity=severity)  # fmt: skip


def plan(
    result: FileResult, stamp: Stamp, placeable: Callable[[Location], bool] = lambda _: True
) -> list[Note]:
    """The notes of `result`: one per finding at its paragraph, and a short one at each
    place merged into it (`Finding.also`); the findings about the whole report (and those
    `placeable` refuses) in one note on the title, which comes first; a report with no
    finding gets one note that says it was checked clean."""
    whole = [
        f for f in result.findings if f.location.paragraph is None or not placeable(f.location)
    ]
    notes: list[Note] = []
    if whole or not result.findings:
        codes = tuple(dict.fromkeys(f.code for f in whole))
        notes.append(Note(tuple(_whole_lines(whole, stamp)), None, codes=codes))
    for finding in result.findings:
        if finding in whole:
            continue
        loc = finding.location
        paragraph = loc.paragraph - 1 if loc.paragraph is not None else None
        lines = [*finding_lines(finding, stamp.lang), stamp.mark]
        notes.append(Note(tuple(lines), paragraph, loc.span, loc.page, (finding.code,)))
        notes.extend(_also_notes(finding, stamp, placeable))
    return notes


def _also_notes(
    finding: Finding, stamp: Stamp, placeable: Callable[[Location], bool]
) -> Iterator[Note]:
    """A note at each place merged into `finding`, pointing back at the full one."""
    same = t(N_("the same as at {place}"), stamp.lang, place=finding.location.describe())
    lines = (_head(finding, stamp.lang), same, stamp.mark)
    for place in finding.also:
        if place.paragraph is not None and placeable(place):
            yield Note(lines, place.paragraph - 1, place.span, place.page, (finding.code,))


def _whole_lines(findings: list[Finding], stamp: Stamp) -> list[str]:
    lang = stamp.lang
    date = stamp.when.date().isoformat()
    if not findings:
        return [
            t(
                N_("checked on {date} against the rule set {rules}: no finding"),
                lang,
                date=date,
                rules=stamp.rule_set,
            ),
            stamp.mark,
        ]
    lines = [t(N_("about the whole report ({date}):"), lang, date=date)]
    for number, finding in enumerate(findings, start=1):
        first, *rest = finding_lines(finding, lang)
        where = finding.location.describe()
        lines.append(f"{number}. {first}" + (f" {where}" if where else ""))
        lines.extend(rest)
    lines.append(stamp.mark)
    return lines
