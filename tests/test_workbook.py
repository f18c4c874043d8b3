"""The case workbook: the whole case in one Excel file, edited as a clerk would, read back."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile

import pytest
from lxml import etree
from openpyxl import load_workbook

from gongwen.case import dump_case, load_case, read_case
from gongwen.cli import main
from gongwen.i18n import t
from gongwen.render import render
from gongwen.resources import data_dir
from gongwen.workbook import (
    WorkbookError,
    import_workbook,
    load_workbook_case,
    undecided_in,
    workbook_bytes,
    write_workbook,
)

SAMPLES = data_dir("samples")
CASES = ["case.json", "case-county.json"]
SHEETS = [
    "基本信息",
    "评阅专班",
    "评阅步骤",
    "部门与报告",
    "问题清单",
    "满意度测评",
    "工作约谈",
    "专题监督",
    "公文",
    "说明",
]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text_of(docx: bytes) -> str:
    """The body's text, paragraph by paragraph."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return "\n".join("".join(p.itertext()) for p in root.iter(f"{W}p"))


def header(ws) -> dict[str, int]:
    """Heading → column number (from 1)."""
    return {c.value: c.column for c in ws[1] if c.value}


def row_where(ws, heading: str, value: object) -> int:
    """The number of the first row whose cell under `heading` holds `value`."""
    column = header(ws)[heading]
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, column).value == value)


def item_row(ws, label: str) -> int:
    """The row of a record sheet (基本信息, 满意度测评) whose 项目 is `label`."""
    return row_where(ws, "项目", label)


@pytest.mark.parametrize("name", CASES)
def test_a_case_goes_to_a_workbook_and_back_unchanged(name, tmp_path):
    case = read_case(SAMPLES / name)
    path = write_workbook(case, tmp_path / "评阅工作簿.xlsx")
    back = import_workbook(path)
    assert back == case
    assert back.model_dump(mode="json") == case.model_dump(mode="json")
    # the JSON written spells each value out: read again it is the same case
    assert read_case(dump_case(back)) == case


