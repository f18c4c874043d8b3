"""Automatic list numbers as Word shows them: the 一、 （一） 1. （1） that numbering.xml makes.

Many reports number their headings with Word's lists rather than by typing the numbers;
the text then holds no number, but the reader (and a PDF of the report) sees one. A
paragraph's `w:numPr` (direct or from its style) names a list instance (`w:num`) and a
level; the instance points at an abstract definition whose level gives the start, the
number format and the label text (`%1、`). Counting follows Word: instances of one abstract
definition share their counters unless an instance restarts a level (`w:startOverride`),
and counting at a level restarts every deeper level. Bullets and levels without a visible
number give no label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from gongwen.ingest.ooxml import w
from gongwen.ingest.styles import on_off
from gongwen.numerals import cn_digits, cn_legal, cn_numeral, letters, roman

_VAL = w("val")
_LEVELS = 9
_MAX_NUMBER = 32767  # Word's largest start value
_MAX_COUNT = 1_000_000  # a counter stops here: labels stay short whatever a file says
_PLACEHOLDER = re.compile(r"%([1-9])")
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _cn(n: int) -> str:
    return cn_numeral(n) if 0 <= n <= 9999 else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "chineseCounting": _cn,
    "chineseCountingThousand": _cn,
    "japaneseCounting": _cn,
    "taiwaneseCounting": _cn,
    "ideographDigital": cn_digits,
    "chineseLegalSimplified": lambda n: cn_legal(n) if 0 <= n <= 9999 else str(n),
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10] if n > 0 else str(n),
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "upperLetter": letters,
    "lowerLetter": lambda n: letters(n).lower(),
}


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str | None  # None: the level shows no number
    suffix: str
    style: str | None  # the paragraph style linked to the level
    legal: bool  # w:isLgl: every number of the label in decimal (1.1 under 一、)
    rpr: etree._Element | None  # the level's own run properties, over the paragraph mark's


def _int(element: etree._Element | None, default: int) -> int:
    """An integer value, held to Word's range for list numbers (0–32767)."""
    try:
        value = int(element.get(_VAL)) if element is not None else default  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(max(value, 0), _MAX_NUMBER)


def _level(lvl: etree._Element) -> _Level:
    fmt = lvl.find(w("numFmt"))
    text = lvl.find(w("lvlText"))
    suffix = lvl.find(w("suff"))
    style = lvl.find(w("pStyle"))
    legal = lvl.find(w("isLgl"))
    return _Level(
        start=_int(lvl.find(w("start")), 0),
        fmt=fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
        text=text.get(_VAL) if text is not None else None,
        suffix=_SUFFIX.get(suffix.get(_VAL, "tab") if suffix is not None else "tab", "\t"),
        style=style.get(_VAL) if style is not None else None,
        legal=legal is not None and on_off(legal),
        rpr=lvl.find(w("rPr")),
    )


def _levels(parent: etree._Element) -> dict[int, _Level]:
    return {_int_attr(lvl, w("ilvl")): _level(lvl) for lvl in parent.iterfind(w("lvl"))}


def _int_attr(element: etree._Element, name: str) -> int:
    try:
        return int(element.get(name, "0"))
    except ValueError:
        return -1


class Numbering:
    """The list definitions of one document and the counters of a walk through it."""

    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._restarted: set[tuple[str, int]] = set()
        if root is None:
            return
        for abstract in root.iterfind(w("abstractNum")):
            self._abstract[abstract.get(w("abstractNumId"), "")] = _levels(abstract)
        for num in root.iterfind(w("num")):
            ref = num.find(w("abstractNumId"))
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for override in num.iterfind(w("lvlOverride")):
                ilvl = _int_attr(override, w("ilvl"))
                start = override.find(w("startOverride"))
                if start is not None:
                    starts[ilvl] = _int(start, 0)
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            abstract_id = ref.get(_VAL, "") if ref is not None else ""
            self._nums[num.get(w("numId"), "")] = (abstract_id, starts, levels)

    def label(
        self, num_id: str, ilvl: int | None, style: str | None
    ) -> tuple[str, etree._Element | None] | None:
        """The number shown before the next paragraph of list `num_id` at level `ilvl`, and
        the level's run properties.

        Counts the paragraph. `ilvl` None (a style that names only the list) takes the level
        linked to `style`, else level 0. None when the paragraph shows no number. A level an
        instance overrides (`w:startOverride`) starts there whenever it starts.
        """
        if num_id not in self._nums:  # includes "0": numbering removed
            return None
        abstract_id, starts, own = self._nums[num_id]
        defined = {**self._abstract.get(abstract_id, {}), **own}
        if ilvl is None:
            ilvl = next((i for i, lv in defined.items() if style and lv.style == style), 0)
        level = defined.get(ilvl)
        if level is None or not 0 <= ilvl < _LEVELS:
            return None
        counters = self._counters.setdefault(abstract_id, [None] * _LEVELS)
        current = counters[ilvl]
        if ilvl in starts and (num_id, ilvl) not in self._restarted:
            self._restarted.add((num_id, ilvl))  # the instance's first paragraph there
            current = None
        counters[ilvl] = (
            starts.get(ilvl, level.start) if current is None else min(current + 1, _MAX_COUNT)
        )
        for deeper in range(ilvl + 1, _LEVELS):
            counters[deeper] = None
        if level.text is None or level.fmt in ("bullet", "none"):
            return None

        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            shown = defined.get(at)
            if shown is None:
                return ""
            value = counters[at]
            if value is None:
                value = starts.get(at, shown.start)
            form = "decimal" if level.legal else shown.fmt
            return _FORMATS.get(form, str)(value)

        text = _PLACEHOLDER.sub(number, level.text)
        return (text + level.suffix, level.rpr) if text else None
