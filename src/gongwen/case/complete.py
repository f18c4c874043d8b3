"""Whether a case is complete: what people still have to decide in it.

A case drafted from check results holds `TO_FILL` where no source knew the answer, issues
still `pending`, and reports with no grade; `load_case` refuses a case while `undecided`
finds anything, and `gongwen case status` lists it.
"""

from __future__ import annotations

from collections.abc import Iterator

from gongwen.case.model import Case, IssueStatus
from gongwen.i18n import DEFAULT_LANG, N_, t

__all__ = ["TO_FILL", "undecided"]

TO_FILL = "【待填写】"


def undecided(case: Case, lang: str = DEFAULT_LANG) -> list[tuple[str, str]]:
    """(JSON path, message) for each place of `case` still waiting for people to decide."""
    gaps: list[tuple[str, str]] = []
    if case.draft is not None:
        gaps.append(
            (
                "draft",
                t(
                    N_(
                        "the case is still a draft: do what its todo list says, then delete "
                        "the draft entry"
                    ),
                    lang,
                ),
            )
        )
    for path, value in _strings(case.model_dump(mode="json", exclude={"draft"})):
        if TO_FILL in value:
            gaps.append((path, t(N_("still to fill in ({mark})"), lang, mark=TO_FILL)))
    for i, department in enumerate(case.departments):
        if department.received and department.grade is None:
            gaps.append((f"departments[{i}].grade", t(N_("the report has no grade yet"), lang)))
        for j, issue in enumerate(department.issues):
            if issue.status == IssueStatus.PENDING:
                gaps.append(
                    (
                        f"departments[{i}].issues[{j}].status",
                        t(N_("a candidate issue: confirm it (open) or delete it"), lang),
                    )
                )
    return gaps


def _strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path or "$", value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
