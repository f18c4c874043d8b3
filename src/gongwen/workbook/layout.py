"""The workbook's layout as data: its sheets in the order the work happens, and their columns.

Each column names where its value lives in the row's record (a dotted path), the kind of
cell it is, and the model field whose description the sheet 说明 gives. A *record* sheet
(基本信息, 满意度测评) holds one record, a row per field; a *table* sheet a record per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from gongwen.case.documents import Circular, DocumentSettings, FeedbackSettings, Report
from gongwen.case.model import (
    Case,
    Department,
    Draft,
    Interview,
    Issue,
    Issuer,
    Meeting,
    Naming,
    Person,
    Step,
    Supervision,
    Team,
)
from gongwen.i18n import N_, t
from gongwen.ledger.sheet import COLUMNS as LEDGER_COLUMNS
from gongwen.survey import Rule, Survey, Votes
from gongwen.workbook.cells import Kind
from gongwen.workbook.kinds import (
    BASE,
    DATE,
    FORM,
    GRADE,
    GRADING,
    HEADED,
    LINES,
    NAMES,
    NUMBER,
    PERSONS,
    ROLE,
    SHARE,
    STATUS,
    TEXT,
    TIME,
    VOTERS,
    YES,
)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table sheet (one row of a record sheet)."""

    key: str
    heading: str  # msgid
    kind: Kind
    about: tuple[type[BaseModel], str] | None  # the field the 说明 describes
    path: str = ""  # in the row's record; "" for the key column
    width: float = 14
    hidden: bool = False
    derived: bool = False  # shown for the reader, never read back
    also: tuple[type[BaseModel], str] | None = None  # a second field the column holds


def col(
    path: str,
    heading: str,
    kind: Kind,
    about: tuple[type[BaseModel], str] | None,
    width: float = 14,
    *,
    derived: bool = False,
) -> Column:
    """A column whose key is its path."""
    return Column(path, heading, kind, about, path, width, derived=derived)


