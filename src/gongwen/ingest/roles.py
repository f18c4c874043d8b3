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

from gongwen import forms
from gongwen.forms import BLANK_DATE, HEADING_PATTERNS, NUMERIC_DATE, PAGE_NUMBER, is_instruction
from gongwen.forms import WRITTEN_DATE as DATE
from gongwen.ingest.masthead import TRAILING_PUNCTUATION, is_red, masthead
from gongwen.model import Alignment, Paragraph, Part, Role

# ---- the patterns, written once -------------------------------------------------------
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
    _boxed_mark(paragraphs, main[:start], assigned)
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
    """Whether the text is only a date (any of the forms people write, right or wrong, or a
    template's blank date: 20XX年X月X日, ____年__月__日)."""
    text = text.strip()
    return bool(DATE.match(text) or NUMERIC_DATE.match(text) or BLANK_DATE.match(text))


def _header_footer_role(p: Paragraph, text: str) -> Role:
    if "PAGE" in p.fields or PAGE_NUMBER.match(text):
        return Role.PAGE_NUMBER
    return Role.HEADER if p.part == Part.HEADER else Role.FOOTER


# ---- front: 版头, title, 主送 ------------------------------------------------------------


def _front(ps: Sequence[Paragraph], main: list[int], assigned: _Assigned) -> int:
    """Assign the front roles; the position in `main` where the main text starts."""
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


def _boxed_mark(ps: Sequence[Paragraph], front: list[int], assigned: _Assigned) -> None:
    """A mark set in a table (a joint mark: names stacked, 文件 beside them) or in a text box
    (as WPS templates do) above the 发文字号: red text there is the mark, not body text."""
    number = next((i for i in front if assigned[i][0] == Role.DOC_NUMBER), None)
    for i in range(number or 0):
        if ps[i].part in (Part.TABLE, Part.TEXTBOX) and is_red(ps[i]):
            assigned[i] = (Role.ISSUER_MARK, None)


def _starts_title(p: Paragraph) -> bool:
    text = p.text.strip()
    if _is_structural(text) or ENDS_WITH_COLON.search(text) or text.endswith("。"):
        return False
    if p.alignment == Alignment.CENTER or (p.dominant_size() or 0) >= TITLE_MIN_PT:
        return True
    # a title set flush left, or one from a PDF: known by its 文种 and its shape
    return bool(DOC_KIND.search(text)) and len(text) <= 60 and not re.search("[，。,]", text)


def _continues_title(previous: Paragraph, p: Paragraph) -> bool:
    text = p.text.strip()
    if _is_structural(text) or TRAILING_PUNCTUATION.search(text) or len(text) > HEADING_MAX:
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
        return (_indent_chars(p) or 0) >= BYLINE_INDENT
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
    while end > start and _in_imprint(ps, main, end - 1, start):
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
    while (
        first - 1 >= start
        and _is_signature(ps[main[first - 1]])
        and not _wraps_note(ps, main, first - 1)
        and (date - first < 3 or (date - first < JOINT_MAX and _is_right_side(ps[main[first - 1]])))
    ):
        first -= 1
        assigned[main[first]] = (Role.SIGNATURE, None)
    if first == date and date > start:
        _boxed_signature(ps, range(main[date - 1] + 1, main[date]), assigned)
    return first


def _boxed_signature(ps: Sequence[Paragraph], between: range, assigned: _Assigned) -> None:
    """A 署名 set in a table or text box right above a 成文日期 in the text: (joint) names."""
    boxed = [i for i in between if ps[i].part in (Part.TABLE, Part.TEXTBOX) and ps[i].text.strip()]
    if boxed and len(boxed) <= JOINT_MAX and all(_is_signature(ps[i]) for i in boxed):
        for i in boxed:
            assigned[i] = (Role.SIGNATURE, None)


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


