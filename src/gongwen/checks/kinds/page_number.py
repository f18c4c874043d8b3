"""Page numbers (only when present): `— 1 —` with 一字线 (U+2014), 4号 宋体, odd right, even left.

GB/T 9704 7.5 (一般). The form and size are read from the page-number paragraphs of the
footers; the placement from the sections: where the number lands on odd and on even pages,
whether odd and even footers differ or one frame or text box aligned `outside` mirrors
itself. Parameters: category, size_pt, odd_even.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import ALIGNMENTS, face_problem, size_problem, unknown_category
from gongwen.faces import face_of
from gongwen.i18n import N_, t
from gongwen.model import Alignment, Document, Paragraph, Role

PARAMS: dict[str, Any] = {
    "category": {"type": "string", "required": True},
    "size_pt": {"type": "number", "required": True, "min": 1},
    "tolerance_pt": {"type": "number", "default": 0.1, "min": 0},
    "odd_even": {"type": "boolean", "default": True},
}

_FORM = re.compile(r"^\s*—\s*\S+\s*—\s*$")


def validate(
    params: dict[str, Any], fonts: dict[str, Any]
) -> list[tuple[str, str, dict[str, str]]]:
    """The category must be one of the fonts table."""
    return unknown_category("category", params["category"], fonts)


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Hits for a page number of another form, face or size, and for its placement."""
    p = rule.params
    for para in doc.with_role(Role.PAGE_NUMBER)[:2]:  # the odd and the even footer say it all
        if not _FORM.match(para.text):
            yield Hit(N_("page number is {actual}, expected the form — 1 —"),
                      {"actual": para.text.strip()}, paragraph=para,
                      expected="— 1 —", actual=para.text.strip())  # fmt: skip
        # 7.5 asks for half-width 宋体 digits: each character is judged in the face Word sets
        # it in (digits in the ascii face, the dashes in hAnsi or, hinted, eastAsia)
        face = _face(para, str.isdigit) or _face(para, lambda c: c == "—")
        sizes = [r.size_pt for r in para.runs if r.text.strip() and r.size_pt]
        for hit in (
            face_problem(ctx, para, face, p["category"]),
            size_problem(para, sizes[0] if sizes else None, p["size_pt"], p["tolerance_pt"]),
        ):
            if hit:
                yield hit
    if not p["odd_even"]:
        return
    for i, section in enumerate(doc.sections):
        if not section.page_number_field:
            continue
        odd, even = section.page_number_odd, section.page_number_even
        if (odd, even) != (Alignment.RIGHT, Alignment.LEFT):
            actual = t(
                N_("odd pages {odd}, even pages {even}"),
                ctx.lang,
                odd=_side(odd, ctx.lang),
                even=_side(even, ctx.lang),
            )
            yield Hit(
                N_("page numbers stand {actual}; expected right on odd pages, left on even pages"),
                {"actual": actual},
                section=i,
                expected=t(N_("odd pages right, even pages left"), ctx.lang),
                actual=actual,
            )


def _face(para: Paragraph, wanted: Callable[[str], bool]) -> str | None:
    """The face of the first character that is `wanted`, if the run names one."""
    for run in para.runs:
        for char in run.text:
            if wanted(char):
                return face_of(run, char) or run.font_east_asia
    return None


def _side(side: Alignment | None, lang: str) -> str:
    """Where a page number stands, in words (no number at all: none)."""
    return t(ALIGNMENTS[side.value] if side else N_("no page number"), lang)
