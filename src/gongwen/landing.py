"""Where a short paragraph's text lands across the type area, counted in 字.

A 署名 is put at the right in many ways: right alignment, a right or left indent, full-width
spaces (U+3000) or half-width spaces and tabs in front of it, a text frame, a text box or a
table cell. What GB/T 9704 fixes is where the characters end up, so that is what is worked
out here, from the model's values alone: the box the text is set in, the indents, the
alignment and the width of every character, leading spaces included, and each tab taken to
its stop: a custom stop of the paragraph set as its kind says (a footer's right stop puts
"⇥⇥— 1 —" at the right), then the default stops.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from gongwen.model import Alignment, Box, Paragraph, Run, Section, TabKind, has_cjk
from gongwen.units import Length, Twips

DEFAULT_SIZE_PT = 16.0  # 三号, what a paragraph with no known size is taken to be set in
# Word's default tab stops in its Chinese template, every 420 twips; a tab runs to the next
DEFAULT_TAB = Twips(420)
_EPS = 1e-6
# Latin faces set a space a quarter of an em wide; a CJK face sets it half an em wide
_LATIN_SPACE, _CJK_SPACE = 0.25, 0.5
_CJK_FACE_NAMES = (
    "simsun", "nsimsun", "fangsong", "kaiti", "simhei", "yahei", "dengxian", "gb2312", "song",
    "hei", "fzxiaobiaosong", "stsong", "stfangsong", "stkaiti",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Landing:
    """Where the text of a paragraph's first line lands, in 字 from the type area's left edge."""

    left: float  # the left edge of the first visible character
    right: float  # the right edge of the last visible character
    width: float  # the type area's width

    @property
    def from_right(self) -> float:
        """How far the text ends from the type area's right edge, in 字."""
        return self.width - self.right


def size_pt(p: Paragraph) -> float:
    """The size most of the paragraph's visible characters are set in (三号 when unknown)."""
    return p.dominant_size() or DEFAULT_SIZE_PT


def landing(p: Paragraph, section: Section | None, even_page: bool = False) -> Landing | None:
    """Where `p`'s text lands (on an even page when `even_page`: a mirrored box turns round),
    or None when the page or the box it is set in is not known."""
    if section is None:
        return None
    unit = size_pt(p)
    area = Length(section.page_width - section.margin_left - section.margin_right).pt / unit
    runs = p.runs or (Run(p.text),)
    text = "".join(run.text for run in runs)
    if not text.strip():
        return None
    lead_chars = len(text) - len(text.lstrip())
    lead = _width(runs, unit, 0, lead_chars)
    full = _width(runs, unit, 0, len(text.rstrip()))
    left_indent = _indent(p.indent_left_chars, p.indent_left, unit)
    right_indent = _indent(p.indent_right_chars, p.indent_right, unit)
    first = _indent(p.indent_first_chars, p.indent_first, unit)
    inner = left_indent + first + full + right_indent
    box = p.box
    if box is not None and box.mirrored and even_page and box.align is not None:
        box = replace(box, align=_MIRROR.get(box.align, box.align))
    span = _box_span(box, section, unit, area, inner) if box is not None else (0.0, area)
    if span is None:
        return None
    start, end = span[0] + left_indent, span[1] - right_indent
    if p.alignment == Alignment.RIGHT:
        origin = end - full
    elif p.alignment == Alignment.CENTER:
        origin = (start + first + end - full) / 2
    else:  # left, justified (a single line is set flush left), distributed's first character
        stops = _stops(p, unit, span[0], start if first < 0 else None)
        tab = DEFAULT_TAB.pt / unit
        left, right = _set_line(_advances(runs, unit), start + first, stops, (span[0], tab))
        if p.alignment == Alignment.DISTRIBUTE:
            right = end
        return Landing(left=left, right=right, width=area)
    # a right or centred line with tabs: each tab taken to a default stop from its start
    return Landing(left=origin + lead, right=origin + full, width=area)


def side(p: Paragraph, section: Section | None, even_page: bool = False) -> Alignment:
    """The third of the type area `p`'s text stands in: left, centre or right.

    Where the text cannot be placed (an empty field result, a box placed by what is not read)
    its alignment says it.
    """
    where = landing(p, section, even_page)
    if where is None:
        return p.alignment if p.alignment in _SIDES else Alignment.LEFT
    middle = (where.left + where.right) / 2
    if middle < where.width / 3:
        return Alignment.LEFT
    return Alignment.CENTER if middle <= where.width * 2 / 3 else Alignment.RIGHT


_SIDES = (Alignment.LEFT, Alignment.CENTER, Alignment.RIGHT)
_MIRROR = {Alignment.LEFT: Alignment.RIGHT, Alignment.RIGHT: Alignment.LEFT}


