"""The check machinery: rule sets as data (loaded and validated), the kind registry, the runner.

The content an office edits lives in the top-level `rules/*.yaml`; each kind of check is one
small module in `checks/kinds/`. Pipeline: `load_rule_set` → `run_checks(doc, …)` → findings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gongwen.checks.context import Hit, Submission
from gongwen.checks.facts import facts
from gongwen.checks.loader import RuleSetError, load_cached, resolve
from gongwen.checks.ruleset import Elements, Rule, RuleSet, Strength
from gongwen.checks.runner import (
    duplicate_findings,
    input_finding,
    is_on_time,
    roster_findings,
    run_checks,
)

__all__ = [
    "Elements",
    "Hit",
    "Rule",
    "RuleSet",
    "RuleSetError",
    "Strength",
    "Submission",
    "duplicate_findings",
    "facts",
    "input_finding",
    "is_on_time",
    "load_rule_set",
    "roster_findings",
    "run_checks",
]


def load_rule_set(
    name_or_path: str | Path = "annual-report",
    *,
    year: int | None = None,
    deadline: dt.date | None = None,
) -> RuleSet:
    """The rule set `name` (from rules/) or at a path, with `extends:` followed and validated.

    `year` and `deadline` override the review year and deadline for one run; a `year` alone
    moves the deadline by as many years. Raises RuleSetError naming the file and the key.
    """
    path = resolve(name_or_path)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1  # read_file reports the missing file with its name
    return load_cached(str(path), mtime, year, deadline)
