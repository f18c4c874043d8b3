"""Rule sets as data: the shipped sets load, severity follows strength, mistakes are named.

An office edits rules/annual-report.yaml every year; each test of a bad file asserts that
the message names the file and the key, in Chinese by default.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
import yaml

import gongwen.cli
from gongwen.checks import RuleSetError, Strength, load_rule_set, registry
from gongwen.checks.context import Hit
from gongwen.checks.runner import to_finding
from gongwen.findings import Category, FileResult, Severity
from gongwen.resources import data_dir

SHIPPED = ("input", "gbt9704", "annual-report")

# The codes the team brief fixes, with the severity their clause's strength gives.
BRIEF = {
    "IO001": "error", "IO002": "warning",
    "GB101": "error", "GB102": "error", "GB103": "error", "GB104": "error", "GB105": "error",
    "GB111": "warning", "GB112": "warning", "GB113": "warning", "GB114": "warning",
    "GB201": "warning", "GB202": "error", "GB301": "warning", "GB302": "error",
    "GB303": "warning", "GB304": "warning", "GB305": "warning", "GB306": "error",
    "GB307": "error", "GB308": "error", "GB309": "error", "GB401": "error",
    "GB501": "warning", "GB601": "warning",
    "AR101": "error", "AR102": "error", "AR103": "info", "AR201": "error", "AR202": "error",
    "AR203": "error", "AR300": "error", "AR301": "error", "AR302": "error", "AR303": "error",
}  # fmt: skip

RULE = """\
  - code: {code}
    name: 测试规则
    kind: {kind}
    clause: 测试
    strength: {strength}
    category: format
"""


def write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    """A rule-set file in `tmp_path`."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(path: Path) -> RuleSetError:
    """The RuleSetError that loading `path` raises."""
    with pytest.raises(RuleSetError) as info:
        load_rule_set(str(path))
    return info.value


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_rule_sets_load(name: str) -> None:
    rule_set = load_rule_set(name)
    assert rule_set.rules
    assert len(set(rule_set.codes())) == len(rule_set.codes())
    for rule in rule_set.rules:
        assert rule.why and rule.wrong and rule.right, rule.code
        assert registry.summary(rule.kind)


def test_annual_report_has_the_brief_codes_with_their_severities() -> None:
    rule_set = load_rule_set("annual-report")
    assert {c: rule_set.get(c).severity.value for c in BRIEF} == BRIEF
    assert rule_set.review_year == 2019
    assert rule_set.deadline == dt.date(2020, 3, 31)
    assert rule_set.grace_days == 0
    assert rule_set.files == (
        "rules/input.yaml", "rules/gbt9704-pdf.yaml", "rules/gbt9704.yaml",
        "rules/annual-report.yaml",
    )  # fmt: skip
    assert set(rule_set.elements.required) == {"title", "body", "heading", "signature", "date"}
    assert {"issuer_mark", "doc_number", "imprint"} <= set(rule_set.elements.absent)


@pytest.mark.parametrize("name", SHIPPED)
def test_severity_derives_from_strength_over_the_whole_set(name: str) -> None:
    for rule in load_rule_set(name).rules:
        if rule.strength in (Strength.GENERAL, Strength.RECOMMENDED, Strength.PERMITTED):
            assert rule.severity == Severity.WARNING, rule.code
        elif rule.strength in (Strength.REQUIRED, Strength.DERIVED):
            assert rule.severity == Severity.ERROR, rule.code
        else:
            assert rule.severity == Severity.INFO, rule.code


def test_the_font_table_is_data() -> None:
    rule_set = load_rule_set("gbt9704")
    assert rule_set.font_category("fangsong_gb2312") == "仿宋"
    assert rule_set.font_category("Noto Serif CJK SC Bold") == "小标宋"
    assert rule_set.font_category("微软雅黑") is None


def test_a_typo_in_a_key_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, "rules:\n" + RULE.format(code="XX101", kind="date_format",
                 strength="规定") + "    parms: {}\n")  # fmt: skip
    error = error_of(path)
    assert str(error) == f"{path}: rules[0].parms (XX101): 未知的键"
    assert error.message("en") == f"{path}: rules[0].parms (XX101): unknown key"


def test_a_typo_at_the_top_level(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "extends: annual-report\ndeadlne: 2021-03-31\n"))
    assert "x.yaml: deadlne: 未知的键" in str(error)


