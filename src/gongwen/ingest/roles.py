"""Roles: what each paragraph is (title, 主送, heading, 署名, 成文日期, 版记 …).

Recognised from text first and layout second, so that it also works when formatting
is unknown (None), as for text taken from a PDF. Wrong forms that a check must flag
(〔〕 written as [] or （）, half-width "(一)", "2020年03月20日", "二〇二〇年") are
recognised on purpose: a check can only flag what was found.

The document is read in three stretches of its non-empty body paragraphs: the front
(版头 elements, title, 主送), the end (署名, 成文日期, 附注, 附件, 版记, found from the
back), and the main text between them (headings, 附件说明, body). When the body has no
署名 or 成文日期, the text boxes and tables after its last paragraph are read for them too:
a 署名 and date are often set in a text box, a frame or a borderless table to place them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gongwen.forms import HEADING_PATTERNS, NUMERIC_DATE, PAGE_NUMBER
from gongwen.forms import WRITTEN_DATE as DATE
from gongwen.model import Alignment, Paragraph, Part, Role

# ---- the patterns, written once -------------------------------------------------------
DOC_NUMBER = re.compile(
    r"^[^\s〔\[【（(［]{1,20}\s*[〔\[【（(［]\s*\d{4}\s*[〕\]】）)］]\s*第?\s*\d+\s*号$"
)
ISSUER_MARK = re.compile(r"文件$")
COPY_NUMBER = re.compile(r"^\d{6}$")
SECRECY = re.compile(r"^(?:绝密|机密|秘密)(?:\s*[★*]|$)")
URGENCY = re.compile(r"^(?:特急|加急|特提|平急)$")
SIGNER = re.compile(r"签发人\s*[：:]")
DOC_KIND = re.compile(r"报告|通知|通报|决定|决议|请示|批复|意见|函|纪要|公告|通告|议案")
ENDS_WITH_COLON = re.compile(r"[：:]$")
ATTACHMENT_NOTE = re.compile(r"^附\s*件\s*[：:]")
ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[：:]\s*1\s*[.．]")  # 附件：1. …, more lines follow
ATTACHMENT_ITEM = re.compile(r"^\d{1,2}\s*[.．]")
ATTACHMENT_HEAD = re.compile(r"^附\s*件\s*\d*$")
NOTE = re.compile(r"^[（(].*[）)]$")
IMPRINT = re.compile(r"^(?:抄\s*送|抄\s*报)\s*[：:]|印\s*发$")
CLOSING = re.compile(r"^(?:特此|此复|此致|敬礼)")
SENTENCE_END = re.compile(r"[。！？；!?;：:]")
TRAILING_PUNCTUATION = re.compile(r"[。！？；：，、,.!?;:]$")

HEADING_MAX = 40  # characters of a heading, or of its first sentence when the text runs on
SHORT_LINE = 30  # 署名 lines, 主送 lines: short by nature
TITLE_MIN_PT = 18.0  # 小二; a title is 二号 (22 pt), anything from 小二 up reads as one
RED_MIN, RED_MAX_GB = 0xC0, 0x60
# ---------------------------------------------------------------------------------------

_Assigned = dict[int, tuple[Role, int | None]]


def assign_roles(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs with `role` (and `heading_level`) set, as new values."""
    assigned: _Assigned = {}
    main: list[int] = []
    for i, p in enumerate(paragraphs):
        text = p.text.strip()
        if not text:
            assigned[i] = (Role.EMPTY, None)
        elif p.part == Part.TABLE:
            assigned[i] = (Role.TABLE, None)
        elif p.part in (Part.HEADER, Part.FOOTER):
            assigned[i] = (_header_footer_role(p, text), None)
        elif p.part == Part.TEXTBOX:
            assigned[i] = (Role.IMPRINT if IMPRINT.search(text) else Role.BODY, None)
        else:
            main.append(i)
    start = _front(paragraphs, main, assigned)
    end = _end(paragraphs, main, start, assigned)
    if end == len(main):
        end = _end_in_boxes(paragraphs, main, start, assigned)
    _main_text(paragraphs, main[start:end], assigned)
    result = []
    for i, p in enumerate(paragraphs):
        role, level = assigned.get(i, (Role.BODY, None))
        unchanged = p.role == role and p.heading_level == level
        # values are frozen: one that already says the right thing can be shared
        result.append(p if unchanged else p.with_role(role, level))
    return result


def heading_level(text: str) -> int | None:
    """The heading level (1–4) of a paragraph by its numbering, or None if it is no heading."""
    text = text.strip()
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(text):
            first = SENTENCE_END.split(text, maxsplit=1)[0]
            return level if len(text) <= HEADING_MAX or len(first) <= HEADING_MAX else None
    return None


def is_date(text: str) -> bool:
    """Whether the text is only a date (any of the forms people write, right or wrong)."""
    text = text.strip()
    return bool(DATE.match(text) or NUMERIC_DATE.match(text))


