"""Title content: the title names the official and the review year, e.g.
`市财政局局长张伟2019年度履职报告`.

The official is the submission's (from the roster) when known; otherwise the title must
name someone: 2–4 Chinese characters after one of `posts` (局长, 主任, …) before the year.
A title naming another year is left to the review-year rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.dates import YEAR
from gongwen.checks.facts import title_text
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {
    "posts": {"type": "list", "required": True, "minlength": 1, "schema": {"type": "string"}},
}


def official_in_title(title: str, posts: Sequence[str]) -> str | None:
    """The 2–4 character name after a post word before the year in `title`, if any."""
    head = title[: m.start()] if (m := YEAR.search(title)) else title
    for post in sorted(posts, key=len, reverse=True):
        found = re.search(re.escape(post) + r"([\u4e00-\u9fff]{2,4})$", head)
        if found:
            return found.group(1)
    return None


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
