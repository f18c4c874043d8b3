"""The front of a 公文: its 版头 (ingest/masthead.py), the title, bylines and the 主送."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gongwen.ingest.masthead import is_red, masthead
from gongwen.ingest.shapes import (
    BYLINE_INDENT,
    DOC_KIND,
    ENDS_WITH_COLON,
    HEADING_MAX,
    NOTE,
    SHORT_LINE,
    TITLE_MIN_PT,
    TITLE_NOTE,
    TRAILING_PUNCTUATION,
    Assigned,
    heading_level,
    indent_chars,
    is_structural,
)  # fmt: skip
from gongwen.model import Alignment, Paragraph, Part, Role


def front(ps: Sequence[Paragraph], main: list[int], assigned: Assigned) -> int:
    """Assign the front roles (a red mark set in a box among them); the position in `main`
    where the main text starts."""
    start = _lines(ps, main, assigned)
    _boxed_mark(ps, main[:start], assigned)
    return start


def _lines(ps: Sequence[Paragraph], main: list[int], assigned: Assigned) -> int:
    """The 版头, title, bylines and 主送 read from the first lines of the text."""
    roles = masthead(ps, main)
    for k, role in enumerate(roles):
        assigned[main[k]] = (role, None)
    k = len(roles)
    if k == len(main) or not _starts_title(ps[main[k]]):
        return k
    assigned[main[k]] = (Role.TITLE, None)
    k += 1
    while k < len(main) and _continues_title(ps[main[k - 1]], ps[main[k]]):
        assigned[main[k]] = (Role.TITLE, None)
        k += 1
    bylines = 0  # a name line and a date line, at most
    while k < len(main) and bylines < 2:
        lines = _byline_lines(ps, main, k)
        for i in main[k : k + lines]:
            assigned[i] = (Role.BYLINE, None)
        k, bylines = k + lines, bylines + 1 if lines else 2
    if k < len(main) and _is_recipient(ps[main[k]]):
        assigned[main[k]] = (Role.RECIPIENT, None)
        k += 1
    return k


def _boxed_mark(ps: Sequence[Paragraph], front: list[int], assigned: Assigned) -> None:
    """A mark set in a table (a joint mark: names stacked, 文件 beside them) or in a text box
    (as WPS templates do) above the 发文字号: red text there is the mark, not body text."""
    number = next((i for i in front if assigned[i][0] == Role.DOC_NUMBER), None)
    for i in range(number or 0):
        if ps[i].part in (Part.TABLE, Part.TEXTBOX) and is_red(ps[i]):
            assigned[i] = (Role.ISSUER_MARK, None)


def _starts_title(p: Paragraph) -> bool:
    text = p.text.strip()
    if is_structural(text) or ENDS_WITH_COLON.search(text) or text.endswith("。"):
        return False
    if p.alignment == Alignment.CENTER or (p.dominant_size() or 0) >= TITLE_MIN_PT:
        return True
    # a title set flush left, or one from a PDF: known by its 文种 and its shape
    return bool(DOC_KIND.search(text)) and len(text) <= 60 and not re.search("[，。,]", text)


def _continues_title(previous: Paragraph, p: Paragraph) -> bool:
    text = p.text.strip()
    if is_structural(text) or TRAILING_PUNCTUATION.search(text) or len(text) > HEADING_MAX:
        return False
    own, before = p.dominant_size(), previous.dominant_size()
    if own is not None and before is not None:
        same_look = abs(own - before) <= 0.5 and own >= TITLE_MIN_PT
        aligned = p.alignment == previous.alignment
        return same_look and aligned and p.alignment in (Alignment.CENTER, None)
    # text only: a first line without its 文种 goes on to the line that ends with one
    return not DOC_KIND.search(previous.text) and bool(DOC_KIND.search(text[-3:]))


def _is_byline(p: Paragraph) -> bool:
    """A line under the title that names its author or date, set apart from the text; or the
    题注 of a decision, （2024年7月5日……会议通过）, which may run to a second line."""
    text = p.text.strip()
    if ENDS_WITH_COLON.search(text) or heading_level(text):
        return False
    if NOTE.match(text):  # （2020年3月20日）, （市财政局局长 张伟）, a 题注
        return len(text) <= TITLE_NOTE and p.alignment in (Alignment.CENTER, None)
    if len(text) > SHORT_LINE or TRAILING_PUNCTUATION.search(text):
        return False
    if p.alignment is None:  # a PDF's line: set well in from the left, as a centred one is
        return (indent_chars(p) or 0) >= BYLINE_INDENT
    return p.alignment == Alignment.CENTER


def _byline_lines(ps: Sequence[Paragraph], main: list[int], k: int) -> int:
    """How many lines from main[k] make a byline: 1, 2 for a 题注 a PDF gives in two lines
    （2024年7月5日……第十五次 / 会议通过）, or 0."""
    if _is_byline(ps[main[k]]):
        return 1
    first = ps[main[k]]
    if first.alignment is not None or k + 1 >= len(main) or not first.text.strip().startswith("（"):
        return 0
    both = first.text.strip() + ps[main[k + 1]].text.strip()
    return 2 if NOTE.match(both) and len(both) <= TITLE_NOTE else 0


def _is_recipient(p: Paragraph) -> bool:
    text = p.text.strip()
    if not ENDS_WITH_COLON.search(text) or len(text) > 60 or "如下" in text:
        return False
    if re.search("[。；;]", text) or is_structural(text):
        return False
    if p.alignment in (Alignment.CENTER, Alignment.RIGHT):
        return False
    indent = indent_chars(p)
    return indent is None or abs(indent) < 0.5
