"""Roster and receipt register: CSV and XLSX, with coded errors naming the file and row."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from gongwen.roster import TableError, load_register, load_roster, parse_date


def test_roster_from_csv_with_bom(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text(
        "单位,姓名,职务\n市财政局,张伟,局长\n市教育局,李娜,局长\n", encoding="utf-8-sig"
    )
    roster = load_roster(path)
    assert [(e.department, e.official, e.post) for e in roster] == [
        ("市财政局", "张伟", "局长"),
        ("市教育局", "李娜", "局长"),
    ]


def test_register_from_xlsx_with_real_dates(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["文件名", "部门", "收文日期"])
    ws.append(["a.docx", "市财政局", dt.datetime(2020, 3, 20)])
    ws.append(["b.docx", "市教育局", "2020年4月2日"])
    path = tmp_path / "收文登记.xlsx"
    wb.save(path)
    register = load_register(path)
    assert [(r.file, r.department, r.received) for r in register] == [
        ("a.docx", "市财政局", dt.date(2020, 3, 20)),
        ("b.docx", "市教育局", dt.date(2020, 4, 2)),
    ]


def test_a_bad_date_names_file_row_and_value(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("文件,单位,收文日期\na.docx,市财政局,2020-3-x\n", encoding="utf-8")
    with pytest.raises(TableError) as info:
        load_register(path)
    message = info.value.message("zh")
    assert message.startswith("CF001 ")
    assert "register.csv" in message and "第 2 行" in message and "2020-3-x" in message
    assert "row 2" in info.value.message("en")


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("单位,电话\n市财政局,123\n", encoding="utf-8")
    with pytest.raises(TableError, match="姓名"):
        load_roster(path)


def test_a_table_in_another_encoding_is_refused_clearly(tmp_path):
    path = tmp_path / "roster.csv"  # GBK and GB18030 are read (tests/test_day_one.py); UTF-16 not
    path.write_bytes("单位,姓名\n市财政局,张伟\n".encode("utf-16"))
    with pytest.raises(TableError) as info:
        load_roster(path)
    assert "UTF-8" in info.value.message("zh")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-03-20", dt.date(2020, 3, 20)),
        ("2020/3/5", dt.date(2020, 3, 5)),
        ("2020.3.5", dt.date(2020, 3, 5)),
        ("2020年3月5日", dt.date(2020, 3, 5)),
    ],
)
def test_dates_in_the_forms_offices_type(text, expected):
    assert parse_date(text) == expected


def test_an_impossible_date_is_not_a_date():
    with pytest.raises(ValueError):
        parse_date("2020-02-30")