KEY = Column("key", N_("Key (do not edit)"), TEXT, None, "key", width=12, hidden=True)
# The same hidden column where it only keeps the case's order: a sorted sheet reads back in it.
ORDER = Column("order", KEY.heading, TEXT, None, "key", width=12, hidden=True)
READ_ONLY = N_(" (read-only)")


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet: its title and its columns."""

    key: str
    title: str  # msgid
    columns: tuple[Column, ...]
    record: bool = False  # one record, a row per field
    ordered: bool = False  # rows are read back in the order of their keys, new rows after

    def column(self, key: str) -> Column:
        """The column called `key`."""
        return next(c for c in self.columns if c.key == key)


def _meeting() -> tuple[Column, ...]:
    return (
        col("decided_by.body", N_("Deciding body"), TEXT, (Meeting, "body"), 18),
        col("decided_by.name", N_("Deciding meeting"), TEXT, (Meeting, "name"), 24),
        col("decided_by.date", N_("Decided on"), DATE, (Meeting, "date"), 15),
        col("decided_by.caption", N_("Caption under the title"), YES, (Meeting, "caption"), 8),
    )


BASICS = Sheet(
    "basics",
    N_("Basic information"),
    (
        col("issuer.name", N_("Issuing body"), TEXT, (Issuer, "name")),
        col("issuer.short_name", N_("Issuer in the text"), TEXT, (Issuer, "short_name")),
        col("issuer.mark", N_("Issuer's mark"), TEXT, (Issuer, "mark")),
        col("issuer.code", N_("Issuer's code"), TEXT, (Issuer, "code")),
        col("rules_name", N_("Implementing rules"), TEXT, (Case, "rules_name")),
        col("reporters", N_("Who reports"), TEXT, (Case, "reporters")),
        col("review_year", N_("Review year"), NUMBER, (Case, "review_year")),
        col("deadline", N_("Submission deadline"), DATE, (Case, "deadline")),
        col("grace_days", N_("Days of grace"), NUMBER, (Case, "grace_days")),
        col(
            "grading",
            N_("Grading scheme"),
            GRADING,
            (Case, "grading"),
        ),
        col("survey.rule.base", N_("Vote counted against"), BASE, (Rule, "base")),
        col("survey.rule.threshold", N_("Share for 满意"), SHARE, (Rule, "threshold")),
        col("survey.rule.strict", N_("Share must be exceeded"), YES, (Rule, "strict")),
        col("survey.rule.quorum", N_("Quorum share"), SHARE, (Rule, "quorum")),
        col(
            "survey.rule.quorum_strict", N_("Quorum must be exceeded"), YES, (Rule, "quorum_strict")
        ),
        col("survey.rule.rate_counts", N_("Counted in the 满意率"), NAMES, (Rule, "rate_counts")),
        col("naming.late", N_("Name late reports"), YES, (Naming, "late")),
        col("naming.unrectified", N_("Name unrectified issues"), YES, (Naming, "unrectified")),
        col("double_sided", N_("Printed on both sides"), YES, (Case, "double_sided")),
        col("team.name", N_("Review team"), TEXT, (Team, "name")),
        col("team.office", N_("Team's office"), TEXT, (Team, "office")),
        col("last_year", N_("Last year's case file"), TEXT, (Case, "last_year")),
        col("is_draft", N_("Still a draft"), YES, (Case, "draft")),
        col("draft.source", N_("Drafted from"), TEXT, (Draft, "source")),
        col("draft.todo", N_("Still to decide"), LINES, (Draft, "todo")),
    ),
    record=True,
)

TEAM = Sheet(
    "team",
    N_("Review team"),
    (
        col("role", N_("Role in the team"), ROLE, (Team, ""), 10),
        col("name", N_("Name of the person"), TEXT, (Person, "name"), 12),
        col("post", N_("Post held"), TEXT, (Person, "post"), 44),
        ORDER,
    ),
    ordered=True,
)

STEPS = Sheet(
    "steps",
    N_("Review steps"),
    (
        col("step", N_("Review step"), TEXT, None, 18, derived=True),
        col("name", N_("Name used"), TEXT, (Step, "name"), 14),
        col("start", N_("Started on"), DATE, (Step, "start"), 15),
        col("end", N_("Ended on"), DATE, (Step, "end"), 15),
        col("summary", N_("What was done"), TEXT, (Step, "summary"), 60),
        KEY,
    ),
)

VOTES = (
    col("votes.satisfied", N_("满意"), NUMBER, (Votes, "satisfied"), 7),
    col("votes.basically_satisfied", N_("基本满意"), NUMBER, (Votes, "basically_satisfied"), 9),
    col("votes.dissatisfied", N_("不满意"), NUMBER, (Votes, "dissatisfied"), 8),
    col("votes.abstained", N_("弃权"), NUMBER, (Votes, "abstained"), 7),
)

DEPARTMENTS = Sheet(
    "departments",
    N_("Departments and reports"),
    (
        col("name", N_("Department"), TEXT, (Department, "name"), 20),
        col("official_name", N_("Full name"), TEXT, (Department, "official_name"), 26),
        col("official.name", N_("Responsible official"), TEXT, (Department, "official"), 10),
        col("official.post", N_("Post held"), TEXT, (Person, "post"), 10),
        col("received", N_("Received on"), DATE, (Department, "received"), 15),
        col("grade", N_("Grade given"), GRADE, (Department, "grade"), 9),
        col("comment", N_("Overall comment"), TEXT, (Department, "comment"), 36),
        col("requirement", N_("Requirement on the report"), TEXT, (Department, "requirement"), 30),
        col("redo_by", N_("Redo by"), DATE, (Department, "redo_by"), 15),
        *VOTES,
        ORDER,
    ),
    ordered=True,
)

_LEDGER = {c.key: c for c in LEDGER_COLUMNS}


def _ledger(
    key: str, path: str, kind: Kind, about: tuple[type[BaseModel], str], *, derived: bool = False
) -> Column:
    """A column of the issue ledger, under the ledger's own heading and width."""
    c = _LEDGER[key]
    return Column(path, c.heading, kind, about, path, c.width, derived=derived)