def _header_footer_role(p: Paragraph, text: str) -> Role:
    if "PAGE" in p.fields or PAGE_NUMBER.match(text):
        return Role.PAGE_NUMBER
    return Role.HEADER if p.part == Part.HEADER else Role.FOOTER


# ---- front: 版头, title, 主送 ------------------------------------------------------------


def _front(ps: Sequence[Paragraph], main: list[int], assigned: _Assigned) -> int:
    """Assign the front roles; the position in `main` where the main text starts."""
    k = 0
    while k < len(main):
        role = _masthead_role(ps[main[k]])
        if role is None:
            break
        assigned[main[k]] = (role, None)
        k += 1
    if k == len(main) or not _starts_title(ps[main[k]]):
        return k
    assigned[main[k]] = (Role.TITLE, None)
    k += 1
    while k < len(main) and _continues_title(ps[main[k - 1]], ps[main[k]]):
        assigned[main[k]] = (Role.TITLE, None)
        k += 1
    if k < len(main) and _is_recipient(ps[main[k]]):
        assigned[main[k]] = (Role.RECIPIENT, None)
        k += 1
    return k


def _masthead_role(p: Paragraph) -> Role | None:
    """份号, 密级, 紧急程度, 发文机关标志, 发文字号 or 签发人, or None."""
    text = p.text.strip()
    if COPY_NUMBER.match(text):
        return Role.COPY_NUMBER
    if SECRECY.match(text):
        return Role.SECRECY
    if URGENCY.match(text):
        return Role.URGENCY
    if SIGNER.search(text) and len(text) <= HEADING_MAX:
        return Role.SIGNER
    if DOC_NUMBER.match(text):
        return Role.DOC_NUMBER
    if _is_issuer_mark(p, text):
        return Role.ISSUER_MARK
    return None


def _is_issuer_mark(p: Paragraph, text: str) -> bool:
    if len(text) > HEADING_MAX or TRAILING_PUNCTUATION.search(text):
        return False
    if ISSUER_MARK.search(text):
        size = _size(p)
        return _is_red(p) or p.alignment in (Alignment.CENTER, None) or (size or 0) >= 22
    # a mark may be the name alone: then only its look tells it from a title
    return _is_red(p) and p.alignment == Alignment.CENTER and (_size(p) or 0) >= 26


def _starts_title(p: Paragraph) -> bool:
    text = p.text.strip()
    if _is_structural(text) or ENDS_WITH_COLON.search(text) or text.endswith("。"):
        return False
    if p.alignment == Alignment.CENTER or (_size(p) or 0) >= TITLE_MIN_PT:
        return True
    # a title set flush left, or one from a PDF: known by its 文种 and its shape
    return bool(DOC_KIND.search(text)) and len(text) <= 60 and not re.search("[，。,]", text)


def _continues_title(previous: Paragraph, p: Paragraph) -> bool:
    text = p.text.strip()
    if _is_structural(text) or TRAILING_PUNCTUATION.search(text) or len(text) > HEADING_MAX:
        return False
    size, before = _size(p), _size(previous)
    if size is not None and before is not None:
        same_look = abs(size - before) <= 0.5 and size >= TITLE_MIN_PT
        aligned = p.alignment == previous.alignment
        return same_look and aligned and p.alignment in (Alignment.CENTER, None)
    # text only: a first line without its 文种 goes on to the line that ends with one
    return not DOC_KIND.search(previous.text) and bool(DOC_KIND.search(text[-3:]))


def _is_recipient(p: Paragraph) -> bool:
    text = p.text.strip()
    if not ENDS_WITH_COLON.search(text) or len(text) > 60 or "如下" in text:
        return False
    if re.search("[。；;]", text) or _is_structural(text):
        return False
    if p.alignment in (Alignment.CENTER, Alignment.RIGHT):
        return False
    indent = _indent_chars(p)
    return indent is None or abs(indent) < 0.5


# ---- end: 署名, 成文日期, 附注, 附件, 版记 -------------------------------------------------


def _end(ps: Sequence[Paragraph], main: list[int], start: int, assigned: _Assigned) -> int:
    """Assign the end roles; the position in `main` where the main text ends."""
    end = len(main)
    while end > start and IMPRINT.search(ps[main[end - 1]].text.strip()):
        end -= 1
        assigned[main[end]] = (Role.IMPRINT, None)
    date = _find_date(ps, main, start, end)
    if date is None:
        if end > start and _is_right_side(ps[main[end - 1]]) and _is_signature(ps[main[end - 1]]):
            assigned[main[end - 1]] = (Role.SIGNATURE, None)
            return end - 1
        return end
    assigned[main[date]] = (Role.DATE, None)
    k = date + 1
    while k < end and NOTE.match(ps[main[k]].text.strip()):
        assigned[main[k]] = (Role.NOTE, None)
        k += 1
    in_attachment = False
    for i in main[k:end]:
        in_attachment = in_attachment or bool(ATTACHMENT_HEAD.match(ps[i].text.strip()))
        if in_attachment:
            assigned[i] = (Role.ATTACHMENT, None)
    first = date
    while first - 1 >= start and date - first < 3 and _is_signature(ps[main[first - 1]]):
        first -= 1
        assigned[main[first]] = (Role.SIGNATURE, None)
    return first


