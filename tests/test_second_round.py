"""A second review round (samples/case-county.json): a county, another year, other grades.

Expected values are computed here from the JSON by the rules the case declares, never by
gongwen's rate or context functions, and looked for in the rendered documents' text.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re

import docx
import pytest

from gongwen.case import load_case
from gongwen.case.grading import PRESETS
from gongwen.render import render, render_all
from gongwen.resources import data_dir

SAMPLE = data_dir("samples") / "case-county.json"
RAW = json.loads(SAMPLE.read_text(encoding="utf-8"))
DAY = dt.date.fromisoformat
ANSWER = {"满意": "satisfied", "基本满意": "basically_satisfied", "不满意": "dissatisfied"}
# departments given the commended or the short grade when the grades are rewritten onto a
# preset that has one; 县教育局 (an issue rectified late) and 县农业农村局 (late) are
# commended by grade but fall short by the naming rules, so they must not be named as good
COMMEND = ("县人民政府办公室", "县公安局", "县教育局", "县农业农村局")
SHORT = ("县民政局", "县财政局")


def text(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, one a line."""
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    lines += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(lines)


def long_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def pct(num: int, den: int) -> str:
    return f"{round(100 * num / den, 1):g}%"


def classes(raw: dict) -> dict[str, str]:
    """Grade name → class, as the case's preset declares them."""
    return {g.name: g.class_.value for g in PRESETS[raw["grading"]].grades}


def on_time(raw: dict, d: dict) -> bool:
    last = DAY(raw["deadline"]) + dt.timedelta(days=raw["grace_days"])
    return d["received"] is not None and DAY(d["received"]) <= last


def in_time(issue: dict) -> bool:
    return issue["status"] == "rectified" and DAY(issue["rectified_on"]) <= DAY(issue["deadline"])


def issues(raw: dict) -> list[dict]:
    return [i for d in raw["departments"] for i in d["issues"]]


def expected_rates(raw: dict) -> dict[str, tuple[int, int]]:
    depts, cls, survey, all_issues = raw["departments"], classes(raw), raw["survey"], issues(raw)
    assert survey["rule"]["base"] == "entitled"
    passed = sum(1 for d in depts if d["grade"] and cls[d["grade"]] != "failed")
    voted = sum(survey["votes"][ANSWER[a]] for a in survey["rule"]["rate_counts"])
    return {
        "按时报送率": (sum(on_time(raw, d) for d in depts), len(depts)),
        "质量合格率": (passed, len(depts)),
        "问题整改率": (sum(in_time(i) for i in all_issues), len(all_issues)),
        "代表满意率": (voted, sum(g["entitled"] for g in survey["voters"])),
    }


def fell_short(raw: dict) -> set[str]:
    """Who the circular must name as falling short, by grade class and naming rules."""
    cls, on = classes(raw), DAY(raw["circular"]["date"])
    naming = raw.get("naming", {})
    out = set()
    for d in raw["departments"]:
        overdue = any(DAY(i["deadline"]) < on and not in_time(i) for i in d["issues"])
        if (
            (d["grade"] and cls[d["grade"]] in ("short", "failed"))
            or d["received"] is None
            or (naming.get("late", True) and not on_time(raw, d))
            or (naming.get("unrectified", True) and overdue)
        ):
            out.add(d["name"])
    return out


def names_exactly(paragraph: str, raw: dict, expected: set[str]) -> None:
    for d in raw["departments"]:
        assert (d["name"] in paragraph) == (d["name"] in expected), (raw["grading"], d["name"])


def section(circular: str, title: str) -> str | None:
    """The first sentence of the paragraph under the heading ending in `title`."""
    lines = circular.split("\n")
    for i, line in enumerate(lines):
        if line.endswith(title):
            return lines[i + 1].split("。")[0]
    return None


@pytest.fixture(scope="module")
def case():
    return load_case(SAMPLE)


@pytest.fixture(scope="module")
def texts(case):
    return {kind: text(render(case, kind)) for kind in ("report", "circular")}


@pytest.mark.parametrize("kind", ["report", "circular"])
@pytest.mark.parametrize("label", ["按时报送率", "质量合格率", "问题整改率", "代表满意率"])
def test_rates_as_the_case_declares_them(texts, kind, label):
    num, den = expected_rates(RAW)[label]
    assert f"{label}为{pct(num, den)}（{num}/{den}）" in texts[kind]


@pytest.mark.parametrize("kind", ["report", "circular"])
def test_satisfaction_below_full_and_statuses_apart(texts, kind):
    num, den = expected_rates(RAW)["代表满意率"]
    assert num < den
    votes, survey = RAW["survey"]["votes"], RAW["survey"]
    entitled = sum(g["entitled"] for g in survey["voters"])
    cast = sum(votes.values())
    assert f"应参加测评{entitled}人，实际参加{cast}人" in texts[kind]
    counts = (
        f"满意{votes['satisfied']}票、基本满意{votes['basically_satisfied']}票、"
        f"不满意{votes['dissatisfied']}票、弃权{votes['abstained']}票"
    )
    assert counts in texts[kind]
    rectifying = sum(1 for i in issues(RAW) if i["status"] == "rectifying")
    still_open = sum(1 for i in issues(RAW) if i["status"] == "open")
    assert rectifying and still_open
    assert f"整改中{rectifying}条" in texts[kind]
    assert f"未整改{still_open}条" in texts[kind]


