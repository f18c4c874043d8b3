"""Column widths of an attachment table from what it holds.

Every column gets the room its longest entry needs on one line, as far as the type area
allows; what is left over goes to the columns whose entries must wrap, in as few lines as
fit (two at most where possible) and never leaving a single character on a line of its own
(…交通运输/局). Widths are counted in characters of the table's size: Chinese one, other
characters ¾ (as LibreOffice sets digits beside Chinese).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

_SLACK = 0.25  # of a character, so that the cap's characters surely fit a line


def chars(text: str) -> float:
    """The width of `text` in characters: wide ones 1, the others ¾."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.75 for c in text)


def _orphans(texts: Sequence[str], cap: int) -> bool:
    """Whether some entry, wrapped at `cap` characters, leaves one character on its last line."""
    return any(cap and len(t) > cap and len(t) % cap == 1 for t in texts if chars(t) == len(t))


def _wrap_cap(texts: Sequence[str], room: int) -> int:
    """The widest cap (characters a line) up to `room` at which no entry leaves an orphan."""
    longest = max((len(t) for t in texts), default=1)
    lowest = max(1, math.ceil(longest / 3), min(room, 4))  # no narrower than three lines
    for cap in range(min(room, longest), lowest - 1, -1):
        if not _orphans(texts, cap):
            return cap
    return max(1, min(room, longest))  # an orphan cannot be helped: the widest that fits


def column_widths(
    columns: Sequence[Sequence[str]], total: float, char: float, padding: float
) -> list[float]:
    """Widths of `columns` (each the texts of its cells, heading first) filling `total`.

    `char` is one character's width and `padding` a cell's left and right margins together,
    in the same unit as `total`.
    """
    # a heading may take two lines (报送/日期); an entry, one where it can
    need = [
        max(math.ceil(chars(col[0]) / 2), math.ceil(max((chars(t) for t in col[1:]), default=1)))
        for col in columns
    ]
    widths = [n * char + padding for n in need]
    if sum(widths) <= total:
        spare = total - sum(widths)  # shared in proportion, so the table spans the area
        return [w + spare * w / sum(widths) for w in widths]
    # Too wide: the widest column wraps (the next widest too, while the rest leave it less
    # than four characters a line), the others keep their entries on one line.
    order = sorted(range(len(columns)), key=lambda i: need[i], reverse=True)
    for k in range(1, len(columns) + 1):
        wrapping, fixed = order[:k], order[k:]
        room = total - sum(widths[i] for i in fixed)
        if room >= k * (4 * char + padding):
            break
    out = list(widths)
    weight = sum(need[i] for i in wrapping)
    for i in wrapping:
        share = room * need[i] / weight
        cap = _wrap_cap(columns[i], int((share - padding) / char - _SLACK))
        out[i] = (cap + _SLACK) * char + padding
    # what is left goes to the one-line columns: a wrapping column wider than its cap would
    # break its entries elsewhere, perhaps leaving the orphan the cap avoids
    spare = total - sum(out)
    takers = sorted(fixed) or wrapping
    base = sum(out[i] for i in takers)
    for i in takers:
        out[i] += spare * out[i] / base
    return out
