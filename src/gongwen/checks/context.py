"""What a check is given (the submission and a context) and what it yields (hits)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from gongwen.findings import ReceiptSource
from gongwen.i18n import DEFAULT_LANG
from gongwen.model import Document, Paragraph

if TYPE_CHECKING:
    from gongwen.checks.ruleset import RuleSet


@dataclass(frozen=True)
class Submission:
    """What the office knows about a submitted file besides its content."""

    file: str
    received: dt.date | None = None
    received_source: ReceiptSource | None = None
    department: str | None = None
    official: str | None = None
    last_year_issues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One thing a kind found: a message id with its arguments, and where."""

    msgid: str
    args: Mapping[str, Any] = field(default_factory=dict)
    paragraph: Paragraph | None = None
    page: int | None = None
    section: int | None = None  # 0-based index into Document.sections
    expected: str | None = None
    actual: str | None = None
    more: int = 0  # further paragraphs with the same problem, merged into this hit


class Context:
    """The document, the rule set and the submission of one run, with shared derived values."""

    def __init__(
        self, doc: Document, rule_set: RuleSet, submission: Submission, lang: str = DEFAULT_LANG
    ) -> None:
        self.doc = doc
        self.rule_set = rule_set
        self.submission = submission
        self.lang = lang

    @cached_property
    def facts(self) -> dict[str, Any]:
        """The facts record of the document (see `checks.facts`)."""
        from gongwen.checks.facts import facts

        return facts(self.doc, self.rule_set, self.submission)

    @cached_property
    def elements(self) -> frozenset[str]:
        """The element names present in the document."""
        from gongwen.checks.text import present_elements

        return present_elements(self.doc)
