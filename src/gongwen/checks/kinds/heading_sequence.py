"""Heading numbering: each level counts 一、二、三… (or 1. 2. …) with no gap or repeat.

A level's count starts again under each heading of a higher level. Levels: 1 一、 2 （一）
3 1. 4 （1）. A heading whose number cannot be read is left alone. No parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {}

_CN = "〇一二三四五六七八九"
_NUMBER = re.compile(r"^\s*[（(]?\s*([0-9０-９]+|[一二三四五六七八九十〇]+)\s*[）)、.．]")


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 7 → 7; None when `text` is not a number."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    try:
        if "十" in text:
            tens, _, units = text.partition("十")
            return (_CN.index(tens) if tens else 1) * 10 + (_CN.index(units) if units else 0)
        return _CN.index(text) if len(text) == 1 else None
    except ValueError:
        return None


def written(n: int, level: int) -> str:
    """How heading number `n` of `level` is written."""
    if level in (1, 2):
        cn = (
            _CN[n]
            if n < 10
            else ("十" if n < 20 else _CN[n // 10] + "十") + (_CN[n % 10] if n % 10 else "")
        )
        return f"{cn}、" if level == 1 else f"（{cn}）"
    return f"{n}." if level == 3 else f"（{n}）"


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """A hit for each heading whose number is not the one after the previous of its level."""
    counters: dict[int, int] = {}
    for p in doc.with_role(Role.HEADING):
        level = p.heading_level
        m = _NUMBER.match(p.text)
        number = cn_number(m.group(1)) if m else None
        if level is None or number is None:
            continue
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        want = counters.get(level, 0) + 1
        if number != want:
            yield Hit(
                N_("heading numbered {actual}, expected {expected}"),
                {"actual": written(number, level), "expected": written(want, level)},
                paragraph=p,
                expected=written(want, level),
                actual=written(number, level),
                span=(len(p.text) - len(p.text.lstrip()), m.end()) if m else None,
            )
        counters[level] = number
