"""Case-file errors: the JSON path of each problem and what is wrong, in the user's language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from gongwen.errors import GongwenError
from gongwen.i18n import DEFAULT_LANG, N_, t

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

# pydantic error type → message id; the context of the error fills the placeholders.
MESSAGES: dict[str, str] = {
    "missing": N_("this field is required"),
    "extra_forbidden": N_("unknown field"),
    "string_type": N_("must be text"),
    "string_too_short": N_("must not be empty"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "date_type": N_("must be a date such as 2020-03-31"),
    "date_parsing": N_("must be a date such as 2020-03-31"),
    "date_from_datetime_parsing": N_("must be a date such as 2020-03-31"),
    "date_from_datetime_inexact": N_("must be a date such as 2020-03-31"),
    "datetime_type": N_("must be a date and time such as 2020-04-20T09:00"),
    "datetime_parsing": N_("must be a date and time such as 2020-04-20T09:00"),
    "datetime_from_date_parsing": N_("must be a date and time such as 2020-04-20T09:00"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than_equal": N_("must be at most {le}"),
    "too_short": N_("needs at least {min_length} item(s)"),
    "list_type": N_("must be a list"),
    "model_type": N_("must be an object"),
    "dict_type": N_("must be an object"),
    "enum": N_("must be one of {expected}"),
    "path_type": N_("must be a file path"),
    "end_before_start": N_("the end date is before the start date"),
    "rectified_without_date": N_("a rectified issue needs its date (rectified_on)"),
    "open_with_date": N_("only a rectified issue has a rectified_on date"),
    "unknown_preset": N_("no grading preset is called {value}: use one of {expected}"),
    "duplicate_grade": N_("the grade {value} is listed twice"),
    "no_failing_grade": N_("the scheme needs a grade of class failed"),
    "unknown_grade": N_("{value} is not a grade of the case's scheme: use one of {expected}"),
    "redo_without_date": N_("a report graded {value} must be redone: give the date (redo_by)"),
    "votes_without_survey": N_(
        "votes on this report, but the case's survey does not say who may vote, or holds "
        "the round's votes"
    ),
    "more_votes_than_voters": N_("{cast} votes, but only {entitled} may vote"),
    "duplicate_issue": N_("the issue id {value} is used twice"),
    "share_out_of_range": N_("the share {share} is more than 1"),
    "duplicate_answer": N_("an answer is listed twice"),
    "rate_counts": N_("the 满意率 counts 满意, or 满意 and 基本满意"),
    "not_received": N_(
        "{value} has a grade, votes or a redo date, but no received date: a report not "
        "received is not graded or voted on"
    ),
    "string_pattern_mismatch": N_("not in the expected form ({pattern})"),
    "literal_error": N_("must be {expected}"),
    "duplicate_department": N_("the department {value} is listed twice"),
    "unknown_department": N_("no department of the case is called {value}"),
    "no_such_file": N_("no such file"),
    "json_invalid": N_("not valid JSON: {error} (line {line}, column {column})"),
    "not_an_object": N_("the case file must hold one JSON object"),
    "finite_number": N_("must be a number, not NaN or Infinity"),
    "string_unicode": N_("holds characters that are not valid text"),
    "control_character": N_("holds an invisible control character (U+{code}): remove it"),
    "number_too_large": N_("the number {value} is far too large for a case file"),
    "duplicate_key": N_("the field {key} is given twice"),
    "too_deep": N_("nested too deeply to be a case file"),
    "not_utf8": N_("the file is not UTF-8 text: save it as UTF-8"),
    "file_too_large": N_("the file is {size} MB, more than the limit of {limit} MB"),
    "cannot_read": N_("cannot read the file: {reason}"),
}
FALLBACK = N_("invalid value ({type})")
ROOT = "$"


# Characters a terminal would act on or a document cannot hold; a path or message that
# quotes case data shows them escaped, never raw.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def visible(text: str) -> str:
    """`text` with its control characters written as \\uXXXX."""
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class CaseError(GongwenError, ValueError):
    """An unusable case file; `errors` lists (JSON path, message) pairs, already in the
    language the case was loaded in."""

    code = "CS001"

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        errors = [(visible(path), visible(text)) for path, text in errors]
        ValueError.__init__(self, "; ".join(f"{path}: {message}" for path, message in errors))
        self.errors = errors

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """Every problem as `path: message`, one a line (in the language it was made in)."""
        return "\n".join(f"{path}: {message}" for path, message in self.errors)

    def __str__(self) -> str:
        return "; ".join(f"{path}: {message}" for path, message in self.errors)


def json_path(loc: Iterable[int | str]) -> str:
    """A pydantic location as a JSON path: departments[3].issues[0].deadline."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or ROOT


def message(kind: str, ctx: Mapping[str, Any] | None, lang: str = DEFAULT_LANG) -> str:
    """The message for a pydantic error of type `kind`, in `lang`."""
    values = {k: str(v) for k, v in (ctx or {}).items()}
    msgid = MESSAGES.get(kind)
    if msgid is None:
        return t(FALLBACK, lang, type=kind)
    try:
        return t(msgid, lang, **values)
    except (KeyError, IndexError):
        return t(FALLBACK, lang, type=kind)


def from_pydantic(
    errors: Iterable[ErrorDetails], lang: str = DEFAULT_LANG
) -> list[tuple[str, str]]:
    """(path, message) pairs for pydantic's `ValidationError.errors()`."""
    out = []
    for e in errors:
        ctx = e.get("ctx") or {}
        path = ctx.get("path") or json_path(e["loc"])
        out.append((path, message(e["type"], ctx, lang)))
    return out
