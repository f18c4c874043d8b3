"""Where the 署名 and the 成文日期 stand against each other and the right edge.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import TYPE_RIGHT_MM, PdfView, mm
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document
from gongwen.units import Pt

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """Where the 署名 and the 成文日期 stand against each other and the right edge."""
    e = ctx.elements
    if e.red_rule is None and not e.letter and e.imprint is None:
        return  # not laid out as an issuing body's 公文 (a personal report signs as it likes)
    date = e.date_line
    if date is None:
        return
    page = ctx.layout.pages[date.page - 1]
    above = [ln for ln in ctx.elements.body_lines(page) if ln.baseline < date.baseline]
    if not above:
        return
    sig, char, tol = above[-1], Pt(date.size_pt).mm, p["tolerance_mm"]
    if abs(TYPE_RIGHT_MM - date.right.mm - 4 * char) <= tol:  # sealed: 署名 over the date's middle
        got = (sig.left.mm + sig.right.mm) / 2 - (date.left.mm + date.right.mm) / 2
        if abs(got) > tol:
            yield Hit(
                N_(
                    "the signature's middle is {actual} off the date's middle, expected "
                    "centred over it"
                ),
                {"actual": mm(abs(got))},
                page=date.page,
                snippet=sig.text[:20],
                expected=mm(0),
                actual=mm(got),
            )
        return
    gap = date.left.mm - sig.left.mm
    if abs(gap - 2 * char) > tol:
        yield Hit(
            N_(
                "the date starts {actual} right of the signature's first character, "
                "expected {expected} (2 字)"
            ),
            {"actual": mm(gap), "expected": mm(2 * char)},
            page=date.page,
            snippet=date.text,
            expected=mm(2 * char),
            actual=mm(gap),
        )
    inset = TYPE_RIGHT_MM - max(sig.right.mm, date.right.mm)
    if abs(inset - 2 * char) > tol:
        yield Hit(
            N_(
                "the signature block ends {actual} inside the right edge, expected "
                "{expected} (2 字)"
            ),
            {"actual": mm(inset), "expected": mm(2 * char)},
            page=date.page,
            snippet=sig.text[:20],
            expected=mm(2 * char),
            actual=mm(inset),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
