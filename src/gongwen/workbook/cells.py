"""How each kind of value is written into a cell and read back from what a clerk left there.

A kind writes a case value (as `Case.model_dump(mode="python")` gives it) and reads a cell
back into the value the case file holds, or raises `Bad` saying what a clerk should write.
Lists are one cell, as offices write them: names separated by 、, sentences one a line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gongwen.i18n import LANGS, N_, t
from gongwen.ledger.sheet import cell_date
from gongwen.roster import parse_date

TIME_FORMAT = 'yyyy"年"m"月"d"日" h:mm'
TEXT_FORMAT = "@"
SEP = "、"


class Bad(Exception):
    """A cell that cannot be read: a message id and its values."""

    def __init__(self, msgid: str, **values: object) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.values = values

    def message(self, lang: str) -> str:
        """What is wrong, in `lang`."""
        return t(self.msgid, lang, **self.values)


@dataclass(frozen=True, slots=True)
class Context:
    """What a kind needs beyond the value: the language and the case's own grades."""

    lang: str
    grades: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of cell: its number format, its drop-down and how to fill it in (for 说明)."""

    how: str  # msgid: how a clerk fills the cell in
    number_format: str | None = None

    def write(self, value: Any, ctx: Context) -> Any:
        """The cell value for the case value `value` (None: an empty cell)."""
        return None if value is None else str(value)

    def read(self, value: Any, ctx: Context) -> Any:
        """The case value for the non-empty cell `value`; Bad if it is not one."""
        return _text(value)

    def choices(self, ctx: Context) -> list[str] | None:
        """The drop-down list, or None for none."""
        return None


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        raise Bad(N_("a date where text is expected"))
    return str(value).strip()


def is_empty(value: Any) -> bool:
    """A cell with nothing in it but spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True, slots=True)
class Whole(Kind):
    """A whole number."""

    def write(self, value: Any, ctx: Context) -> Any:
        return value

    def read(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, bool | dt.date):
            raise Bad(N_("not a whole number"))
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*\d{1,9}\s*", value):
            return int(value)
        raise Bad(N_("not a whole number"))


@dataclass(frozen=True, slots=True)
class Day(Kind):
    """A date cell; text such as 2025年6月18日 or 2025-06-18 is read too."""

    def write(self, value: Any, ctx: Context) -> Any:
        return None if value is None else dt.datetime.combine(value, dt.time())

    def read(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, dt.datetime) and value.time() != dt.time():
            raise Bad(N_("a date, without a time of day"))
        try:
            return cell_date(value)
        except ValueError:
            raise Bad(N_("not a date such as 2025年6月18日")) from None


_CLOCK = re.compile(
    r"\s*(上午|下午|晚上)?\s*(\d{1,2})\s*(?:[:：时点]\s*(\d{1,2})?\s*分?)?\s*",
)


