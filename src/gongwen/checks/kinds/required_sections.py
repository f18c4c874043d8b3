"""Required sections: each of `sections` has a heading of `level` that contains its name or
one of its synonyms.

A section with `when: last_year_issues` (整改情况) is required only when last year's issue
list is given for the report. One hit per missing section, naming the accepted headings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import section_names
from gongwen.i18n import N_
from gongwen.model import Document

PARAMS: dict[str, Any] = {
    "level": {"type": "integer", "default": 1, "min": 1, "max": 4},
    "sections": {
        "type": "list",
        "required": True,
        "minlength": 1,
        "schema": {
            "type": "dict",
            "schema": {
                "name": {"type": "string", "required": True, "empty": False},
                "synonyms": {
                    "type": "list",
                    "default": [],
                    "schema": {"type": "string", "empty": False},
                },
                "when": {
                    "type": "string",
                    "default": "always",
                    "allowed": ["always", "last_year_issues"],
                },
            },
        },
    },
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per required section with no matching heading."""
    wanted = [
        s for s in rule.params["sections"]
        if s.get("when", "always") == "always" or ctx.submission.last_year_issues
    ]  # fmt: skip
    found = set(section_names(doc, wanted, rule.params["level"]))
    for section in wanted:
        if section["name"] not in found:
            accepted = "、".join(dict.fromkeys([section["name"], *section.get("synonyms", ())]))
            yield Hit(
                N_("missing section {name} (a heading containing {accepted})"),
                {"name": section["name"], "accepted": accepted},
                expected=section["name"],
            )
