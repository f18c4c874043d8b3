"""Text left to be filled in (XX, ×××, 〔20XX〕, [此处…]): a template, or a published sample.

Offices check their own templates (their 红头 first of all) as much as documents. One finding
per file, on the first paragraph with a blank (names blanked out, 张××, count too: a published
sample is read like a template), so that the reader knows why the blanks
themselves (a 发文字号 〔20XX〕X号, a date 20XX年X月X日, an instruction where the 署名 goes)
were not judged. No parameters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.forms import BLANK, INSTRUCTION
from gongwen.i18n import N_
from gongwen.model import Document

PARAMS: dict[str, Any] = {}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit on the first paragraph that leaves something to be filled in."""
    for p in doc.paragraphs:
        found = INSTRUCTION.search(p.text) or BLANK.search(p.text)
        if found is None:
            continue
        yield Hit(
            N_("{blank} is left to be filled in or blanked out: such places are not judged"),
            {"blank": found.group(0)},
            paragraph=p,
            actual=found.group(0),
            span=found.span(),
        )
        return
