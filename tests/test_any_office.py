"""Generating for any office: no institution word the case does not hold, dates that agree,
and old case files read with what was assumed."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path

import docx
import pytest

from gongwen.case import CaseError, load_case, read_case, upgrade_case
from gongwen.cli import main
from gongwen.render import KINDS, render_all

SAMPLES = Path(__file__).parent.parent / "samples"

# Every name of a body, place or level is an invented token: 甲乙 for the issuer, 丙丁 for the
# departments, 戊己 for the team and its office, 庚辛 for a meeting. Nothing a template could
# carry by itself.
TOKEN_CASE = {
    "version": 2,
    "issuer": {"name": "甲乙议事机构", "short_name": "甲乙议事机构", "mark": "甲乙议事机构文件",
               "code": "甲乙"},
    "rules_name": "《甲乙议事机构评阅规则》",
    "reporters": "丙丁各单位首长",
    "review_year": 2030,
    "deadline": "2031-03-31",
    "grading": {"grades": [{"name": "上", "class": "commended"}, {"name": "中", "class": "passed"},
                           {"name": "下", "class": "short"}, {"name": "劣", "class": "failed"}]},
    "survey": {"voters": [{"name": "戊己成员", "entitled": 9}],
               "rule": {"base": "entitled", "threshold": "2/3", "quorum": "1/2"},
               "votes": {"satisfied": 5, "basically_satisfied": 2, "dissatisfied": 1}},
    "team": {"name": "戊己组", "leader": {"name": "赵一", "post": "戊己组首席"},
             "deputies": [{"name": "钱二", "post": "戊己组次席"}],
             "members": [{"name": "孙三", "post": "戊己组组员"}], "office": "戊己处"},
    "steps": {k: {"name": n, "start": d, "summary": "完成本步骤工作"} for k, n, d in (
        ("team", "组建戊己组", "2031-03-01"), ("individual", "各自阅读", "2031-04-01"),
        ("collective", "集体评定", "2031-04-05"), ("extended", "走访核实", "2031-04-08"),
        ("drafting", "起草报告", "2031-06-01"))},
    "departments": [
        {"name": f"丙丁{n}", "official_name": f"甲乙丙丁{n}",
         "official": {"name": p, "post": "首长"}, "received": r, "grade": g, **extra,
         "issues": [{"id": f"T{n}-1", "text": "材料不全", "category": "撰写",
                     "deadline": "2031-05-31", **s}]}
        for n, p, r, g, s, extra in (
            ("一", "周四", "2031-03-20", "上",
             {"status": "rectified", "rectified_on": "2031-05-01"}, {}),
            ("二", "吴五", "2031-04-02", "下", {"status": "rectifying", "note": "推进中"}, {}),
            ("三", "郑六", "2031-03-25", "劣", {"status": "open"},
             {"redo_by": "2031-05-15", "comment": "内容缺项", "requirement": "补齐缺项"}),
        )
    ],
    "interviews": [{
        "department": "丙丁三", "when": "2031-05-20T09:30:00", "place": "甲乙第一会商室",
        "interviewers": [{"name": "赵一", "post": "戊己组首席"}], "topics": ["缺项原因"],
        "issues": ["T三-1", "下一步安排"], "materials": ["说明", "方案"],
        "materials_due": "2031-05-18", "materials_to": "戊己处",
        "decided_by": {"body": "庚辛会", "date": "2031-05-10"},
        "document": {"number": 3, "date": "2031-05-12", "printed_by": "戊己处"},
    }],
    "supervisions": [{
        "subject": "某项事务", "departments": ["丙丁二"], "reasons": ["进度滞后"],
        "steps": [{"title": "调研", "text": "实地了解情况"}], "deadline": "2031-10-31",
        "reporter": "丙丁二", "report_to": "甲乙议事机构", "report_form": "书面报告",
        "report_on": "2031-11-10",
        "decided_by": {"body": "庚辛大会", "name": "庚辛第九次大会", "date": "2031-06-20",
                       "caption": True},
        "document": {"number": 4, "date": "2031-06-20", "printed_by": "戊己处"},
    }],
    "report": {"number": 5, "date": "2031-06-10", "signatory": "戊己组", "sealed": False,
               "signers": ["赵一"],
               "printed_by": "戊己处", "proposals": [{"title": "加强运用", "text": "用好结果"}]},
    "circular": {"number": 6, "date": "2031-06-12", "printed_by": "戊己处",
                 "requirements": [{"title": "抓好整改", "text": "逐条落实"}]},
    "feedback": {"number": 1, "code": "甲乙函", "date": "2031-04-10", "printed_by": "戊己处",
                 "rectify_by": "2031-05-31"},
}  # fmt: skip

# Words of a body, a place or a level: none may appear unless the case holds it.
INSTITUTION = re.compile(
    r"人大|常委会|常务委员会|人民代表大会|主任会议|委员会|专班|政府|办公室|部门|[省市县区州旗盟]"
)
LAW_TITLE = re.compile(r"《[^》]*》")  # a law cited by name (监督法) is the same for every office


def document_text(data: bytes) -> str:
    """Every paragraph of body and tables, one a line."""
    d = docx.Document(io.BytesIO(data))
    lines = [p.text for p in d.paragraphs]
    lines += [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def token_documents():
    return render_all(load_case(copy.deepcopy(TOKEN_CASE)))


def test_every_kind_is_generated_from_the_token_case(token_documents):
    assert {d.kind for d in token_documents} == set(KINDS)


def test_no_institution_word_that_the_case_does_not_hold(token_documents):
    source = json.dumps(TOKEN_CASE, ensure_ascii=False)
    for document in token_documents:
        text = LAW_TITLE.sub("", document_text(document.data))
        alien = {m.group() for m in INSTITUTION.finditer(text) if m.group() not in source}
        assert not alien, f"{document.file_name}: {sorted(alien)}"


def test_the_token_case_reads_as_its_own_scheme_and_survey(token_documents):
    texts = {d.file_name: document_text(d.data) for d in token_documents}
    circular = next(t for n, t in texts.items() if n.startswith("情况通报"))
    # commended: 上 and on time with nothing overdue; short: 下 (late too), 劣
    assert "丙丁一的履职报告评定为上" in circular
    assert "丙丁二的报告评定为下；丙丁三的报告评定为劣" in circular
    assert "丙丁二逾期报送" in circular
    # 2/3 of 9 entitled = 6: 5 满意 short of it, 5 + 2 = 7 reach it → 基本满意; rate 7/9
    assert "代表满意率为77.8%（7/9）" in circular
    assert "测评结果为基本满意" in circular
    assert "整改中1条，未整改1条" in circular
    letter = next(t for n, t in texts.items() if n.endswith("丙丁三.docx") and "反馈函" in n)
    assert "评定为劣。内容缺项。" in letter
    assert "请对报告重新修改，于2031年5月15日前报送戊己处。补齐缺项。" in letter
    notice = next(t for n, t in texts.items() if n.startswith("约谈通知"))
    assert "经2031年5月10日庚辛会研究" in notice
    assert "问题清单第T三-1项“材料不全”；下一步安排" in notice
    assert "请于2031年5月18日前将说明、方案报送戊己处" in notice
    decision = next(t for n, t in texts.items() if n.startswith("专题监督决定"))
    assert "（2031年6月20日庚辛第九次大会通过）" in decision
    assert "丙丁二应于2031年11月10日前向甲乙议事机构书面报告整改落实情况" in decision
    # the supervision is decided after the circular: planned, not done
    assert "拟提请庚辛第九次大会决定对某项事务开展专题监督" in circular


# Each date that disagrees: the change, the JSON path and the code of the one message.
DATE_CASES = [
    ("a step after the report", {("steps", "drafting", "start"): "2031-06-11"},
     "steps.drafting.start", "CS301"),
    ("a report received after the letters", {("departments", 1, "received"): "2031-04-11"},
     "departments[1].received", "CS301"),
    ("rectified after the report", {("departments", 0, "issues", 0, "rectified_on"):
                                    "2031-06-11", ("departments", 0, "issues", 0, "deadline"):
                                    "2031-06-30"},
     "departments[0].issues[0].rectified_on", "CS301"),
    ("materials due after the interview", {("interviews", 0, "materials_due"): "2031-05-21"},
     "interviews[0].materials_due", "CS302"),
    ("a notice after the interview", {("interviews", 0, "document", "date"): "2031-05-21",
                                      ("interviews", 0, "decided_by", "date"): "2031-05-21"},
     "interviews[0].document.date", "CS303"),
    ("a rectification deadline before the letter", {("feedback", "rectify_by"): "2031-04-09"},
     "feedback.rectify_by", "CS304"),
    ("a redo date before the letter", {("departments", 2, "redo_by"): "2031-04-01"},
     "departments[2].redo_by", "CS304"),
    ("印发 before 成文", {("circular", "printed_on"): "2031-06-11"},
     "circular.printed_on", "CS305"),
    ("decided after the notice", {("interviews", 0, "decided_by", "date"): "2031-05-13"},
     "interviews[0].decided_by.date", "CS306"),
    ("no 发文字号", {("report", "number"): None}, "report.number", "CS307"),
    ("a vote after the report", {("survey", "date"): "2031-06-11"}, "survey.date", "CS301"),
]  # fmt: skip


@pytest.mark.parametrize("changes, path, code", [c[1:] for c in DATE_CASES],
                         ids=[c[0] for c in DATE_CASES])  # fmt: skip
def test_each_date_that_disagrees_is_one_coded_message(changes, path, code):
    data = copy.deepcopy(TOKEN_CASE)
    for keys, value in changes.items():
        target = data
        for key in keys[:-1]:
            target = target[key]
        if value is None:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
    with pytest.raises(CaseError) as caught:
        load_case(data)
    assert [p for p, _ in caught.value.errors] == [path]
    assert caught.value.errors[0][1].startswith(code + " ")
    with pytest.raises(CaseError) as english:
        load_case(data, "en")
    said = english.value.errors[0][1]
    assert said.startswith(code + " ") and said != caught.value.errors[0][1]


def test_the_token_case_has_no_date_problem():
    assert load_case(copy.deepcopy(TOKEN_CASE)).version == 2


def test_a_grade_outside_the_scheme_and_a_failed_report_without_redo_date_are_refused():
    data = copy.deepcopy(TOKEN_CASE)
    data["departments"][0]["grade"] = "优秀"
    del data["departments"][2]["redo_by"]
    with pytest.raises(CaseError) as caught:
        load_case(data)
    assert caught.value.errors[0][0] == "departments[0].grade"
    assert "上 | 中 | 下 | 劣" in caught.value.errors[0][1]
    data["departments"][0]["grade"] = "上"
    with pytest.raises(CaseError) as again:
        load_case(data)
    assert again.value.errors[0][0] == "departments[2].redo_by"


def test_a_schema_1_case_is_read_with_what_was_assumed(tmp_path, capsys):
    old = SAMPLES / "case-2018.json"
    assert "version" not in json.loads(old.read_text(encoding="utf-8"))
    case, notes = upgrade_case(old)
    assert case.version == 2 and case.grading == "优秀/良好/合格/不合格"
    assert case.survey is not None and case.survey.rule.base == "cast"
    assert case.departments[2].issues[1].id == "03-02"
    assert any("政府工作部门负责人" in n for n in notes) and len(notes) >= 5
    assert read_case(old) == case  # reading upgrades too, silently
    before = old.read_bytes()
    assert main(["case", "upgrade", str(old), "-o", str(tmp_path / "new.json")]) == 0
    assert old.read_bytes() == before
    out = capsys.readouterr().out
    assert "转换时假定" in out and "评阅专班" in out
    assert read_case(tmp_path / "new.json") == case
    assert main(["case", "upgrade", str(old), "-o", str(tmp_path / "new.json")]) == 2


def _circular_text(data: dict) -> str:
    case = load_case(data)
    return next(document_text(d.data) for d in render_all(case, ["circular"]))


def test_a_vote_short_of_its_quorum_states_no_rate():
    data = copy.deepcopy(TOKEN_CASE)
    data["survey"]["votes"] = {"satisfied": 4}  # 4 of 9 is not more than half: void
    text = _circular_text(data)
    assert "代表满意率" not in text
    assert "戊己成员9人参加满意度测评，参加测评人数未达法定人数，测评无效。" in text


def test_a_round_without_issues_states_no_rectification_rate():
    data = copy.deepcopy(TOKEN_CASE)
    for d in data["departments"]:
        d["issues"] = []
    data["interviews"][0]["issues"] = ["下一步安排"]
    documents = {d.kind: document_text(d.data) for d in render_all(load_case(data))}
    assert "问题整改率" not in documents["report"] + documents["circular"]
    assert "评阅中未梳理出需要整改的问题。" in documents["report"]
    assert "0条" not in documents["report"]


def test_a_report_not_received_is_neither_graded_nor_voted_on():
    data = copy.deepcopy(TOKEN_CASE)
    data["departments"][0]["received"] = None
    with pytest.raises(CaseError) as caught:
        load_case(data)
    assert caught.value.errors[0][0] == "departments[0].received"


@pytest.mark.parametrize("counts", [["基本满意"], ["满意", "不满意"]])
def test_the_rate_counts_satisfied_votes_only(counts):
    data = copy.deepcopy(TOKEN_CASE)
    data["survey"]["rule"]["rate_counts"] = counts
    with pytest.raises(CaseError) as caught:
        load_case(data)
    assert caught.value.errors[0][0] == "survey.rule.rate_counts"


def test_a_long_title_phrase_is_cut_evenly_never_leaving_a_remnant():
    from gongwen.render.contexts.common import title_lines

    lines = title_lines(["关于2023年度县人民政府组成部门主要负责人", "履职报告评阅情况的通报"], 20)
    assert len(lines) == 3 and min(len(x) for x in lines) >= 8, lines
    for name in ("case.json", "case-county.json"):
        for document in render_all(load_case(SAMPLES / name)):
            d = docx.Document(io.BytesIO(document.data))
            titles = [p.text for p in d.paragraphs if p.style.style_id == "GwTitle"]
            assert all(len(line) >= 4 for t in titles for line in t.split("\n")), titles
