"""Required elements: the rule set's `elements: required` (title, body, heading, signature,
date) are all present; one hit per missing element.

Rules about a missing element are skipped, so a missing element is reported once, here.
No parameters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import elements_of
from gongwen.i18n import N_, t
from gongwen.model import Document

PARAMS: dict[str, Any] = {}

NAMES = {
    "copy_number": N_("the copy number"),
    "secrecy": N_("the secrecy level"),
    "urgency": N_("the urgency"),
    "issuer_mark": N_("the issuer mark"),
    "doc_number": N_("the document number"),
    "signer": N_("the signer"),
    "title": N_("the title"),
    "recipient": N_("the recipient"),
    "heading": N_("headings"),
    "body": N_("the body text"),
    "attachment_note": N_("the attachment note"),
    "signature": N_("the signature"),
    "date": N_("the date"),
    "note": N_("the note"),
    "attachment": N_("the attachment"),
    "imprint": N_("the imprint"),
    "page_number": N_("page numbers"),
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per required element the document lacks."""
    for name in ctx.rule_set.elements.required:
        if name not in elements_of(ctx):
            shown = t(NAMES.get(name, name), ctx.lang)
            yield Hit(N_("{element} is missing"), {"element": shown}, expected=shown)
