"""A workbook from anywhere: too large, too far, not an .xlsx at all is refused before it costs."""

from __future__ import annotations

import time

import pytest
from openpyxl import load_workbook

from gongwen.case import read_case
from gongwen.limits import Limits
from gongwen.resources import data_dir
from gongwen.workbook import WorkbookError, import_workbook, write_workbook
from gongwen.workbook.source import grids

CASE = data_dir("samples") / "case.json"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return write_workbook(read_case(CASE), tmp_path_factory.mktemp("wb") / "评阅工作簿.xlsx")


def refused(path, lang="zh") -> list[tuple[str, str]]:
    with pytest.raises(WorkbookError) as caught:
        import_workbook(path, lang)
    return caught.value.errors


@pytest.mark.parametrize(
    ("row", "column"),
    [(100_000, 1), (1_048_576, 16_384), (2, 61), (10_001, 3)],
    ids=["row 100000", "XFD1048576", "column 61", "row 10001"],
)
def test_a_value_far_out_refuses_the_sheet_quickly(exported, tmp_path, row, column):
    wb = load_workbook(exported)
    wb["部门与报告"].cell(row, column).value = "x"
    wb.save(tmp_path / "far.xlsx")
    started = time.monotonic()
    found = refused(tmp_path / "far.xlsx")
    assert time.monotonic() - started < 10
    assert found == [(found[0][0], found[0][1])] and found[0][0] == "部门与报告"
    assert "10000 行" in found[0][1] and "60 列" in found[0][1]


def test_a_value_within_the_limits_is_read_as_before(exported, tmp_path):
    wb = load_workbook(exported)
    wb["部门与报告"].cell(10_000, 60).value = "x"  # a column nobody wrote: named, not refused
    wb.save(tmp_path / "near.xlsx")
    assert refused(tmp_path / "near.xlsx") == [
        ("部门与报告 第10000行 BH", "该列没有列名，其中的内容不会导入")
    ]


def test_the_file_and_its_unpacked_size_are_bounded_before_openpyxl_reads_it(exported):
    with pytest.raises(WorkbookError) as caught:
        grids(exported, "zh", Limits(workbook_bytes=50_000))
    assert "超过" in caught.value.errors[0][1] and caught.value.errors[0][0] == str(exported)
    with pytest.raises(WorkbookError) as caught:
        grids(exported, "zh", Limits(case_bytes=10_000))
    assert "工作簿大小" in caught.value.errors[0][1]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".xls"),
        (b"name,grade\n", "不是 .xlsx 工作簿"),
        (b"", "不是 .xlsx 工作簿"),
        (b"PK\x03\x04damaged", "已损坏"),
    ],
    ids=["xls or password", "csv", "empty", "damaged zip"],
)
def test_a_file_that_is_no_xlsx_is_said_so_in_chinese(tmp_path, content, says):
    path = tmp_path / "评阅工作簿.xlsx"
    path.write_bytes(content)
    ((where, text),) = refused(path)
    assert where == str(path)
    assert says in text
    assert "File is not" not in text
