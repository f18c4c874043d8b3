"""Drafting a case from the check results of the samples: valid, complete, honest about gaps."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gongwen.case import Case, CaseError, IssueStatus, dump_case, load_case, read_case
from gongwen.case.complete import TO_FILL, undecided
from gongwen.case.draft import draft_case
from gongwen.cli import main
from gongwen.findings import CheckReport
from gongwen.resources import data_dir
from gongwen.roster import load_register, load_roster

SAMPLES = data_dir("samples")


@pytest.fixture(scope="module")
def results_file(tmp_path_factory):
    """The samples' check results as `gongwen check --format json` writes them."""
    out = tmp_path_factory.mktemp("results") / "results.json"
    code = main(
        [
            "check", str(SAMPLES / "reports"), "--roster", str(SAMPLES / "roster.csv"),
            "--register", str(SAMPLES / "register.csv"), "--format", "json", "-o", str(out),
        ]
    )  # fmt: skip
    assert code == 1 and out.is_file()
    return out


@pytest.fixture(scope="module")
def results(results_file):
    return CheckReport.model_validate_json(results_file.read_bytes())


@pytest.fixture(scope="module")
def roster():
    return load_roster(SAMPLES / "roster.csv")


def test_the_draft_validates_and_lists_every_roster_department(results, roster):
    case = draft_case(results, roster)
    again = Case.model_validate_json(dump_case(case))
    assert [d.name for d in again.departments] == [e.department for e in roster]
    assert [d.official.name for d in again.departments] == [e.official for e in roster]
    assert again.review_year == 2019 and str(again.deadline) == "2020-03-31"


def test_received_dates_and_lateness_come_from_the_check(results, roster):
    case = draft_case(results, roster)
    register = {r.department: r.received for r in load_register(SAMPLES / "register.csv")}
    for department in case.departments:
        assert department.received == register.get(department.name)
    late = [d.name for d in case.departments if d.received and d.received > case.deadline]
    assert late == ["市农业农村局"]
    assert {d.name for d in case.departments if d.received is None} == {
        "市退役军人事务局",
        "市林业局",
    }


def test_findings_become_one_pending_issue_per_rule_and_report(results, roster):
    case = draft_case(results, roster)
    issues = {d.name: d.issues for d in case.departments}
    assert all(i.status == IssueStatus.PENDING for items in issues.values() for i in items)
    font = issues["市自然资源和规划局"]
    assert len(font) == 1 and font[0].text.startswith("正文字体")
    assert font[0].text.endswith("（共 23 段）") and font[0].category == "公文格式"
    # four margins, four rules, and the 26 characters a line Word's margins leave (GB115)
    assert len(issues["市市场监督管理局"]) == 5
    assert [i.category for i in issues["市农业农村局"]] == ["报送时限"]
    for clean in ("市财政局", "市教育局", "市交通运输局", "市审计局"):
        assert issues[clean] == []
    per_file = {
        r.department: {f.code for f in r.findings if f.severity != "info"} for r in results.files
    }
    assert {k: len(v) for k, v in per_file.items()} == {k: len(issues[k]) for k in per_file}


def test_the_human_decisions_are_left_visibly_empty(results, roster):
    case = draft_case(results, roster)
    data = json.loads(dump_case(case))
    assert all(d["grade"] is None and d["votes"] is None for d in data["departments"])
    assert data["interviews"] == [] and data["supervisions"] == []
    todo = "\n".join(data["draft"]["todo"])
    for words in ("质量等次", "集中评阅", "约谈", "专题监督", "市退役军人事务局", TO_FILL):
        assert words in todo
    assert data["issuer"]["name"] == TO_FILL


