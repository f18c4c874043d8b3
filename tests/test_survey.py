"""满意度测评: the counting rules, exact thresholds, validation and the written form."""

from __future__ import annotations

from fractions import Fraction

import pytest
from pydantic import BaseModel, ValidationError

from gongwen.findings import Rate
from gongwen.survey import (
    Answer,
    Outcome,
    Result,
    Rule,
    Survey,
    VoterGroup,
    Votes,
    outcome,
    words,
)

ZHENHAI = Rule()  # base entitled, 满意 when the 满意 votes reach half
CAST = Rule(base="cast")
STRICT = Rule(strict=True)
MAJORITY = Rule(quorum="1/2")  # 过半数: more than half must vote
HALF_REACHED = Rule(quorum="1/2", quorum_strict=False)
ONLY_SATISFIED = Rule(rate_counts=[Answer.SATISFIED])
TWO_THIRDS = Rule(threshold="2/3")
CAST_QUORUM = Rule(base="cast", quorum="1/2")


def v(satisfied: int, basic: int = 0, dissatisfied: int = 0, abstained: int = 0) -> Votes:
    return Votes(
        satisfied=satisfied,
        basically_satisfied=basic,
        dissatisfied=dissatisfied,
        abstained=abstained,
    )


# (votes, entitled, rule, result, rate as (numerator, denominator))
CASES = {
    "zhenhai 20/4/2 of 26": (v(20, 4, 2), 26, ZHENHAI, Result.SATISFIED, (24, 26)),
    "satisfied short, with basic reaches": (v(10, 5, 11), 26, ZHENHAI, Result.BASIC, (15, 26)),
    "with basic still short": (v(5, 6, 15), 26, ZHENHAI, Result.DISSATISFIED, (11, 26)),
    "few cast, base entitled": (v(8, 2, 2), 26, ZHENHAI, Result.DISSATISFIED, (10, 26)),
    "few cast, base cast": (v(8, 2, 2), 26, CAST, Result.SATISFIED, (10, 12)),
    "exactly half, reach": (v(13, 1, 12), 26, ZHENHAI, Result.SATISFIED, (14, 26)),
    "exactly half, more than": (v(13, 1, 12), 26, STRICT, Result.BASIC, (14, 26)),
    "exactly half both, more than": (v(13, 0, 13), 26, STRICT, Result.DISSATISFIED, (13, 26)),
    "quorum 13 of 26 is not more than half": (v(13), 26, MAJORITY, Result.NO_QUORUM, (13, 26)),
    "quorum 14 of 26 is more than half": (v(14), 26, MAJORITY, Result.SATISFIED, (14, 26)),
    "quorum 13 of 26 reaches half": (v(13), 26, HALF_REACHED, Result.SATISFIED, (13, 26)),
    "rate counts 满意 only": (v(20, 4, 2), 26, ONLY_SATISFIED, Result.SATISFIED, (20, 26)),
    "abstentions in the cast base": (v(6, 1, 0, 6), 26, CAST, Result.BASIC, (7, 13)),
    "abstentions, base entitled": (v(6, 1, 0, 6), 26, ZHENHAI, Result.DISSATISFIED, (7, 26)),
    "2/3 of 26, 17 short": (v(17, 0, 9), 26, TWO_THIRDS, Result.DISSATISFIED, (17, 26)),
    "2/3 of 26, 18 reach": (v(18, 0, 8), 26, TWO_THIRDS, Result.SATISFIED, (18, 26)),
    "nothing cast, base cast": (v(0), 26, CAST, Result.DISSATISFIED, (0, 0)),
    "nothing cast, quorum": (v(0), 26, Rule(quorum="1/2"), Result.NO_QUORUM, (0, 26)),
    "nothing cast, base cast, quorum": (v(0), 26, CAST_QUORUM, Result.NO_QUORUM, (0, 0)),
}


@pytest.mark.parametrize(("votes", "entitled", "rule", "result", "rate"), CASES.values(), ids=CASES)
def test_outcome(votes, entitled, rule, result, rate):
    got = outcome(votes, entitled, rule)
    assert got.result is result
    assert got.rate == Rate(numerator=rate[0], denominator=rate[1])


def test_base_and_quorum_are_reported():
    assert outcome(v(8, 2, 2), 26, ZHENHAI) == Outcome(
        Result.DISSATISFIED, 26, True, Rate(numerator=10, denominator=26)
    )
    assert outcome(v(8, 2, 2), 26, CAST).base == 12
    assert outcome(v(13), 26, MAJORITY).quorum_met is False
    assert outcome(v(14), 26, MAJORITY).quorum_met is True
    assert outcome(v(0), 26, CAST).quorum_met is True  # no quorum required


def test_same_votes_differ_by_base():
    votes = v(8, 2, 2)
    assert outcome(votes, 26, ZHENHAI).result != outcome(votes, 26, CAST).result


def test_more_votes_than_may_vote_is_refused_by_outcome():
    with pytest.raises(ValueError, match="27 votes but 26 may vote"):
        outcome(v(27), 26, ZHENHAI)


