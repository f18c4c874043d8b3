"""A full line of 三号 Chinese text holds `chars` characters.

Measured on the rendered PDF (GB/T 9704 in mm). Parameters: chars, allow_hanging_punctuation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.measure import BODY_SIZE, FULL_WIDTH, PdfView, hangs
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document

FORMAT = "pdf"
PARAMS: dict[str, Any] = {
    "chars": {"type": "number", "required": True},
    "allow_hanging_punctuation": {"type": "boolean", "required": True},
}


def measure(ctx: PdfView, p: dict[str, Any]) -> Iterator[Hit]:
    """A full line of 三号 Chinese text holds `chars` characters."""
    pages = [
        (
            page,
            [
                line
                for line in ctx.elements.body_lines(page)
                if abs(line.size_pt - BODY_SIZE) < 0.5 and len(line.text.strip()) >= 10
            ],
        )
        for page in ctx.layout.pages
    ]
    every = [line for _, lines in pages for line in lines]
    if not every:
        return
    # The text block's edges over the whole document: on a last page holding only a
    # 署名, that line would otherwise span its own page's block and pass for a full line.
    left = min(line.left.pt for line in every)
    right = max(line.right.pt for line in every)
    half = BODY_SIZE / 2
    for page, lines in pages:
        for line in lines:
            text = line.text.strip()
            if hangs(line, p):
                text = text[:-1]
            full = abs(line.left.pt - left) < 1.5 and right - line.right.pt < half
            if full and FULL_WIDTH.match(text) and len(text) != p["chars"]:
                yield Hit(
                    N_("a full line has {actual} characters, expected {expected}"),
                    {"actual": len(text), "expected": p["chars"]},
                    page=page.number,
                    snippet=text[:20],
                    expected=str(p["chars"]),
                    actual=str(len(text)),
                )
                break


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """The measurement on the PDF's layout; nothing for a .docx."""
    if ctx.pdf is not None:
        yield from measure(ctx.pdf, rule.params)
