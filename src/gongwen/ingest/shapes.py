"""What a line's text and its place say about it: the patterns and layout tests role reading
shares (the front, the end and the main text of a 公文 alike).

Each test tolerates unknown formatting (None), as for a line taken from a PDF.
"""

from __future__ import annotations

import re

from gongwen.forms import BLANK_DATE, HEADING_PATTERNS, NUMERIC_DATE, is_instruction
from gongwen.forms import WRITTEN_DATE as DATE
from gongwen.model import Alignment, Paragraph, Role

DOC_KIND = re.compile(r"报告|通知|通报|决定|决议|请示|批复|意见|函|纪要|公告|通告|议案")
ENDS_WITH_COLON = re.compile(r"[：:]$")
ATTACHMENT_NOTE = re.compile(r"^附\s*件\s*[：:]")
ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[：:]\s*1\s*[.．]")  # 附件：1. …, more lines follow
ATTACHMENT_ITEM = re.compile(r"^\d{1,2}\s*[.．]")
# 附件, 附件2, and a label with a remark: 附件1（可选）, 附件2（样表）
ATTACHMENT_HEAD = re.compile(r"^附\s*件\s*\d*\s*(?:[（(][^（()）]{1,10}[）)])?$")
NOTE = re.compile(r"^[（(].*[）)]$")
IMPRINT = re.compile(r"^(?:抄\s*送|抄\s*报)\s*[：:]|印\s*发$")
CLOSING = re.compile(r"^(?:特此|此复|此致|敬礼)")
SENTENCE_END = re.compile(r"[。！？；!?;：:]")
# 表1 …, 图 2：…, 附表1-1 …: a caption, short and no sentence
CAPTION = re.compile(
    r"^附?[表图]\s*[\d一二三四五六七八九十]+(?:\s*[-－.．]\s*\d+)?(?:[\s：:　\u4e00-\u9fff]|$)"
)
SENTENCE = re.compile(r"[，。！？；,!?;]")  # a caption has none of these
CAPTION_STYLE = re.compile(r"^(?:caption|题注)$", re.IGNORECASE)
# Word's built-in heading styles, as styles.xml names them (WPS too), and their Chinese names
HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)

HEADING_MAX = 40  # characters of a heading, or of its first sentence when the text runs on
SHORT_LINE = 30  # 署名 lines, 主送 lines: short by nature
RIGHT_SIDE_CHARS = 8  # 字 of indent that put a line on the right, as a 署名 is set
TITLE_NOTE = 80  # characters of a 题注 under a title (date, meeting, how it was adopted)
BYLINE_INDENT = 4  # 字 in from the left: a PDF line set apart under its title
JOINT_MAX = 8  # 署名 lines above a date: a 联合行文 stacks one issuer a line (7.3.5.2)
TITLE_MIN_PT = 18.0  # 小二; a title is 二号 (22 pt), anything from 小二 up reads as one
# ---------------------------------------------------------------------------------------
TRAILING_PUNCTUATION = re.compile(r"[。！？；：，、,.!?;:]$")

Assigned = dict[int, tuple[Role, int | None]]  # paragraph index → (role, heading level)


def heading_level(text: str) -> int | None:
    """The heading level (1–4) of a paragraph by its numbering, or None if it is no heading."""
    text = text.strip()
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(text):
            first = SENTENCE_END.split(text, maxsplit=1)[0]
            return level if len(text) <= HEADING_MAX or len(first) <= HEADING_MAX else None
    return None


def is_date(text: str) -> bool:
    """Whether the text is only a date (any of the forms people write, right or wrong, or a
    template's blank date: 20XX年X月X日, ____年__月__日)."""
    text = text.strip()
    return bool(DATE.match(text) or NUMERIC_DATE.match(text) or BLANK_DATE.match(text))


def is_signature(p: Paragraph) -> bool:
    text = p.text.strip()
    if is_instruction(text):  # "[此处输入正文内容]" is no 署名, however short
        return False
    if len(text) > SHORT_LINE or TRAILING_PUNCTUATION.search(text) or "。" in text:
        return False
    return not (is_structural(text) or CLOSING.match(text))


def is_right_side(p: Paragraph) -> bool:
    if p.alignment == Alignment.RIGHT:
        return True
    if (p.indent_right_chars or 0) > 0 or (p.indent_right is not None and p.indent_right > 0):
        return True
    indent = indent_chars(p)
    return (indent or 0) >= RIGHT_SIDE_CHARS or p.text.startswith(("    ", "\u3000\u3000\u3000"))


def is_structural(text: str) -> bool:
    """Text whose own form gives its role: a heading, a date, an attachment note."""
    return bool(heading_level(text) or is_date(text) or ATTACHMENT_NOTE.match(text))


def indent_chars(p: Paragraph) -> float | None:
    """The indent of the first line from the left margin, in 字; None when unknown."""
    first = p.indent_first_chars
    left = p.indent_left_chars
    unit = p.dominant_size() or 16.0
    if first is None and p.indent_first is not None:
        first = p.indent_first.pt / unit
    if left is None and p.indent_left is not None:
        left = p.indent_left.pt / unit
    if first is None and left is None:
        return None
    return (first or 0.0) + (left or 0.0)
