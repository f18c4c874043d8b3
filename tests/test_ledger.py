"""The issue ledger: the workbook an office works in, and what comes back from it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from gongwen.case import IssueStatus, dump_case, read_case
from gongwen.cli import main
from gongwen.ledger import import_ledger, ledger_bytes, write_ledger
from gongwen.ledger.sheet import FIRST_ROW, HEADER_ROW, letter
from gongwen.resources import data_dir

CASE_FILE = data_dir("samples") / "case.json"
HEADINGS = [
    "问题编号",
    "单位",
    "负责人",
    "问题",
    "类别",
    "整改时限",
    "整改状态",
    "整改完成日期",
    "备注",
]


@pytest.fixture(scope="module")
def case():
    return read_case(CASE_FILE)


def rows_of(ws):
    """Data rows as {heading: value}, with the sheet row number."""
    header = [c.value for c in ws[HEADER_ROW]]
    for row in ws.iter_rows(min_row=FIRST_ROW):
        yield row[0].row, dict(zip(header, (c.value for c in row), strict=True))


def test_the_ledger_sheet_has_one_row_per_issue_as_an_office_expects(case):
    wb = load_workbook(io.BytesIO(ledger_bytes(case)))
    assert wb.sheetnames == ["问题清单台账", "汇总"]
    ws = wb["问题清单台账"]
    assert [c.value for c in ws[HEADER_ROW]][:9] == HEADINGS
    assert ws.freeze_panes == f"A{FIRST_ROW}"
    assert ws.column_dimensions[letter("key")].hidden
    assert ws.column_dimensions[letter("issue")].width > ws.column_dimensions["A"].width
    rows = list(rows_of(ws))
    issues = [(d, i) for d in case.departments for i in d.issues]
    assert len(rows) == len(issues) == 117
    (number, first), (d, i) = rows[0], issues[0]
    assert first["问题编号"] == d.issues[0].id and first["单位"] == d.name
    assert first["负责人"] == d.official.name
    assert first["问题"] == i.text and first["整改状态"] == "已整改"
    assert first["整改完成日期"] == dt.datetime.combine(i.rectified_on, dt.time())
    cell = ws[f"{letter('rectified_on')}{number}"]
    assert cell.is_date and "年" in cell.number_format and cell.alignment.wrap_text
    validations = {str(v.sqref)[0]: v for v in ws.data_validations.dataValidation}
    status = validations[letter("status")]
    assert status.type == "list" and status.formula1 == '"已整改,整改中,未整改,待定"'
    assert str(status.sqref) == f"G{FIRST_ROW}:G{FIRST_ROW + 116}"


def test_the_summary_sheet_states_the_four_rates(case):
    ws = load_workbook(io.BytesIO(ledger_bytes(case)))["汇总"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["按时报送率"] == (26, 26, 1, "26/26（100%）")
    assert rows["问题整改率"] == (117, 117, 1, "117/117（100%）")
    assert set(rows) == {"按时报送率", "质量合格率", "问题整改率", "代表满意率"}
    assert ws["D2"].number_format == "0.0%"


def test_the_workbook_is_the_same_bytes_every_time(case):
    assert ledger_bytes(case) == ledger_bytes(case)


def test_a_round_trip_with_no_edits_gives_the_identical_case(case, tmp_path):
    path = write_ledger(case, tmp_path / "台账.xlsx")
    result = import_ledger(path, case)
    assert result.updated == 0 and result.problems == ()
    assert dump_case(result.case) == dump_case(case)
    # and through the command, byte for byte against the same writer
    out = tmp_path / "out.json"
    assert main(["ledger", "import", str(path), str(CASE_FILE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == dump_case(case)


def test_an_edited_ledger_imports_with_exactly_those_effects(case, tmp_path):
    path = write_ledger(case, tmp_path / "台账.xlsx")
    wb = load_workbook(path)
    ws = wb["问题清单台账"]
    status, day, dept = letter("status"), letter("rectified_on"), letter("department")
    reopened, rectified_later, bad_date, stranger = (
        FIRST_ROW,
        FIRST_ROW + 1,
        FIRST_ROW + 5,
        FIRST_ROW + 9,
    )
    ws[f"{status}{reopened}"] = "未整改"
    ws[f"{day}{reopened}"] = None
    ws[f"{day}{rectified_later}"] = "2020年6月2日"  # typed as text, as people do
    ws[f"{day}{bad_date}"] = "六月底"
    ws[f"{status}{stranger}"] = "未整改"
    ws[f"{day}{stranger}"] = None
    ws[f"{dept}{stranger}"] = "市不存在局"
    wb.save(path)

    result = import_ledger(path, case)
    assert [p.row for p in result.problems] == [bad_date, stranger]
    assert "六月底" in result.problems[0].message and "市不存在局" in result.problems[1].message
    assert result.updated == 2
    before = [i for d in case.departments for i in d.issues]
    after = [i for d in result.case.departments for i in d.issues]
    changed = [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [0, 1]
    assert after[0].status == IssueStatus.OPEN and after[0].rectified_on is None
    assert after[1].rectified_on == dt.date(2020, 6, 2)
    assert after[1].model_copy(update={"rectified_on": before[1].rectified_on}) == before[1]
    untouched = dump_case(result.case.model_copy(update={"departments": case.departments}))
    assert untouched == dump_case(case)


@pytest.mark.parametrize(
    "edit, words",
    [
        ({"key": "1.1.deadbeef"}, "编号"),
        ({"status": "差不多了"}, "整改状态"),
        ({"status": "已整改", "rectified_on": None}, "没有填写整改完成日期"),
        ({"department": "市教育局"}, "属于"),
    ],
)
def test_each_unusable_row_is_reported_and_changes_nothing(case, tmp_path, edit, words):
    path = write_ledger(case, tmp_path / "台账.xlsx")
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws[f"{letter('status')}{FIRST_ROW + 2}"] = "未整改"
    ws[f"{letter('rectified_on')}{FIRST_ROW + 2}"] = None
    for key, value in edit.items():
        ws[f"{letter(key)}{FIRST_ROW + 2}"] = value
    wb.save(path)
    result = import_ledger(path, case)
    assert [p.row for p in result.problems] == [FIRST_ROW + 2]
    assert words in result.problems[0].message
    assert result.updated == 0 and dump_case(result.case) == dump_case(case)


def test_the_command_exit_codes(case, tmp_path, capsys):
    target = tmp_path / "case.json"
    target.write_text(CASE_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    ledger = tmp_path / "台账.xlsx"
    assert main(["ledger", "export", str(target), "-o", str(ledger)]) == 0
    assert main(["ledger", "export", str(target), "-o", str(ledger)]) == 2  # exists, no --force
    wb = load_workbook(ledger)
    wb.worksheets[0][f"{letter('rectified_on')}{FIRST_ROW}"] = "明天"
    wb.save(ledger)
    capsys.readouterr()
    assert main(["ledger", "import", str(ledger), str(target)]) == 1
    err = capsys.readouterr().err
    assert f"第 {FIRST_ROW} 行" in err and "明天" in err
    assert target.read_text(encoding="utf-8") == CASE_FILE.read_text(encoding="utf-8")
    not_a_ledger = tmp_path / "other.xlsx"
    other = Workbook()
    other.active.append(["单位", "姓名"])
    other.save(not_a_ledger)
    assert main(["ledger", "import", str(not_a_ledger), str(target)]) == 2
    assert "LG001" in capsys.readouterr().err


def test_carried_and_pending_issues_are_marked_in_the_remarks(case):
    department = case.departments[0]
    issues = [
        department.issues[0].model_copy(update={"carried_from": 2018}),
        department.issues[1].model_copy(
            update={"status": IssueStatus.PENDING, "rectified_on": None}
        ),
    ]
    small = case.model_copy(
        update={"departments": [department.model_copy(update={"issues": issues})]}
    )
    ws = load_workbook(io.BytesIO(ledger_bytes(small))).worksheets[0]
    rows = [r for _, r in rows_of(ws)]
    assert rows[0]["备注"] == "2018年度遗留问题" and rows[1]["整改状态"] == "待定"
    assert "候选" in rows[1]["备注"]


def test_a_ledger_past_the_workbook_limits_is_refused_before_it_is_read(case, tmp_path, capsys):
    """One cell far down and right would make openpyxl build a sheet of a billion cells: the
    ledger is read within the same limits as the case workbook, and refused by name."""
    ledger = write_ledger(case, tmp_path / "台账.xlsx")
    wb = load_workbook(ledger)
    wb.worksheets[0]["XFD1048576"] = "x"
    wb.save(ledger)
    target = tmp_path / "case.json"
    target.write_text(CASE_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["ledger", "import", str(ledger), str(target)]) == 2
    err = capsys.readouterr().err
    assert "LG001" in err and "10000" in err
    assert target.read_text(encoding="utf-8") == CASE_FILE.read_text(encoding="utf-8")


def test_an_unknown_language_is_refused_by_the_arguments(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(
            ["ledger", "export", str(CASE_FILE), "-o", str(tmp_path / "x.xlsx"), "--lang", "zh_CN"]
        )
    assert stop.value.code == 2
    assert not (tmp_path / "x.xlsx").exists()
