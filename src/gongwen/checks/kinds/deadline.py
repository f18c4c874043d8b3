"""Receipt date: `when: late` reports a report received after the deadline plus grace days;
`when: weak_source` notes that the received date came from the document's own metadata.

The received date comes from the receipt register (收文登记) when one is given, else from the
file's properties, the weaker source, which a finding names. No received date, no finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.findings import ReceiptSource
from gongwen.i18n import N_, t
from gongwen.model import Document

PARAMS: dict[str, Any] = {
    "when": {"type": "string", "required": True, "allowed": ["late", "weak_source"]},
}

SOURCES = {
    ReceiptSource.REGISTER: N_("the receipt register"),
    ReceiptSource.METADATA: N_("the document's metadata"),
}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """A hit for a late report, or for a received date read from metadata."""
    from gongwen.checks.runner import is_on_time

    sub, rules = ctx.submission, ctx.rule_set
    if sub.received is None:
        return
    source = t(SOURCES[sub.received_source or ReceiptSource.METADATA], ctx.lang)
    if rule.params["when"] == "weak_source":
        if sub.received_source == ReceiptSource.METADATA:
            yield Hit(
                N_("received date {received} taken from the document's metadata, the weaker "
                   "source; give a receipt register to be sure"),
                {"received": sub.received.isoformat()},
                actual=source,
            )  # fmt: skip
        return
    if rules.deadline is None or is_on_time(sub.received, rules.deadline, rules.grace_days):
        return
    days = (sub.received - rules.deadline).days - rules.grace_days
    yield Hit(
        N_("received {received} (from {source}), {days} days after the deadline {deadline} "
           "(grace {grace} days)"),
        {"received": sub.received.isoformat(), "source": source, "days": days,
         "deadline": rules.deadline.isoformat(), "grace": rules.grace_days},
        expected=rules.deadline.isoformat(),
        actual=sub.received.isoformat(),
    )  # fmt: skip
