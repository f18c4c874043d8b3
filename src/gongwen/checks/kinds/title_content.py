"""Title content: the title names the official and the review year, e.g.
`市财政局局长张伟2019年度履职报告`.

The official is the submission's (from the roster) when known; otherwise the title must
name someone: 2–4 Chinese characters after one of `posts` (局长, 主任, …) before the year.
A title naming another year is left to the review-year rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.dates import YEAR
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import official_in_title, title_text
from gongwen.i18n import N_
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {
    "posts": {"type": "list", "required": True, "minlength": 1, "schema": {"type": "string"}},
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Hits for a title that names no official or no year."""
    title = title_text(doc)
    if title is None:
        return
    first = doc.with_role(Role.TITLE)[0]
    official = ctx.submission.official
    named = official in title if official else official_in_title(title, rule.params["posts"])
    if not named:
        yield Hit(
            N_("the title does not name the official{who}"),
            {"who": f"（{official}）" if official else ""},
            paragraph=first,
            expected=official or "……局长张伟",
            actual=title,
        )
    year = ctx.rule_set.review_year
    if year is not None and not YEAR.search(title):
        yield Hit(
            N_("the title does not name the review year {year}"),
            {"year": year},
            paragraph=first,
            expected=f"{year}年度",
            actual=title,
        )
