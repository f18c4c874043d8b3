"""成文日期 form: Arabic numerals, the year in full, no leading zeros: 2020年3月5日.

GB/T 9704 7.3.5.4 (规定): never 2020年03月05日, never 二〇二〇年三月五日, never 3月5日.
Checked on the 成文日期 paragraph; in a PDF, on a trailing line that is a date. No
parameters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.dates import read_date
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import date_paragraphs
from gongwen.forms import has_blank
from gongwen.i18n import N_, t
from gongwen.model import Document

PARAMS: dict[str, Any] = {}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per problem of the form of each 成文日期."""
    for p in date_paragraphs(doc):
        if has_blank(p.text):  # a template's 20XX年X月X日: nothing to judge yet
            continue
        written = read_date(p.text)
        if written is None:
            yield Hit(N_("no date of the form 2020年3月5日"), paragraph=p, actual=p.text.strip())
            continue
        value = written.value
        right = f"{value.year}年{value.month}月{value.day}日" if value else "2020年3月5日"
        start = p.text.find(written.text)
        for msgid in written.problems:
            yield Hit(
                N_("the date {actual}: {problem}"),
                {"actual": written.text, "problem": t(msgid, ctx.lang)},
                paragraph=p,
                expected=right,
                actual=written.text,
                span=(start, start + len(written.text)) if start >= 0 else None,
            )
