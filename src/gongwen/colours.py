"""Red, written once: what the 版头's mark and rules are printed in (GB/T 9704 7.2.4, 7.2.7).

A .docx gives a colour as RRGGBB, a PDF as RGB fractions; both are red when the red channel is
strong and the other two weak, which takes pure red and the darker reds offices pick (C00000).
"""

from __future__ import annotations

RED_MIN, OTHER_MAX = 0.6, 0.35  # as fractions of full intensity


def is_red_rgb(color: tuple[float, float, float]) -> bool:
    """Whether an RGB colour (fractions 0..1) reads as red."""
    r, g, b = color
    return r > RED_MIN and g < OTHER_MAX and b < OTHER_MAX


def is_red(color: str | None) -> bool:
    """Whether an RRGGBB colour reads as red; None (automatic) is not."""
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = (int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return False
    return is_red_rgb((r, g, b))
