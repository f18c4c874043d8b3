"""Reading a 成文日期 (or any written date) and saying what is wrong with its form (GB308)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gongwen.i18n import N_

_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUM = r"[0-9０-９〇○零ＯO一二三四五六七八九十]+"
DATE = re.compile(rf"(?:(?P<y>{_NUM})\s*年\s*)?(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*日")
_ARABIC = set("0123456789０１２３４５６７８９")
YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")


@dataclass(frozen=True)
class WrittenDate:
    """A date as written, its value when it has one, and what is wrong with its form."""

    text: str
    value: dt.date | None
    problems: tuple[str, ...]  # msgids


def _number(text: str) -> int | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if "十" in text:  # 十, 十二, 二十, 二十三
        tens, _, units = text.partition("十")
        t = _CN_DIGITS.get(tens, 1) if tens else 1
        u = _CN_DIGITS.get(units, 0) if units else 0
        return t * 10 + u
    digits = [_CN_DIGITS.get(c) for c in text]
    if any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def read_date(text: str) -> WrittenDate | None:
    """The first date in `text` (None when there is none), with the problems of its form."""
    m = DATE.search(text)
    if m is None:
        return None
    y, mo, d = m.group("y"), m.group("m"), m.group("d")
    problems: list[str] = []
    parts = [p for p in (y, mo, d) if p]
    if any(set(p) - _ARABIC for p in parts):
        problems.append(N_("written with Chinese numerals; use Arabic numerals"))
    if y is None:
        problems.append(N_("the year is missing"))
    elif len(y) != 4:
        problems.append(N_("the year is not written in full"))
    if any(p.isdigit() and len(p) > 1 and p.startswith("0") for p in (mo, d)):
        problems.append(N_("the month or day has a leading zero"))
    year, month, day = (_number(y) if y else None), _number(mo), _number(d)
    value = None
    if year is not None and month is not None and day is not None and year >= 1900:
        try:
            value = dt.date(year, month, day)
        except ValueError:
            problems.append(N_("no such day"))
    return WrittenDate(m.group(0), value, tuple(problems))
