"""信函格式 (GB/T 9704 10.1) measured on a rendered PDF: the mark 30 mm below the paper's top
edge, the red double rules (thick over thin under the mark, thin over thick 20 mm above the
bottom edge, 170 mm, centred), the 发文字号 flush right under the upper rule, and no page
number on page 1. Every measure here yields nothing for a page 1 in another form."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.i18n import N_
from gongwen.units import Mm, Pt
from gongwen.verify.measure import Context, Hit, _off, mm


def _pairs(ctx: Context) -> tuple[list[Any], list[Any]]:
    """The upper and the lower double rule, each top to bottom."""
    rules = ctx.elements.letter_rules
    return [r for r in rules if r.top < Mm(150)], [r for r in rules if r.top >= Mm(150)]


def letter_mark(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The top of the mark's ink is `top_mm` below the paper's top edge."""
    if not ctx.elements.letter or not ctx.elements.mark:
        return
    line = ctx.elements.mark[0]
    upper, _ = _pairs(ctx)
    got_ink = ctx.ink(line) if not upper else _above(ctx, line, upper[0].top)
    if got_ink is None:
        return
    if _off(got_ink.top.mm, p["top_mm"], p["tolerance_mm"]):
        yield Hit(
            N_("the letter's mark starts {actual} from the top of the paper, expected {expected}"),
            {"actual": mm(got_ink.top.mm), "expected": mm(p["top_mm"])},
            page=1,
            snippet=line.text[:20],
            expected=mm(p["top_mm"]),
            actual=mm(got_ink.top.mm),
        )


def _above(ctx: Context, line: Any, limit: Any) -> Any:
    """The ink of `line` above `limit` (the rule under it must not count as its ink)."""
    from gongwen.ingest.pdf_layout import ink

    return ink(ctx.path, line.page, Mm(max(0.0, line.em_top.mm - 3)), limit, line.left, line.right)


def letter_rules(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Two double rules, `length_mm` long and centred; the upper one thick over thin and
    `below_mark_mm` under the mark, the lower thin over thick, `above_bottom_mm` above the
    paper's bottom edge."""
    if not ctx.elements.letter:
        return
    upper, lower = _pairs(ctx)
    tol = p["tolerance_mm"]
    half = p["length_mm"] / 2
    want = f"{105 - half:.1f}–{105 + half:.1f} mm"
    for rule in [*upper, *lower]:
        if _off(rule.left.mm, 105 - half, tol) or _off(rule.right.mm, 105 + half, tol):
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
        mark = _above(ctx, ctx.elements.mark[0], upper[0].top)
        if mark is not None:
            gap = upper[0].top.mm - mark.bottom.mm
            if _off(gap, p["below_mark_mm"], tol):
                yield Hit(
                    N_("the upper double rule is {actual} under the mark, expected {expected}"),
                    {"actual": mm(gap), "expected": mm(p["below_mark_mm"])},
                    page=1,
                    expected=mm(p["below_mark_mm"]),
                    actual=mm(gap),
                )
    want_bottom = 297 - p["above_bottom_mm"]
    if _off(lower[1].bottom.mm, want_bottom, tol):
        yield Hit(
            N_(
                "the lower double rule ends {actual} from the top of the paper, expected {expected}"
            ),
            {"actual": mm(lower[1].bottom.mm), "expected": mm(want_bottom)},
            page=1,
            expected=mm(want_bottom),
            actual=mm(lower[1].bottom.mm),
        )


def letter_number(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The 发文字号 ends at the type area's right edge, its ink ⅞ of a 3号 character under the
    upper double rule."""
    number = ctx.elements.letter_number
    upper, _ = _pairs(ctx)
    if number is None or not upper:
        return
    tol = p["tolerance_mm"]
    if _off(number.right.mm, p["right_mm"], tol):
        yield Hit(
            N_(
                "the letter's document number ends {actual} from the paper's left edge, "
                "expected {expected} (flush right)"
            ),
            {"actual": mm(number.right.mm), "expected": mm(p["right_mm"])},
            page=1,
            snippet=number.text[:20],
            expected=mm(p["right_mm"]),
            actual=mm(number.right.mm),
        )
    got_ink = ctx.ink(number)
    if got_ink is None:
        return
    gap, want = got_ink.top.mm - upper[-1].bottom.mm, Pt(p["below_rule_pt"]).mm
    if _off(gap, want, tol):
        yield Hit(
            N_(
                "the letter's document number is {actual} under the double rule, expected "
                "{expected}"
            ),
            {"actual": mm(gap), "expected": mm(want)},
            page=1,
            snippet=number.text[:20],
            expected=mm(want),
            actual=mm(gap),
        )


def letter_first_page(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Page 1 of a letter carries no page number."""
    if not ctx.elements.letter or not ctx.layout.pages:
        return
    numbers = ctx.elements.page_numbers(ctx.layout.pages[0])
    if numbers:
        yield Hit(
            N_("page 1 of a letter carries page number {actual}"),
            {"actual": numbers[0].text.strip()},
            page=1,
            expected="—",
            actual=numbers[0].text.strip(),
        )


KINDS = {
    "pdf_letter_mark": letter_mark,
    "pdf_letter_rules": letter_rules,
    "pdf_letter_number": letter_number,
    "pdf_letter_first_page": letter_first_page,
}


def signer_line(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """An 上行文's 发文字号 line: the number one 字 in from the left, the 签发人 ending one 字
    from the right (7.2.5, 7.2.6)."""
    rule = ctx.elements.red_rule
    if rule is None or not ctx.layout.pages:
        return
    lines = [ln for ln in ctx.layout.pages[0].lines
             if "签发人" in ln.text and ln.baseline < rule.top]
    if not lines:
        return
    line, char, tol = lines[-1], Pt(16).mm, p["tolerance_mm"]
    for got, want, side in ((line.left.mm, 28 + char, N_("left end")),
                            (line.right.mm, 184 - char, N_("right end"))):
        if _off(got, want, tol):
            yield Hit(N_("the {side} of the line with the 签发人 is {actual} from the paper's "
                         "left edge, expected {expected} (one 字 in)"),
                      {"side": side, "actual": mm(got), "expected": mm(want)}, page=1,
                      snippet=line.text[:20], expected=mm(want), actual=mm(got))


KINDS["pdf_signer_line"] = signer_line
