"""The case file: the model of one review round, its JSON Schema, loading with clear errors."""

from __future__ import annotations

from gongwen.case.documents import (
    Circular,
    DocumentSettings,
    FeedbackSettings,
    Form,
    Report,
    Titled,
)
from gongwen.case.errors import CaseError
from gongwen.case.grading import PRESETS, GradeClass, GradingScheme
from gongwen.case.load import dump_case, load_case, read_case, upgrade_case, write_case
from gongwen.case.model import (
    Case,
    Department,
    Draft,
    Interview,
    Issue,
    Issuer,
    IssueStatus,
    Meeting,
    Naming,
    PastDepartment,
    PastRound,
    Person,
    Step,
    Steps,
    Supervision,
    Team,
)
from gongwen.survey import Survey, Votes

__all__ = [
    "PRESETS",
    "Case",
    "CaseError",
    "Circular",
    "Department",
    "DocumentSettings",
    "Draft",
    "FeedbackSettings",
    "Form",
    "GradeClass",
    "GradingScheme",
    "Interview",
    "Issue",
    "IssueStatus",
    "Issuer",
    "Meeting",
    "Naming",
    "PastDepartment",
    "PastRound",
    "Person",
    "Report",
    "Step",
    "Steps",
    "Supervision",
    "Survey",
    "Team",
    "Titled",
    "Votes",
    "dump_case",
    "load_case",
    "read_case",
    "upgrade_case",
    "write_case",
]
