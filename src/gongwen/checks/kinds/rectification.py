"""整改情况: each of last year's open issues is answered in the section on rectification.

Runs only when the submission carries last year's issue list. The section is the one whose
level-1 heading contains a word of `section`; an issue counts as answered when the section
contains it, or at least `min_overlap` of its two-character phrases. One hit per issue
not answered, naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import in_text
from gongwen.i18n import N_
from gongwen.model import Document, Paragraph, Role, is_cjk

PARAMS: dict[str, Any] = {
    "section": {"type": "list", "required": True, "minlength": 1, "schema": {"type": "string"}},
    "min_overlap": {"type": "number", "default": 0.6, "min": 0.1, "max": 1},
}


def section_text(doc: Document, words: list[str]) -> tuple[Paragraph | None, str]:
    """The heading of the rectification section and the text under it (to the next level 1)."""
    heading, parts = None, []
    for p in in_text(doc):
        is_top = p.role == Role.HEADING and p.heading_level in (1, None)
        if is_top:
            if heading is not None:
                break
            if any(w in p.text for w in words):
                heading = p
            continue
        if heading is not None:
            parts.append(p.text)
    return heading, "".join(parts)


def phrases(text: str) -> set[str]:
    """The two-character phrases of the Chinese characters of `text`."""
    chars = "".join(c for c in text if is_cjk(c) and c not in "，。、；：（）“”")
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def answered(issue: str, text: str, min_overlap: float) -> bool:
    """Whether `text` takes up `issue`: verbatim, or by enough of its phrases."""
    if issue.strip() in text:
        return True
    wanted = phrases(issue)
    return bool(wanted) and len(wanted & phrases(text)) / len(wanted) >= min_overlap


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per issue of last year's list that the section does not take up."""
    issues = ctx.submission.last_year_issues
    if not issues:
        return
    heading, text = section_text(doc, rule.params["section"])
    for issue in issues:
        if heading is None or not answered(issue, text, rule.params["min_overlap"]):
            yield Hit(
                N_("last year's issue not answered in the rectification section: {issue}"),
                {"issue": issue},
                paragraph=heading,
                expected=issue,
            )
