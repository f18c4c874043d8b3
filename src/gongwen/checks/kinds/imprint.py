"""版记 (only when present): `抄送：` with a full-width colon and a closing 。, and an
`印发` line whose date has Arabic numerals and no leading zeros, in 4号 (14 pt).

GB/T 9704 7.4.2–7.4.3 (规定). Parameters: size_pt, tolerance_pt.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.dates import read_date
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import size_problem
from gongwen.i18n import N_, t
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {
    "size_pt": {"type": "number", "default": 14, "min": 1},
    "tolerance_pt": {"type": "number", "default": 0.1, "min": 0},
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Hits for each 版记 line with a wrong form or size."""
    lines = doc.with_role(Role.IMPRINT)
    for k, p in enumerate(lines):
        text = p.text.strip()
        if text.startswith("抄送"):
            # a PDF gives a wrapped 抄送 line apart: its names run on after a ， or 、
            for rest in lines[k + 1 :]:
                if not text.endswith(("，", "、", ",")):
                    break
                text += rest.text.strip()
            if not text.startswith("抄送："):
                yield Hit(N_("抄送 must be followed by a full-width colon ："), paragraph=p,
                          expected="抄送：……。", actual=text[:8])  # fmt: skip
            if not text.endswith("。"):
                yield Hit(N_("the 抄送 line must end with 。"), paragraph=p,
                          expected="……。", actual=text[-8:])  # fmt: skip
        written = read_date(text) if "印发" in text else None
        if written is not None:
            for msgid in written.problems:
                yield Hit(
                    N_("the date {actual}: {problem}"),
                    {"actual": written.text, "problem": t(msgid, ctx.lang)},
                    paragraph=p,
                    actual=written.text,
                )
        hit = size_problem(
            p, p.dominant_size(), rule.params["size_pt"], rule.params["tolerance_pt"]
        )
        if hit:
            yield hit