@pytest.mark.parametrize("name", CASES)
def test_a_workbook_goes_to_a_case_file_and_back_to_the_same_bytes(name, tmp_path):
    first = tmp_path / "first.xlsx"
    second = tmp_path / "second.xlsx"
    assert main(["case", "export", str(SAMPLES / name), "-o", str(first)]) == 0
    assert main(["case", "import", str(first), "-o", str(tmp_path / "case.json")]) == 0
    assert main(["case", "export", str(tmp_path / "case.json"), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert read_case(tmp_path / "case.json") == read_case(SAMPLES / name)


def test_the_sheets_come_in_the_order_the_work_happens_with_what_a_clerk_needs():
    case = read_case(SAMPLES / "case-county.json")
    wb = load_workbook(io.BytesIO(workbook_bytes(case)))
    assert wb.sheetnames == SHEETS
    departments = wb["部门与报告"]
    assert departments.freeze_panes == "B2"
    lists = {
        str(v.sqref).split(":")[0][0]: v.formula1
        for v in departments.data_validations.dataValidation
        if v.type == "list"
    }
    grade = header(departments)["等次"]
    # the grades of the case's own scheme, not a fixed list
    assert lists[chr(ord("A") + grade - 1)] == '"合格,不合格"'
    received = departments.cell(2, header(departments)["收到日期"])
    assert received.is_date and received.number_format == 'yyyy"年"m"月"d"日"'
    # the county votes on the round: no vote columns per report
    assert not {"满意", "基本满意", "不满意", "弃权"} & set(header(departments))
    city = load_workbook(io.BytesIO(workbook_bytes(read_case(SAMPLES / "case.json"))))
    assert {"满意", "基本满意", "不满意", "弃权"} <= set(header(city["部门与报告"]))
    documents = wb["公文"]
    key = header(documents)["编号（请勿修改）"]
    assert documents.column_dimensions[chr(ord("A") + key - 1)].hidden
    cc = documents.cell(row_where(documents, "公文（只读）", "情况通报"), header(documents)["抄送"])
    assert cc.value == "、".join(case.circular.cc)
    forms = [v.formula1 for v in documents.data_validations.dataValidation if v.type == "list"]
    assert '"文件格式,信函格式,无版头"' in forms and '"是,否"' in forms


def test_the_notes_sheet_says_what_each_column_means_from_the_schema():
    case = read_case(SAMPLES / "case.json")
    ws = load_workbook(io.BytesIO(workbook_bytes(case)))["说明"]
    rows = {(r[0], r[1]): r[2:] for r in ws.iter_rows(min_row=2, values_only=True)}
    meaning, how = rows[("工作约谈", "约谈时间")]
    assert meaning == "约谈的日期和时间" and "2025年6月18日 9:30" in how
    meaning, how = rows[("部门与报告", "等次")]
    assert "等次方案" in meaning and how.endswith("优秀、良好、合格、不合格")
    english = load_workbook(io.BytesIO(workbook_bytes(case, "en")))
    notes = english["Notes on the columns"]
    texts = [r[2] for r in notes.iter_rows(min_row=2, values_only=True)]
    from gongwen.case import Interview

    assert Interview.model_fields["when"].description in texts
    assert all(texts)


def test_every_description_the_notes_show_has_a_chinese_translation():
    from gongwen.workbook.layout import SHEETS as LAYOUT
    from gongwen.workbook.notes import described

    fields = [f for s in LAYOUT for c in s.columns for f in (c.about, c.also) if f]
    # an English description has a Chinese one; a few are Chinese already (主送机关)
    missing = [
        f
        for f in fields
        if described(f, "zh") == described(f, "en") and re.search("[A-Za-z]", described(f, "zh"))
    ]
    assert missing == []


def test_a_clerk_edits_a_grade_a_vote_and_an_interview_and_the_documents_follow(tmp_path):
    case = load_case(SAMPLES / "case.json")
    path = write_workbook(case, tmp_path / "评阅工作簿.xlsx")
    wb = load_workbook(path)
    departments = wb["部门与报告"]
    r = row_where(departments, "单位", "市财政局")
    assert departments.cell(r, header(departments)["等次"]).value == "优秀"
    departments.cell(r, header(departments)["等次"]).value = "良好"
    for heading, votes in (("满意", 5), ("基本满意", 2), ("不满意", 14)):
        departments.cell(r, header(departments)[heading]).value = votes
    interviews = wb["工作约谈"]
    r = row_where(interviews, "约谈单位", "市交通运输局")
    # typed as text, the way a clerk writes a date
    interviews.cell(r, header(interviews)["约谈时间"]).value = "2025年6月18日 9:30"
    interviews.cell(r, header(interviews)["材料报送期限"]).value = "2025年6月18日"
    wb.save(path)

    edited = load_workbook_case(path)
    finance = edited.department("市财政局")
    assert finance.grade == "良好" and finance.votes is not None
    assert finance.votes.dissatisfied == 14
    interview = next(i for i in edited.interviews if i.department == "市交通运输局")
    assert interview.when == dt.datetime(2025, 6, 18, 9, 30)
    assert interview.materials_due == dt.date(2025, 6, 18)

    def count(c, grade: str) -> int:
        return sum(d.grade == grade for d in c.departments)

    before, after = text_of(render(case, "report")), text_of(render(edited, "report"))
    stated = f"优秀的{count(case, '优秀') - 1}份、良好的{count(case, '良好') + 1}份"
    assert stated not in before and stated in after
    assert "测评结果为不满意的是市财政局" in after and "不满意的是" not in before
    circular = text_of(render(edited, "circular"))
    named = "的履职报告评定为优秀"
    assert "市财政局" not in next(line for line in circular.splitlines() if named in line)
    was = text_of(render(case, "circular")).splitlines()
    assert "市财政局" in next(line for line in was if named in line)
    notice = text_of(render(edited, "interview", item="市交通运输局"))
    assert "2025年6月18日（星期三）上午9时30分" in notice
    assert "请于2025年6月18日前" in notice
    assert "2025年6月18日" not in text_of(render(case, "interview", item="市交通运输局"))


def test_generate_and_status_take_the_workbook(tmp_path):
    path = write_workbook(read_case(SAMPLES / "case-county.json"), tmp_path / "评阅工作簿.xlsx")
    assert main(["case", "status", str(path)]) == 0
    assert main(["generate", str(path), "-o", str(tmp_path / "out"), "--kind", "decision"]) == 0
    (docx,) = (tmp_path / "out").glob("*.docx")
    assert "农村饮水安全" in text_of(docx.read_bytes())


def test_status_names_what_is_left_to_decide_by_sheet_row_and_column(tmp_path, capsys):
    wb_path = write_workbook(read_case(SAMPLES / "case.json"), tmp_path / "w.xlsx")
    wb = load_workbook(wb_path)
    departments = wb["部门与报告"]
    r = row_where(departments, "单位", "市教育局")
    departments.cell(r, header(departments)["等次"]).value = None
    for heading in ("满意", "基本满意", "不满意", "弃权"):
        departments.cell(r, header(departments)[heading]).value = None
    wb.save(wb_path)
    assert undecided_in(wb_path) == [(f"部门与报告 第{r}行 等次", t("the report has no grade yet"))]
    assert main(["case", "status", str(wb_path)]) == 1
    assert f"部门与报告 第{r}行 等次" in capsys.readouterr().out
    with pytest.raises(WorkbookError) as caught:
        load_workbook_case(wb_path)
    assert caught.value.errors[0][0] == f"部门与报告 第{r}行 等次"


def test_a_draft_case_round_trips_with_its_todo_list(tmp_path):
    case = read_case(SAMPLES / "case.json")
    data = json.loads(dump_case(case))
    data["draft"] = {"source": "out/check.json", "todo": ["评定等次", "确认问题清单"]}
    data["departments"][0]["issues"][0] |= {"status": "pending"}
    del data["departments"][0]["issues"][0]["rectified_on"]
    draft = read_case(data)
    back = import_workbook(write_workbook(draft, tmp_path / "draft.xlsx"))
    assert back == draft and back.draft is not None
    assert back.draft.todo == ["评定等次", "确认问题清单"]


def test_a_case_written_in_english_reads_back_the_same(tmp_path):
    case = read_case(SAMPLES / "case-county.json")
    path = write_workbook(case, tmp_path / "en.xlsx", "en")
    assert load_workbook(path).sheetnames[0] == "Basic information"
    assert import_workbook(path) == case
    assert import_workbook(path, "en") == case


def test_an_office_s_own_grades_and_survey_rule_are_data(tmp_path):
    data = json.loads((SAMPLES / "case-county.json").read_text(encoding="utf-8"))
    data["grading"] = {
        "grades": [
            {"name": "好", "class": "commended"},
            {"name": "中", "class": "short"},
            {"name": "差", "class": "failed"},
        ]
    }
    data["departments"] = [
        d | {"grade": "好"} if d.get("grade") == "合格" else d for d in data["departments"]
    ]
    data["departments"] = [
        d | {"grade": "差"} if d.get("grade") == "不合格" else d for d in data["departments"]
    ]
    case = read_case(data)
    path = write_workbook(case, tmp_path / "own.xlsx")
    wb = load_workbook(path)
    basics = wb["基本信息"]
    assert (
        basics.cell(item_row(basics, "等次方案"), 2).value
        == "好（表扬）/中（通报不足）/差（不通过）"
    )
    lists = [v.formula1 for v in wb["部门与报告"].data_validations.dataValidation]
    assert '"好,中,差"' in lists
    assert import_workbook(path) == case


@pytest.mark.parametrize("name", CASES)
def test_the_documents_from_the_workbook_are_those_from_the_case_file(name, tmp_path):
    from gongwen.render import render_all

    path = write_workbook(read_case(SAMPLES / name), tmp_path / "评阅工作簿.xlsx")
    from_json = render_all(load_case(SAMPLES / name))
    from_workbook = render_all(load_workbook_case(path))
    assert [d.data for d in from_workbook] == [d.data for d in from_json]
