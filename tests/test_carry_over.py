"""The year after: last year's open issues carry over and this year's reports must answer them."""

from __future__ import annotations

import json

import pytest
import yaml

from gongwen import check_file
from gongwen.case import Case, IssueStatus, PastRound, dump_case, load_case, read_case
from gongwen.case.carry import carry_over, open_issues
from gongwen.cli import main
from gongwen.resources import data_dir

SAMPLES = data_dir("samples")
LAST_YEAR = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))["last_year"]
LAST_CASE = SAMPLES / LAST_YEAR["case"]


def report_of(department: str):
    return next((SAMPLES / "reports").glob(f"{department}-*"))


def test_last_years_case_leaves_open_exactly_the_issues_the_samples_expect():
    expected = {
        name: tuple(LAST_YEAR["answered"].get(name, []) + LAST_YEAR["unanswered"].get(name, []))
        for name in {*LAST_YEAR["answered"], *LAST_YEAR["unanswered"]}
    }
    assert open_issues(read_case(LAST_CASE)) == expected


@pytest.mark.parametrize("department", sorted(LAST_YEAR["unanswered"]))
def test_the_check_names_each_open_issue_the_report_does_not_answer(department):
    result = check_file(
        report_of(department),
        roster=SAMPLES / "roster.csv",
        register=SAMPLES / "register.csv",
        last_year_issues=LAST_CASE,
    )
    unanswered = [f for f in result.findings if f.code == "AR203"]
    assert [f.expected for f in unanswered] == LAST_YEAR["unanswered"][department]
    assert "AR201" not in {f.code for f in result.findings}  # the 整改情况 section is there
    for issue in LAST_YEAR["answered"][department]:
        assert not any(issue in f.message for f in result.findings)
    without = check_file(report_of(department), register=SAMPLES / "register.csv")
    assert without.findings == []


def test_gongwen_check_takes_last_years_case(capsys):
    code = main(
        [
            "check", str(SAMPLES / "reports"), "--roster", str(SAMPLES / "roster.csv"),
            "--register", str(SAMPLES / "register.csv"), "--last-year", str(LAST_CASE),
            "--select", "AR2", "--format", "csv",
        ]
    )  # fmt: skip
    assert code == 1
    rows = [r for r in capsys.readouterr().out.splitlines() if ",AR203," in r]
    assert len(rows) == 1 and LAST_YEAR["unanswered"]["市民政局"][0] in rows[0]


def test_open_issues_carry_over_marked_with_their_year():
    this_year = read_case(SAMPLES / "case.json")
    result = carry_over(this_year, read_case(LAST_CASE))
    assert result.carried == 3 and result.unplaced == ()
    civil = result.case.department("市民政局")
    carried = [i for i in civil.issues if i.carried_from is not None]
    assert [i.text for i in carried] == [
        *LAST_YEAR["answered"]["市民政局"],
        *LAST_YEAR["unanswered"]["市民政局"],
    ]
    assert all(i.carried_from == 2018 and i.status == IssueStatus.OPEN for i in carried)
    assert all(i.deadline == this_year.feedback.rectify_by for i in carried)
    assert civil.issues[: len(this_year.department("市民政局").issues)] == (
        this_year.department("市民政局").issues
    )
    again = carry_over(result.case, read_case(LAST_CASE))
    assert again.carried == 0 and again.case == result.case


def test_an_issue_carried_twice_keeps_the_year_it_was_first_raised():
    first = PastRound.model_validate(
        {"review_year": 2018, "departments": [{"name": "市民政局", "issues": [
            {"id": "2016-01-01", "text": "老问题", "category": "依法履职", "deadline": "2019-06-30",
             "carried_from": 2016}]}]}
    )  # fmt: skip
    result = carry_over(read_case(SAMPLES / "case.json"), first)
    assert result.case.department("市民政局").issues[-1].carried_from == 2016
    assert result.case.department("市民政局").issues[-1].id == "2016-01-01"  # cited as before


def test_a_case_refers_to_last_year_by_path_or_embeds_it(tmp_path):
    data = json.loads((SAMPLES / "case.json").read_text(encoding="utf-8"))
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "2018.json").write_text(LAST_CASE.read_text(encoding="utf-8"), "utf-8")
    data["last_year"] = "old/2018.json"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_case(path).last_year == tmp_path / "old" / "2018.json"
    assert str(read_case(path).last_year) == "old/2018.json"
    data["last_year"] = PastRound.of(read_case(LAST_CASE)).model_dump(mode="json")
    embedded = Case.model_validate(data)
    assert open_issues(embedded.last_year) == open_issues(read_case(LAST_CASE))
    assert "last_year" in Case.model_json_schema()["properties"]


def test_a_draft_carries_last_years_issues_and_refers_to_the_file(tmp_path, capsys):
    results = tmp_path / "results.json"
    main(
        [
            "check", str(SAMPLES / "reports"), "--roster", str(SAMPLES / "roster.csv"),
            "--register", str(SAMPLES / "register.csv"), "--last-year", str(LAST_CASE),
            "--format", "json", "-o", str(results),
        ]
    )  # fmt: skip
    out = tmp_path / "draft" / "case.json"
    code = main(
        [
            "case", "draft", str(results), "--roster", str(SAMPLES / "roster.csv"),
            "--base", str(SAMPLES / "case.json"), "--last-year", str(LAST_CASE), "-o", str(out),
        ]
    )  # fmt: skip
    assert code == 0
    draft = load_case(out, allow_draft=True)
    assert draft.last_year.resolve() == LAST_CASE.resolve()
    civil = draft.department("市民政局").issues
    assert sum(1 for i in civil if i.carried_from == 2018) == 3
    assert any(i.status == IssueStatus.PENDING and "上年度问题" in i.text for i in civil)
    assert "市林业局" in dump_case(draft)  # last year's 市林业局 issues were all rectified
