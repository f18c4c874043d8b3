"""List numbers in a format that could not be shown: the numbers the reader sees are unknown.

Headings numbered by Word's automatic lists are read with the numbers Word shows (一、 （一）
1. …) in every format of ECMA-376. A format outside that list (or a `custom` pattern other
than zero-padded digits) is shown in digits, as a reader that does not know it shows it;
heading and section checks on those paragraphs may then be wrong, so the file says so, once
per format, at the first paragraph numbered in it. No parameters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_, t
from gongwen.model import Document

PARAMS: dict[str, Any] = {}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per list number format ingest could not show."""
    for fmt, index in doc.unshown_number_formats:
        paragraph = doc.paragraphs[index] if 0 <= index < len(doc.paragraphs) else None
        yield Hit(
            N_(
                "automatic list numbers in the format {format} cannot be shown as Word shows "
                "them; they were read as digits, so the headings numbered with them may be "
                "judged wrongly"
            ),
            {"format": fmt},
            paragraph=paragraph,
            expected=t(N_("a list number format of ECMA-376"), ctx.lang),
            actual=fmt,
        )
