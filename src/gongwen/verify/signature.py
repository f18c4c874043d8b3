"""The 署名 and 成文日期 as they land on the page (GB/T 9704 7.3.5.1, 7.3.5.2), measured by
where the characters are, whatever the width of the digits in the face used.

Measured on documents laid out as a 公文 (a 版头 or a 版记): a report an official signs with
his name is held to GB307's looser "at the right" on the .docx side, and so here.

A date whose right end is 4 字 inside the type area is taken as the sealed layout (7.3.5.1:
the 署名 centred over the date); otherwise the unsealed one (7.3.5.2: the date's first
character 2 字 right of the 署名's, and whichever is longer 2 字 inside the right edge)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.i18n import N_
from gongwen.units import Pt
from gongwen.verify.measure import Context, Hit, mm

_RIGHT_MM = 184.0


def signature_placement(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
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
    if abs(_RIGHT_MM - date.right.mm - 4 * char) <= tol:  # sealed: 署名 over the date's middle
        got = (sig.left.mm + sig.right.mm) / 2 - (date.left.mm + date.right.mm) / 2
        if abs(got) > tol:
            yield Hit(N_("the signature's middle is {actual} off the date's middle, expected "
                         "centred over it"), {"actual": mm(abs(got))}, page=date.page,
                      snippet=sig.text[:20], expected=mm(0), actual=mm(got))
        return
    gap = date.left.mm - sig.left.mm
    if abs(gap - 2 * char) > tol:
        yield Hit(N_("the date starts {actual} right of the signature's first character, "
                     "expected {expected} (2 字)"), {"actual": mm(gap), "expected": mm(2 * char)},
                  page=date.page, snippet=date.text, expected=mm(2 * char), actual=mm(gap))
    inset = _RIGHT_MM - max(sig.right.mm, date.right.mm)
    if abs(inset - 2 * char) > tol:
        yield Hit(N_("the signature block ends {actual} inside the right edge, expected "
                     "{expected} (2 字)"), {"actual": mm(inset), "expected": mm(2 * char)},
                  page=date.page, snippet=sig.text[:20], expected=mm(2 * char),
                  actual=mm(inset))


KINDS = {"pdf_signature_placement": signature_placement}
