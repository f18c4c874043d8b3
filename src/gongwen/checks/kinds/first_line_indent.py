"""First-line indent: body paragraphs start `chars` 字 in (two by default, GB/T 9704 7.3.3).

What is judged is where the first line starts: the left indent and the first-line indent
together, so that a list level's `left=1080 hanging=440` (the number 640 twips, 2 字 in) is
two characters. Each counts when given in characters (w:firstLineChars, w:leftChars) or,
failing that, in length: `chars` × the paragraph's size (32 pt for 三号). Each deviating
paragraph is reported, up to `max_findings`; the last one counts the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import in_text, merged
from gongwen.i18n import N_
from gongwen.model import Document, Paragraph
from gongwen.units import Length

PARAMS: dict[str, Any] = {
    "chars": {"type": "number", "required": True},
    "tolerance_chars": {"type": "number", "default": 0.25, "min": 0},
    "roles": {"type": "list", "default": ["body"], "schema": {"type": "string"}},
    "max_findings": {"type": "integer", "default": 3, "min": 1},
}


def indent_chars(p: Paragraph) -> float | None:
    """Where the first line starts, in 字 from the margin (left and first-line indents, from
    characters or from length and size); None if unknown."""
    size = p.dominant_size() or 16.0
    left = _chars(p.indent_left_chars, p.indent_left, size) or 0.0
    first = _chars(p.indent_first_chars, p.indent_first, size)
    if first is None:
        return left if p.runs else None
    return left + first


def _chars(chars: float | None, length: Length | None, size: float) -> float | None:
    if chars is not None:
        return chars
    return length.pt / size if length is not None else None


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per body paragraph indented otherwise, merged after `max_findings`."""
    want, tol = rule.params["chars"], rule.params["tolerance_chars"]
    hits = []
    for p in in_text(doc):
        if p.role.value not in rule.params["roles"]:
            continue
        got = indent_chars(p)
        if got is not None and abs(got - want) > tol:
            hits.append(
                Hit(
                    N_("first-line indent is {actual} characters, expected {expected}"),
                    {"actual": f"{got:.2g}", "expected": f"{want:g}"},
                    paragraph=p,
                    expected=f"{want:g}",
                    actual=f"{got:.2g}",
                )
            )
    yield from merged(hits, rule.params["max_findings"])
