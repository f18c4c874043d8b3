"""附件说明 (only when present): `附件：名称`, full-width colon, no punctuation after a name.

Several attachments are numbered `附件：1. 名称` with the following names on their own
lines (GB/T 9704 7.3.4, 规定). No parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.i18n import N_
from gongwen.model import Document, Role

PARAMS: dict[str, Any] = {}

_TRAILING = re.compile(r"[。，、；：,.;:]$")


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Hits for a missing ： after 附件 and for punctuation closing a name."""
    for p in doc.with_role(Role.ATTACHMENT_NOTE):
        text = p.text.strip()
        if text.startswith("附件") and not text.startswith("附件："):
            yield Hit(
                N_("附件 must be followed by a full-width colon ："),
                paragraph=p,
                expected="附件：……",
                actual=text[:8],
            )
        if _TRAILING.search(text):
            yield Hit(
                N_("no punctuation after an attachment's name"),
                paragraph=p,
                expected=text[:-1][-10:],
                actual=text[-10:],
            )
