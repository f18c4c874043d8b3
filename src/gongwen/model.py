"""The document model: what ingest makes of a .docx or .pdf, as plain values.

Nothing here knows OOXML or PDF; a check reads only these values. Lengths are
`units.Length`; a value that the source does not say (a PDF has no styles) is None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import Any

from gongwen.units import Length


class Role(StrEnum):
    """What a paragraph is in an official document (GB/T 9704 elements)."""

    COPY_NUMBER = "copy_number"  # 份号
    SECRECY = "secrecy"  # 密级和保密期限
    URGENCY = "urgency"  # 紧急程度
    ISSUER_MARK = "issuer_mark"  # 发文机关标志
    DOC_NUMBER = "doc_number"  # 发文字号
    SIGNER = "signer"  # 签发人
    MASTHEAD = "masthead"  # another line of the 版头: a 纪要's issuing office and date
    TITLE = "title"  # 标题
    BYLINE = "byline"  # under the title: its author or date (市财政局局长 张伟), or its 题注
    RECIPIENT = "recipient"  # 主送机关
    HEADING = "heading"  # 一、 （一） 1. （1）
    BODY = "body"  # 正文
    CAPTION = "caption"  # 题注 of a table or figure: 表1 …, 图1 …
    ATTACHMENT_NOTE = "attachment_note"  # 附件说明
    SIGNATURE = "signature"  # 署名
    DATE = "date"  # 成文日期
    NOTE = "note"  # 附注
    ATTACHMENT = "attachment"  # 附件 (its heading and content)
    IMPRINT = "imprint"  # 版记 (抄送, 印发)
    PAGE_NUMBER = "page_number"  # 页码
    TABLE = "table"  # a cell paragraph of a table in the body
    HEADER = "header"  # other text in a page header
    FOOTER = "footer"  # other text in a page footer
    EMPTY = "empty"  # no visible text


class Part(StrEnum):
    """Where a paragraph stands in the file."""

    BODY = "body"
    TABLE = "table"
    HEADER = "header"
    FOOTER = "footer"
    TEXTBOX = "textbox"


class BoxKind(StrEnum):
    """What sets a paragraph apart from the text column, placed on the page by its own box."""

    FRAME = "frame"  # a text frame (w:framePr)
    TEXTBOX = "textbox"  # a text box (DrawingML wps:txbx or VML v:textbox)
    CELL = "cell"  # a table cell


class Alignment(StrEnum):
    """Paragraph alignment, in domain words."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"
    DISTRIBUTE = "distribute"


class LineRule(StrEnum):
    """How a line spacing value is meant (OOXML `w:lineRule`)."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MULTIPLE = "multiple"  # `line` is a multiple of single spacing


class TabKind(StrEnum):
    """How text after a tab is set against the stop it runs to."""

    LEFT = "left"  # starts at the stop
    CENTER = "center"  # centred on it
    RIGHT = "right"  # ends at it
    DECIMAL = "decimal"  # its decimal point stands at it


@dataclass(frozen=True, slots=True)
class TabStop:
    """A custom tab stop of a paragraph."""

    position: Length  # from the left edge of the text column (or of the box the text is in)
    kind: TabKind


@dataclass(frozen=True, slots=True)
class Box:
    """Where a text frame, text box or table cell sets its text across the page."""

    kind: BoxKind
    left: Length | None = None  # the box's left edge from the left margin (page edge: from_page)
    width: Length | None = None  # None: as wide as its text (a frame) or not known
    align: Alignment | None = None  # placed against the margins (or page edges) instead
    from_page: bool = False  # `left` and `align` are measured from the page's edges
    # inside/outside (book layout): `align` holds on odd pages, even pages take the other side
    mirrored: bool = False
    inset_left: Length | None = None  # the box's inner margins; None: none
    inset_right: Length | None = None
    # a cell of a table placed by `align`: the table's width; `left` is from the table's left edge
    within: Length | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one effective formatting."""

    text: str
    font_east_asia: str | None = None  # the face used for CJK characters
    font_ascii: str | None = None  # the face used for Latin characters
    size_pt: float | None = None
    bold: bool = False
    italic: bool = False
    color: str | None = None  # RRGGBB, upper case; None for automatic
    char_spacing_pt: float | None = None
    char_scale_pct: int | None = None  # w:w, character width in per cent
    font_h_ansi: str | None = None  # the face of other Latin and shared characters (hAnsi)
    east_asia_hint: bool = False  # shared characters (“ ” — …) set in the eastAsia face


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph with its text and effective (resolved) formatting."""

    index: int  # position among all paragraphs of the file, from 0
    text: str
    part: Part = Part.BODY
    role: Role = Role.BODY
    heading_level: int | None = None  # 1 一、 2 （一） 3 1. 4 （1）
    style_name: str | None = None
    alignment: Alignment | None = None
    indent_first_chars: float | None = None  # first-line indent in 字 (negative: hanging)
    indent_first: Length | None = None
    indent_left: Length | None = None
    indent_right: Length | None = None
    indent_left_chars: float | None = None
    indent_right_chars: float | None = None
    line_rule: LineRule | None = None
    line_spacing: Length | None = None  # for EXACT and AT_LEAST
    line_multiple: float | None = None  # for MULTIPLE
    space_before: Length | None = None
    space_after: Length | None = None
    page_break_before: bool = False
    section: int = 0  # index into Document.sections
    page: int | None = None  # 1-based, known for PDF input only
    runs: tuple[Run, ...] = ()
    fields: tuple[str, ...] = ()  # field types in the paragraph, such as PAGE (.docx only)
    box: Box | None = None  # the frame, text box or cell it is set in; None: the text column
    tab_stops: tuple[TabStop, ...] = ()  # custom stops, by position; default stops lie past them

    @property
    def cjk_runs(self) -> tuple[Run, ...]:
        """The runs that hold at least one CJK character."""
        return tuple(r for r in self.runs if has_cjk(r.text))

    def dominant_size(self) -> float | None:
        """The size in pt of most of the visible characters, if known."""
        if len(self.runs) == 1:
            run = self.runs[0]
            return run.size_pt if run.size_pt is not None and run.text.strip() else None
        counts: dict[float, int] = {}
        for run in self.runs:
            n = visible_count(run.text)
            if n and run.size_pt is not None:
                counts[run.size_pt] = counts.get(run.size_pt, 0) + n
        return max(counts, key=counts.__getitem__) if counts else None

    def with_role(self, role: Role, heading_level: int | None) -> Paragraph:
        """This paragraph with `role` and `heading_level` (half the cost of `replace`)."""
        values = list(_paragraph_values(self))
        values[_ROLE_AT], values[_LEVEL_AT] = role, heading_level
        return Paragraph(*values)

    def snippet(self, width: int = 20) -> str:
        """The start of the text, for a finding's location."""
        text = self.text.strip()
        return text if len(text) <= width else text[:width] + "…"


