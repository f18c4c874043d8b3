"""The case file: one review round of the annual performance reports, as pydantic models.

`Case.model_json_schema()` is the schema `gongwen schema case` prints.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Final, Literal

from pydantic import (
    Field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from gongwen.case.documents import (
    Circular,
    DocumentSettings,
    FeedbackSettings,
    Report,
    Titled,
)
from gongwen.case.grading import GradeClass, GradingScheme, resolve
from gongwen.survey import Survey, Votes
from gongwen.values import Frozen, Text

SCHEMA_VERSION: Final = 2  # Final: its type is Literal[2], as Case.version says


class Issuer(Frozen):
    """The issuing body: its name, its mark and its 机关代字."""

    name: Text = Field(description="full name, e.g. 丹江口市人民代表大会常务委员会")
    short_name: Text = Field(
        description="the name the running text uses, e.g. 市人大常委会 (a city), 县人大常委会 "
        "(a county), 区人大常委会 (a district), or the full short form 石门县人大常委会"
    )
    mark: Text = Field(description="发文机关标志, e.g. 丹江口市人民代表大会常务委员会文件")
    code: Text = Field(description="机关代字 of the 发文字号, e.g. 丹人常")


class Person(Frozen):
    """A person and the post they hold."""

    name: Text = Field(description="the person's name, e.g. 钱正国")
    post: Text = Field(description="e.g. 市人大常委会副主任")


class Team(Frozen):
    """The review team (专班): its name and who holds which role."""

    name: Text = Field(description="the team's name, e.g. 履职报告评阅专班")
    leader: Person = Field(description="组长")
    deputies: list[Person] = Field(default_factory=list, description="副组长")
    members: list[Person] = Field(min_length=1, description="成员")
    office: Text = Field(
        description="the working body that supports the team and receives replies, e.g. "
        "县人大常委会人事代表选举任免联络工作委员会"
    )


class Meeting(Frozen):
    """The body and meeting that decided something, and when."""

    body: Text = Field(description="the deciding body, e.g. 县人大常委会主任会议")
    name: Text | None = Field(
        None,
        description="the meeting as documents name it, e.g. 石门县第十七届人民代表大会常务委员会"
        "第十二次会议; the body is named where this is absent",
    )
    date: dt.date = Field(description="the day of the meeting")
    caption: bool = Field(
        False,
        description="the document carries the 题注 （date + meeting + 通过）under its title, as a "
        "decision adopted at a 常委会会议 does",
    )

    @property
    def called(self) -> str:
        """The meeting's name, or the body's."""
        return self.name or self.body


class Step(Frozen):
    """One of the five review steps as carried out."""

    name: Text | None = Field(
        None,
        description="what the office calls the step; absent: 成立专班, 分散审阅, 集中评阅, "
        "延伸评阅, 拟定报告 (the steps of the rules this project started from)",
    )
    start: dt.date = Field(description="the day the step began")
    end: dt.date | None = Field(None, description="the day it ended; none for a single day")
    summary: Text = Field(description="what was done, one or two sentences")

    @model_validator(mode="after")
    def _ordered(self) -> Step:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("end_before_start", "the end is before the start")
        return self


class Steps(Frozen):
    """The five steps: 成立专班, 分散审阅, 集中评阅, 延伸评阅, 拟定报告."""

    team: Step
    individual: Step
    collective: Step
    extended: Step
    drafting: Step


class IssueStatus(StrEnum):
    """Where an issue stands: 已整改, 整改中, 未整改, or a candidate not yet agreed."""

    RECTIFIED = "rectified"
    RECTIFYING = "rectifying"
    OPEN = "open"
    # A candidate drafted from the check results: the review team has not agreed it yet.
    PENDING = "pending"


class Issue(Frozen):
    """One item of a department's 问题清单."""

    id: Text = Field(
        description="a stable number shown in the 问题清单 and citable elsewhere, e.g. 03-02; "
        "unique in the case"
    )
    text: Text = Field(description="the problem, without a full stop")
    category: Text = Field(description="e.g. 履职报告撰写, 依法履职, 代表建议办理")
    deadline: dt.date = Field(description="rectify by this date")
    status: IssueStatus = Field(
        IssueStatus.OPEN,
        description="rectified (已整改), rectifying (整改中), open (未整改), or pending (a "
        "candidate drafted from check results, not yet agreed)",
    )
    rectified_on: dt.date | None = Field(None, description="the day it was rectified")
    note: Text | None = Field(None, description="where the rectification stands, in a phrase")
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


