"""The case file: one review round of the annual performance reports, as pydantic models.

`Case.model_json_schema()` is the schema `gongwen schema case` prints.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Issuer(_Model):
    """The issuing body: its name, its mark and its 机关代字."""

    name: Text = Field(description="full name, e.g. 丹江口市人民代表大会常务委员会")
    short_name: Text = Field(description="short name used in the text, e.g. 市人大常委会")
    mark: Text = Field(description="发文机关标志, e.g. 丹江口市人民代表大会常务委员会文件")
    code: Text = Field(description="机关代字 of the 发文字号, e.g. 丹人常")


class Person(_Model):
    """A person and the post they hold."""

    name: Text
    post: Text = Field(description="e.g. 市人大常委会副主任")


class Team(_Model):
    """The review team (专班)."""

    leader: Person
    members: list[Person] = Field(min_length=1)
    office: Text = Field(description="the office that supports the team and receives replies")


class Step(_Model):
    """One of the five review steps as carried out."""

    start: dt.date
    end: dt.date | None = None
    summary: Text = Field(description="what was done, one or two sentences")

    @model_validator(mode="after")
    def _ordered(self) -> Step:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("end_before_start", "the end is before the start")
        return self


class Steps(_Model):
    """The five steps: 成立专班, 分散审阅, 集中评阅, 延伸评阅, 拟定报告."""

    team: Step
    individual: Step
    collective: Step
    extended: Step
    drafting: Step


class Grade(StrEnum):
    """Quality grade of a report; all but 不合格 pass."""

    EXCELLENT = "优秀"
    GOOD = "良好"
    PASS = "合格"
    FAIL = "不合格"


class IssueStatus(StrEnum):
    """Where an issue stands."""

    OPEN = "open"
    RECTIFIED = "rectified"
    # A candidate drafted from the check results: the review team has not agreed it yet.
    PENDING = "pending"


class Issue(_Model):
    """One item of a department's 问题清单."""

    text: Text = Field(description="the problem, without a full stop")
    category: Text = Field(description="e.g. 履职报告撰写, 依法履职, 代表建议办理")
    deadline: dt.date = Field(description="rectify by this date")
    status: IssueStatus = IssueStatus.OPEN
    rectified_on: dt.date | None = None
    carried_from: int | None = Field(
        None,
        ge=2000,
        le=2100,
        description="review year the issue was first raised in, when carried over from an "
        "earlier round because it was not rectified",
    )

    @model_validator(mode="after")
    def _dated(self) -> Issue:
        if self.status == IssueStatus.RECTIFIED and self.rectified_on is None:
            raise PydanticCustomError("rectified_without_date", "rectified but no date")
        if self.status != IssueStatus.RECTIFIED and self.rectified_on is not None:
            raise PydanticCustomError("open_with_date", "open but dated")
        return self


class Votes(_Model):
    """Satisfaction votes of the reviewers and committee members on one report."""

    satisfied: int = Field(ge=0)
    basically_satisfied: int = Field(0, ge=0)
    dissatisfied: int = Field(0, ge=0)

    @property
    def total(self) -> int:
        """Votes cast."""
        return self.satisfied + self.basically_satisfied + self.dissatisfied

    @property
    def passed(self) -> bool:
        """Satisfied (满意 and 基本满意) by more than half of the votes cast."""
        return 2 * (self.satisfied + self.basically_satisfied) > self.total


class Department(_Model):
    """A government department and the head whose report was reviewed."""

    name: Text = Field(description="short name used in the text, e.g. 市财政局")
    official_name: Text = Field(description="full name, e.g. 丹江口市财政局")
    official: Person
    received: dt.date | None = Field(None, description="date the report was received")
    grade: Grade | None = Field(None, description="quality grade; none if not submitted")
    issues: list[Issue] = Field(default_factory=list)
    votes: Votes | None = None


class DocumentSettings(_Model):
    """What one document needs beyond the case: number, recipients, 版记, signature."""

    number: int | None = Field(None, ge=1, description="序号 of the 发文字号 (no leading zeros)")
    code: Text | None = Field(None, description="机关代字 for this document, e.g. 丹人常函")
    year: int | None = Field(None, description="year of the 发文字号; the date's year if absent")
    recipients: list[Text] = Field(default_factory=list, description="主送机关")
    cc: list[Text] = Field(default_factory=list, description="抄送机关")
    printed_by: Text | None = Field(None, description="印发机关; the issuer's office if absent")
    printed_on: dt.date | None = Field(None, description="印发日期; the 成文日期 if absent")
    signatory: Text | None = Field(None, description="署名; the issuer's name if absent")
    sealed: bool = True
    seal_image: Path | None = Field(None, description="PNG of the seal, laid over the 署名")
    date: dt.date = Field(description="成文日期")
    note: Text | None = Field(None, description="附注, without its parentheses")