def _end_in_boxes(ps: Sequence[Paragraph], main: list[int], start: int, assigned: _Assigned) -> int:
    """The 署名 and 成文日期 in the text boxes and tables that follow the body's last paragraph;
    the position in `main` where the main text ends."""
    last = main[-1] if main else -1
    boxed = [
        i
        for i in range(last + 1, len(ps))
        if ps[i].part in (Part.TEXTBOX, Part.TABLE) and ps[i].text.strip()
    ]
    trial = dict(assigned)
    end = _end(ps, main + boxed, start, trial)
    if not {trial[i][0] for i in boxed} & {Role.DATE, Role.SIGNATURE}:
        return len(main)
    assigned.update(trial)  # the boxes' own text keeps its role: table, or body in a text box
    return min(end, len(main))


def _find_date(ps: Sequence[Paragraph], main: list[int], start: int, end: int) -> int | None:
    """The position of the 成文日期: a date-only paragraph that closes the main text."""
    for k in range(start, end):
        if not is_date(ps[main[k]].text):
            continue
        rest = [ps[i] for i in main[k + 1 : end] if not NOTE.match(ps[i].text.strip())]
        if not rest or _opens_back_matter(rest[0]):
            return k
        if len(rest) <= 2 and not any(heading_level(p.text) for p in rest):
            return k
    return None


def _opens_back_matter(p: Paragraph) -> bool:
    text = p.text.strip()
    return p.page_break_before or bool(ATTACHMENT_HEAD.match(text) or IMPRINT.search(text))


def _is_signature(p: Paragraph) -> bool:
    text = p.text.strip()
    if len(text) > SHORT_LINE or TRAILING_PUNCTUATION.search(text) or "。" in text:
        return False
    return not (_is_structural(text) or CLOSING.match(text))


def _is_right_side(p: Paragraph) -> bool:
    if p.alignment == Alignment.RIGHT:
        return True
    if (p.indent_right_chars or 0) > 0 or (p.indent_right is not None and p.indent_right > 0):
        return True
    indent = _indent_chars(p)
    return (indent or 0) >= 8 or p.text.startswith(("    ", "\u3000\u3000\u3000"))


# ---- main text ---------------------------------------------------------------------------


def _main_text(ps: Sequence[Paragraph], indices: list[int], assigned: _Assigned) -> None:
    """Headings, 附件说明 and body."""
    in_list = False
    for i in indices:
        text = ps[i].text.strip()
        if ATTACHMENT_NOTE.match(text):
            assigned[i] = (Role.ATTACHMENT_NOTE, None)
            in_list = bool(ATTACHMENT_LIST.match(text))
            continue
        if in_list and ATTACHMENT_ITEM.match(text):
            assigned[i] = (Role.ATTACHMENT_NOTE, None)
            continue
        in_list = False
        level = heading_level(text)
        assigned[i] = (Role.HEADING, level) if level else (Role.BODY, None)


# ---- layout helpers (each tolerates unknown formatting) -----------------------------------


def _is_structural(text: str) -> bool:
    """Text whose own form gives its role: a heading, a date, an attachment note."""
    return bool(heading_level(text) or is_date(text) or ATTACHMENT_NOTE.match(text))


def _size(p: Paragraph) -> float | None:
    """The size of most of the paragraph's characters."""
    sizes: dict[float, int] = {}
    for run in p.runs:
        if run.size_pt is not None and run.text.strip():
            sizes[run.size_pt] = sizes.get(run.size_pt, 0) + len(run.text.strip())
    return max(sizes, key=sizes.__getitem__) if sizes else None


def _is_red(p: Paragraph) -> bool:
    """Whether most of the visible characters are red."""
    red = total = 0
    for run in p.runs:
        count = len(run.text.strip())
        total += count
        color = run.color or ""
        if len(color) == 6 and all(c in "0123456789ABCDEFabcdef" for c in color):
            r, g, b = (int(color[j : j + 2], 16) for j in (0, 2, 4))
            if r >= RED_MIN and g <= RED_MAX_GB and b <= RED_MAX_GB:
                red += count
    return total > 0 and red * 2 > total


def _indent_chars(p: Paragraph) -> float | None:
    """The indent of the first line from the left margin, in 字; None when unknown."""
    first = p.indent_first_chars
    left = p.indent_left_chars
    size = _size(p) or 16.0
    if first is None and p.indent_first is not None:
        first = p.indent_first.pt / size
    if left is None and p.indent_left is not None:
        left = p.indent_left.pt / size
    if first is None and left is None:
        return None
    return (first or 0.0) + (left or 0.0)