def test_every_document_reads_for_this_county(case):
    grades = set(classes(RAW))
    others = {g for p in PRESETS.values() for g in p.names if len(g) > 1} - grades
    for doc in render_all(case):
        body = text(doc.data)
        for wrong in ("市", "丹江口", "政府工作部门负责人", *others):
            assert wrong not in body, (doc.file_name, wrong)
        assert set(re.findall(r"评定为(\w+?)[的。，；]", body)) <= grades, doc.file_name


def regrade(raw: dict, preset: str) -> dict:
    """The case graded on `preset`: each department keeps its class, some get the best or
    the short grade where the preset has one."""
    out = copy.deepcopy(raw)
    out["grading"] = preset
    by_class: dict[str, list[str]] = {}
    for g in PRESETS[preset].grades:
        by_class.setdefault(g.class_.value, []).append(g.name)
    old = classes(raw)
    for n, d in enumerate(out["departments"]):
        if d["grade"] is None:
            continue
        if old[d["grade"]] == "failed":
            d["grade"] = by_class["failed"][0]
        elif d["name"] in COMMEND and "commended" in by_class:
            d["grade"] = by_class["commended"][0]
        elif d["name"] in SHORT and "short" in by_class:
            d["grade"] = by_class["short"][0]
        else:
            passed = by_class["passed"]
            d["grade"] = passed[n % len(passed)]
    return out


@pytest.mark.parametrize("preset", list(PRESETS))
def test_circular_sections_on_every_preset(preset):
    """The sample's own scheme (合格/不合格) is rendered unchanged; the others are rewritten."""
    raw = regrade(RAW, preset)
    circular = text(render(load_case(raw), "circular"))
    cls, short = classes(raw), fell_short(raw)
    if preset == RAW["grading"]:
        assert raw == RAW
        assert short == {"县自然资源局", "县交通运输局", "县农业农村局", "县教育局", "县水利局"}
    named_short = section(circular, "存在不足的")
    assert named_short is not None
    names_exactly(named_short, raw, short)
    for grade, c in cls.items():
        graded = [d["name"] for d in raw["departments"] if d["grade"] == grade]
        if c in ("short", "failed") and graded:
            assert f"{'、'.join(graded)}的报告评定为{grade}" in named_short
    named_good = section(circular, "表现较好的")
    if "commended" not in cls.values():
        assert named_good is None  # no commended grade: no 表现较好 section at all
        return
    commended = {d["name"] for d in raw["departments"] if cls.get(d["grade"]) == "commended"}
    assert commended - short and {"县教育局", "县农业农村局"} <= commended & short
    assert named_good is not None
    names_exactly(named_good, raw, commended - short)


@pytest.mark.parametrize(
    "dept", [d for d in RAW["departments"] if d["received"]], ids=lambda d: d["name"]
)
def test_feedback_letter(case, dept):
    letter = text(render(case, "feedback", item=dept["name"]))
    failed = classes(RAW)[dept["grade"]] == "failed"
    assert ("重新修改" in letter) == failed
    assert ("按时报送" if on_time(RAW, dept) else "逾期报送") in letter
    assert f"评定为{dept['grade']}。" in letter
    if dept.get("comment"):
        assert dept["comment"] in letter
    if failed:
        (line,) = [p for p in letter.split("\n") if "重新修改" in p]
        assert f"于{long_date(DAY(dept['redo_by']))}前报送{RAW['team']['office']}" in line
        assert dept["requirement"] in line
    for issue in dept["issues"]:
        assert issue["id"] in letter and issue["text"] in letter


def test_decision_caption_under_its_title(case):
    (supervision,) = RAW["supervisions"]
    meeting = supervision["decided_by"]
    assert meeting["caption"]
    lines = text(render(case, "decision")).split("\n")
    caption = f"（{long_date(DAY(meeting['date']))}{meeting['name']}通过）"
    title = next(i for i, line in enumerate(lines) if line.endswith("开展专题监督的决定"))
    assert lines[title + 1] == caption
    assert lines.count(caption) == 1


def test_interview_notice_names_meeting_materials_and_issues(case):
    (interview,) = RAW["interviews"]
    meeting = interview["decided_by"]
    notice = text(render(case, "interview"))
    assert f"经{long_date(DAY(meeting['date']))}{meeting['name']}研究" in notice
    assert f"请于{long_date(DAY(interview['materials_due']))}前将" in notice
    assert "、".join(interview["materials"]) + f"报送{interview['materials_to']}" in notice
    dept = next(d for d in RAW["departments"] if d["name"] == interview["department"])
    ids = {i["id"]: i["text"] for i in dept["issues"]}
    cited = [x for x in interview["issues"] if x in ids]
    words = [x for x in interview["issues"] if x not in ids]
    assert cited and words
    for x in cited:
        assert f"问题清单第{x}项“{ids[x]}”" in notice
    for x in words:
        assert x in notice


def test_circular_words_later_actions_as_planned(texts):
    on = DAY(RAW["circular"]["date"])
    circular = texts["circular"]
    for s in RAW["supervisions"]:
        assert DAY(s["decided_by"]["date"]) > on
        meeting = s["decided_by"].get("name") or s["decided_by"]["body"]
        assert f"拟提请{meeting}决定对{s['subject']}开展专题监督" in circular
        assert f"已决定对{s['subject']}" not in circular
    for iv in RAW["interviews"]:
        assert DAY(iv["when"][:10]) <= on
        assert f"已对{iv['department']}" in circular
