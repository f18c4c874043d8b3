"""The top of the red mark's ink is `below_type_top_mm` under the type area's top.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: below_type_top_mm, tolerance_mm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import PdfView, mm, off
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "below_type_top_mm": {"type": "number", "required": True},
    "tolerance_mm": {"type": "number", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """The top of the red mark's ink is `below_type_top_mm` under the type area's top."""
    if not ctx.elements.mark or ctx.elements.letter:  # a letter's mark: verify.letter
        return
    line = ctx.elements.mark[0]
    got_ink = ctx.ink(line)
    if got_ink is None:
        return
    want = 37 + p["below_type_top_mm"]
    got = got_ink.top.mm
    if off(got, want, p["tolerance_mm"]):
        yield Hit(
            N_(
                "the top edge of the issuer's mark is {actual} from the top of the paper, "
                "expected {expected} (35 mm under the type area)"
            ),
            {"actual": mm(got), "expected": mm(want)},
            page=1,
            snippet=line.text[:20],
            expected=mm(want),
            actual=mm(got),
        )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
