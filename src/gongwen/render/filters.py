"""Text helpers for the templates: dates (babel), Chinese numerals, rates, widths in 字."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

from gongwen.findings import Rate
from gongwen.numerals import cn_numeral


def long_date(day: dt.date) -> str:
    """A date as GB/T 9704 writes it: 2020年7月5日 (Arabic numerals, no leading zeros)."""
    from babel.dates import format_date

    return format_date(day, format="long", locale="zh_CN")


def short_date(day: dt.date) -> str:
    """Month and day only: 3月20日."""
    from babel.dates import format_date

    return format_date(day, format="M月d日", locale="zh_CN")


def date_time(moment: dt.datetime) -> str:
    """A date and time of day as a notice gives it: 2020年5月12日（星期二）上午9时30分."""
    from babel.dates import format_date

    weekday = format_date(moment.date(), format="EEEE", locale="zh_CN")
    half = "上午" if moment.hour < 12 else "下午"
    hour = moment.hour if moment.hour <= 12 else moment.hour - 12
    minutes = f"{moment.minute}分" if moment.minute else ""
    return f"{long_date(moment.date())}（{weekday}）{half}{hour}时{minutes}"


def percent(rate: Rate) -> str:
    """The rate as a percentage: 100%, 96.2%, or — for 0/0."""
    return "—" if rate.percent is None else f"{rate.percent:g}%"


def fraction(rate: Rate) -> str:
    """The rate as a fraction: 26/26."""
    return f"{rate.numerator}/{rate.denominator}"


def join(items: Iterable[str], sep: str = "、") -> str:
    """Items joined the Chinese way (、 by default)."""
    return sep.join(items)


def sentence(text: str) -> str:
    """`text` without the sentence-ending punctuation a template adds itself."""
    return text.rstrip("。；;，,.！!")


def width(text: str) -> float:
    """Width of `text` in 字: wide (CJK, full-width) characters 1, the others ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


FILTERS = {"cn": cn_numeral, "long_date": long_date, "percent": percent, "fraction": fraction}