def _in_imprint(ps: Sequence[Paragraph], main: list[int], k: int, start: int) -> bool:
    """Whether main[k] is a 版记 line: 抄送 or 印发, or the wrapped rest of an 抄送 line above
    it (a PDF gives each line apart)."""
    if IMPRINT.search(ps[main[k]].text.strip()):
        return True
    above = ps[main[k - 1]].text.strip() if k - 1 >= start else ""
    return bool(IMPRINT.search(above)) and above.endswith(("，", "、", ","))


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
    if is_instruction(text):  # "[此处输入正文内容]" is no 署名, however short
        return False
    if len(text) > SHORT_LINE or TRAILING_PUNCTUATION.search(text) or "。" in text:
        return False
    return not (_is_structural(text) or CLOSING.match(text))


def _is_right_side(p: Paragraph) -> bool:
    if p.alignment == Alignment.RIGHT:
        return True
    if (p.indent_right_chars or 0) > 0 or (p.indent_right is not None and p.indent_right > 0):
        return True
    indent = _indent_chars(p)
    return (indent or 0) >= RIGHT_SIDE_CHARS or p.text.startswith(("    ", "\u3000\u3000\u3000"))


# ---- main text ---------------------------------------------------------------------------


def _main_text(ps: Sequence[Paragraph], indices: list[int], assigned: _Assigned) -> None:
    """Headings, 附件说明 and body."""
    in_list = False
    for k, i in enumerate(indices):
        text = ps[i].text.strip()
        if ATTACHMENT_NOTE.match(text):
            assigned[i] = (Role.ATTACHMENT_NOTE, None)
            in_list = bool(ATTACHMENT_LIST.match(text))
            continue
        if in_list and ATTACHMENT_ITEM.match(text):
            assigned[i] = (Role.ATTACHMENT_NOTE, None)
            continue
        if k and assigned.get(indices[k - 1], (None,))[0] == Role.ATTACHMENT_NOTE and _wraps(ps[i]):
            assigned[i] = (Role.ATTACHMENT_NOTE, None)  # the note's wrapped line, in a PDF
            continue
        in_list = False
        level = heading_level(text) or _styled_heading(ps[i], text)
        if level:
            assigned[i] = (Role.HEADING, level)
        elif _is_caption(ps[i], text):
            assigned[i] = (Role.CAPTION, None)
        else:
            assigned[i] = (Role.BODY, None)


def _wraps_note(ps: Sequence[Paragraph], main: list[int], k: int) -> bool:
    """Whether main[k] is the wrapped line of the 附件说明 above it."""
    if k == 0:
        return False
    above = ps[main[k - 1]].text.strip()
    return bool(ATTACHMENT_NOTE.match(above) or ATTACHMENT_ITEM.match(above)) and _wraps(
        ps[main[k]]
    )


def _wraps(p: Paragraph) -> bool:
    """A PDF's line set in under the one above, as an 附件说明 wraps after its 附件：: a .docx
    keeps the note one paragraph, and a PDF's line has no alignment, only its indent."""
    if p.alignment is not None or _is_structural(p.text.strip()) or _is_right_side(p):
        return False
    indent = _indent_chars(p)
    return indent is not None and 2 <= indent < RIGHT_SIDE_CHARS


def _styled_heading(p: Paragraph, text: str) -> int | None:
    """The level of a numbered heading longer than a heading runs, set in a heading style."""
    if p.style_name is None or not HEADING_STYLE.match(p.style_name):
        return None
    return forms.heading_level(text)


def _is_caption(p: Paragraph, text: str) -> bool:
    if p.style_name is not None and CAPTION_STYLE.match(p.style_name):
        return True
    return bool(CAPTION.match(text)) and len(text) <= HEADING_MAX and not SENTENCE.search(text)


# ---- layout helpers (each tolerates unknown formatting) -----------------------------------


def _is_structural(text: str) -> bool:
    """Text whose own form gives its role: a heading, a date, an attachment note."""
    return bool(heading_level(text) or is_date(text) or ATTACHMENT_NOTE.match(text))


def _indent_chars(p: Paragraph) -> float | None:
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
