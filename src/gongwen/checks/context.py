"""What a check is given (the submission and a context) and what it yields (hits)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from gongwen.findings import ReceiptSource
from gongwen.i18n import DEFAULT_LANG
from gongwen.model import Document, Paragraph

T = TypeVar("T")

if TYPE_CHECKING:
    from gongwen.checks.measure import PdfView
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
    snippet: str | None = None  # the text it is about, where no paragraph is (a PDF line)
    span: tuple[int, int] | None = None  # the characters of the paragraph's text it is about
    also: tuple[Hit, ...] = ()  # the places merged into it: where the same problem stands


class Context:
    """The document, the rule set and the submission of one run, with shared derived values."""

    def __init__(
        self, doc: Document, rule_set: RuleSet, submission: Submission, lang: str = DEFAULT_LANG
    ) -> None:
        self.doc = doc
        self.rule_set = rule_set
        self.submission = submission
        self.lang = lang
        self._memo: dict[str, Any] = {}

    @cached_property
    def pdf(self) -> PdfView | None:
        """The page geometry of a PDF submission, for the layout kinds; None for a .docx."""
        if self.doc.layout is None:
            return None
        from gongwen.checks.measure import PdfView

        return PdfView(self.doc.path, self.doc.layout)

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """The value `make` gives, made once per run and kept under `key` (a module that
        derives something of the document keeps it here: the context knows none of them)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]  # type: ignore[no-any-return]