def _box_span(
    box: Box, section: Section, unit: float, area: float, inner: float
) -> tuple[float, float] | None:
    """The left and right edges of the box's text, in 字 from the type area's left edge."""
    margin_left = section.margin_left.pt / unit
    inset_left = box.inset_left.pt / unit if box.inset_left is not None else 0.0
    inset_right = box.inset_right.pt / unit if box.inset_right is not None else 0.0
    width = box.width.pt / unit if box.width is not None else inset_left + inner + inset_right
    if box.within is not None and box.left is not None:  # a cell of a centred or right table
        table = box.within.pt / unit
        start = {Alignment.RIGHT: area - table, Alignment.CENTER: (area - table) / 2}
        left = start.get(box.align or Alignment.LEFT, 0.0) + box.left.pt / unit
    elif box.left is not None:
        left = box.left.pt / unit - (margin_left if box.from_page else 0.0)
    elif box.align is not None:
        low, high = (-margin_left, section.page_width.pt / unit - margin_left) if box.from_page \
            else (0.0, area)  # fmt: skip
        if box.align == Alignment.RIGHT:
            left = high - width
        elif box.align == Alignment.CENTER:
            left = (low + high - width) / 2
        else:
            left = low
    else:
        return None
    return left + inset_left, left + width - inset_right


def _indent(chars: float | None, length: Length | None, unit: float) -> float:
    """An indent in 字: the character count when given (Word lets it win), else the length."""
    if chars is not None:
        return chars
    return length.pt / unit if length is not None else 0.0


def _advances(runs: tuple[Run, ...], unit: float) -> list[tuple[str, float]]:
    """Each character of the runs' joined text with its advance in 字 (a tab: 0)."""
    out: list[tuple[str, float]] = []
    for run in runs:
        scale = (run.size_pt or unit) / unit * (run.char_scale_pct or 100) / 100
        spacing = (run.char_spacing_pt or 0.0) / unit
        space = _CJK_SPACE if _cjk_face(run.font_ascii) else _LATIN_SPACE
        out.extend((ch, 0.0 if ch == "\t" else _char(ch, space) * scale + spacing)
                   for ch in run.text)  # fmt: skip
    return out


def _width(runs: tuple[Run, ...], unit: float, start: int, stop: int) -> float:
    """The width in 字 of the characters `start`..`stop` of the runs' joined text, each tab
    running to the next default stop from the first character."""
    total = 0.0
    tab = DEFAULT_TAB.pt / unit
    for ch, advance in _advances(runs, unit)[start:stop]:
        total = (int(total / tab + 1e-9) + 1) * tab if ch == "\t" else total + advance
    return total


def _stops(
    p: Paragraph, unit: float, column: float, hanging_at: float | None
) -> list[tuple[float, TabKind]]:
    """The paragraph's custom tab stops in 字 from the type area's left edge, with the stop
    a hanging indent makes at the left indent (where a list's number runs to its text)."""
    stops = [(column + stop.position.pt / unit, stop.kind) for stop in p.tab_stops]
    if hanging_at is not None and all(abs(at - hanging_at) > _EPS for at, _ in stops):
        stops.append((hanging_at, TabKind.LEFT))
    return sorted(stops, key=lambda stop: stop[0])


def _set_line(
    advances: list[tuple[str, float]],
    origin: float,
    stops: list[tuple[float, TabKind]],
    defaults: tuple[float, float],
) -> tuple[float, float]:
    """The left edge of the first and the right edge of the last visible character of a
    line set from `origin`, each tab taken to its stop: custom ones, then default ones
    every `defaults[1]` from `defaults[0]` (the column's left edge)."""
    x, first, last = origin, None, origin
    for at, (ch, advance) in enumerate(advances):
        if ch == "\t":
            following = advances[at + 1 :]
            ends = next((i for i, (c, _) in enumerate(following) if c == "\t"), len(following))
            x = _tab_to(x, following[:ends], stops, defaults)
            continue
        if not ch.isspace():
            first = x if first is None else first
            last = x + advance
        x += advance
    return (origin if first is None else first), last


def _tab_to(
    x: float,
    segment: list[tuple[str, float]],
    stops: list[tuple[float, TabKind]],
    defaults: tuple[float, float],
) -> float:
    """Where the text after a tab at `x` starts: set against the next custom stop as its kind
    says (a right stop ends it there, a centre stop centres it, a decimal stop puts its point
    there), or at the next default stop past the last custom one (Word clears default stops
    left of a custom one)."""
    stop = next(((at, kind) for at, kind in stops if at > x + _EPS), None)
    if stop is None:
        column, every = defaults
        return column + (int((x - column) / every + _EPS) + 1) * every
    at, kind = stop
    width = sum(advance for _, advance in segment)
    if kind == TabKind.RIGHT:
        return max(x, at - width)
    if kind == TabKind.CENTER:
        return max(x, at - width / 2)
    if kind == TabKind.DECIMAL:
        point = next((i for i, (c, _) in enumerate(segment) if c in ".．"), len(segment))
        return max(x, at - sum(advance for _, advance in segment[:point]))
    return at


def _char(ch: str, space: float) -> float:
    if ch == " ":
        return space
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def _cjk_face(name: str | None) -> bool:
    """Whether a face sets Latin text in a CJK font's half-width forms (None: the CJK face)."""
    if name is None:
        return True
    low = name.lower().replace(" ", "")
    return has_cjk(name) or any(part in low for part in _CJK_FACE_NAMES)
