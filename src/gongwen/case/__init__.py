"""The case file: the model of one review round, its JSON Schema, loading with clear errors."""

from __future__ import annotations

from gongwen.case.errors import CaseError
from gongwen.case.load import load_case
from gongwen.case.model import (
    Case,
    Circular,
    Department,
    DocumentSettings,
    FeedbackSettings,
    Grade,
    Interview,
    Issue,
    Issuer,
    IssueStatus,
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
    "FeedbackSettings",
    "Grade",
    "Interview",
    "Issue",
    "IssueStatus",
    "Issuer",
    "Person",
    "Report",
    "Step",
    "Steps",
    "Supervision",
    "Team",
    "Titled",
    "Votes",
    "load_case",
]
