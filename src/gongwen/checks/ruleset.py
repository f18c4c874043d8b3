"""Rule sets as values: what a loaded `rules/*.yaml` is, and how a run selects from it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from gongwen.findings import Category, Severity


class Strength(StrEnum):
    """How strongly the clause a rule rests on says it (see spec/gbt9704.md)."""

    REQUIRED = "规定"
    DERIVED = "推算"
    GENERAL = "一般"
    RECOMMENDED = "推荐"
    PERMITTED = "可以"
    PRACTICE = "实务"

    @property
    def severity(self) -> Severity:
        """The severity this strength gives a finding: only 规定 and 推算 are errors."""
        if self in (Strength.REQUIRED, Strength.DERIVED):
            return Severity.ERROR
        if self is Strength.PRACTICE:
            return Severity.INFO
        return Severity.WARNING


@dataclass(frozen=True)
class Rule:
    """One rule: a code, what kind of check runs it, its parameters and its documentation."""

    code: str
    name: str
    kind: str
    clause: str
    strength: Strength
    category: Category  # what its findings are about: it decides what content_pass counts
    params: dict[str, Any] = field(default_factory=dict)
    applies_to: str | None = None  # an element name (a `model.Role` value), or the whole file
    why: str = ""
    wrong: str = ""
    right: str = ""
    source: str = ""  # the rule-set file that defines it

    @property
    def severity(self) -> Severity:
        """Derived from the strength, so a recommendation can never be called an error."""
        return self.strength.severity


@dataclass(frozen=True)
class Elements:
    """Which document elements a rule set requires, checks when present, or expects absent."""

    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    """A loaded, validated rule set (with its `extends:` chain merged in)."""

    name: str
    title: str
    review_year: int | None
    deadline: dt.date | None
    grace_days: int
    fonts: Mapping[str, tuple[str, ...]]
    elements: Elements
    rules: tuple[Rule, ...]
    files: tuple[str, ...] = ()  # the files it was read from, the most general first
    # face → category, filled as faces are met: a report names a handful of faces many times
    _categories: dict[str, str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def get(self, code: str) -> Rule:
        """The rule with `code`; KeyError when there is none."""
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise KeyError(code)

    def codes(self) -> tuple[str, ...]:
        """Every rule code, in file order."""
        return tuple(r.code for r in self.rules)

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> RuleSet:
        """The rules matching a code or prefix in `select` (all when empty), minus `ignore`."""
        select = tuple(s.strip().upper() for s in select if s.strip())
        ignore = tuple(s.strip().upper() for s in ignore if s.strip())
        kept = tuple(
            r
            for r in self.rules
            if (not select or r.code.startswith(select))
            and not (ignore and r.code.startswith(ignore))
        )
        return replace(self, rules=kept)

    def font_category(self, face: str | None) -> str | None:
        """The category (仿宋, 黑体, …) whose accepted faces include `face`, case-insensitive.

        A PDF names faces by PostScript name (`FandolFang-Regular`, `NotoSerifCJKjp-Bold`):
        failing an exact match, names are compared without spaces, regular weight and region.
        """
        if not face:
            return None
        if face not in self._categories:
            self._categories[face] = self._category(face)
        return self._categories[face]

    def _category(self, face: str) -> str | None:
        wanted = face.strip().casefold()
        for category, faces in self.fonts.items():
            if wanted == category.casefold() or any(wanted == f.casefold() for f in faces):
                return category
        loose = _loose(face)
        for category, faces in self.fonts.items():
            if any(loose == _loose(f) for f in faces):
                return category
        return None


_SUBSET = re.compile(r"^[A-Z]{6}\+")
_SEPARATORS = re.compile(r"[\s_\-]+")
_NOISE = re.compile(r"regular|vkana|(?<=cjk)(sc|tc|jp|kr|hk)")


def _loose(face: str) -> str:
    """A face name without subset prefix, separators, regular weight or CJK region."""
    bare = _SEPARATORS.sub("", _SUBSET.sub("", face.strip()).casefold())
    return _NOISE.sub("", bare)