ISSUES = Sheet(
    "issues",
    N_("Issue list"),
    (
        _ledger("number", "id", TEXT, (Issue, "id")),
        _ledger("department", "department", TEXT, (Department, "name")),
        _ledger("official", "official", TEXT, (Department, "official"), derived=True),
        _ledger("issue", "text", TEXT, (Issue, "text")),
        _ledger("category", "category", TEXT, (Issue, "category")),
        _ledger("deadline", "deadline", DATE, (Issue, "deadline")),
        _ledger("status", "status", STATUS, (Issue, "status")),
        _ledger("rectified_on", "rectified_on", DATE, (Issue, "rectified_on")),
        col("note", N_("Where it stands"), TEXT, (Issue, "note"), 24),
        col("carried_from", N_("Carried over from"), NUMBER, (Issue, "carried_from"), 10),
        ORDER,
    ),
    ordered=True,
)

SURVEY = Sheet(
    "survey",
    N_("Satisfaction vote"),
    (
        col(
            "voters",
            N_("Who may vote"),
            VOTERS,
            (Survey, "voters"),
        ),
        col("date", N_("Date of the vote"), DATE, (Survey, "date")),
        *(
            col(f"votes.{field}", heading, NUMBER, (Votes, field))
            for field, heading in (
                ("satisfied", N_("Round vote: 满意")),
                ("basically_satisfied", N_("Round vote: 基本满意")),
                ("dissatisfied", N_("Round vote: 不满意")),
                ("abstained", N_("Round vote: 弃权")),
            )
        ),
    ),
    record=True,
)

INTERVIEWS = Sheet(
    "interviews",
    N_("Work interviews"),
    (
        col("department", N_("Department interviewed"), TEXT, (Interview, "department"), 18),
        col("when", N_("Time of the interview"), TIME, (Interview, "when"), 19),
        col("place", N_("Place of the interview"), TEXT, (Interview, "place"), 20),
        col("interviewers", N_("Interviewers"), PERSONS, (Interview, "interviewers"), 30),
        col("topics", N_("Topics of the interview"), LINES, (Interview, "topics"), 34),
        col("issues", N_("To explain"), LINES, (Interview, "issues"), 30),
        col("materials", N_("Materials to submit"), LINES, (Interview, "materials"), 16),
        col("materials_due", N_("Materials due"), DATE, (Interview, "materials_due"), 15),
        col("materials_to", N_("Materials to"), TEXT, (Interview, "materials_to"), 22),
        *_meeting(),
        col("contact", N_("Contact person"), TEXT, (Interview, "contact"), 22),
        KEY,
    ),
    ordered=True,
)

SUPERVISIONS = Sheet(
    "supervisions",
    N_("Special supervisions"),
    (
        col("subject", N_("Subject of the supervision"), TEXT, (Supervision, "subject"), 20),
        col("departments", N_("Responsible departments"), NAMES, (Supervision, "departments"), 22),
        col("reasons", N_("Reasons for the supervision"), LINES, (Supervision, "reasons"), 40),
        col("steps", N_("Steps of the supervision"), HEADED, (Supervision, "steps"), 40),
        col("deadline", N_("Work done by"), DATE, (Supervision, "deadline"), 15),
        col("reporter", N_("Reported by"), TEXT, (Supervision, "reporter"), 14),
        col("report_to", N_("Reported to"), TEXT, (Supervision, "report_to"), 14),
        col("report_form", N_("Reported as"), TEXT, (Supervision, "report_form"), 10),
        col("report_on", N_("Report due"), DATE, (Supervision, "report_on"), 15),
        col("follow_up", N_("Follow-up"), TEXT, (Supervision, "follow_up"), 30),
        *_meeting(),
        KEY,
    ),
    ordered=True,
)

