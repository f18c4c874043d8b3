"""Grading schemes: the grades an office gives reports, in order, and what each grade means.

A grade's *class* is what the documents do with it, so no grade name is ever written in code:

- ``commended``: passes, and the circular names the department among those who did well;
- ``passed``: passes;
- ``short``: passes (counted in 质量合格率) but the circular names it among those that fell short;
- ``failed``: does not pass; the feedback letter asks for the report to be redone.

A case names a preset by its grades (``"合格/不合格"``) or declares its own list.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from gongwen.values import Frozen, Text


class GradeClass(StrEnum):
    """What a grade means for the rates and the documents."""

    COMMENDED = "commended"
    PASSED = "passed"
    SHORT = "short"
    FAILED = "failed"

    @property
    def passes(self) -> bool:
        """Counted as acceptable in 质量合格率."""
        return self is not GradeClass.FAILED


class GradeDef(Frozen):
    """One grade of a scheme: its name as written in documents, and its class."""

    name: Text = Field(description="the grade as documents write it, e.g. 优秀, 合格")
    class_: GradeClass = Field(
        alias="class",
        description="commended (named as doing well), passed, short (passes but named as "
        "falling short), failed (does not pass; the report is redone)",
    )


class GradingScheme(BaseModel):
    """The grades of a round, best first."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    grades: list[GradeDef] = Field(min_length=2, description="the grades, best first")

    @model_validator(mode="after")
    def _distinct(self) -> GradingScheme:
        names = [g.name for g in self.grades]
        for i, name in enumerate(names):
            if name in names[:i]:
                raise PydanticCustomError("duplicate_grade", "grade {value} twice", {"value": name})
        if not any(g.class_ is GradeClass.FAILED for g in self.grades):
            raise PydanticCustomError("no_failing_grade", "no grade of class failed")
        return self

    @property
    def names(self) -> list[str]:
        """The grade names, best first."""
        return [g.name for g in self.grades]

    def class_of(self, grade: str) -> GradeClass:
        """The class of the grade called `grade`; KeyError if the scheme has none."""
        for g in self.grades:
            if g.name == grade:
                return g.class_
        raise KeyError(grade)

    def named(self, cls: GradeClass) -> list[str]:
        """The names of the grades of class `cls`, best first."""
        return [g.name for g in self.grades if g.class_ is cls]


def _scheme(*pairs: tuple[str, GradeClass]) -> GradingScheme:
    return GradingScheme(grades=[GradeDef(name=n, **{"class": c}) for n, c in pairs])


_C, _P, _S, _F = GradeClass.COMMENDED, GradeClass.PASSED, GradeClass.SHORT, GradeClass.FAILED

# The schemes offices publish, keyed by their grades joined with "/".
PRESETS: dict[str, GradingScheme] = {
    "优秀/良好/合格/不合格": _scheme(("优秀", _C), ("良好", _P), ("合格", _P), ("不合格", _F)),
    "优秀/合格/基本合格/不合格": _scheme(
        ("优秀", _C), ("合格", _P), ("基本合格", _S), ("不合格", _F)
    ),
    "合格/不合格": _scheme(("合格", _P), ("不合格", _F)),
    "好/较好/一般/差": _scheme(("好", _C), ("较好", _P), ("一般", _S), ("差", _F)),
    "优秀/称职/基本称职/不称职": _scheme(
        ("优秀", _C), ("称职", _P), ("基本称职", _S), ("不称职", _F)
    ),
}
# The scheme the cases of schema 1 were graded in (they had no choice).
LEGACY = "优秀/良好/合格/不合格"


def resolve(value: str | GradingScheme) -> GradingScheme:
    """The scheme `value` names (a preset) or is; PydanticCustomError for an unknown preset."""
    if isinstance(value, GradingScheme):
        return value
    try:
        return PRESETS[value]
    except KeyError:
        raise PydanticCustomError(
            "unknown_preset", "no preset {value}", {"value": value, "expected": " | ".join(PRESETS)}
        ) from None
