"""Find the GB/T 9704 elements in a PDF's geometry: mark, number, red rule, title, page numbers,
版记. Recognition uses colour, position and text form, as a reader of the printed page would."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from gongwen import gbt9704 as g
from gongwen.colours import is_red_rgb
from gongwen.forms import ARABIC_DATE, page_number
from gongwen.ingest.pdf_layout import PageLayout, PdfLayout, Rule, TextLine
from gongwen.units import Mm

# What may stand above a 署名 without being text of the document's own (7.3.5.1): a closing
# formula (特此通知。), the 附件说明 and its continuation lines.
_CLOSING = re.compile(r"^\s*(特此\S{2,4}。|附件：|\d+\.|此复。)")
_IMPRINT_WORDS = ("印发", "抄送")
TYPE_BOTTOM = g.TYPE_BOTTOM
_LONG_RULE = Mm(100)
# Red rules longer than the type area (156 mm) are 信函格式's double rules (170 mm, 10.1).
_LETTER_RULE = Mm(160)


def page_number_value(line: TextLine) -> int | None:
    """The number of a page-number line below the type area, else None."""
    if line.baseline <= TYPE_BOTTOM:
        return None
    return page_number(line.text)


@dataclass(frozen=True)
class Imprint:
    """The 版记: its rules (top to bottom) and the text lines between them."""

    page: int
    rules: tuple[Rule, ...]
    lines: tuple[TextLine, ...]


@dataclass(frozen=True)
class Elements:
    """The elements found in one PDF."""

    layout: PdfLayout

    @cached_property
    def letter_rules(self) -> tuple[Rule, ...]:
        """The red double rules of a 信函格式 page 1, top to bottom (none in other forms)."""
        if not self.layout.pages:
            return ()
        found = [
            r for r in self.layout.pages[0].rules if is_red_rgb(r.color) and r.length > _LETTER_RULE
        ]
        return tuple(sorted(found, key=lambda r: r.top))

    @property
    def letter(self) -> bool:
        """Whether page 1 is laid out in 信函格式 (10.1)."""
        return bool(self.letter_rules)

    @cached_property
    def letter_number(self) -> TextLine | None:
        """The 发文字号 of a letter: the first black line under the upper double rule."""
        upper = [r for r in self.letter_rules if r.top < Mm(150)]
        if not upper:
            return None
        below = [
            line
            for line in self.layout.pages[0].lines
            if line.em_top > upper[-1].bottom and not is_red_rgb(line.color)
        ]
        return below[0] if below else None

    @cached_property
    def red_rule(self) -> Rule | None:
        """The red separator of the 版头 on page 1 (a 文件格式 one, as wide as the type area)."""
        if not self.layout.pages:
            return None
        rules = [
            r
            for r in self.layout.pages[0].rules
            if is_red_rgb(r.color) and r.length <= _LETTER_RULE
        ]
        return rules[0] if rules else None

    @cached_property
    def mark(self) -> tuple[TextLine, ...]:
        """The lines of the red 发文机关标志 on page 1, above the red rule when there is one."""
        if not self.layout.pages:
            return ()
        limit = self.red_rule.top if self.red_rule else Mm(150)
        return tuple(
            line
            for line in self.layout.pages[0].lines
            if is_red_rgb(line.color) and line.baseline < limit
        )

    @cached_property
    def doc_number(self) -> TextLine | None:
        """The 发文字号: the last black line above the red rule."""
        if self.red_rule is None:
            return None
        above = [
            line
            for line in self.layout.pages[0].lines
            if line.baseline < self.red_rule.top and not is_red_rgb(line.color)
        ]
        return above[-1] if above else None

    @cached_property
    def title(self) -> TextLine | None:
        """The title: the first line under the red rule."""
        if self.red_rule is None:
            return None
        below = [line for line in self.layout.pages[0].lines if line.em_top > self.red_rule.top]
        return below[0] if below else None

    @cached_property
    def imprint(self) -> Imprint | None:
        """The 版记: the long black rules from the one just above its first 抄送/印发 line to the
        one just below its last; rules elsewhere on the page (a table's) are not its."""
        for page in reversed(self.layout.pages):
            rules = [r for r in page.rules if not is_red_rgb(r.color) and r.length >= _LONG_RULE]
            marked = [line for line in page.lines if any(w in line.text for w in _IMPRINT_WORDS)]
            if len(rules) < 2 or not marked:
                continue
            above = [r for r in rules if r.bottom <= marked[0].em_top]
            below = [r for r in rules if r.top >= marked[-1].em_bottom]
            if not above or not below:
                continue
            first, last = above[-1], below[0]
            chosen = tuple(r for r in rules if first.top <= r.top <= last.top)
            inside = tuple(line for line in page.lines if first.top <= line.baseline <= last.bottom)
            return Imprint(page.number, chosen, inside)
        if self.letter:  # 10.1: a letter's 版记 is its 抄送 line(s), without rules
            for page in reversed(self.layout.pages):
                cc = tuple(line for line in page.lines if line.text.lstrip().startswith("抄送"))
                if cc:
                    return Imprint(page.number, (), cc)
        return None

    @cached_property
    def date_line(self) -> TextLine | None:
        """The 成文日期: the last right-hand date line of the document's text."""
        found = [
            line
            for page in self.layout.pages
            for line in self.body_lines(page)
            if ARABIC_DATE.match(line.text) and line.right > Mm(120)
        ]
        return found[-1] if found else None

    @cached_property
    def signature_without_text(self) -> bool:
        """Whether the page of the 署名 and 成文日期 holds no text of the document above them
        but a closing formula and the 附件说明 (7.3.5.1 forbids such a page)."""
        date = self.date_line
        if date is None or date.page == 1:
            return False
        page = self.layout.pages[date.page - 1]
        above = [line for line in self.body_lines(page) if line.baseline < date.baseline]
        in_note = False
        for line in above[:-1]:  # the last is the 署名, on the line above the date
            in_note = in_note or line.text.lstrip().startswith("附件：")
            if not (in_note or _CLOSING.match(line.text)):
                return False
        return True

    def page_numbers(self, page: PageLayout) -> tuple[TextLine, ...]:
        """The page-number lines of `page`."""
        return tuple(line for line in page.lines if page_number_value(line) is not None)

    def body_lines(self, page: PageLayout) -> tuple[TextLine, ...]:
        """The lines of `page` that are not page numbers nor the 版记 (nor a letter's mark,
        which 10.1 sets above the type area)."""
        here = self.imprint is not None and self.imprint.page == page.number
        skip = set(self.imprint.lines) if here and self.imprint else set()
        if self.letter and page.number == 1:
            skip |= set(self.mark)
        return tuple(
            line for line in page.lines if page_number_value(line) is None and line not in skip
        )

    def imprint_only(self, page: PageLayout) -> bool:
        """Whether `page` holds the 版记 and nothing else but a page number."""
        return (
            self.imprint is not None
            and self.imprint.page == page.number
            and not self.body_lines(page)
        )
