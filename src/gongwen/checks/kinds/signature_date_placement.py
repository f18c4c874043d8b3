"""署名 and 成文日期 (no seal): the date on the line right after the 署名, both at the right.

"At the right" means right-aligned, or right-indented / pushed right by a left indent of at
least `min_left_chars` 字 (GB/T 9704 7.3.5.2 places them 2 字 from the right edge).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import ALIGNMENTS, date_paragraphs, in_text
from gongwen.i18n import N_, t
from gongwen.model import Alignment, Document, Paragraph, Role

PARAMS: dict[str, Any] = {
    "min_left_chars": {"type": "number", "default": 8, "min": 0},
}


def at_right(p: Paragraph, min_left_chars: float) -> bool:
    """Whether the paragraph sits at the right of the type area."""
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
    for p in [*signatures, *dates[-1:]]:
        if doc.format != "pdf" and not at_right(p, rule.params["min_left_chars"]):
            yield Hit(
                N_("the signature and date must stand at the right"),
                paragraph=p,
                expected=t(ALIGNMENTS["right"], ctx.lang),
                actual=t(ALIGNMENTS[p.alignment.value if p.alignment else "left"], ctx.lang),
            )
    if dates:
        flow = in_text(doc)
        after = flow.index(signatures[-1]) + 1 if signatures[-1] in flow else None
        if after is not None and (after >= len(flow) or flow[after] is not dates[-1]):
            yield Hit(
                N_("the date must be on the line right after the signature"),
                paragraph=dates[-1],
            )
