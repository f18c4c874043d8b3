"""署名 and 成文日期 (no seal): the date on the line right after the 署名, both at the right.

"At the right" is judged by where the text lands (gongwen.landing), however it was put there:
alignment, indents, full-width spaces, a frame, a text box or a table cell. The 署名 ends within
`max_right_chars` 字 of the type area's right edge (GB/T 9704 7.3.5.2 puts it 2 字 from it);
the date does too, or starts no left of the 署名's first character (7.3.5.2 puts it 2 字 to
the right of it, so a date shorter than the 署名 ends further in). Where the page is not
known, a paragraph is at the right when right-aligned or pushed right by a left indent of at
least `min_left_chars` 字. In a PDF, where its lines are drawn (against the standard's type
area) is where it landed.

A 联合行文 sets its issuers side by side (7.3.5.1: names in a row, a seal over each), in one
line with gaps or in the cells of a borderless table: there the block is judged, not each
name: its right end stands at the right, and the date is judged against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gongwen import gbt9704 as g
from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import ALIGNMENTS, date_paragraphs, in_text
from gongwen.i18n import N_, t
from gongwen.landing import Landing, landing
from gongwen.model import Alignment, BoxKind, Document, Paragraph, Role
from gongwen.units import Pt

PARAMS: dict[str, Any] = {
    "min_left_chars": {"type": "number", "default": 8, "min": 0},
    "max_right_chars": {"type": "number", "default": 6, "min": 0},
}
# two names in one line: three or more spaces (of any width) or two tabs between them; one or
# two spaces part a 职务 from a name (局长　张伟), not two issuers
_GAP = re.compile(r"\S(?:[ \u3000]{3,}|\t{2,})\S")
# how far past the right edge rounding (a half-width space, a face's spacing) may carry text
_OVERHANG_CHARS = 0.5


def at_right(p: Paragraph, min_left_chars: float) -> bool:
    """Whether the paragraph is right-aligned or pushed right by its left indent."""
    if p.alignment in (Alignment.RIGHT,):
        return True
    left = p.indent_left_chars
    if left is None and p.indent_left is not None:
        left = p.indent_left.pt / 16.0
    return left is not None and left >= min_left_chars


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Hits for a date not right after the 署名, and for either not placed at the right."""
    signatures = doc.with_role(Role.SIGNATURE)
    dates = date_paragraphs(doc)
    if not signatures:
        return
    if doc.format != "pdf" or doc.layout is not None:
        placed = signatures
        column = _landing(doc, signatures[-1])
        if _side_by_side(signatures):
            landed = [(_landing(doc, p), p) for p in signatures]
            known = [(at, p) for at, p in landed if at is not None]
            placed, column = [], None  # cells of unknown place: only the date can be judged
            if known:
                column, rightmost = max(known, key=lambda pair: pair[0].right)
                placed = [rightmost]
        for p in [*placed, *dates[-1:]]:
            beside = column if p.role == Role.DATE else None
            yield from _placement(doc, p, beside, rule.params, ctx)
    if dates:
        flow = in_text(doc)
        after = flow.index(signatures[-1]) + 1 if signatures[-1] in flow else None
        if after is not None and (after >= len(flow) or flow[after] is not dates[-1]):
            yield Hit(
                N_("the date must be on the line right after the signature"),
                paragraph=dates[-1],
            )


def _side_by_side(signatures: list[Paragraph]) -> bool:
    """Whether the 署名 sets several names in a row: a line with gaps, or table cells."""
    if any(_GAP.search(p.text.strip()) for p in signatures):
        return True
    lefts = [p.box.left for p in signatures if p.box is not None and p.box.kind == BoxKind.CELL]
    return len(set(lefts)) > 1 or (len(lefts) > 1 and None in lefts)


def _landing(doc: Document, p: Paragraph) -> Landing | None:
    if doc.format == "pdf":
        return _drawn(doc, p)
    return landing(p, doc.sections[p.section] if p.section < len(doc.sections) else None)


def _drawn(doc: Document, p: Paragraph) -> Landing | None:
    """Where a PDF paragraph's last line is drawn, in 字 from the standard type area's left."""
    if doc.layout is None or p.page is None or p.page > len(doc.layout.pages):
        return None
    tail = "".join(p.text.split())[-4:]
    lines = doc.layout.pages[p.page - 1].lines
    line = next((ln for ln in reversed(lines) if "".join(ln.text.split()).endswith(tail)), None)
    if line is None or not tail:
        return None
    unit = Pt(line.size_pt or 16.0).mm
    left = g.MARGIN_LEFT.mm
    return Landing(
        left=(line.left.mm - left) / unit,
        right=(line.right.mm - left) / unit,
        width=g.TYPE_WIDTH.mm / unit,
    )


def _placement(
    doc: Document,
    p: Paragraph,
    signature: Landing | None,
    params: dict[str, Any],
    ctx: Context,
) -> Iterator[Hit]:
    """A hit when `p` does not stand at the right (a date: or in the 署名's column)."""
    landed = _landing(doc, p)
    if landed is None:
        if not at_right(p, params["min_left_chars"]):
            alignment = p.alignment.value if p.alignment else "left"
            yield _hit(p, t(ALIGNMENTS[alignment], ctx.lang), ctx)
        return
    if -_OVERHANG_CHARS <= landed.from_right <= params["max_right_chars"]:
        return
    if signature is not None and landed.left >= signature.left - _OVERHANG_CHARS:
        return
    actual = t(N_("ends {chars} characters from the right edge"), ctx.lang,
               chars=f"{landed.from_right:.1f}")  # fmt: skip
    yield _hit(p, actual, ctx)


def _hit(p: Paragraph, actual: str, ctx: Context) -> Hit:
    return Hit(
        N_("the signature and date must stand at the right"),
        paragraph=p,
        expected=t(ALIGNMENTS["right"], ctx.lang),
        actual=actual,
    )