DOCUMENTS = Sheet(
    "documents",
    N_("Documents of the round"),
    (
        col("document", N_("Which document"), TEXT, None, 24, derived=True),
        col("form", N_("Document form"), FORM, (DocumentSettings, "form"), 10),
        col("upward", N_("Upward document"), YES, (DocumentSettings, "upward"), 7),
        col("signers", N_("Signers"), NAMES, (DocumentSettings, "signers"), 10),
        col("number", N_("Number (序号)"), NUMBER, (DocumentSettings, "number"), 6),
        col("code", N_("Code (机关代字)"), TEXT, (DocumentSettings, "code"), 10),
        col("year", N_("Year of the number"), NUMBER, (DocumentSettings, "year"), 7),
        col("recipients", N_("Main recipients"), NAMES, (DocumentSettings, "recipients"), 24),
        col("cc", N_("Copied to"), NAMES, (DocumentSettings, "cc"), 30),
        col("printed_by", N_("Printed by"), TEXT, (DocumentSettings, "printed_by"), 22),
        col("printed_on", N_("Printed on"), DATE, (DocumentSettings, "printed_on"), 15),
        col("signatory", N_("Signed by"), TEXT, (DocumentSettings, "signatory"), 22),
        col("sealed", N_("Sealed (盖章)"), YES, (DocumentSettings, "sealed"), 7),
        col("seal_image", N_("Seal image"), TEXT, (DocumentSettings, "seal_image"), 12),
        col("date", N_("Date of the document"), DATE, (DocumentSettings, "date"), 15),
        col("note", N_("Note (附注)"), TEXT, (DocumentSettings, "note"), 12),
        col("rectify_by", N_("Rectify by"), DATE, (FeedbackSettings, "rectify_by"), 15),
        Column(
            "points",
            N_("Proposals or requirements"),
            HEADED,
            (Report, "proposals"),
            "points",
            50,
            also=(Circular, "requirements"),
        ),
        KEY,
    ),
)

SHEETS = (
    BASICS,
    TEAM,
    STEPS,
    DEPARTMENTS,
    ISSUES,
    SURVEY,
    INTERVIEWS,
    SUPERVISIONS,
    DOCUMENTS,
)
NOTES = N_("Notes on the columns")
ITEM, CONTENT = N_("Item of the record"), N_("Content of the item")

# The five steps in the case's order; the sheet names each by its place, beside the name the
# rules this project began with only where the office gives the step no name of its own.
STEP_KEYS = ("team", "individual", "collective", "extended", "drafting")
ORDINALS = (N_("Step 1"), N_("Step 2"), N_("Step 3"), N_("Step 4"), N_("Step 5"))


def per_report_votes(case: Case) -> bool:
    """Each report is voted on: the case's survey holds no vote of the round."""
    return case.survey is not None and case.survey.votes is None


def columns(sheet: Sheet, case: Case) -> Sequence[Column]:
    """The columns `sheet` has for `case`: the 测评 columns only where each report is voted on."""
    if sheet is DEPARTMENTS and not per_report_votes(case):
        return [c for c in sheet.columns if c not in VOTES]
    return sheet.columns


def step_label(key: str, name: str | None, lang: str) -> str:
    """What the read-only column 环节 shows: 第一步, or 第一步（成立专班） for an unnamed step."""
    from gongwen.render.contexts.report import STEP_NAMES

    index = STEP_KEYS.index(key)
    ordinal = t(ORDINALS[index], lang)
    return ordinal if name else f"{ordinal}（{STEP_NAMES[index]}）"


def heading(column: Column, lang: str) -> str:
    """The column's heading as the workbook shows it, a read-only one marked so."""
    text = t(column.heading, lang)
    return text + t(READ_ONLY, lang) if column.derived else text
