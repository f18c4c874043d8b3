"""主送机关 (only when present): ends with a full-width colon ：(GB/T 9704 7.3.2, 规定).

A half-width colon or none at all is reported. No parameters.
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
    """A hit for the last 主送 paragraph when it does not end with ：."""
    paragraphs = [p for p in doc.with_role(Role.RECIPIENT) if p.text.strip()]
    if not paragraphs:
        return
    last = paragraphs[-1]
    text = last.text.strip()
    if text.endswith("："):
        return
    msgid = (
        N_("the recipient line ends with a half-width colon; use ：")
        if text.endswith(":")
        else N_("the recipient line must end with a full-width colon ：")
    )
    yield Hit(msgid, paragraph=last, expected="……：", actual=text[-6:])
