"""Paper size: every section (or PDF page) is `width_mm` × `height_mm`, A4 by default.

A landscape section counts as the same paper turned. Parameters: width_mm, height_mm,
tolerance_mm (default 1).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

PARAMS: dict[str, Any] = {
    "width_mm": {"type": "number", "required": True, "min": 50},
    "height_mm": {"type": "number", "required": True, "min": 50},
    "tolerance_mm": {"type": "number", "default": 1, "min": 0},
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per section (or PDF page) of another size."""
    p = rule.params
    want = sorted((p["width_mm"], p["height_mm"]))
    expected = f"{p['width_mm']:g}×{p['height_mm']:g} mm"
    sizes: list[tuple[int | None, int | None, float, float]]
    sizes = [(i, None, s.page_width.mm, s.page_height.mm) for i, s in enumerate(doc.sections)]
    if not sizes:
        sizes = [(None, pg.number, pg.width.mm, pg.height.mm) for pg in doc.pages]
    for section, page, width, height in sizes:
        got = sorted((width, height))
        if any(abs(g - w) > p["tolerance_mm"] for g, w in zip(got, want, strict=True)):
            actual = f"{width:.0f}×{height:.0f} mm"
            yield Hit(
                N_("paper is {actual}, expected {expected}"),
                {"actual": actual, "expected": expected},
                section=section,
                page=page,
                expected=expected,
                actual=actual,
            )
            if page is not None:
                break  # one PDF page says it for the file