def test_severity_cannot_be_written(tmp_path: Path) -> None:
    text = "rules:\n" + RULE.format(code="XX101", kind="note", strength="一般")
    error = error_of(write(tmp_path, text + "    severity: error\n"))
    assert "rules[0].severity (XX101): 未知的键" in str(error)


def test_unknown_kind(tmp_path: Path) -> None:
    text = "rules:\n" + RULE.format(code="XX101", kind="font_colour", strength="一般")
    message = str(error_of(write(tmp_path, text)))
    assert "rules[0].kind (XX101): 不允许的值“font_colour”" in message
    assert "body_font" in message  # the allowed kinds are listed


def test_bad_missing_and_unknown_params(tmp_path: Path) -> None:
    text = "rules:\n" + RULE.format(code="XX101", kind="margin", strength="规定")
    error = error_of(write(tmp_path, text + "    params: {side: middle, tolerance: 1}\n"))
    lines = str(error).splitlines()
    assert any("rules[0].params.side (XX101): 不允许的值“middle”" in line for line in lines)
    assert any("rules[0].params.mm (XX101): 缺少必填的键" in line for line in lines)
    assert any("rules[0].params.tolerance (XX101): 未知的键" in line for line in lines)


def test_bad_value_types(tmp_path: Path) -> None:
    text = "review_year: 二〇一九\ngrace_days: -1\nrules:\n"
    text += RULE.format(code="XX101", kind="body_size", strength="应该")
    text += "    params: {size_pt: 三号}\n"
    message = str(error_of(write(tmp_path, text)))
    assert "review_year: 应为整数" in message
    assert "grace_days: 不能少于 0" in message
    assert "rules[0].strength (XX101): 不允许的值“应该”" in message
    assert "rules[0].params.size_pt (XX101): 应为数字" in message


@pytest.mark.parametrize("deadline", ["2020-02-30", "2020/3/31", "明年三月"])
def test_bad_dates(tmp_path: Path, deadline: str) -> None:
    message = str(error_of(write(tmp_path, f"extends: gbt9704\ndeadline: {deadline}\n")))
    assert "deadline: 应为日期（如 2020-03-31）" in message


def test_duplicate_and_malformed_codes(tmp_path: Path) -> None:
    text = "rules:\n" + RULE.format(code="XX101", kind="note", strength="规定")
    text += RULE.format(code="XX101", kind="note", strength="规定")
    text += RULE.format(code="gb1", kind="note", strength="规定")
    message = str(error_of(write(tmp_path, text)))
    assert "rules[1].code (XX101): 规则代码 XX101 重复" in message or "rules[2].code" in message
    assert "rules[2].code (gb1): 格式不对" in message


def test_duplicate_code_within_a_file(tmp_path: Path) -> None:
    text = "rules:\n" + RULE.format(code="XX101", kind="note", strength="规定") * 2
    assert "rules[1].code (XX101): 规则代码 XX101 重复" in str(error_of(write(tmp_path, text)))


def test_redefining_an_inherited_code_points_to_overrides(tmp_path: Path) -> None:
    text = "extends: annual-report\nrules:\n" + RULE.format(
        code="GB308", kind="note", strength="一般"
    )
    message = str(error_of(write(tmp_path, text)))
    assert "rules[0].code (GB308): GB308 已在 rules/gbt9704.yaml 中定义" in message
    assert "overrides" in message


def test_duplicate_yaml_keys_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "review_year: 2019\nreview_year: 2020\n")
    assert f"{path}: 第 2 行：不是有效的 YAML" in str(error_of(path))


def test_unknown_font_category_and_unknown_fact(tmp_path: Path) -> None:
    text = "extends: gbt9704\nrules:\n"
    text += RULE.format(code="XX101", kind="body_font", strength="一般")
    text += "    params: {category: 隶书}\n"
    text += RULE.format(code="XX102", kind="facts", strength="规定")
    text += "    params: {schema: {body_char: {type: integer, min: 1500}}}\n"
    message = str(error_of(write(tmp_path, text)))
    assert "rules[0].params.category (XX101): 未知的字体类别“隶书”" in message
    assert "rules[1].params.schema.body_char (XX102): 未知的事实项" in message


def test_missing_file_and_extends_loop(tmp_path: Path) -> None:
    assert "nothing.yaml: 规则文件不存在" in str(error_of(tmp_path / "nothing.yaml"))
    write(tmp_path, "extends: b\n", "a.yaml")
    write(tmp_path, "extends: a\n", "b.yaml")
    assert "extends: extends 形成了循环" in str(error_of(tmp_path / "a.yaml"))