class FeedbackSettings(DocumentSettings):
    """The feedback letters: one per department, numbered from `number` upwards."""

    rectify_by: dt.date = Field(description="rectification deadline stated in the letters")


class Titled(_Model):
    """A heading with its paragraph (a proposal, a requirement, a step)."""

    title: Text
    text: Text


class Report(DocumentSettings):
    """The review report (评阅报告)."""

    proposals: list[Titled] = Field(min_length=1)


class Circular(DocumentSettings):
    """The circular (情况通报)."""

    requirements: list[Titled] = Field(min_length=1)


class Interview(_Model):
    """A 工作约谈 and its notice."""

    department: Text = Field(description="name of a department of the case")
    when: dt.datetime
    place: Text
    interviewers: list[Person] = Field(min_length=1)
    topics: list[Text] = Field(min_length=1)
    issues: list[Text] = Field(min_length=1, description="issues the official must explain")
    materials_due: dt.date
    contact: Text | None = None
    document: DocumentSettings


class Supervision(_Model):
    """A 专题监督 and its decision."""

    subject: Text = Field(description="the matter, e.g. 城区老旧小区改造工作")
    departments: list[Text] = Field(min_length=1, description="names of responsible departments")
    reasons: list[Text] = Field(min_length=1)
    steps: list[Titled] = Field(min_length=1)
    deadline: dt.date
    reporter: Text = Field(description="who reports back")
    report_on: dt.date
    document: DocumentSettings


class PastDepartment(_Model):
    """A department of an earlier round and the issues it was given."""

    name: Text
    issues: list[Issue] = Field(default_factory=list)


class PastRound(_Model):
    """What a later round needs of an earlier one: its year and each department's issues."""

    review_year: int = Field(ge=2000, le=2100)
    departments: list[PastDepartment] = Field(default_factory=list)

    @classmethod
    def of(cls, case: Case) -> PastRound:
        """The issues of `case`, department by department."""
        return cls(
            review_year=case.review_year,
            departments=[PastDepartment(name=d.name, issues=d.issues) for d in case.departments],
        )


class Draft(_Model):
    """Marks a case drafted from check results: what people still decide, until they delete it."""

    source: Text | None = Field(None, description="the check results it was drafted from")
    todo: list[Text] = Field(default_factory=list, description="what is left to decide")


class Case(_Model):
    """One review round of the annual performance reports of appointed officials."""

    issuer: Issuer
    rules_name: Text = Field(description="the implementing rules, with their book-title marks")
    review_year: int = Field(ge=2000, le=2100)
    deadline: dt.date = Field(description="deadline for submitting the reports")
    decided_by: Text = Field("市人大常委会主任会议", description="the body that decides")
    team: Team
    steps: Steps
    departments: list[Department] = Field(min_length=1)
    interviews: list[Interview] = Field(default_factory=list)
    supervisions: list[Supervision] = Field(default_factory=list)
    report: Report
    circular: Circular
    feedback: FeedbackSettings
    last_year: Path | PastRound | None = Field(
        None,
        description="last year's case file (a path relative to this file), or its year and "
        "issues embedded; the issues it left open carry over",
    )
    draft: Draft | None = Field(
        None, description="present while the case is a draft; generating refuses a draft"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        names = [d.name for d in self.departments]
        for i, name in enumerate(names):
            if name in names[:i]:
                raise _at("duplicate_department", f"departments[{i}].name", name)
        for i, interview in enumerate(self.interviews):
            if interview.department not in names:
                raise _at("unknown_department", f"interviews[{i}].department", interview.department)
        for i, s in enumerate(self.supervisions):
            for j, name in enumerate(s.departments):
                if name not in names:
                    raise _at("unknown_department", f"supervisions[{i}].departments[{j}]", name)
        return self

    def department(self, name: str) -> Department:
        """The department called `name`."""
        return next(d for d in self.departments if d.name == name)


def _at(kind: str, path: str, value: str) -> PydanticCustomError:
    """An error about another place of the case than where the validator runs."""
    return PydanticCustomError(kind, "{value} at {path}", {"path": path, "value": value})
