"""Automatic list numbers as Word shows them: the 一、 （一） 1. （1） that numbering.xml makes.

Many reports number their headings with Word's lists rather than by typing the numbers;
the text then holds no number, but the reader (and a PDF of the report) sees one. A
paragraph's `w:numPr` (direct or from its style) names a list instance (`w:num`) and a
level; the instance points at an abstract definition whose level gives the start, the
number format and the label text (`%1、`). Counting follows Word: instances of one abstract
definition share their counters unless an instance restarts a level (`w:startOverride`),
and counting at a level restarts every deeper level. Bullets and levels without a visible
number give no label. A level's `w:pPr/w:ind` indents its paragraphs (see
`paragraph_format.list_indents` for where it stands among the other layers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from gongwen.ingest.number_formats import NO_NUMBER, number
from gongwen.ingest.ooxml import MC_NS, w
from gongwen.ingest.ppr import Props, on_off, read_ppr

_VAL = w("val")
_LEVELS = 9
_MAX_NUMBER = 32767  # Word's largest start value
_MAX_COUNT = 1_000_000  # a counter stops here: labels stay short whatever a file says
_PLACEHOLDER = re.compile(r"%([1-9])")
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}
_INDENT_KEYS = frozenset(("left", "right", "firstLine", "hanging", "leftChars", "rightChars",
                          "firstLineChars", "hangingChars"))  # fmt: skip
_ALTERNATE, _CHOICE, _FALLBACK = (
    f"{{{MC_NS}}}{n}" for n in ("AlternateContent", "Choice", "Fallback")
)


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    custom: str | None  # the pattern of a custom format (w:format)
    fallback: str  # the format a reader shows that does not know `fmt` (mc:Fallback)
    text: str | None  # None: the level shows no number
    suffix: str
    style: str | None  # the paragraph style linked to the level
    legal: bool  # w:isLgl: every number of the label in decimal (1.1 under 一、)
    rpr: etree._Element | None  # the level's own run properties, over the paragraph mark's
    indent: Props  # the level's own indents (w:pPr/w:ind)


def _int(element: etree._Element | None, default: int) -> int:
    """An integer value, held to Word's range for list numbers (0–32767)."""
    try:
        value = int(element.get(_VAL)) if element is not None else default  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(max(value, 0), _MAX_NUMBER)


def _number_format(lvl: etree._Element) -> tuple[str, str | None, str]:
    """The level's format, its custom pattern and the fallback format.

    Word 2010 writes a custom format (`001, 002, 003, ...`) inside mc:AlternateContent,
    with a plain format in mc:Fallback for older readers.
    """
    fmt = lvl.find(w("numFmt"))
    if fmt is not None:
        value = fmt.get(_VAL, "decimal")
        return value, fmt.get(w("format")), "decimal"
    for alternate in lvl.iterfind(_ALTERNATE):
        choice = alternate.find(f"{_CHOICE}/{w('numFmt')}")
        fallback = alternate.find(f"{_FALLBACK}/{w('numFmt')}")
        plain = fallback.get(_VAL, "decimal") if fallback is not None else "decimal"
        if choice is not None:
            return choice.get(_VAL, "decimal"), choice.get(w("format")), plain
        return plain, None, "decimal"
    return "decimal", None, "decimal"


def _level(lvl: etree._Element) -> _Level:
    fmt, custom, fallback = _number_format(lvl)
    text = lvl.find(w("lvlText"))
    suffix = lvl.find(w("suff"))
    style = lvl.find(w("pStyle"))
    legal = lvl.find(w("isLgl"))
    return _Level(
        start=_int(lvl.find(w("start")), 0),
        fmt=fmt,
        custom=custom,
        fallback=fallback,
        text=text.get(_VAL) if text is not None else None,
        suffix=_SUFFIX.get(suffix.get(_VAL, "tab") if suffix is not None else "tab", "\t"),
        style=style.get(_VAL) if style is not None else None,
        legal=legal is not None and on_off(legal),
        rpr=lvl.find(w("rPr")),
        indent={k: v for k, v in read_ppr(lvl.find(w("pPr"))).items() if k in _INDENT_KEYS},
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
        self._unshown: dict[str, bool] = {}  # format → already taken by `unshown`
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
        found = self._level(num_id, ilvl, style)
        if found is None:
            return None
        abstract_id, starts, defined, ilvl, level = found
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
        if level.text is None or level.fmt in NO_NUMBER:
            return None

        def shown_number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            shown = defined.get(at)
            if shown is None:
                return ""
            value = counters[at]
            if value is None:
                value = starts.get(at, shown.start)
            if level.legal:
                return str(value)
            text = number(shown.fmt, value, shown.custom)
            if text is None:  # shown as a reader that does not know the format shows it
                name = f"{shown.fmt} ({shown.custom})" if shown.custom else shown.fmt
                self._unshown.setdefault(name, False)
                text = number(shown.fallback, value) or str(value)
            return text

        text = _PLACEHOLDER.sub(shown_number, level.text)
        return (text + level.suffix, level.rpr) if text else None

    def indent(self, num_id: str, ilvl: int | None, style: str | None) -> Props:
        """The indents the level of list `num_id` gives its paragraphs (empty: none)."""
        found = self._level(num_id, ilvl, style)
        return found[4].indent if found is not None else {}

    def _level(
        self, num_id: str, ilvl: int | None, style: str | None
    ) -> tuple[str, dict[int, int], dict[int, _Level], int, _Level] | None:
        """The abstract id, start overrides, levels, level number and level of a paragraph."""
        if num_id not in self._nums:  # includes "0": numbering removed
            return None
        abstract_id, starts, own = self._nums[num_id]
        defined = {**self._abstract.get(abstract_id, {}), **own}
        if ilvl is None:
            ilvl = next((i for i, lv in defined.items() if style and lv.style == style), 0)
        level = defined.get(ilvl)
        if level is None or not 0 <= ilvl < _LEVELS:
            return None
        return abstract_id, starts, defined, ilvl, level

    def unshown(self) -> list[str]:
        """The number formats met since the last call that could not be shown as Word shows
        them (each format once per document); their numbers stand in digits."""
        new = [name for name, taken in self._unshown.items() if not taken]
        for name in new:
            self._unshown[name] = True
        return new
