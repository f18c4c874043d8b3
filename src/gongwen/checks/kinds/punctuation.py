"""Full-width punctuation in Chinese text: no half-width , : ; ? ! ( ) next to Chinese.

GB/T 15834-2011. A mark counts when the character before or after it is Chinese; numbers
such as 1,000 and times such as 10:30 (digits on both sides) and Latin text are left alone,
and so is a mark that ends a quoted Latin phrase (他说“Is it done?”).
One hit per paragraph, with the first place as the actual value, up to `max_findings`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import in_text, merged
from gongwen.i18n import N_
from gongwen.model import Document, is_cjk

PARAMS: dict[str, Any] = {
    "marks": {"type": "string", "default": ",:;?!()", "empty": False},
    "max_findings": {"type": "integer", "default": 10, "min": 1},
}

_CLOSERS = set("”’\"')）》」』")  # what may close a quoted or bracketed Latin phrase
FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest character that is not a space, before (step -1) or after (step 1) `i`."""
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def places(text: str, marks: str) -> list[int]:
    """Where half-width marks stand in Chinese text."""
    found = []
    # finditer: a paragraph has hundreds of characters and few marks
    for match in re.finditer(f"[{re.escape(marks)}]", text):
        i = match.start()
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if before.isdigit() and after.isdigit():
            continue
        if before.isascii() and before.isalpha() and (not after or after in _CLOSERS):
            continue  # it ends a Latin phrase: “Is it done?” keeps its own mark
        if (before and is_cjk(before)) or (after and is_cjk(after)):
            found.append(i)
    return found


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per paragraph with half-width marks in Chinese text."""
    hits = []
    for p in in_text(doc):
        found = places(p.text, rule.params["marks"])
        if not found:
            continue
        first = found[0]
        context = p.text[max(0, first - 6) : first + 6]
        marks = " ".join(dict.fromkeys(p.text[i] for i in found))
        hits.append(
            Hit(
                N_("half-width punctuation {marks} in Chinese text ({n} places)"),
                {"marks": marks, "n": len(found)},
                paragraph=p,
                expected=context.replace(p.text[first], FULL.get(p.text[first], p.text[first])),
                actual=context,
                span=(first, first + 1),
                also=tuple(Hit("", paragraph=p, span=(i, i + 1)) for i in found[1:]),
            )
        )
    yield from merged(hits, rule.params["max_findings"])
