"""The colour of a PDF paragraph's text, from the page geometry's lines.

pypdf's text reading gives no fill colour; the page geometry (pdf_content) does, line by
line. A paragraph takes the colour of the lines it was read from, so that the checks see a
red 发文机关标志 (or red body text) in a PDF as they do in a .docx.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from gongwen.ingest.pdf_layout import PdfLayout, TextLine
from gongwen.model import Paragraph


def with_colours(paragraphs: Sequence[Paragraph], layout: PdfLayout) -> tuple[Paragraph, ...]:
    """The paragraphs, each run coloured as most of the paragraph's characters are drawn."""
    by_page = {page.number: list(page.lines) for page in layout.pages}
    cursor: dict[int, int] = {}
    result = []
    for p in paragraphs:
        lines = by_page.get(p.page or 0, [])
        start = cursor.get(p.page or 0, 0)
        colour, used = _colour(p.text, lines, start)
        cursor[p.page or 0] = used
        if colour is None or not p.runs:
            result.append(p)
            continue
        result.append(replace(p, runs=tuple(replace(run, color=colour) for run in p.runs)))
    return tuple(result)


def _colour(text: str, lines: list[TextLine], start: int) -> tuple[str | None, int]:
    """The RRGGBB colour of most of `text`'s characters, and the next unused line."""
    wanted = "".join(text.split())
    counts: Counter[str] = Counter()
    k = start
    while k < len(lines):
        piece = "".join(lines[k].text.split())
        if not piece or piece not in wanted:
            break
        counts[_hex(lines[k].color)] += len(piece)
        k += 1
    if not counts:  # not in reading order here: look at every line of the page once
        for line in lines:
            piece = "".join(line.text.split())
            if piece and piece in wanted:
                counts[_hex(line.color)] += len(piece)
    return (counts.most_common(1)[0][0] if counts else None), (k if k > start else start)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in rgb)