class Department(Frozen):
    """A government department and the head whose report was reviewed."""

    name: Text = Field(description="short name used in the text, e.g. 市财政局")
    official_name: Text = Field(description="full name, e.g. 丹江口市财政局")
    official: Person = Field(description="the head whose report was reviewed, and their post")
    received: dt.date | None = Field(None, description="date the report was received")
    grade: Text | None = Field(
        None, description="quality grade, one of the case's grading scheme; none if not submitted"
    )
    comment: Text | None = Field(
        None,
        description="the review team's 总体评价 of the report, in its own words; a default that "
        "follows the grade's class is used where absent",
    )
    requirement: Text | None = Field(
        None, description="what the department must do about the report, in the team's words"
    )
    redo_by: dt.date | None = Field(
        None, description="for a failed report: the day the redone report is due (required then)"
    )
    issues: list[Issue] = Field(default_factory=list)
    votes: Votes | None = Field(
        None, description="the satisfaction vote on this report, where each report is voted on"
    )


class Interview(Frozen):
    """A 工作约谈 and its notice."""

    department: Text = Field(description="name of a department of the case")
    when: dt.datetime = Field(description="the day and time of the interview")
    place: Text = Field(description="where it is held, e.g. 市人大常委会机关三楼会议室")
    interviewers: list[Person] = Field(min_length=1, description="who conducts the interview")
    topics: list[Text] = Field(min_length=1, description="what the interview is about, a line each")
    issues: list[Text] = Field(
        min_length=1,
        description="what the official must explain: an issue id of the department's 问题清单 "
        "(cited with its text) or a question in words",
    )
    materials: list[Text] = Field(
        min_length=1,
        description="what the official must bring or submit, e.g. 书面说明材料, 整改方案",
    )
    materials_due: dt.date = Field(description="the materials are due by this day")
    materials_to: Text = Field(description="who receives the materials, e.g. the team's office")
    decided_by: Meeting = Field(description="who decided the interview, and when")
    contact: Text | None = Field(None, description="whom to call, e.g. 秦晓燕，电话0719-5222136")
    document: DocumentSettings


class Supervision(Frozen):
    """A 专题监督 and its decision."""

    subject: Text = Field(description="the matter, e.g. 城区老旧小区改造工作")
    departments: list[Text] = Field(min_length=1, description="names of responsible departments")
    reasons: list[Text] = Field(min_length=1, description="why it is supervised, a paragraph each")
    steps: list[Titled] = Field(
        min_length=1, description="how it is supervised: each step a heading and its paragraph"
    )
    deadline: dt.date = Field(description="the work is to be done by this day")
    reporter: Text = Field(description="who reports back, e.g. 县人民政府")
    report_to: Text = Field(description="to whom the report goes, e.g. 县人大常委会")
    report_form: Text = Field(description="how, e.g. 书面报告")
    report_on: dt.date = Field(description="the report back is due on this day")
    follow_up: Text | None = Field(
        None, description="what the committee will do then, a sentence (e.g. 听取和审议…)"
    )
    decided_by: Meeting = Field(description="who decided the supervision, and when")
    document: DocumentSettings


class PastDepartment(Frozen):
    """A department of an earlier round and the issues it was given."""

    name: Text
    issues: list[Issue] = Field(default_factory=list)


class PastRound(Frozen):
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


class Draft(Frozen):
    """Marks a case drafted from check results: what people still decide, until they delete it."""

    source: Text | None = Field(None, description="the check results it was drafted from")
    todo: list[Text] = Field(default_factory=list, description="what is left to decide")


