"""发文字号 (only when present): `机关代字〔2020〕5号`, year in 六角括号, no 第, no leading zero.

The brackets must be 〔 〕 (U+3014, U+3015), never [ ] 【 】 ( ) （ ）; the year is written
in full; the serial number has no leading zeros and ends with 号. No parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.forms import DOC_NUMBER_LINE, SERIAL_LINE, has_blank
from gongwen.i18n import N_
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {}

_FORM = re.compile(r"(?P<agency>\S*?)(?P<open>[〔\[【(（])\s*(?P<year>\d+)\s*(?P<close>[〕\]】)）])"
                   r"\s*(?P<di>第?)\s*(?P<serial>\d+)\s*(?P<hao>号?)")  # fmt: skip
RIGHT_FORM = "〔2020〕5号"


def problems(text: str) -> list[str]:
    """What is wrong with the form of the 发文字号 `text` (msgids)."""
    m = _FORM.search(text)
    if m is None:
        return [N_("not of the form 机关代字〔年份〕序号号")]
    found = []
    if m["open"] != "〔" or m["close"] != "〕":
        found.append(N_("the year must be in 六角括号 〔 〕"))
    if len(m["year"]) != 4:
        found.append(N_("the year is not written in full"))
    if m["di"]:
        found.append(N_("no 第 before the serial number"))
    if len(m["serial"]) > 1 and m["serial"].startswith("0"):
        found.append(N_("the serial number has a leading zero"))
    if not m["hao"]:
        found.append(N_("the serial number must end with 号"))
    return found


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per problem of each 发文字号 paragraph (not a 令号 or 期号, not a template's
    blank 〔20XX〕X号: there is no number to judge yet)."""
    for p in doc.with_role(Role.DOC_NUMBER):
        text = p.text.strip()
        if SERIAL_LINE.match(text) or _left_blank(text):
            continue
        for msgid in problems(p.text):
            yield Hit(msgid, paragraph=p, expected=RIGHT_FORM, actual=p.text.strip())


def _left_blank(text: str) -> bool:
    """Whether the year or the serial number is still to be filled in."""
    m = DOC_NUMBER_LINE.match(text)
    if m is None:
        return False
    return not m["year"] or not m["serial"] or has_blank(m["year"] + m["serial"])