_NAMES = tuple(f.name for f in fields(Paragraph))
_paragraph_values = attrgetter(*_NAMES)
_ROLE_AT, _LEVEL_AT = _NAMES.index("role"), _NAMES.index("heading_level")


@dataclass(frozen=True, slots=True)
class Section:
    """Page setup of one section."""

    page_width: Length
    page_height: Length
    margin_top: Length
    margin_bottom: Length
    margin_left: Length
    margin_right: Length
    header_distance: Length | None = None
    footer_distance: Length | None = None
    line_pitch: Length | None = None  # w:docGrid/@w:linePitch
    grid_type: str | None = None  # w:docGrid/@w:type
    char_space: Length | None = None  # w:docGrid/@w:charSpace: added to each character's pitch
    different_odd_even: bool = False
    title_page: bool = False
    header_text: str = ""
    footer_text: str = ""
    page_number_field: bool = False  # a PAGE field stands in some footer
    footer_alignments: tuple[Alignment, ...] = ()  # of the footers that show the page number
    # where the page number lands across the type area on odd and on even pages, from the
    # footer each shows, its frame or text box, alignment and indents; None: no number there
    page_number_odd: Alignment | None = None
    page_number_even: Alignment | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a PDF."""

    number: int  # 1-based
    width: Length
    height: Length
    text: str
    fonts: tuple[str, ...] = ()  # base font names, subset prefix stripped


@dataclass(frozen=True, slots=True)
class Properties:
    """Core properties (docProps/core.xml, or the PDF info dictionary)."""

    title: str | None = None
    author: str | None = None
    last_modified_by: str | None = None
    created: dt.datetime | None = None
    modified: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A submitted file as values."""

    path: str
    format: str  # "docx" or "pdf"
    paragraphs: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    pages: tuple[Page, ...] = ()  # PDF only
    properties: Properties = field(default_factory=Properties)
    page_count: int | None = None
    # list number formats (w:numFmt) ingest could not show as Word does, each with the index
    # of the first paragraph numbered in it; those numbers stand in digits
    unshown_number_formats: tuple[tuple[str, int], ...] = ()
    # PDF only: the geometry of every page (lines, rules, fonts) from the same single reading,
    # for the measurements in mm (gongwen.ingest.pdf_layout.PdfLayout)
    layout: Any = field(default=None, compare=False, repr=False)

    def with_role(self, *roles: Role) -> list[Paragraph]:
        """The paragraphs that have one of `roles`, in order."""
        return [p for p in self.paragraphs if p.role in roles]

    @property
    def text(self) -> str:
        """The body text, paragraph by paragraph."""
        return "\n".join(p.text for p in self.paragraphs if p.part in (Part.BODY, Part.TABLE))


# The same ranges as a character class, so that counting runs in the regex engine, not per
# character in Python: a report has some 10,000 characters and every kind counts them.
_CJK = re.compile(
    "[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\U00020000-\U0002fa1f"
    "\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]"
)

_NOT_CJK = re.compile(_CJK.pattern.replace("[", "[^", 1))


def is_cjk(char: str) -> bool:
    """Whether `char` is a CJK ideograph or CJK punctuation (set in the eastAsia face)."""
    return _CJK.match(char) is not None


def cjk_count(text: str) -> int:
    """How many characters of `text` are CJK (as `is_cjk` counts them)."""
    return len(_NOT_CJK.sub("", text))  # faster than counting matches


def has_cjk(text: str) -> bool:
    """Whether `text` holds a CJK character."""
    return _CJK.search(text) is not None


def visible_count(text: str) -> int:
    """How many characters of `text` are not whitespace (str.isspace)."""
    return len(text) - sum(map(len, _SPACE.findall(text)))


_SPACE = re.compile(r"\s+")
