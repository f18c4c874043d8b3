"""Characters per line (.docx): the body sets `chars` characters a line (28, GB/T 9704 5.2.3).

Worked out as Word lays the text: the line is the type area's width (page width less the
left and right margins); a character takes its size (scaled by its width `w:w`) plus its
character spacing, or, under a character grid (`w:docGrid` of type linesAndChars or
snapToChars), the body size plus the grid's `charSpace`. Without either, 3号 text in a
156 mm line gives 27 characters, not 28: the usual remedies are a character spacing of
−0.25 pt or a grid of 28 characters a line. The body's format is that of most of its CJK
characters; one finding per section. A PDF is measured on the page instead (GB704).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import in_text
from gongwen.i18n import N_
from gongwen.model import Document, Section, cjk_count

PARAMS: dict[str, Any] = {
    "chars": {"type": "integer", "required": True, "min": 1},
    "roles": {"type": "list", "default": ["body"], "schema": {"type": "string"}},
}

_CHAR_GRIDS = ("linesAndChars", "snapToChars")
_Format = tuple[float, float, int]  # size pt, character spacing pt, width %


def _body_formats(doc: Document, roles: list[str]) -> dict[int, _Format]:
    """Section → the (size, spacing, width) of most body CJK characters in it."""
    counts: dict[int, Counter[_Format]] = {}
    for p in in_text(doc):
        if p.role.value not in roles:
            continue
        for run in p.runs:
            n = cjk_count(run.text)
            if n and run.size_pt is not None:
                key = (run.size_pt, run.char_spacing_pt or 0.0, run.char_scale_pct or 100)
                counts.setdefault(p.section, Counter())[key] += n
    return {s: c.most_common(1)[0][0] for s, c in counts.items()}


def chars_per_line(section: Section, fmt: _Format) -> tuple[int, float]:
    """How many characters of `fmt` a line of `section` holds, and each one's pitch in pt."""
    size, spacing, scale = fmt
    width = section.page_width.pt - section.margin_left.pt - section.margin_right.pt
    if section.grid_type in _CHAR_GRIDS and section.char_space is not None:
        pitch = size + section.char_space.pt
    else:
        pitch = size * scale / 100 + spacing
    if pitch <= 0 or width <= 0:
        return 0, pitch
    return math.floor(width / pitch + 1e-6), pitch


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per section whose body lines hold another number of characters than `chars`."""
    if doc.format == "pdf":
        return
    want = rule.params["chars"]
    for index, fmt in sorted(_body_formats(doc, rule.params["roles"]).items()):
        if index >= len(doc.sections):
            continue
        section = doc.sections[index]
        count, pitch = chars_per_line(section, fmt)
        if count == want:
            continue
        width = section.page_width.mm - section.margin_left.mm - section.margin_right.mm
        yield Hit(
            N_("{actual} characters a line, expected {expected}: a line of {width} mm holds "
               "characters {pitch} pt apart ({size} pt text); set a character spacing or a "
               "character grid of {expected} characters a line"),
            {"actual": count, "expected": want, "width": f"{width:.1f}",
             "pitch": f"{pitch:.2f}", "size": f"{fmt[0]:g}"},
            section=index,
            expected=str(want),
            actual=str(count),
        )  # fmt: skip
