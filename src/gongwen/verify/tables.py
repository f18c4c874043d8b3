"""Tables as they read on the rendered page: no entry wrapped so that one character stands
on a line of its own (…交通运输/局)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from gongwen.i18n import N_
from gongwen.verify.measure import Context, Hit

_BODY_PT = 16.0


def _wide(text: str) -> bool:
    return len(text) == 1 and unicodedata.east_asian_width(text) in "WF"


def orphan_lines(ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A line of one Chinese character in smaller-than-body text, right under a line of the
    same cell (the same left edge, one table line above)."""
    for page in ctx.layout.pages:
        lines = [ln for ln in ctx.elements.body_lines(page) if ln.size_pt < _BODY_PT - 0.5]
        for line in lines:
            if not _wide(line.text.strip()):
                continue
            above = [
                ln
                for ln in lines
                if abs(ln.left.mm - line.left.mm) <= p["tolerance_mm"]
                and 0 < line.baseline.pt - ln.baseline.pt <= p["max_gap_pt"]
            ]
            if above:
                yield Hit(
                    N_("a table entry leaves one character on a line of its own: “{actual}”"),
                    {"actual": above[-1].text.strip() + line.text.strip()},
                    page=page.number,
                    snippet=line.text.strip(),
                    expected=N_("at least two characters a line"),
                    actual=line.text.strip(),
                )


KINDS = {"pdf_table_orphans": orphan_lines}
