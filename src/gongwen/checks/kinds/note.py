"""附注 (only when present): in full-width parentheses （……）(GB/T 9704 7.3.6, 规定).

No parameters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """A hit per 附注 paragraph not enclosed in （ ）."""
    for p in doc.with_role(Role.NOTE):
        text = p.text.strip()
        if not (text.startswith("（") and text.endswith("）")):
            yield Hit(
                N_("the note must be enclosed in full-width parentheses （ ）"),
                paragraph=p,
                expected="（……）",
                actual=text[:10],
            )
