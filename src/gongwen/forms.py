"""The text forms of a 公文, written once: heading numbers, dates, page numbers. Every reader
(.docx roles, the PDF's lines, the layout elements) and every check takes them from here."""

from __future__ import annotations

import re

_CN = "〇○零一二三四五六七八九十"

# 一、 （一） 1. （1）: the four heading levels of GB/T 9704 7.3.3, by their numbering
HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^[一二三四五六七八九十百]+\s*[、.．]")),  # 一、
    (2, re.compile(r"^[（(]\s*[一二三四五六七八九十百]+\s*[）)]")),  # （一） and (一)
    (3, re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),  # 1. 1． and 1、 (not 1.5)
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")),  # （1） and (1)
)

# A 成文日期 as a paragraph of its own: year, month and day, in Arabic or Chinese numerals
WRITTEN_DATE = re.compile(
    rf"^(?:\d{{4}}|[{_CN}]{{4}})\s*年\s*(?:\d{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"\s*(?:\d{{1,2}}|[{_CN}]{{1,3}})\s*日$"
)
NUMERIC_DATE = re.compile(r"^\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}$")
# A date line as people type it, full-width digits and month-and-day alone included
DATE_LINE = re.compile(
    r"^\s*[0-9０-９〇○零ＯO一二三四五六七八九十]{1,4}\s*年\s*[0-9０-９一二三四五六七八九十〇○零]{1,3}\s*月"
    r"\s*[0-9０-９一二三四五六七八九十〇○零]{1,3}\s*日\s*$"
    r"|^\s*[0-9０-９一二三四五六七八九十〇○零]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十〇○零]{1,3}\s*日\s*$"
)
# The 成文日期 as GB/T 9704 7.3.5.4 writes it, Arabic numerals: what the page layout finds
ARABIC_DATE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")

# A page number: "— 1 —" (dashes of any kind, 一 as a PDF may draw the dash) or "第 1 页"
PAGE_NUMBER = re.compile(r"^[\s\-—–－―─一]*(\d{1,4})[\s\-—–－―─一]*$|^\s*第\s*(\d{1,4})\s*页")


def heading_level(text: str) -> int | None:
    """The heading level `text`'s numbering says (1–4), or None."""
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(text):
            return level
    return None


def page_number(text: str) -> int | None:
    """The number a page-number text shows, or None."""
    match = PAGE_NUMBER.match(text)
    if match is None:
        return None
    return int(match.group(1) or match.group(2))


# ---- 版头 lines: the 发文字号 in all the forms offices write it -----------------------------
# A blank a template leaves for the writer: X, ×, a run of □ or underscores
_BLANK = r"[XxＸｘ×□_＿]"
_NUMBER = (
    r"(?P<agency>[^\s〔\[【（(［]{0,20})\s*(?P<open>[〔\[【（(［])\s*"
    rf"(?P<year>(?:\d|{_BLANK}){{2,4}})?\s*(?P<close>[〕\]】）)］])\s*(?P<di>第?)\s*"
    rf"(?P<serial>(?:\d|{_BLANK})*)\s*(?P<hao>号)"
)
# 发文字号, alone or with the last 签发人 on its line (上行文, 7.2.6): 某发〔2020〕3号 签发人：张伟
# (a PDF's text may have lost the spaces between them)
DOC_NUMBER_LINE = re.compile(rf"^{_NUMBER}(?:\s*签发人\s*[：:].{{0,20}})?$")
# A template's date: 20XX年X月X日, ____年__月__日
BLANK_DATE = re.compile(
    rf"^(?:\d|{_BLANK}| ){{2,4}}\s*年(?:\d|{_BLANK}| ){{0,2}}月(?:\d|{_BLANK}| ){{0,2}}日$"
)
# 签发人 on a line of its own
SIGNER_LINE = re.compile(r"^签发人\s*[：:].{0,20}$")
# A 令号 or a 纪要's 期号 under its mark: 第1号, 第3期, 〔2020〕第3期
SERIAL_LINE = re.compile(
    rf"^(?:[〔\[【（(]\s*\d{{4}}\s*[〕\]】）)])?\s*第\s*(?:\d|{_BLANK})+\s*[号期]$"
)


# ---- what a template leaves to be filled in ----------------------------------------------
# "[此处输入正文内容]", "【请填写】": an instruction to the writer, never text of the document
INSTRUCTION = re.compile(
    r"[\[【〔（(<]\s*(?:此处|在此|请(?:在此|输入|填写|填入|录入|选择)|输入|填写|填入|录入)"
    r"[^\]】〕）)>]{0,30}[\]】〕）)>]"
)
# A blank: XX beside Chinese text, digits or brackets (20XX, X政发, 〔XX〕), a run of ×, □ or
# underscores. Not an X of a Latin word or model (iPhone X两部, X86, X-ray), not X光, not 3×4,
# not a single × between words (长×宽)
BLANK = re.compile(
    r"(?<=[\u4e00-\u9fff\d〔（(\[【])[XＸ]+(?![A-Za-z\-射光线])"
    r"|(?:(?<![A-Za-z\-\s])[XＸ]+|(?<![A-Za-z\-])[XＸ]{2,})(?=[\u4e00-\u9fff〕）)\]】：:])(?![射光线])"
    r"|×{2,}|□{2,}|_{3,}|＿{2,}"
)


def is_instruction(text: str) -> bool:
    """Whether the text holds a template's instruction to its writer ("[此处输入正文内容]")."""
    return bool(INSTRUCTION.search(text))


def has_blank(text: str) -> bool:
    """Whether the text holds something left to be filled in (an instruction or a blank)."""
    return bool(INSTRUCTION.search(text) or BLANK.search(text))
