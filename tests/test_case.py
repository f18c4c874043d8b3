"""The case file: the sample loads, and broken files give errors by JSON path."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from gongwen.case import Case, CaseError, load_case
from gongwen.cli import main
from gongwen.resources import data_dir

SAMPLE = data_dir("samples") / "case.json"


@pytest.fixture
def raw() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def errors_of(data: dict, lang: str = "zh") -> dict[str, str]:
    with pytest.raises(CaseError) as info:
        load_case(data, lang=lang)
    return dict(info.value.errors)


def test_the_sample_is_the_article_county(raw):
    case = load_case(SAMPLE)
    assert case.issuer.mark == "丹江口市人民代表大会常务委员会文件"
    assert case.issuer.code == "丹人常"
    assert case.review_year == 2019
    assert len(case.departments) == len(raw["departments"]) == 26
    issues = [i for d in case.departments for i in d.issues]
    assert len(issues) == 117
    assert all(i.status == "rectified" and i.rectified_on <= i.deadline for i in issues)
    assert len(case.interviews) == 2 and len(case.supervisions) == 1


def test_a_bad_date_is_named_by_its_json_path_in_chinese_and_english(raw):
    bad = copy.deepcopy(raw)
    bad["departments"][3]["issues"][0]["deadline"] = "2020-13-01"
    path = "departments[3].issues[0].deadline"
    assert "日期" in errors_of(bad)[path]
    assert "must be a date" in errors_of(bad, "en")[path]


def test_every_error_is_listed_not_only_the_first(raw):
    bad = copy.deepcopy(raw)
    del bad["issuer"]["code"]
    bad["review_year"] = "二〇一九"
    bad["departments"][0]["surprise"] = 1
    errors = errors_of(bad)
    assert errors["issuer.code"] == "缺少必填项"
    assert errors["review_year"] == "应为整数"
    assert errors["departments[0].surprise"] == "未知字段"
    assert errors_of(bad, "en")["issuer.code"] == "this field is required"


def test_a_rectified_issue_needs_its_date(raw):
    bad = copy.deepcopy(raw)
    del bad["departments"][2]["issues"][1]["rectified_on"]
    assert "整改日期" in errors_of(bad)["departments[2].issues[1]"]


def test_an_interview_must_name_a_department_of_the_case(raw):
    bad = copy.deepcopy(raw)
    bad["interviews"][1]["department"] = "市不存在局"
    assert errors_of(bad)["interviews[1].department"] == "案卷中没有名为“市不存在局”的单位"
    assert "no department" in errors_of(bad, "en")["interviews[1].department"]


def test_text_that_is_not_json_says_where(tmp_path):
    f = tmp_path / "case.json"
    f.write_text('{"issuer": ,}', encoding="utf-8")
    with pytest.raises(CaseError) as info:
        load_case(f)
    ((path, message),) = info.value.errors
    assert path == "$" and "第 1 行" in message


def test_a_missing_file_is_a_case_error(tmp_path):
    with pytest.raises(CaseError, match="no such file"):
        load_case(tmp_path / "nope.json", lang="en")


def test_the_schema_describes_the_case():
    schema = Case.model_json_schema()
    assert {"issuer", "departments", "interviews", "supervisions"} <= set(schema["properties"])


@pytest.mark.parametrize("lang, expected", [("zh", "应为日期"), ("en", "must be a date")])
def test_generate_exits_2_with_every_error_and_writes_nothing(
    raw, tmp_path, capsys, lang, expected
):
    bad = copy.deepcopy(raw)
    bad["departments"][3]["issues"][0]["deadline"] = "soon"
    bad["deadline"] = "2020-02-30"
    case = tmp_path / "case.json"
    case.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["generate", str(case), "-o", str(out), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert "departments[3].issues[0].deadline" in err and "deadline:" in err
    assert expected in err
    assert not out.exists()


def test_relative_seal_paths_are_taken_from_the_case_folder(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["circular"]["seal_image"] = "seal.png"
    f = tmp_path / "case.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_case(f).circular.seal_image == Path(tmp_path / "seal.png")
