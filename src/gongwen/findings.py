"""Findings and check results: the values the checker returns and the JSON it writes.

The JSON form is a stable, versioned schema (`gongwen schema check-result`).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from fractions import Fraction
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

SCHEMA_VERSION = "1.4"  # 1.1: more; 1.2: category; 1.3: Location.span; 1.4: Finding.also
# Results written before Finding.category: their findings get one from the code (legacy_category).
_UNCATEGORISED_VERSIONS = ("1.0", "1.1")


class Severity(StrEnum):
    """How much a finding matters; it follows the strength of the clause."""

    ERROR = "error"  # 规定, 推算
    WARNING = "warning"  # 一般, 推荐, 可以
    INFO = "info"  # 实务

    @property
    def rank(self) -> int:
        """Errors first."""
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Category(StrEnum):
    """What a finding is about; each rule declares it (`category:` in its rule file).

    It decides what counts: a content error fails content_pass, a format error format_pass,
    an input finding marks the file unreadable.
    """

    INPUT = "input"  # the file could not be read as a document (IOxxx)
    SUBMISSION = "submission"  # deadline, roster, duplicates (AR1xx)
    CONTENT = "content"  # what the report says (AR2xx, AR3xx)
    FORMAT = "format"  # GB/T 9704 format and layout (GBxxx)


def legacy_category(code: str) -> Category:
    """The category of a finding in results of schema 1.0 or 1.1, which did not say it.

    Those results came from the shipped rules, whose codes then meant: AR1xx submission,
    other AR content, GB format, IO input. Never used for a finding that states its own.
    """
    if code.startswith("AR1"):
        return Category.SUBMISSION
    if code.startswith("GB"):
        return Category.FORMAT
    if code.startswith("IO"):
        return Category.INPUT
    return Category.CONTENT


class Location(BaseModel):
    """Where in a file a finding points."""

    model_config = ConfigDict(frozen=True)

    paragraph: int | None = Field(None, description="paragraph number, from 1, in reading order")
    page: int | None = Field(None, description="page number, from 1 (PDF input)")
    section: int | None = Field(None, description="section number, from 1")
    snippet: str | None = Field(None, description="the start of the paragraph's text")
    span: tuple[int, int] | None = Field(
        None,
        description="the characters [start, end) of the paragraph's text the finding is about, "
        "where the rule knows them (a half-width mark, a date, a heading number)",
    )

    def describe(self) -> str:
        """A short human form such as ¶12 “一、履职基本情况”."""
        parts = []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.section is not None:
            parts.append(f"§{self.section}")
        if self.paragraph is not None:
            parts.append(f"¶{self.paragraph}")
        if self.snippet:
            parts.append(f"“{self.snippet}”")
        return " ".join(parts)


class Finding(BaseModel):
    """One thing wrong (or worth a look) in one file, by one rule."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="stable rule code, such as GB103 or AR201")
    name: str = Field(description="the rule's readable name")
    severity: Severity
    category: Category = Field(
        description="what the finding is about, as its rule declares: input (the file could "
        "not be read), submission (deadline, roster, duplicates), content (counts against "
        "content_pass) or format (counts against format_pass). Results of schema 1.0 and 1.1 "
        "have none; they are read with the category their code had in the shipped rules"
    )
    message: str = Field(description="what is wrong, in the run's language")
    file: str = Field(description="the file the finding is about")
    location: Location = Field(default_factory=Location)
    expected: str | None = None
    actual: str | None = None
    clause: str | None = Field(None, description="the clause of the standard or rule it rests on")
    more: int = Field(
        0,
        ge=0,
        description="further places with the same problem, merged into this finding so that "
        "one bad file stays short (the message says so too)",
    )
    also: tuple[Location, ...] = Field(
        (),
        description="the places merged into this finding (its `more` paragraphs, and further "
        "places in its own paragraph), where the rule knows them; results before schema 1.4 "
        "have none",
    )


class ReceiptSource(StrEnum):
    """Where a received date came from."""

    REGISTER = "register"  # 收文登记: the office's own record
    METADATA = "metadata"  # the document's own properties: the weaker source


class FileStatus(StrEnum):
    """Whether a file could be checked."""

    CHECKED = "checked"
    UNREADABLE = "unreadable"
    UNSUPPORTED = "unsupported"


class FileResult(BaseModel):
    """The result of checking one file."""

    file: str
    status: FileStatus = FileStatus.CHECKED
    format: str | None = Field(None, description="docx or pdf")
    department: str | None = None
    official: str | None = None
    received: dt.date | None = None
    received_source: ReceiptSource | None = None
    on_time: bool | None = None
    findings: list[Finding] = Field(default_factory=list)

    def count(self, severity: Severity) -> int:
        """How many findings of `severity`."""
        return sum(1 for f in self.findings if f.severity == severity)

    def _passes(self, category: Category) -> bool:
        return self.status == FileStatus.CHECKED and not any(
            f.severity == Severity.ERROR and f.category == category for f in self.findings
        )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def content_pass(self) -> bool:
        """No error of a rule of category content."""
        return self._passes(Category.CONTENT)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def format_pass(self) -> bool:
        """No error of a rule of category format."""
        return self._passes(Category.FORMAT)


class Rate(BaseModel):
    """A rate as a fraction and a percentage, as a report states it."""

    model_config = ConfigDict(frozen=True)

    numerator: int
    denominator: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def percent(self) -> float | None:
        """The percentage to one decimal place, or None for 0/0."""
        if not self.denominator:
            return None
        return round(float(Fraction(self.numerator, self.denominator) * 100), 1)

    def __str__(self) -> str:
        pct = "—" if self.percent is None else f"{self.percent:g}%"
        return f"{self.numerator}/{self.denominator}（{pct}）"


class Totals(BaseModel):
    """Totals over the roster (or over the files when no roster was given)."""

    expected: int = Field(description="reports required: roster size, or files when no roster")
    received: int
    on_time: Rate
    content_pass: Rate
    format_pass: Rate
    missing: list[str] = Field(default_factory=list, description="roster entries with no report")


class CheckReport(BaseModel):
    """The result of one `gongwen check` run."""

    schema_version: str = SCHEMA_VERSION
    rule_set: str
    review_year: int | None = None
    deadline: dt.date | None = None
    files: list[FileResult] = Field(default_factory=list)
    roster_findings: list[Finding] = Field(
        default_factory=list, description="findings about the roster as a whole (未报送)"
    )
    totals: Totals | None = None

    @model_validator(mode="before")
    @classmethod
    def _categorise_old_findings(cls, data: Any) -> Any:
        """Results of schema 1.0 and 1.1: each finding gets the category of its code."""
        if not isinstance(data, dict) or data.get("schema_version") not in _UNCATEGORISED_VERSIONS:
            return data

        def categorised(findings: Any) -> Any:
            if not isinstance(findings, list):
                return findings
            return [
                {**f, "category": legacy_category(str(f.get("code", "")))}
                if isinstance(f, dict) and "category" not in f
                else f
                for f in findings
            ]

        out = dict(data)
        if isinstance(out.get("files"), list):
            out["files"] = [
                {**r, "findings": categorised(r.get("findings", []))} if isinstance(r, dict) else r
                for r in out["files"]
            ]
        if "roster_findings" in out:
            out["roster_findings"] = categorised(out["roster_findings"])
        return out

    @property
    def all_findings(self) -> list[Finding]:
        """Every finding of the run, file by file, then the roster's."""
        return [f for r in self.files for f in r.findings] + list(self.roster_findings)

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return any(f.severity == Severity.ERROR for f in self.all_findings)
