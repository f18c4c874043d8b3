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

RESYNC = 4  # lines the text reading may have left out (a line it read otherwise) before one held


def with_colours(paragraphs: Sequence[Paragraph], layout: PdfLayout) -> tuple[Paragraph, ...]:
    """The paragraphs, each run coloured as most of the paragraph's characters are drawn."""
    lines = [line for page in layout.pages for line in page.lines]
    by_page = {page.number: page.lines for page in layout.pages}
    cursor = 0
    result = []
    for p in paragraphs:
        while cursor < len(lines) and lines[cursor].page < (p.page or 0):
            cursor += 1
        colour, cursor = _colour(p, lines, cursor, by_page.get(p.page or 0, ()))
        if colour is None or not p.runs:
            result.append(p)
            continue
        result.append(replace(p, runs=tuple(replace(run, color=colour) for run in p.runs)))
    return tuple(result)


def _colour(
    p: Paragraph, lines: list[TextLine], start: int, page: Sequence[TextLine]
) -> tuple[str | None, int]:
    """The RRGGBB colour of most of the paragraph's characters, and the next unused line.

    The lines the paragraph was read from follow one another (over a page break too), past a
    few the text reading gave otherwise; where they do not (the geometry and the text were read
    in another order), any line of its page that it holds counts, and nothing is used up."""
    wanted = "".join(p.text.split())
    counts: Counter[str] = Counter()
    k = next((j for j in range(start, min(start + RESYNC, len(lines))) if _holds(wanted, lines[j])),
             start)  # fmt: skip
    while k < len(lines):
        piece = "".join(lines[k].text.split())
        if not piece or piece not in wanted:
            break
        counts[_hex(lines[k].color)] += len(piece)
        k += 1
    if not counts:
        for line in page:
            piece = "".join(line.text.split())
            if piece and piece in wanted:
                counts[_hex(line.color)] += len(piece)
    return (counts.most_common(1)[0][0] if counts else None), k


def _holds(wanted: str, line: TextLine) -> bool:
    piece = "".join(line.text.split())
    return bool(piece) and piece in wanted


def _hex(rgb: tuple[float, float, float]) -> str:
    return "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in rgb)
