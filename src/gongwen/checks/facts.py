"""The facts record of a report: what the `facts` kind validates with the rule set's schemas.

Keys (all may be None when the report does not say): title, official, department,
review_year (a year named in the title), sections (canonical names of the required sections
found), body_chars (non-whitespace characters of body and headings), headings, signature,
date_text, date, received, received_source, format, paper, margins_mm.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gongwen.checks.context import Context, Submission
from gongwen.checks.dates import YEAR, read_date
from gongwen.checks.text import (
    date_paragraphs,
    in_text,
    official_in_title,
    section_names,
    title_text,
)
from gongwen.model import Document, Role, visible_count

if TYPE_CHECKING:
    from gongwen.checks.ruleset import RuleSet

KEYS = (
    "title", "official", "department", "review_year", "sections", "body_chars", "headings",
    "signature", "date_text", "date", "received", "received_source", "format", "paper",
    "margins_mm",
)  # fmt: skip

_COUNTED = (Role.BODY, Role.HEADING, Role.TABLE)


def facts(doc: Document, rule_set: RuleSet, submission: Submission) -> dict[str, Any]:
    """The facts record of `doc` (see the module docstring for its keys)."""
    title = title_text(doc)
    year = YEAR.search(title) if title else None
    sections: list[dict[str, Any]] = []
    posts: list[str] = []
    for rule in rule_set.rules:
        if rule.kind == "required_sections":
            sections += rule.params.get("sections", [])
        if rule.kind == "title_content":
            posts += rule.params.get("posts", [])
    dates = date_paragraphs(doc)
    written = read_date(dates[-1].text) if dates else None
    signature = " ".join(p.text.strip() for p in doc.with_role(Role.SIGNATURE)) or None
    section = doc.sections[0] if doc.sections else None
    page = doc.pages[0] if doc.pages else None
    size = (
        (section.page_width, section.page_height)
        if section
        else ((page.width, page.height) if page else None)
    )
    return {
        "title": title,
        "official": submission.official or (official_in_title(title, posts) if title else None),
        "department": submission.department,
        "review_year": int(year.group(1)) if year else None,
        "sections": section_names(doc, sections),
        "body_chars": sum(visible_count(p.text) for p in in_text(doc) if p.role in _COUNTED),
        "headings": len(doc.with_role(Role.HEADING)),
        "signature": signature,
        "date_text": written.text if written else None,
        "date": written.value if written else None,
        "received": submission.received,
        "received_source": submission.received_source.value if submission.received_source else None,
        "format": doc.format,
        "paper": f"{size[0].mm:.0f}×{size[1].mm:.0f} mm" if size else None,
        "margins_mm": {
            "top": round(section.margin_top.mm, 1),
            "bottom": round(section.margin_bottom.mm, 1),
            "left": round(section.margin_left.mm, 1),
            "right": round(section.margin_right.mm, 1),
        }
        if section
        else None,
    }


def facts_of(ctx: Context) -> dict[str, Any]:
    """The facts record of the run's document, made once per run."""
    return ctx.memo("facts", lambda: facts(ctx.doc, ctx.rule_set, ctx.submission))