def test_votes_cast_and_count():
    votes = v(20, 4, 1, 1)
    assert votes.cast == 26
    assert votes.count([Answer.SATISFIED, Answer.BASIC]) == 24
    assert votes.count([Answer.DISSATISFIED]) == 1
    assert votes.count([]) == 0
    assert votes.count([Answer.SATISFIED, Answer.SATISFIED]) == 20  # once each


def zhenhai_survey(votes: dict | None = None) -> Survey:
    return Survey.model_validate(
        {
            "voters": [
                {"name": "评阅专班成员", "entitled": 5},
                {"name": "常委会组成人员", "entitled": 21},
            ],
            "votes": votes,
            "date": "2022-12-28",
        }
    )


def test_survey_from_data():
    survey = zhenhai_survey({"satisfied": 20, "basically_satisfied": 4, "dissatisfied": 2})
    assert survey.entitled == 26
    assert survey.rule == Rule()
    assert survey.rule.rate_counts == [Answer.SATISFIED, Answer.BASIC]
    assert survey.votes is not None
    got = outcome(survey.votes, survey.entitled, survey.rule)
    assert got.result is Result.SATISFIED
    assert str(got.rate) == "24/26（92.3%）"


def test_survey_votes_may_be_left_to_each_report():
    assert zhenhai_survey().votes is None


def test_more_votes_than_voters():
    with pytest.raises(ValidationError) as info:
        zhenhai_survey({"satisfied": 20, "basically_satisfied": 5, "dissatisfied": 2})
    (error,) = info.value.errors()
    assert error["type"] == "more_votes_than_voters"
    assert error["ctx"] == {"cast": 27, "entitled": 26}
    assert error["msg"] == "27 votes but 26 may vote"


def test_every_ballot_fits_exactly():
    survey = zhenhai_survey({"satisfied": 20, "dissatisfied": 5, "abstained": 1})
    assert survey.votes is not None and survey.votes.cast == survey.entitled


@pytest.mark.parametrize(
    ("share", "error_type"),
    [
        ("3/2", "share_out_of_range"),
        ("1/0", "string_pattern_mismatch"),
        ("0.5", "string_pattern_mismatch"),
        ("-1/2", "string_pattern_mismatch"),
        ("1/2 ", "string_pattern_mismatch"),
    ],
)
@pytest.mark.parametrize("field", ["threshold", "quorum"])
def test_bad_share_refused(field, share, error_type):
    with pytest.raises(ValidationError) as info:
        Rule.model_validate({field: share})
    assert [e["type"] for e in info.value.errors()] == [error_type]


def test_shares_are_exact_fractions():
    rule = Rule(threshold="2/3", quorum="1/2")
    assert rule.threshold_fraction == Fraction(2, 3)
    assert isinstance(rule.threshold_fraction, Fraction)
    assert rule.quorum_fraction == Fraction(1, 2)
    assert Rule().quorum_fraction is None
    assert Rule(threshold="2/2").threshold_fraction == 1


@pytest.mark.parametrize(
    ("rate_counts", "error_type"),
    [(["满意", "满意"], "duplicate_answer"), ([], "too_short"), (["弃权"], "enum")],
)
def test_bad_rate_counts_refused(rate_counts, error_type):
    with pytest.raises(ValidationError) as info:
        Rule.model_validate({"rate_counts": rate_counts})
    assert [e["type"] for e in info.value.errors()] == [error_type]


@pytest.mark.parametrize(
    ("model", "data", "error_type"),
    [
        (VoterGroup, {"name": "常委会组成人员", "entitled": 0}, "greater_than_equal"),
        (VoterGroup, {"name": "  ", "entitled": 5}, "string_too_short"),
        (Votes, {"satisfied": -1}, "greater_than_equal"),
        (Votes, {"satisfied": 1, "spoiled": 1}, "extra_forbidden"),
        (Rule, {"base": "present"}, "literal_error"),
        (Survey, {"voters": []}, "too_short"),
    ],
)
def test_bad_data_refused(model, data, error_type):
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    assert [e["type"] for e in info.value.errors()] == [error_type]


def test_models_are_frozen():
    votes = v(1)
    with pytest.raises(ValidationError):
        votes.satisfied = 2  # type: ignore[misc]


@pytest.mark.parametrize("model", [VoterGroup, Votes, Rule, Survey])
def test_every_field_is_described(model: type[BaseModel]):
    assert model.__doc__
    assert [n for n, f in model.model_fields.items() if not f.description] == []


@pytest.mark.parametrize(
    ("votes", "entitled", "rule", "text"),
    [
        (v(20, 4, 2), 26, ZHENHAI, "满意20票、基本满意4票、不满意2票，测评结果为满意"),
        (v(10, 5, 11), 26, ZHENHAI, "满意10票、基本满意5票、不满意11票，测评结果为基本满意"),
        (
            v(6, 1, 0, 6),
            26,
            CAST,
            "满意6票、基本满意1票、不满意0票、弃权6票，测评结果为基本满意",
        ),
        (v(5, 6, 15), 26, ZHENHAI, "满意5票、基本满意6票、不满意15票，测评结果为不满意"),
        (v(13), 26, MAJORITY, "参加测评人数未达法定人数，测评无效"),
    ],
)
def test_words(votes, entitled, rule, text):
    assert words(outcome(votes, entitled, rule), votes) == text
