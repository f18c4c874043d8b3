"""Roles: what each paragraph is (title, 主送, heading, 署名, 成文日期, 版记 …).

Recognised from text first and layout second, so that it also works when formatting
is unknown (None), as for text taken from a PDF. Wrong forms that a check must flag
(〔〕 written as [] or （）, half-width "(一)", "2020年03月20日", "二〇二〇年") are
recognised on purpose: a check can only flag what was found.

The document is read in three stretches of its non-empty body paragraphs: the front
(版头 elements, title, bylines, 主送: ingest/front.py), the end (署名, 成文日期, 附注, 附件,
版记, found from the back), and the main text between them (headings, 附件说明, body).
When the body has no 署名 or 成文日期, the text boxes and tables after its last paragraph
are read for them too: a 署名 and date are often set in a text box, a frame or a
borderless table to place them.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongwen import forms
from gongwen.forms import PAGE_NUMBER
from gongwen.ingest.front import front
from gongwen.ingest.shapes import (
    ATTACHMENT_HEAD,
    ATTACHMENT_ITEM,
    ATTACHMENT_LIST,
    ATTACHMENT_NOTE,
    CAPTION,
    CAPTION_STYLE,
    HEADING_MAX,
    HEADING_STYLE,
    IMPRINT,
    JOINT_MAX,
    NOTE,
    RIGHT_SIDE_CHARS,
    SENTENCE,
    Assigned,
    heading_level,
    indent_chars,
    is_date,
    is_right_side,
    is_signature,
    is_structural,
)  # fmt: skip
from gongwen.model import Paragraph, Part, Role

__all__ = ["assign_roles", "heading_level", "is_date"]


def assign_roles(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs with `role` (and `heading_level`) set, as new values."""
    assigned: Assigned = {}
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
    start = front(paragraphs, main, assigned)
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


def _header_footer_role(p: Paragraph, text: str) -> Role:
    if "PAGE" in p.fields or PAGE_NUMBER.match(text):
        return Role.PAGE_NUMBER
    return Role.HEADER if p.part == Part.HEADER else Role.FOOTER


# ---- end: 署名, 成文日期, 附注, 附件, 版记 -------------------------------------------------


def _end(ps: Sequence[Paragraph], main: list[int], start: int, assigned: Assigned) -> int:
    """Assign the end roles; the position in `main` where the main text ends."""
    end = len(main)
    while end > start and _in_imprint(ps, main, end - 1, start):
        end -= 1
        assigned[main[end]] = (Role.IMPRINT, None)
    date = _find_date(ps, main, start, end)
    if date is None:
        if end > start and is_right_side(ps[main[end - 1]]) and is_signature(ps[main[end - 1]]):
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
        and is_signature(ps[main[first - 1]])
        and not _wraps_note(ps, main, first - 1)
        and (date - first < 3 or (date - first < JOINT_MAX and is_right_side(ps[main[first - 1]])))
    ):
        first -= 1
        assigned[main[first]] = (Role.SIGNATURE, None)
    if first == date and date > start:
        _boxed_signature(ps, range(main[date - 1] + 1, main[date]), assigned)
    return first


def _boxed_signature(ps: Sequence[Paragraph], between: range, assigned: Assigned) -> None:
    """A 署名 set in a table or text box right above a 成文日期 in the text: (joint) names."""
    boxed = [i for i in between if ps[i].part in (Part.TABLE, Part.TEXTBOX) and ps[i].text.strip()]
    if boxed and len(boxed) <= JOINT_MAX and all(is_signature(ps[i]) for i in boxed):
        for i in boxed:
            assigned[i] = (Role.SIGNATURE, None)


def _end_in_boxes(ps: Sequence[Paragraph], main: list[int], start: int, assigned: Assigned) -> int:
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


# ---- main text ---------------------------------------------------------------------------


def _main_text(ps: Sequence[Paragraph], indices: list[int], assigned: Assigned) -> None:
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
        elif _unnumbered_heading(ps[i], text):
            assigned[i] = (Role.HEADING, None)  # 前言, 结束语: a heading by its style alone
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
    if p.alignment is not None or is_structural(p.text.strip()) or is_right_side(p):
        return False
    indent = indent_chars(p)
    return indent is not None and 2 <= indent < RIGHT_SIDE_CHARS


def _styled_heading(p: Paragraph, text: str) -> int | None:
    """The level of a numbered heading longer than a heading runs, set in a heading style."""
    if p.style_name is None or not HEADING_STYLE.match(p.style_name):
        return None
    return forms.heading_level(text)


def _unnumbered_heading(p: Paragraph, text: str) -> bool:
    """A short line without a number or a sentence, set in a heading style (heading 1 …)."""
    if p.style_name is None or not HEADING_STYLE.match(p.style_name):
        return False
    return len(text) <= HEADING_MAX and not SENTENCE.search(text)


def _is_caption(p: Paragraph, text: str) -> bool:
    if p.style_name is not None and CAPTION_STYLE.match(p.style_name):
        return True
    return bool(CAPTION.match(text)) and len(text) <= HEADING_MAX and not SENTENCE.search(text)