class Naming(Frozen):
    """Which departments the circular names as falling short, besides their grade's class."""

    late: bool = Field(True, description="a report received after the deadline")
    unrectified: bool = Field(
        True, description="an issue not rectified by its deadline, as of the circular's date"
    )


class Case(Frozen):
    """One review round of the annual performance reports of appointed officials."""

    version: Literal[2] = Field(
        description="the case schema's version; `gongwen case upgrade` converts older files"
    )
    issuer: Issuer
    rules_name: Text = Field(description="the implementing rules, with their book-title marks")
    reporters: Text = Field(
        description="who reports, as the documents name them, e.g. 政府工作部门负责人, "
        "县人民政府组成部门主要负责人"
    )
    review_year: int = Field(ge=2000, le=2100, description="the year the reports are about")
    deadline: dt.date = Field(description="deadline for submitting the reports")
    grace_days: int = Field(0, ge=0, le=366, description="days after the deadline still on time")
    grading: str | GradingScheme = Field(
        description="the grades, best first, each with its class: a preset named by its grades "
        "(优秀/良好/合格/不合格, 优秀/合格/基本合格/不合格, 合格/不合格, 好/较好/一般/差, "
        "优秀/称职/基本称职/不称职) or an object {grades: [{name, class}]}"
    )
    survey: Survey | None = Field(
        None,
        description="the 满意度测评: who may vote, the counting rule, and the round's votes "
        "(or each department's votes); none where no vote was held",
    )
    naming: Naming = Field(default_factory=Naming, description="who the circular names")
    double_sided: bool = Field(
        True,
        description="the documents are printed on both sides: the 版记 goes on an even page, "
        "the back of the last sheet, with a blank page before it where needed (7.4, 7.5)",
    )
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

    @field_validator("grading")
    @classmethod
    def _known_scheme(cls, value: str | GradingScheme) -> str | GradingScheme:
        resolve(value)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        scheme = resolve(self.grading)
        names = [d.name for d in self.departments]
        ids: set[str] = set()
        for i, d in enumerate(self.departments):
            if d.name in names[:i]:
                raise _at("duplicate_department", f"departments[{i}].name", d.name)
            if d.grade is not None and d.grade not in scheme.names:
                raise _at(
                    "unknown_grade",
                    f"departments[{i}].grade",
                    d.grade,
                    expected=" | ".join(scheme.names),
                )
            if d.received is None and (d.grade or d.votes or d.redo_by):
                raise _at("not_received", f"departments[{i}].received", d.name)
            failed = d.grade is not None and scheme.class_of(d.grade) is GradeClass.FAILED
            if failed and d.redo_by is None:
                raise _at("redo_without_date", f"departments[{i}].redo_by", d.grade or "")
            if d.votes is not None and (self.survey is None or self.survey.votes is not None):
                raise _at("votes_without_survey", f"departments[{i}].votes", d.name)
            if (
                self.survey is not None
                and d.votes is not None
                and (d.votes.cast > self.survey.entitled)
            ):
                raise _at(
                    "more_votes_than_voters",
                    f"departments[{i}].votes",
                    d.name,
                    cast=d.votes.cast,
                    entitled=self.survey.entitled,
                )
            for j, issue in enumerate(d.issues):
                if issue.id in ids:
                    raise _at("duplicate_issue", f"departments[{i}].issues[{j}].id", issue.id)
                ids.add(issue.id)
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

    @property
    def scheme(self) -> GradingScheme:
        """The grading scheme, a preset resolved."""
        return resolve(self.grading)

    def grade_class(self, department: Department) -> GradeClass | None:
        """The class of `department`'s grade; None when it has no grade."""
        return self.scheme.class_of(department.grade) if department.grade else None


def _at(kind: str, path: str, value: str, **ctx: object) -> PydanticCustomError:
    """An error about another place of the case than where the validator runs."""
    return PydanticCustomError(kind, "{value} at {path}", {"path": path, "value": value, **ctx})
