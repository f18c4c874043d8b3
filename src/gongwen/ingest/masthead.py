"""The 版头 as offices set it: the lines above the title, in all their real forms.

A 版头 may hold 份号, 密级, 紧急程度, the 发文机关标志 (one line, or several for a joint mark),
the 发文字号 (centred; flush left with the last 签发人 on its line in an 上行文; flush right
under a 信函格式 mark; or a 令号 or 纪要期号) and 签发人 lines, and, in a 纪要, a line with
the issuing office and the date. When a 发文字号 stands among the first lines, every line
above it belongs to the 版头 whatever it looks like: a mark is known by its place before it is
known by its colour or size, which a template or an unusual mark may not have.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gongwen.colours import is_red as red_colour
from gongwen.forms import DOC_NUMBER_LINE, SERIAL_LINE, SIGNER_LINE
from gongwen.ingest.shapes import TRAILING_PUNCTUATION
from gongwen.model import Alignment, Paragraph, Role

COPY_NUMBER = re.compile(r"^\d{6}$")
SECRECY = re.compile(r"^(?:绝密|机密|秘密)(?:\s*[★*]|$)")
URGENCY = re.compile(r"^(?:特急|加急|特提|平急)$")
ISSUER_MARK = re.compile(r"(?:文件|纪要)$")
# a 纪要's line under its mark: the issuing office, then its date at the right
OFFICE_AND_DATE = re.compile(r"^\S{2,30}?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")

MARK_MAX = 40  # characters of a mark line
LOOK_AHEAD = 8  # the 发文字号 is looked for among this many first lines


def is_number_line(text: str) -> bool:
    """Whether the line is a 发文字号 (with or without the 签发人 beside it), 令号 or 期号."""
    return bool(DOC_NUMBER_LINE.match(text) or SERIAL_LINE.match(text))


def masthead(ps: Sequence[Paragraph], main: Sequence[int]) -> list[Role]:
    """The roles of the 版头 lines at the start of `main` (indices into `ps`), in order."""
    texts = [ps[i].text.strip() for i in main[:LOOK_AHEAD]]
    number = next((k for k, text in enumerate(texts) if is_number_line(text)), None)
    if number is not None and all(_may_stand_above_number(t) for t in texts[:number]):
        roles = [_above_number(ps[main[k]], texts[k]) for k in range(number)]
        roles.append(Role.DOC_NUMBER)
        k = number + 1
        while k < len(texts) and (SIGNER_LINE.match(texts[k]) or OFFICE_AND_DATE.match(texts[k])):
            roles.append(Role.SIGNER if SIGNER_LINE.match(texts[k]) else Role.MASTHEAD)
            k += 1
        return roles
    roles = []
    for i in main:
        role = _line_role(ps[i])
        if role is None:
            break
        roles.append(role)
    return roles


def _may_stand_above_number(text: str) -> bool:
    return len(text) <= MARK_MAX and not TRAILING_PUNCTUATION.search(text)


def _above_number(p: Paragraph, text: str) -> Role:
    role = _element(text)
    if role is not None:
        return role
    return Role.ISSUER_MARK if _looks_like_mark(p, text) else Role.MASTHEAD


def _element(text: str) -> Role | None:
    """份号, 密级, 紧急程度 or 签发人, known by their text."""
    if COPY_NUMBER.match(text):
        return Role.COPY_NUMBER
    if SECRECY.match(text):
        return Role.SECRECY
    if URGENCY.match(text):
        return Role.URGENCY
    if SIGNER_LINE.match(text):
        return Role.SIGNER
    return None


def _line_role(p: Paragraph) -> Role | None:
    """The role of a 版头 line with no 发文字号 to go by, or None when it is no 版头 line."""
    text = p.text.strip()
    role = _element(text)
    if role is not None:
        return role
    if DOC_NUMBER_LINE.match(text):
        return Role.DOC_NUMBER
    if len(text) > MARK_MAX or TRAILING_PUNCTUATION.search(text):
        return None
    if text.endswith("文件"):
        if is_red(p) or p.alignment in (Alignment.CENTER, None) or (p.dominant_size() or 0) >= 22:
            return Role.ISSUER_MARK
        return None
    # a mark may be the name alone (or a 纪要's): then only its look tells it from a title
    if is_red(p) and p.alignment == Alignment.CENTER and (p.dominant_size() or 0) >= 26:
        return Role.ISSUER_MARK
    return None


def _looks_like_mark(p: Paragraph, text: str) -> bool:
    """A line above the 发文字号 that is a mark: red, large, centred, or ending with 文件."""
    if ISSUER_MARK.search(text) or is_red(p) or (p.dominant_size() or 0) >= 22:
        return True
    return p.alignment in (Alignment.CENTER, None) and not OFFICE_AND_DATE.match(text)


def is_red(p: Paragraph) -> bool:
    """Whether most of the visible characters are red."""
    red = total = 0
    for run in p.runs:
        count = len(run.text.strip())
        total += count
        red += count if red_colour(run.color) else 0
    return total > 0 and red * 2 > total
