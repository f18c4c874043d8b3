"""The case file: the model of one review round, its JSON Schema, loading with clear errors."""

from __future__ import annotations

from gongwen.case.errors import CaseError
from gongwen.case.load import dump_case, load_case, read_case, write_case
from gongwen.case.model import (
    Case,
    Circular,
    Department,
    DocumentSettings,
    Draft,
    FeedbackSettings,
    Grade,
    Interview,
    Issue,
    Issuer,
    IssueStatus,
    PastDepartment,
    PastRound,
    Person,
    Report,
    Step,
    Steps,
    Supervision,
    Team,
    Titled,
    Votes,
)

__all__ = [
    "Case",
    "CaseError",
    "Circular",
    "Department",
    "DocumentSettings",
    "Draft",
    "FeedbackSettings",
    "Grade",
    "Interview",
    "Issue",
    "IssueStatus",
    "Issuer",
    "PastDepartment",
    "PastRound",
    "Person",
    "Report",
    "Step",
    "Steps",
    "Supervision",
    "Team",
    "Titled",
    "Votes",
    "dump_case",
    "load_case",
    "read_case",
    "write_case",
]