def test_generating_refuses_a_draft_with_what_is_left_to_decide(results, roster, tmp_path):
    draft = tmp_path / "draft.json"
    draft.write_text(dump_case(draft_case(results, roster)), encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        load_case(draft)
    paths = [path for path, _ in caught.value.errors]
    assert "draft" in paths and "issuer.name" in paths and "departments[0].grade" in paths
    assert "departments[5].issues[0].status" in paths
    out = tmp_path / "out"
    assert main(["generate", str(draft), "-o", str(out)]) == 2
    assert not out.exists()
    assert load_case(draft, allow_draft=True).draft is not None


def test_a_decided_draft_generates(results, roster, tmp_path):
    base = read_case(SAMPLES / "case.json")
    data = json.loads(dump_case(draft_case(results, roster, base)))
    del data["draft"]
    for department in data["departments"]:
        department["grade"] = "合格" if department["received"] else None
        for issue in department["issues"]:
            issue["status"] = "open"
    case = load_case(data)
    assert undecided(case) == []


def test_the_base_gives_issuer_team_and_settings(results, roster):
    base = read_case(SAMPLES / "case.json")
    case = draft_case(results, roster, base)
    assert (case.issuer, case.team, case.report, case.feedback) == (
        base.issuer, base.team, base.report, base.feedback,
    )  # fmt: skip
    assert case.department("市财政局").official_name == "丹江口市财政局"
    assert case.department("市生态环境局").official_name == "丹江口市生态环境局"  # not in base
    assert all(i.deadline == base.feedback.rectify_by for d in case.departments for i in d.issues)
    assert TO_FILL not in dump_case(case)


def test_english_drafts_say_it_in_english(results, roster):
    case = draft_case(results, roster, lang="en")
    text = case.department("市自然资源和规划局").issues[0].text
    assert text.endswith("(23 paragraphs)") and "more paragraphs" not in text
    assert case.department("市农业农村局").issues[0].category == "submission on time"


def test_the_command_writes_atomically_and_never_overwrites(results_file, tmp_path, capsys):
    out = tmp_path / "case.json"
    args = ["case", "draft", str(results_file), "--roster", str(SAMPLES / "roster.csv")]
    assert main([*args, "--base", str(SAMPLES / "case.json"), "-o", str(out)]) == 0
    first = out.read_bytes()
    assert "质量等次" in capsys.readouterr().out
    out.write_text("{}", encoding="utf-8")
    assert main([*args, "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "{}"
    assert main([*args, "--base", str(SAMPLES / "case.json"), "-o", str(out), "--force"]) == 0
    assert out.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]
    assert main(["case", "status", str(out)]) == 1
    assert "待定" in capsys.readouterr().out


def test_results_that_are_not_check_results_are_refused(tmp_path, capsys):
    bad = tmp_path / "results.json"
    bad.write_text('{"files": 3}', encoding="utf-8")
    out = tmp_path / "case.json"
    code = main(
        ["case", "draft", str(bad), "--roster", str(SAMPLES / "roster.csv"), "-o", str(out)]
    )
    assert code == 2 and not out.exists()
    assert "gongwen check" in capsys.readouterr().err


def test_results_of_schema_1_0_without_more_still_count_every_paragraph(results_file, roster):
    """A results file from before Finding.more: the count is read from the message."""
    data = json.loads(results_file.read_text(encoding="utf-8"))
    data["schema_version"] = "1.0"
    for result in data["files"]:
        for finding in result["findings"]:
            assert finding.pop("more") >= 0
            finding.pop("category")  # 1.0 had no category either
    old = CheckReport.model_validate(data)
    new = CheckReport.model_validate_json(results_file.read_bytes())
    assert any(f.more for r in new.files for f in r.findings)  # the samples do merge some
    assert dump_case(draft_case(old, roster)) == dump_case(draft_case(new, roster))


def test_results_of_schema_1_1_without_category_draft_the_same_issues(results_file, roster):
    """A results file from before Finding.category: each finding's code gives its category."""
    data = json.loads(results_file.read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.4"
    data["schema_version"] = "1.1"
    for finding in [f for r in data["files"] for f in r["findings"]] + data["roster_findings"]:
        assert finding.pop("category") in ("input", "submission", "content", "format")
    old = CheckReport.model_validate(data)
    new = CheckReport.model_validate_json(results_file.read_bytes())
    assert old.all_findings == new.all_findings
    assert [(r.content_pass, r.format_pass) for r in old.files] == [
        (r.content_pass, r.format_pass) for r in new.files
    ]
    assert dump_case(draft_case(old, roster)) == dump_case(draft_case(new, roster))
    # a current result must say it: no category is not quietly guessed from the code
    data["schema_version"] = "1.2"
    with pytest.raises(ValueError, match="category"):
        CheckReport.model_validate(data)


def test_an_issue_takes_the_category_its_rule_declares_not_its_code():
    from gongwen.case.draft import candidate_issues
    from gongwen.findings import Category, FileResult, Finding, Severity

    def finding(code: str, category: Category) -> Finding:
        return Finding(code=code, name="n", severity=Severity.ERROR, category=category,
                       message="m", file="a.docx")  # fmt: skip

    result = FileResult(
        file="a.docx",
        findings=[finding("XY201", Category.CONTENT), finding("GB999", Category.SUBMISSION)],
    )
    issues = candidate_issues(result, dt.date(2020, 6, 30))
    assert [(i.id, i.category) for i in issues] == [("XY201", "报告内容"), ("GB999", "报送时限")]
    assert (result.content_pass, result.format_pass) == (False, True)
