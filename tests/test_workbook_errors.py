"""Every kind of problem in an edited workbook is named by sheet, row and column, and refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from gongwen.case import read_case
from gongwen.cli import main
from gongwen.resources import data_dir
from gongwen.workbook import WorkbookError, import_workbook, write_workbook

CASE = data_dir("samples") / "case.json"

EDITS = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "workbook" / "errors.yaml").read_text(encoding="utf-8")
)


def row_of(ws, heading: str, value: object) -> int:
    column = next(c.column for c in ws[1] if c.value == heading)
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, column).value == value)


def column_of(ws, heading: str) -> int:
    return next(c.column for c in ws[1] if c.value == heading)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return write_workbook(read_case(CASE), tmp_path_factory.mktemp("wb") / "评阅工作簿.xlsx")


def edited(exported, tmp_path, sheet, match, heading, value):
    """The workbook with one cell changed; the place that cell is, as import names it."""
    wb = load_workbook(exported)
    ws = wb[sheet]
    row = row_of(ws, *match)
    ws.cell(row, column_of(ws, heading)).value = value
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    label = ws.cell(row, 1).value if sheet in ("基本信息", "满意度测评") else heading
    return path, row, label


def problems(path, lang="zh") -> list[tuple[str, str]]:
    with pytest.raises(WorkbookError) as caught:
        import_workbook(path, lang)
    return caught.value.errors


@pytest.mark.parametrize("edit", EDITS, ids=[e["what"] for e in EDITS])
def test_each_kind_of_problem_is_named_by_its_place(edit, exported, tmp_path):
    ((match, holds),) = edit["row"].items()
    sheet, heading = edit["sheet"], edit["column"]
    path, row, label = edited(exported, tmp_path, sheet, (match, holds), heading, edit["value"])
    found = problems(path)
    place = f"{sheet} 第{row}行" + (f" {label}" if edit["names"] == "cell" else "")
    assert found[0][0] == place
    assert edit["says"] in found[0][1]
    # said once, not again for what follows from it; an edited key also leaves its
    # document without a row, and that is said too
    assert len(found) == (2 if heading.startswith("编号") else 1)


def test_every_problem_is_listed_not_only_the_first(exported, tmp_path):
    wb = load_workbook(exported)
    ws = wb["部门与报告"]
    for name, heading, value in (("市财政局", "收到日期", "昨天"), ("市教育局", "等次", "甲")):
        ws.cell(row_of(ws, "单位", name), column_of(ws, heading)).value = value
    wb.save(tmp_path / "two.xlsx")
    assert len(problems(tmp_path / "two.xlsx")) == 2


def test_sheets_and_columns_added_or_removed_are_named(exported, tmp_path):
    wb = load_workbook(exported)
    wb.create_sheet("我的备注")
    del wb["满意度测评"]
    ws = wb["公文"]
    ws.cell(1, column_of(ws, "抄送")).value = "抄报"
    wb.save(tmp_path / "shape.xlsx")
    found = dict(problems(tmp_path / "shape.xlsx"))
    assert "不是本工具的工作表" in found["我的备注"]
    assert found["满意度测评"] == "缺少该工作表"
    assert "不是本工具的列" in found["公文 抄报"]
    assert found["公文 抄送"] == "缺少该列"


def test_a_row_added_without_a_key_is_refused(exported, tmp_path):
    wb = load_workbook(exported)
    ws = wb["工作约谈"]
    last = ws.max_row + 1
    for column in range(1, ws.max_column):  # all but the hidden key
        ws.cell(last, column).value = ws.cell(last - 1, column).value
    wb.save(tmp_path / "added.xlsx")
    (found,) = problems(tmp_path / "added.xlsx")
    assert found[0] == f"工作约谈 第{last}行" and "没有编号" in found[1]


def test_english_messages_name_the_places_as_the_workbook_has_them(exported, tmp_path):
    path, row, _ = edited(
        exported, tmp_path, "工作约谈", ("约谈单位", "市交通运输局"), "约谈时间", "下周二"
    )
    (found,) = problems(path, "en")
    assert found == (
        f"工作约谈 row {row} 约谈时间",
        "not a date and time such as 2025年6月18日 9:30",
    )


def test_not_a_workbook_is_one_clear_error(tmp_path):
    bad = tmp_path / "case.xlsx"
    bad.write_text("not a zip", encoding="utf-8")
    assert problems(bad)[0][0] == str(bad)
    assert problems(tmp_path / "missing.xlsx")[0][0] == str(tmp_path / "missing.xlsx")


def test_the_command_exits_2_writes_nothing_and_prints_each_place(exported, tmp_path, capsys):
    path, row, _ = edited(exported, tmp_path, "部门与报告", ("单位", "市财政局"), "等次", "好")
    out = tmp_path / "case.json"
    assert main(["case", "import", str(path), "-o", str(out)]) == 2
    assert not out.exists()
    assert f"部门与报告 第{row}行 等次" in capsys.readouterr().err
    assert main(["generate", str(path), "-o", str(tmp_path / "docs")]) == 2
    assert not (tmp_path / "docs").exists()
