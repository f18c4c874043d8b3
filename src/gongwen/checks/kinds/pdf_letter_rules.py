"""Two double rules, `length_mm` long and centred; the upper one thick over thin and
`below_mark_mm` under the mark, the lower thin over thick, `above_bottom_mm` above the
paper's bottom edge.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: length_mm, below_mark_mm,
above_bottom_mm, tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, ink_above, letter_pairs, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "length_mm": {"type": "number", "required": True},
    "below_mark_mm": {"type": "number", "required": True},
    "above_bottom_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """Two double rules, `length_mm` long and centred; the upper one thick over thin and
    `below_mark_mm` under the mark, the lower thin over thick, `above_bottom_mm` above the
    paper's bottom edge."""
    if not ctx.elements.letter:
        return
    upper, lower = letter_pairs(ctx)
    tol = p["tolerance_mm"]
    half = p["length_mm"] / 2
    want = f"{105 - half:.1f}–{105 + half:.1f} mm"
    for rule in [*upper, *lower]:
        if off(rule.left.mm, 105 - half, tol) or off(rule.right.mm, 105 + half, tol):
            got = f"{rule.left.mm:.1f}–{rule.right.mm:.1f} mm"
            yield Hit(
                N_(
                    "a double rule of the letter runs {actual} from the paper's left edge, "
                    "expected {expected}"
                ),
                {"actual": got, "expected": want},
                page=1,
                expected=want,
                actual=got,
            )
            return
    if len(upper) != 2 or len(lower) != 2:
        got = f"{len(upper)} + {len(lower)}"
        yield Hit(
            N_("the letter has {actual} red rules above and below, expected two double rules"),
            {"actual": got},
            page=1,
            expected="2 + 2",
            actual=got,
        )
        return
    if not (upper[0].thickness > upper[1].thickness and lower[1].thickness > lower[0].thickness):
        yield Hit(
            N_("the double rules are not thick over thin above and thin over thick below"),
            {},
            page=1,
            expected=N_("thick over thin, thin over thick"),
            actual=N_("otherwise"),
        )
    if ctx.elements.mark:
        mark = ink_above(ctx, ctx.elements.mark[0], upper[0].top)
        if mark is not None:
            gap = upper[0].top.mm - mark.bottom.mm
            if off(gap, p["below_mark_mm"], tol):
                yield Hit(
                    N_("the upper double rule is {actual} under the mark, expected {expected}"),
                    {"actual": mm(gap), "expected": mm(p["below_mark_mm"])},
                    page=1,
                    expected=mm(p["below_mark_mm"]),
                    actual=mm(gap),
                )
    want_bottom = 297 - p["above_bottom_mm"]
    if off(lower[1].bottom.mm, want_bottom, tol):
        yield Hit(
            N_(
                "the lower double rule ends {actual} from the top of the paper, expected {expected}"
            ),
            {"actual": mm(lower[1].bottom.mm), "expected": mm(want_bottom)},
            page=1,
            expected=mm(want_bottom),
            actual=mm(lower[1].bottom.mm),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
