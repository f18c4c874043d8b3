"""满意度测评: a satisfaction vote on a report or a round of reports, and what it comes to.

The office declares who may vote (`VoterGroup`) and how the vote is counted (`Rule`):

- the base, the denominator of the thresholds and of the 满意率, is either everyone
  entitled to vote (应到) or the ballots returned (实到);
- a quorum may be required: a share of those entitled who must have voted, reached
  (>=) or, for 过半数, exceeded (>);
- the result has three grades: 满意 when the 满意 votes reach the threshold share of
  the base, 基本满意 when 满意 + 基本满意 reach it, otherwise 不满意 (e.g. 镇海区 2022:
  base entitled, threshold 1/2, reached). A vote short of its quorum is void.

Shares are written as fractions ("1/2", "2/3") and compared exactly with
`fractions.Fraction`, never with floats, so 13 of 26 is exactly half.
A report not put to a vote (未测评) is not a result of this module: callers leave it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from gongwen.findings import Rate
from gongwen.values import Frozen, Text

Share = Annotated[str, StringConstraints(pattern=r"^\d+/[1-9]\d*$")]
"""A share between 0 and 1 written as a fraction, e.g. "1/2", "2/3"."""


class Answer(StrEnum):
    """An answer a voter may give."""

    SATISFIED = "满意"
    BASIC = "基本满意"
    DISSATISFIED = "不满意"


class Result(StrEnum):
    """What a vote came to."""

    SATISFIED = "满意"
    BASIC = "基本满意"
    DISSATISFIED = "不满意"
    NO_QUORUM = "未达法定人数"


class VoterGroup(Frozen):
    """A group of people entitled to vote."""

    name: Text = Field(description="who they are, e.g. 评阅专班成员, 常委会组成人员")
    entitled: int = Field(ge=1, description="how many of them may vote")


class Votes(Frozen):
    """The counts of one vote."""

    satisfied: int = Field(ge=0, description="votes 满意")
    basically_satisfied: int = Field(0, ge=0, description="votes 基本满意")
    dissatisfied: int = Field(0, ge=0, description="votes 不满意")
    abstained: int = Field(0, ge=0, description="弃权: ballots returned without an answer")

    @property
    def cast(self) -> int:
        """The ballots returned: all answers and abstentions."""
        return self.satisfied + self.basically_satisfied + self.dissatisfied + self.abstained

    def count(self, answers: Iterable[Answer]) -> int:
        """The votes for `answers`, each answer counted once."""
        by_answer = {
            Answer.SATISFIED: self.satisfied,
            Answer.BASIC: self.basically_satisfied,
            Answer.DISSATISFIED: self.dissatisfied,
        }
        return sum(by_answer[Answer(a)] for a in set(answers))


class Rule(Frozen):
    """How the office counts a vote."""

    base: Literal["entitled", "cast"] = Field(
        "entitled",
        description="denominator of the thresholds and the rate: everyone entitled to vote "
        "(应到) or the ballots returned (实到)",
    )
    threshold: Share = Field("1/2", description='share of the base to reach, e.g. "1/2", "2/3"')
    strict: bool = Field(False, description="false: reach it (达到, >=); true: exceed it (超过, >)")
    quorum: Share | None = Field(
        None,
        description='share of those entitled who must have voted, e.g. "1/2"; null: no quorum',
    )
    quorum_strict: bool = Field(True, description="true: exceed it (过半数, >); false: reach (>=)")
    rate_counts: list[Answer] = Field(
        default_factory=lambda: [Answer.SATISFIED, Answer.BASIC],
        min_length=1,
        description="answers counted in the 满意率, e.g. [满意, 基本满意] or [满意]",
    )

    @field_validator("threshold", "quorum")
    @classmethod
    def _in_range(cls, share: str | None) -> str | None:
        if share is not None and not 0 < Fraction(share) <= 1:
            raise PydanticCustomError("share_out_of_range", "{share} exceeds 1", {"share": share})
        return share

    @field_validator("rate_counts")
    @classmethod
    def _distinct(cls, answers: list[Answer]) -> list[Answer]:
        if len(set(answers)) != len(answers):
            raise PydanticCustomError("duplicate_answer", "an answer is listed twice")
        if Answer.SATISFIED not in answers or Answer.DISSATISFIED in answers:
            # a 满意率 counts 满意, perhaps 基本满意 too, never 不满意
            raise PydanticCustomError("rate_counts", "count 满意, or 满意 and 基本满意")
        return answers

    @property
    def threshold_fraction(self) -> Fraction:
        """The threshold as an exact fraction."""
        return Fraction(self.threshold)

    @property
    def quorum_fraction(self) -> Fraction | None:
        """The quorum as an exact fraction, or None when there is none."""
        return None if self.quorum is None else Fraction(self.quorum)


class Survey(Frozen):
    """One 满意度测评 as declared in a case."""

    voters: list[VoterGroup] = Field(min_length=1, description="the groups entitled to vote")
    rule: Rule = Field(default_factory=Rule, description="how the vote is counted")
    votes: Votes | None = Field(
        None,
        description="one vote for the whole round; null when each report is voted on separately",
    )
    date: dt.date | None = Field(None, description="the day of the vote")

    @property
    def entitled(self) -> int:
        """How many may vote, over all groups."""
        return sum(g.entitled for g in self.voters)

    @model_validator(mode="after")
    def _not_more_votes_than_voters(self) -> Survey:
        if self.votes is not None and self.votes.cast > self.entitled:
            raise PydanticCustomError(
                "more_votes_than_voters",
                "{cast} votes but {entitled} may vote",
                {"cast": self.votes.cast, "entitled": self.entitled},
            )
        return self


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a vote came to."""

    result: Result
    base: int  # the denominator used: those entitled or the ballots cast
    quorum_met: bool  # True when no quorum is required
    rate: Rate  # votes for rule.rate_counts over base


def _passes(votes: int, bar: Fraction, strict: bool) -> bool:
    return votes > bar if strict else votes >= bar


def outcome(votes: Votes, entitled: int, rule: Rule) -> Outcome:
    """Count `votes` by `rule`; ValueError when more were cast than may vote."""
    if votes.cast > entitled:
        raise ValueError(f"{votes.cast} votes but {entitled} may vote")
    quorum = rule.quorum_fraction
    quorum_met = quorum is None or _passes(votes.cast, quorum * entitled, rule.quorum_strict)
    base = entitled if rule.base == "entitled" else votes.cast
    rate = Rate(numerator=votes.count(rule.rate_counts), denominator=base)
    bar = rule.threshold_fraction * base
    if not quorum_met:
        result = Result.NO_QUORUM
    elif not base:
        result = Result.DISSATISFIED
    elif _passes(votes.satisfied, bar, rule.strict):
        result = Result.SATISFIED
    elif _passes(votes.count([Answer.SATISFIED, Answer.BASIC]), bar, rule.strict):
        result = Result.BASIC
    else:
        result = Result.DISSATISFIED
    return Outcome(result=result, base=base, quorum_met=quorum_met, rate=rate)


def words(outcome: Outcome, votes: Votes) -> str:
    """The counts and the result as an office writes them."""
    if outcome.result is Result.NO_QUORUM:
        return "参加测评人数未达法定人数，测评无效"
    counts = [
        f"满意{votes.satisfied}票",
        f"基本满意{votes.basically_satisfied}票",
        f"不满意{votes.dissatisfied}票",
    ]
    if votes.abstained:
        counts.append(f"弃权{votes.abstained}票")
    return f"{'、'.join(counts)}，测评结果为{outcome.result}"