def test_extends_chain_with_overrides(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        extends: annual-report
        deadline: 2020-04-15
        overrides:
          GB601: {enabled: false}
          GB113: {params: {pitch_pt: 29}}
          AR202: {params: {schema: {body_chars: {type: integer, min: 1000, max: 9000}}}}
        """,
        "county.yaml",
    )
    rule_set = load_rule_set(str(path))
    assert rule_set.name == "county"
    assert rule_set.files[-2:] == ("rules/annual-report.yaml", str(path))
    assert "GB601" not in rule_set.codes()
    assert rule_set.get("GB113").params == {
        "pitch_pt": 29, "tolerance_pt": 0.5, "roles": ["body"], "max_findings": 3,
        "spacing": True, "fitted_min_pt": 21.0,
    }  # fmt: skip
    assert rule_set.get("AR202").params["schema"]["body_chars"]["min"] == 1000
    assert rule_set.review_year == 2019  # inherited
    assert rule_set.deadline == dt.date(2020, 4, 15)  # overridden here
    assert rule_set.get("GB308").source == "rules/gbt9704.yaml"


def test_bad_overrides_are_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        extends: annual-report
        overrides:
          GB999: {enabled: false}
          GB113: {params: {pitch: 29}, enable: false}
        """,
    )
    message = str(error_of(path))
    assert "overrides.GB113.enable: 未知的键" in message
    path = write(tmp_path, "extends: annual-report\noverrides:\n  GB999: {enabled: false}\n")
    assert "overrides.GB999: 没有这个代码的规则" in str(error_of(path))
    path = write(tmp_path, "extends: annual-report\noverrides:\n  GB113: {params: {pitch: 29}}\n")
    assert "overrides.GB113.params.pitch: 未知的键" in str(error_of(path))


def test_select_and_ignore_by_code_or_prefix() -> None:
    rule_set = load_rule_set()
    assert set(rule_set.select(["GB3"]).codes()) == {f"GB30{i}" for i in range(1, 10)}
    assert "GB305" not in rule_set.select(["GB3"], ["GB305"]).codes()
    assert rule_set.select(["gb308"]).codes() == ("GB308",)
    everything_but = rule_set.select((), ["GB", "IO"]).codes()
    assert everything_but and all(c.startswith("AR") for c in everything_but)
    assert rule_set.select(["GB1", "AR1"]).codes() == (
        "GB101", "GB102", "GB103", "GB104", "GB105", "GB111", "GB112", "GB113", "GB114",
        "GB115", "AR101", "AR102", "AR103", "AR104",
    )  # fmt: skip
    with pytest.raises(KeyError):
        rule_set.select(["GB3"]).get("GB101")


def test_year_and_deadline_overrides() -> None:
    base = load_rule_set()
    assert load_rule_set(deadline=dt.date(2020, 4, 30)).deadline == dt.date(2020, 4, 30)
    next_year = load_rule_set(year=2020)
    assert (next_year.review_year, next_year.deadline) == (2020, dt.date(2021, 3, 31))
    both = load_rule_set(year=2021, deadline=dt.date(2022, 2, 28))
    assert (both.review_year, both.deadline) == (2021, dt.date(2022, 2, 28))
    assert (base.review_year, base.deadline) == (2019, dt.date(2020, 3, 31))  # not changed
    assert load_rule_set() is base  # loaded once per process


def test_a_file_path_and_a_name_are_both_accepted() -> None:
    by_path = load_rule_set(str(data_dir("rules") / "annual-report.yaml"))
    assert by_path.codes() == load_rule_set("annual-report").codes()


@pytest.fixture
def rules_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """`gongwen.cli.main` with the rules subcommand only, so this tests just that command."""
    monkeypatch.setattr(gongwen.cli, "COMMANDS", ("rules",))


