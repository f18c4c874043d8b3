"""The measurements, one function per rule kind: each yields hits for what is off.

Vertical positions of characters are taken from their ink (rasterised by poppler), never
from the font's line box; horizontal positions from the glyph advances in the PDF.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from gongwen.i18n import N_
from gongwen.ingest.pdf_layout import Ink, PdfLayout, TextLine, ink
from gongwen.units import Length, Pt
from gongwen.verify.elements import Elements, page_number_value

_FULL_WIDTH = re.compile(r"^[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’…—·]+$")
_BODY_SIZE = 16.0
# Marks LibreOffice and Word hang into the margin at a line's end (w:overflowPunct).
_HANGING = set("，。、；：！？”’）》」』,.;:!?")
_TYPE_BOTTOM_MM = 262.0
_TYPE_RIGHT_MM = 184.0
_PITCH_MM = Pt(28.95).mm  # the 22-line pitch: a full page's last line is within one of the edge


@dataclass(frozen=True)
class Hit:
    """One deviation: a message id with its values, where, and expected against actual."""

    msgid: str
    args: dict[str, Any] = field(default_factory=dict)
    page: int | None = None
    snippet: str | None = None
    expected: str | None = None
    actual: str | None = None


@dataclass
class Context:
    """What every measurement reads: the PDF, its geometry, and its recognised elements."""

    path: str
    layout: PdfLayout
    elements: Elements

    def ink(self, line: TextLine, *, left: Length | None = None,
            right: Length | None = None) -> Ink | None:
        """The ink of `line` (between `left` and `right` when given)."""
        margin = Pt(0.3 * line.size_pt)
        return ink(self.path, line.page, Length(line.em_top - margin),
                   Length(line.em_bottom + margin), left or line.left, right or line.right)


def mm(length: float) -> str:
    """A length for a message: 72.0 mm."""
    return f"{length:.1f} mm"


def _off(got: float, want: float, tol: float) -> bool:
    return abs(got - want) > tol + 1e-9


def _hangs(line: TextLine, p: dict[str, Any]) -> bool:
    """Whether the line ends in a point hung past the type area's right edge, if allowed."""
    return bool(p.get("allow_hanging_punctuation")) and (
        line.text.rstrip()[-1:] in _HANGING and line.right.mm > _TYPE_RIGHT_MM + 0.5
    )