@dataclass(frozen=True, slots=True)
class Moment(Kind):
    """A date and time; text such as 2025年6月18日 9:30 or 2025年6月18日下午3时 is read too."""

    def write(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            # a cell holds no time zone: the time would come back another value
            raise Bad(N_("the time {time} names a time zone, which a cell cannot hold"), time=value)
        return value

    def read(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime | dt.time):
            value = dt.datetime.combine(value, dt.time())
        if isinstance(value, dt.datetime):
            if value.time() == dt.time():  # a date cell: no interview is held at midnight
                raise Bad(N_("a date without the time of day: write it as 2025年6月18日 9:30"))
            return value
        text = str(value).strip()
        m = re.fullmatch(r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(.*)", text)
        clock = _CLOCK.fullmatch(m[2]) if m and m[2].strip() else None
        if not m or not clock:
            raise Bad(N_("not a date and time such as 2025年6月18日 9:30"))
        hour, minute = int(clock[2]), int(clock[3] or 0)
        if clock[1] in ("下午", "晚上") and hour < 12:
            hour += 12
        try:
            return dt.datetime.combine(parse_date(m[1]), dt.time(hour, minute))
        except ValueError:
            raise Bad(N_("not a date and time such as 2025年6月18日 9:30")) from None


def _labels(labels: Mapping[Any, str], ctx: Context) -> dict[str, Any]:
    """Every way a choice may be written (each language's label, the case's own spelling)."""
    out: dict[str, Any] = {}
    for value, msgid in labels.items():
        for lang in LANGS:
            out[t(msgid, lang).casefold()] = value
        out[str(value).casefold()] = value
    return out


@dataclass(frozen=True, slots=True)
class Choice(Kind):
    """One of a fixed list, shown by its label: a drop-down."""

    labels: Mapping[Any, str] = field(default_factory=dict)  # case value → msgid

    def write(self, value: Any, ctx: Context) -> Any:
        return None if value is None else t(self.labels[value], ctx.lang)

    def read(self, value: Any, ctx: Context) -> Any:
        found = _labels(self.labels, ctx).get(_text(value).casefold())
        if found is None:
            raise Bad(N_("choose one of {choices}"), choices=SEP.join(self.choices(ctx)))
        return found

    def choices(self, ctx: Context) -> list[str]:
        return [t(msgid, ctx.lang) for msgid in self.labels.values()]


YES_NO = {True: N_("yes"), False: N_("no")}


@dataclass(frozen=True, slots=True)
class Grade(Kind):
    """A grade of the case's own scheme: a drop-down of its grades."""

    def choices(self, ctx: Context) -> list[str]:
        return list(ctx.grades)


# Offices separate names with 、 and, as GB/T 9704 does in 抄送, with ，; some type , ; or spaces.
_SEPARATORS = re.compile(r"[、，,；;]+")
_SPACES = re.compile(r"[、，,；;\s]+")


def _joined(items: list[str], what: str, spaces: bool = False) -> str:
    """`items` in one cell: separated by 、, or one a line where an item holds a separator."""
    if any("\n" in item for item in items):
        raise Bad(N_("a {what} holds a line break: a cell cannot keep it apart"), what=what)
    apart = _SPACES if spaces else _SEPARATORS
    return ("\n" if any(apart.search(_outside(item)) for item in items) else SEP).join(items)


def _outside(text: str) -> str:
    """`text` without what stands in brackets: a 、 inside （） separates nothing."""
    return re.sub(r"（[^（）]*）|\([^()]*\)", "", text)


def _split(value: Any, spaces: bool = False) -> list[str]:
    """The items of a cell: one a line, else split at each separator outside brackets (and at
    spaces, for plain names)."""
    text = _text(value)
    if "\n" in text:
        parts = text.splitlines()
    else:
        apart = _SPACES if spaces else _SEPARATORS
        parts, depth, start = [], 0, 0
        for m in re.finditer(r"[（(]|[）)]|" + apart.pattern, text):
            if m[0] in "（(":
                depth += 1
            elif m[0] in "）)":
                depth = max(depth - 1, 0)
            elif depth == 0:
                parts.append(text[start : m.start()])
                start = m.end()
        parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


@dataclass(frozen=True, slots=True)
class Names(Kind):
    """Names in one cell separated by 、 (， , ； and spaces read too; one a line where a name
    holds one of them)."""

    def write(self, value: Any, ctx: Context) -> Any:
        if not value:
            return None
        return _joined([str(v) for v in value], "name", spaces=True)

    def read(self, value: Any, ctx: Context) -> Any:
        return _split(value, spaces=True)


@dataclass(frozen=True, slots=True)
class Lines(Kind):
    """Sentences in one cell, one a line."""

    def write(self, value: Any, ctx: Context) -> Any:
        if not value:
            return None
        if any("\n" in item for item in value):
            raise Bad(N_("a {what} holds a line break: a cell cannot keep it apart"), what="line")
        return "\n".join(value)

    def read(self, value: Any, ctx: Context) -> Any:
        return [line.strip() for line in _text(value).splitlines() if line.strip()]


_PAIR = re.compile(r"([^（）]+)（(.+)）")


@dataclass(frozen=True, slots=True)
class Persons(Kind):
    """People written 姓名（职务）, separated by 、."""

    def write(self, value: Any, ctx: Context) -> Any:
        if not value:
            return None
        for p in value:
            if "（" in p["name"]:
                raise Bad(N_("the name {name} holds a bracket （"), name=p["name"])
        return _joined([f"{p['name']}（{p['post']}）" for p in value], "person")

    def read(self, value: Any, ctx: Context) -> Any:
        out = []
        for item in _split(value):
            m = _PAIR.fullmatch(item)
            if not m:
                raise Bad(N_("write each person as 姓名（职务）: {item}"), item=item)
            out.append({"name": m[1].strip(), "post": m[2].strip()})
        return out


@dataclass(frozen=True, slots=True)
class Voters(Kind):
    """Groups entitled to vote, written 名称（21人）, separated by 、."""

    def write(self, value: Any, ctx: Context) -> Any:
        if not value:
            return None
        return _joined([f"{g['name']}（{g['entitled']}人）" for g in value], "group")

    def read(self, value: Any, ctx: Context) -> Any:
        out = []
        for item in _split(value):
            m = re.fullmatch(r"(.+)（\s*(\d{1,6})\s*人\s*）", item)
            if not m:
                raise Bad(N_("write each group as 名称（21人）: {item}"), item=item)
            out.append({"name": m[1].strip(), "entitled": int(m[2])})
        return out


@dataclass(frozen=True, slots=True)
class Headed(Kind):
    """Headings with their paragraph, one a line: 标题：内容."""

    def write(self, value: Any, ctx: Context) -> Any:
        if not value:
            return None
        for item in value:
            if "：" in item["title"] or "\n" in item["text"]:
                msgid = N_("the heading {title} holds a ：, or its text a line break")
                raise Bad(msgid, title=item["title"])
        return "\n".join(f"{i['title']}：{i['text']}" for i in value)

    def read(self, value: Any, ctx: Context) -> Any:
        out = []
        for line in _text(value).splitlines():
            if not line.strip():
                continue
            title, colon, text = line.partition("：")
            if not colon:
                raise Bad(N_("write each item on a line as 标题：内容: {item}"), item=line.strip())
            out.append({"title": title.strip(), "text": text.strip()})
        return out


@dataclass(frozen=True, slots=True)
class Share(Kind):
    """A share written as a fraction, 1/2 or 2/3, kept as text so Excel takes it for no date."""

    def read(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, dt.date):
            raise Bad(N_("Excel took the share for a date: format the cell as text and write 1/2"))
        text = _text(value).replace("／", "/")
        if not re.fullmatch(r"\d+/[1-9]\d*", text):
            raise Bad(N_("write the share as a fraction such as 1/2 or 2/3"))
        return text


CLASSES = {
    "commended": N_("grade class: commended"),
    "passed": N_("grade class: passed"),
    "short": N_("grade class: short"),
    "failed": N_("grade class: failed"),
}


@dataclass(frozen=True, slots=True)
class Grading(Kind):
    """A preset named by its grades (优秀/良好/合格/不合格), or each grade with its class."""

    def write(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, str):
            return value
        items = []
        for g in value["grades"]:
            if any(c in g["name"] for c in "/（"):
                raise Bad(N_("the grade {name} holds a / or a （"), name=g["name"])
            items.append(f"{g['name']}（{t(CLASSES[str(g['class'])], ctx.lang)}）")
        return "/".join(items)

    def read(self, value: Any, ctx: Context) -> Any:
        text = _text(value).replace("／", "/")
        if "（" not in text:
            return text
        classes = _labels(CLASSES, ctx)
        grades = []
        for item in text.split("/"):
            m = _PAIR.fullmatch(item.strip())
            cls = classes.get(m[2].strip().casefold()) if m else None
            if not m or cls is None:
                choices = SEP.join(t(msgid, ctx.lang) for msgid in CLASSES.values())
                raise Bad(
                    N_("write each grade as 名称（{choices}）: {item}"), choices=choices, item=item
                )
            grades.append({"name": m[1].strip(), "class": cls})
        return {"grades": grades}