def test_cli_lists_every_rule(rules_cli: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert gongwen.cli.main(["rules"]) == 0
    out = capsys.readouterr().out
    for code in BRIEF:
        assert code in out
    line = next(line for line in out.splitlines() if line.startswith("GB111"))
    assert "正文字体仿宋" in line and "警告" in line and "5.2.2" in line


def test_cli_explains_a_rule(rules_cli: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert gongwen.cli.main(["rules", "GB308"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("GB308 成文日期格式")
    assert "检查内容：成文日期格式：阿拉伯数字" in out
    assert "错误示例：2020年03月05日" in out
    assert "正确示例：2020年3月5日" in out
    assert "依据：GB/T 9704-2012 7.3.5.4；条款强度“规定”，因此判为错误" in out
    assert "类别：format（公文格式，有错误时格式不合格）" in out
    assert gongwen.cli.main(["rules", "GB308", "--lang", "en"]) == 0
    assert "Clause: GB/T 9704-2012 7.3.5.4; strength 规定, so a finding is error" in (
        capsys.readouterr().out
    )


def test_cli_prefix(rules_cli: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert gongwen.cli.main(["rules", "AR20"]) == 0
    out = capsys.readouterr().out
    assert [line[:5] for line in out.splitlines()[1:]] == ["AR201", "AR202", "AR203"]


def test_cli_unknown_code_and_bad_file(
    rules_cli: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert gongwen.cli.main(["rules", "ZZ999"]) == 2
    assert "没有规则 ZZ999" in capsys.readouterr().err
    bad = write(tmp_path, "extends: annual-report\nreview_yaer: 2020\n")
    assert gongwen.cli.main(["rules", "--rules", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "规则集无法使用" in err and f"{bad}: review_yaer: 未知的键" in err


# ---- the category each rule declares (input, submission, content, format) ----

CATEGORY_BY_PREFIX = {"IO": "input", "AR1": "submission", "AR2": "content", "AR3": "content"}


@pytest.mark.parametrize("name", [*SHIPPED, "gbt9704-pdf"])
def test_every_shipped_rule_declares_its_category(name: str) -> None:
    for path in sorted(data_dir("rules").glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for rule in raw.get("rules") or []:
            assert "category" in rule or "category" in raw, f"{path.name}: {rule['code']}"
    for rule in load_rule_set(name).rules:
        prefix = next((p for p in CATEGORY_BY_PREFIX if rule.code.startswith(p)), "GB")
        assert rule.category == CATEGORY_BY_PREFIX.get(prefix, "format"), rule.code


def _office(tmp_path: Path, top: str = "", rule: str = "") -> Path:
    """An office's file: the annual rules plus XY201, a content rule under its own code."""
    text = f"extends: annual-report\n{top}rules:\n"
    text += RULE.format(code="XY201", kind="note", strength="规定").replace(
        "    category: format\n", rule
    )
    return write(tmp_path, text, "office.yaml")


def test_an_office_code_declared_content_fails_content_not_format(tmp_path: Path) -> None:
    for top, rule in (("", "    category: content\n"), ("category: content\n", "")):
        rule_set = load_rule_set(str(_office(tmp_path, top, rule)))
        xy = rule_set.get("XY201")
        assert xy.category == Category.CONTENT
        finding = to_finding(Hit("{message}", {"message": "缺少附注"}), xy, "a.docx")
        assert finding.category == Category.CONTENT and finding.severity == Severity.ERROR
        result = FileResult(file="a.docx", findings=[finding])
        assert (result.content_pass, result.format_pass) == (False, True)
    # the file's default is its own: the inherited rules keep theirs
    assert rule_set.get("GB308").category == Category.FORMAT
    assert rule_set.get("AR101").category == Category.SUBMISSION


def test_a_rule_overrides_the_files_category_and_overrides_can_change_it(tmp_path: Path) -> None:
    path = _office(tmp_path, "category: content\noverrides:\n  GB601: {category: content}\n",
                   "    category: submission\n")  # fmt: skip
    rule_set = load_rule_set(str(path))
    assert rule_set.get("XY201").category == Category.SUBMISSION
    assert rule_set.get("GB601").category == Category.CONTENT


def test_an_unknown_or_missing_category_names_the_file_and_the_key(tmp_path: Path) -> None:
    message = str(error_of(_office(tmp_path, rule="    category: layout\n")))
    assert "office.yaml: rules[0].category (XY201): " in message and "layout" in message
    message = str(error_of(_office(tmp_path, top="category: misc\n", rule="")))
    assert "office.yaml: category: " in message and "misc" in message
    path = _office(tmp_path, "overrides:\n  GB601: {category: misc}\n", "    category: content\n")
    assert "office.yaml: overrides.GB601.category: " in str(error_of(path))
    error = error_of(_office(tmp_path, rule=""))
    assert str(error) == (
        f"{tmp_path / 'office.yaml'}: rules[0].category (XY201): 没有类别：在规则中或文件开头写 "
        "category:（input、submission、content 或 format）"
    )
    assert "rules[0].category (XY201): no category" in error.message("en")