def page_size(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Every page is `width_mm` × `height_mm`."""
    for page in ctx.layout.pages:
        w, h = page.width.mm, page.height.mm
        if _off(w, p["width_mm"], p["tolerance_mm"]) or _off(h, p["height_mm"], p["tolerance_mm"]):
            yield Hit(N_("the page is {actual}, expected {expected}"),
                      {"actual": f"{w:.1f} × {h:.1f} mm",
                       "expected": f"{p['width_mm']:g} × {p['height_mm']:g} mm"},
                      page=page.number, expected=f"{p['width_mm']:g} × {p['height_mm']:g} mm",
                      actual=f"{w:.1f} × {h:.1f} mm")
            return


def type_area(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Every line but the page numbers lies inside the type area (its em box, to the ink)."""
    tol = p["tolerance_mm"]
    top, left = p["top_mm"], p["left_mm"]
    bottom, right = top + p["height_mm"], left + p["width_mm"]
    for page in ctx.layout.pages:
        bad = []
        for line in ctx.elements.body_lines(page):
            line_right = line.right.mm - (Pt(line.size_pt).mm if _hangs(line, p) else 0)
            edges = (
                (N_("top edge"), line.em_top.mm, top, line.em_top.mm < top - tol),
                (N_("bottom edge"), line.em_bottom.mm, bottom, line.em_bottom.mm > bottom + tol),
                (N_("left edge"), line.left.mm, left, line.left.mm < left - tol),
                (N_("right edge"), line.right.mm, right, line_right > right + tol),
            )
            bad.extend((line, e) for e in edges if e[3])
        if bad:
            line, (edge, got, want, _) = bad[0]
            yield Hit(
                N_("text outside the type area: its {edge} is at {actual} from the paper's edge, "
                   "the type area's at {expected} ({count} places on this page)"),
                {"edge": edge, "actual": mm(got), "expected": mm(want), "count": len(bad)},
                page=page.number, snippet=line.text[:20], expected=mm(want), actual=mm(got),
            )


def lines_per_page(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A full page (text down to the last line, more on the next page, no 版头) holds `lines`."""
    pages = ctx.layout.pages
    for i, page in enumerate(pages[:-1]):
        if page.number == 1 and ctx.elements.red_rule is not None:
            continue
        date = ctx.elements.date_line
        if date is not None and date.page == page.number:
            continue  # the 署名's page: 7.3.5.1 lets its line spacing be adjusted to fit
        if not ctx.elements.body_lines(pages[i + 1]):
            continue
        every = ctx.elements.body_lines(page)
        # The grid is the body text's: a page with a title, or a table's 四号 rows, spends
        # its height on lines of another size, so only pages wholly of 三号 text are counted.
        lines = tuple(line for line in every if abs(line.size_pt - _BODY_SIZE) < 0.5)
        if len(lines) != len(every):
            continue
        slots = _slots(lines)
        # A page whose last lines are blank (a paragraph pushed to the next page) is not full.
        if lines and max(line.baseline for line in lines).mm < _TYPE_BOTTOM_MM - _PITCH_MM:
            continue
        if slots is not None and slots != p["lines"]:
            yield Hit(N_("a full page has {actual} lines, expected {expected}"),
                      {"actual": slots, "expected": p["lines"]}, page=page.number,
                      expected=str(p["lines"]), actual=str(slots))


def _slots(lines: tuple[TextLine, ...]) -> int | None:
    """Line positions from the first to the last line at the page's usual pitch."""
    baselines = sorted(line.baseline.pt for line in lines)
    steps = [b - a for a, b in itertools.pairwise(baselines) if b - a > 4]
    if len(steps) < 3:
        return None
    pitch = statistics.median(steps)
    return round((baselines[-1] - baselines[0]) / pitch) + 1


def chars_per_line(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A full line of 三号 Chinese text holds `chars` characters."""
    pages = [
        (page, [
            line for line in ctx.elements.body_lines(page)
            if abs(line.size_pt - _BODY_SIZE) < 0.5 and len(line.text.strip()) >= 10
        ])
        for page in ctx.layout.pages
    ]
    every = [line for _, lines in pages for line in lines]
    if not every:
        return
    # The text block's edges over the whole document: on a last page holding only a
    # 署名, that line would otherwise span its own page's block and pass for a full line.
    left = min(line.left.pt for line in every)
    right = max(line.right.pt for line in every)
    half = _BODY_SIZE / 2
    for page, lines in pages:
        for line in lines:
            text = line.text.strip()
            if _hangs(line, p):
                text = text[:-1]
            full = abs(line.left.pt - left) < 1.5 and right - line.right.pt < half
            if full and _FULL_WIDTH.match(text) and len(text) != p["chars"]:
                yield Hit(N_("a full line has {actual} characters, expected {expected}"),
                          {"actual": len(text), "expected": p["chars"]}, page=page.number,
                          snippet=text[:20], expected=str(p["chars"]), actual=str(len(text)))
                break


def issuer_mark(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The top of the red mark's ink is `below_type_top_mm` under the type area's top."""
    if not ctx.elements.mark or ctx.elements.letter:  # a letter's mark: verify.letter
        return
    line = ctx.elements.mark[0]
    got_ink = ctx.ink(line)
    if got_ink is None:
        return
    want = 37 + p["below_type_top_mm"]
    got = got_ink.top.mm
    if _off(got, want, p["tolerance_mm"]):
        yield Hit(N_("the top edge of the issuer's mark is {actual} from the top of the paper, "
                     "expected {expected} (35 mm under the type area)"),
                  {"actual": mm(got), "expected": mm(want)}, page=1, snippet=line.text[:20],
                  expected=mm(want), actual=mm(got))


def red_rule_position(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The red rule's top is `below_number_mm` under the ink of the 发文字号."""
    rule, number = ctx.elements.red_rule, ctx.elements.doc_number
    if rule is None or number is None:
        return
    # To the foot of the closing 号 (7.2.5: every number ends with it): brackets and digits
    # reach lower or higher than the characters a reader lines the rule up with.
    got_ink = ctx.ink(number, left=Length(number.right - Pt(number.size_pt)))
    if got_ink is None:
        return
    gap = rule.top.mm - got_ink.bottom.mm
    if _off(gap, p["below_number_mm"], p["tolerance_mm"]):
        yield Hit(N_("the red rule is {actual} under the document number, expected {expected}"),
                  {"actual": mm(gap), "expected": mm(p["below_number_mm"])}, page=1,
                  snippet=number.text[:20], expected=mm(p["below_number_mm"]), actual=mm(gap))


def red_rule_width(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The red rule runs from the type area's left edge to its right edge."""
    rule = ctx.elements.red_rule
    if rule is None:
        return
    if _off(rule.left.mm, 28, p["tolerance_mm"]) or _off(rule.right.mm, 184, p["tolerance_mm"]):
        got = f"{rule.left.mm:.1f}–{rule.right.mm:.1f} mm"
        yield Hit(N_("the red rule runs {actual} from the left edge of the paper, expected "
                     "{expected} (as wide as the type area)"),
                  {"actual": got, "expected": "28.0–184.0 mm"}, page=1,
                  expected="28.0–184.0 mm", actual=got)


def title_position(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Between the red rule and the title's ink lie `blank_lines` blank lines."""
    rule, title = ctx.elements.red_rule, ctx.elements.title
    if rule is None or title is None:
        return
    got_ink = ctx.ink(title)
    if got_ink is None:
        return
    pitch = Pt(p["line_pitch_pt"]).mm
    blank = math.floor((got_ink.top.mm - rule.bottom.mm) / pitch)
    if blank != p["blank_lines"]:
        yield Hit(N_("{actual} blank lines between the red rule and the title, expected "
                     "{expected}"), {"actual": blank, "expected": p["blank_lines"]}, page=1,
                  snippet=title.text[:20], expected=str(p["blank_lines"]), actual=str(blank))


def page_number_position(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The ink of a page number's leading dash is `below_type_bottom_mm` under the type area."""
    want = 262 + p["below_type_bottom_mm"]
    for page in ctx.layout.pages:
        for line in ctx.elements.page_numbers(page):
            if not line.text.strip().startswith(("—", "–", "-", "－", "―")):
                continue
            dash = ctx.ink(line, right=Length(line.left + Pt(0.6 * line.size_pt)))
            if dash is None:
                continue
            if _off(dash.top.mm, want, p["tolerance_mm"]):
                yield Hit(N_("the page number's dash is {actual} from the top of the paper, "
                             "expected {expected} (7 mm under the type area)"),
                          {"actual": mm(dash.top.mm), "expected": mm(want)}, page=page.number,
                          snippet=line.text.strip(), expected=mm(want), actual=mm(dash.top.mm))


def page_number_side(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Odd page numbers end one 字 inside the right edge, even ones start one 字 in on the left."""
    inset = Pt(p["inset_pt"]).mm
    for page in ctx.layout.pages:
        for line in ctx.elements.page_numbers(page):
            value = page_number_value(line) or page.number
            if value % 2:
                got, want, side = line.right.mm, 184 - inset, N_("right end")
            else:
                got, want, side = line.left.mm, 28 + inset, N_("left end")
            if _off(got, want, p["tolerance_mm"]):
                yield Hit(N_("the {side} of page number {number} is at {actual} from the left "
                             "edge of the paper, expected {expected} (odd pages right, even "
                             "pages left, one character in)"),
                          {"side": side, "number": value, "actual": mm(got),
                           "expected": mm(want)}, page=page.number, snippet=line.text.strip(),
                          expected=mm(want), actual=mm(got))


def imprint_page_number(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A page that holds only the 版记 carries no page number."""
    for page in ctx.layout.pages:
        numbers = ctx.elements.page_numbers(page)
        if numbers and ctx.elements.imprint_only(page):
            yield Hit(N_("the page holding only the imprint carries page number {actual}"),
                      {"actual": numbers[0].text.strip()}, page=page.number,
                      expected="—", actual=numbers[0].text.strip())


def imprint_position(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The 版记's last rule lies on the bottom edge of the type area of the last page."""
    imprint = ctx.elements.imprint
    if imprint is None:
        return
    last_page = len(ctx.layout.pages)
    if imprint.page != last_page:
        yield Hit(N_("the imprint is on page {actual}, not on the last page ({expected})"),
                  {"actual": imprint.page, "expected": last_page}, page=imprint.page,
                  expected=str(last_page), actual=str(imprint.page))
        return
    if not imprint.rules:
        return  # a letter's 版记 has no rules (10.1)
    got = imprint.rules[-1].bottom.mm
    if _off(got, p["bottom_mm"], p["tolerance_mm"]):
        yield Hit(N_("the imprint's last rule is {actual} from the top of the paper, expected "
                     "{expected} (the bottom edge of the type area)"),
                  {"actual": mm(got), "expected": mm(p["bottom_mm"])}, page=imprint.page,
                  expected=mm(p["bottom_mm"]), actual=mm(got))


def imprint_rule_width(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The first and last 版记 rules are thick, those between thin."""
    imprint = ctx.elements.imprint
    if imprint is None:
        return
    rules = imprint.rules
    for i, rule in enumerate(rules):
        want = p["thick_mm"] if i in (0, len(rules) - 1) else p["thin_mm"]
        got = rule.thickness.mm
        if _off(got, want, p["tolerance_mm"]):
            yield Hit(N_("imprint rule {number} is {actual} thick, {expected} is recommended"),
                      {"number": i + 1, "actual": f"{got:.2f} mm", "expected": f"{want:.2f} mm"},
                      page=imprint.page, expected=f"{want:.2f} mm", actual=f"{got:.2f} mm")


def imprint_rule_length(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Every 版记 rule is as wide as the type area."""
    imprint = ctx.elements.imprint
    if imprint is None:
        return
    for i, rule in enumerate(imprint.rules):
        if _off(rule.left.mm, 28, p["tolerance_mm"]) or _off(rule.right.mm, 184,
                                                            p["tolerance_mm"]):
            got = f"{rule.left.mm:.1f}–{rule.right.mm:.1f} mm"
            yield Hit(N_("imprint rule {number} runs {actual} from the left edge of the paper, "
                         "expected {expected} (as wide as the type area)"),
                      {"number": i + 1, "actual": got, "expected": "28.0–184.0 mm"},
                      page=imprint.page, expected="28.0–184.0 mm", actual=got)


def left_margin(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Unindented body text starts `left_mm` from the paper's left edge."""
    lefts = [
        (line.left.mm, line)
        for page in ctx.layout.pages
        for line in ctx.elements.body_lines(page)
        if abs(line.size_pt - _BODY_SIZE) < 0.5
    ]
    if not lefts:
        return
    got, line = min(lefts, key=lambda item: item[0])
    if _off(got, p["left_mm"], p["tolerance_mm"]):
        yield Hit(N_("the text starts {actual} from the left edge of the paper, expected "
                     "{expected}"), {"actual": mm(got), "expected": mm(p["left_mm"])},
                  page=line.page, snippet=line.text[:20], expected=mm(p["left_mm"]),
                  actual=mm(got))


Measure = Callable[[Context, dict[str, Any]], Iterator[Hit]]

KINDS: dict[str, Measure] = {
    "pdf_page_size": page_size,
    "pdf_type_area": type_area,
    "pdf_lines_per_page": lines_per_page,
    "pdf_chars_per_line": chars_per_line,
    "pdf_issuer_mark": issuer_mark,
    "pdf_red_rule_position": red_rule_position,
    "pdf_red_rule_width": red_rule_width,
    "pdf_title_position": title_position,
    "pdf_page_number_position": page_number_position,
    "pdf_page_number_side": page_number_side,
    "pdf_imprint_page_number": imprint_page_number,
    "pdf_imprint_position": imprint_position,
    "pdf_imprint_rule_width": imprint_rule_width,
    "pdf_imprint_rule_length": imprint_rule_length,
    "pdf_left_margin": left_margin,
}
