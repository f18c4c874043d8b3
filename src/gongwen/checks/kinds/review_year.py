"""Review year: the title and the first `paragraphs` paragraphs name the review year, not
another: a `2018年度` in a report on 2019 is reported.

The title counts any `YYYY年`; the paragraphs after it only `YYYY年度`, since the body may
well mention other years.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.dates import YEAR
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import in_text
from gongwen.i18n import N_
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {
    "paragraphs": {"type": "integer", "default": 3, "min": 0},
}

_REVIEW = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年度")


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per paragraph (title first) that names a year other than the review year."""
    year = ctx.rule_set.review_year
    if year is None:
        return
    flow = in_text(doc)
    titles = [p for p in flow if p.role == Role.TITLE]
    rest = [p for p in flow if p.role != Role.TITLE][: rule.params["paragraphs"]]
    for p in [*titles, *rest]:
        pattern = YEAR if p.role == Role.TITLE else _REVIEW
        other = next((int(y) for y in pattern.findall(p.text) if int(y) != year), None)
        if other is not None:
            yield Hit(
                N_("names the year {actual}, but the review year is {expected}"),
                {"actual": other, "expected": year},
                paragraph=p,
                expected=f"{year}年度",
                actual=f"{other}年度",
            )
