"""Text colour: the text of the listed roles is black (automatic colour counts as black).

Red is for the 发文机关标志 and the seal only, which are other roles. Each deviating
paragraph is reported, up to `max_findings`; the last one counts the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import in_text, merged
from gongwen.i18n import N_
from gongwen.model import Document

PARAMS: dict[str, Any] = {
    "colors": {
        "type": "list",
        "default": ["000000"],
        "schema": {"type": "string", "regex": "^[0-9A-Fa-f]{6}$"},
    },
    "roles": {
        "type": "list",
        "default": ["title", "heading", "body", "signature", "date"],
        "schema": {"type": "string"},
    },
    "max_findings": {"type": "integer", "default": 3, "min": 1},
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per paragraph with visible text in a colour not listed."""
    allowed = {c.upper() for c in rule.params["colors"]}
    hits = []
    for p in in_text(doc):
        if p.role.value not in rule.params["roles"]:
            continue
        colors = [r.color.upper() for r in p.runs if r.color and r.text.strip()]
        wrong = [c for c in colors if c not in allowed]
        if wrong:
            hits.append(
                Hit(
                    N_("text colour is #{actual}, expected black"),
                    {"actual": wrong[0]},
                    paragraph=p,
                    expected="#" + "/#".join(sorted(allowed)),
                    actual="#" + wrong[0],
                )
            )
    yield from merged(hits, rule.params["max_findings"])
