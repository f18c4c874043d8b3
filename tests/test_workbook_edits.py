"""What a clerk does to the workbook changes the case exactly as meant, and nothing else."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from gongwen.case import Case, read_case
from gongwen.cli import main
from gongwen.render import render_all
from gongwen.resources import data_dir
from gongwen.workbook import WorkbookError, import_workbook, workbook_bytes, write_workbook

CASE = data_dir("samples") / "case.json"


@pytest.fixture(scope="module")
def case() -> Case:
    return read_case(CASE)


def column(ws, heading: str) -> int:
    return next(c.column for c in ws[1] if c.value == heading)


def row_of(ws, heading: str, value: object) -> int:
    n = column(ws, heading)
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, n).value == value)


def round_trip(case: Case, tmp_path) -> Case:
    return import_workbook(write_workbook(case, tmp_path / "评阅工作簿.xlsx"))


def test_text_that_looks_like_a_formula_or_an_error_stays_text(case, tmp_path):
    first = case.departments[0]
    issue = first.issues[0].model_copy(update={"text": "#N/A"})
    department = first.model_copy(update={"comment": "=优秀，报告质量高", "issues": [issue]})
    odd = case.model_copy(update={"departments": [department, *case.departments[1:]]})
    path = write_workbook(odd, tmp_path / "评阅工作簿.xlsx")
    ws = load_workbook(path)["部门与报告"]
    cell = ws.cell(row_of(ws, "单位", first.name), column(ws, "总体评价"))
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=优秀，报告质量高", "s", True)
    assert import_workbook(path) == odd


def test_every_drop_down_and_date_check_says_what_is_wrong(case):
    import io

    from gongwen.ledger import ledger_bytes

    for data in (workbook_bytes(case), ledger_bytes(case)):
        wb = load_workbook(io.BytesIO(data))
        rules = [r for ws in wb.worksheets for r in ws.data_validations.dataValidation]
        assert rules
        assert all(r.showErrorMessage and r.error and r.errorTitle for r in rules)


def _sort(ws, heading: str) -> None:
    """Sort the sheet's rows by the column `heading`, as Excel's sort does (the hidden key too)."""
    n = column(ws, heading)
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=ws.max_row)]
    rows.reverse()  # rows of equal value move too
    rows.sort(key=lambda r: str(r[n - 1] or ""))
    for i, values in enumerate(rows, start=2):
        for j, value in enumerate(values, start=1):
            ws.cell(i, j).value = value


def test_sorted_sheets_give_the_same_case_and_the_same_documents(case, tmp_path):
    wb = load_workbook(write_workbook(case, tmp_path / "评阅工作簿.xlsx"))
    for sheet, heading in (
        ("部门与报告", "等次"),
        ("问题清单", "整改状态"),
        ("评阅专班", "姓名"),
        ("工作约谈", "约谈单位"),
    ):
        before = [c.value for c in wb[sheet]["A"]]
        _sort(wb[sheet], heading)
        assert [c.value for c in wb[sheet]["A"]] != before  # the sort moved rows
    wb.save(tmp_path / "sorted.xlsx")
    back = import_workbook(tmp_path / "sorted.xlsx")
    assert back == case
    assert [d.data for d in render_all(back)] == [d.data for d in render_all(case)]


def test_a_row_added_without_a_key_follows_the_case_s_rows(case, tmp_path):
    wb = load_workbook(write_workbook(case, tmp_path / "评阅工作簿.xlsx"))
    ws = wb["评阅专班"]
    ws.insert_rows(2)  # a new member typed at the top, with no key
    for heading, value in (("专班职务", "成员"), ("姓名", "王新"), ("职务", "市人大常委会委员")):
        ws.cell(2, column(ws, heading)).value = value
    wb.save(tmp_path / "added.xlsx")
    members = import_workbook(tmp_path / "added.xlsx").team.members
    assert members[:-1] == case.team.members
    assert (members[-1].name, members[-1].post) == ("王新", "市人大常委会委员")


def test_a_cleared_yes_or_no_cell_is_no(case, tmp_path):
    assert case.circular.sealed and case.double_sided and case.feedback.sealed
    wb = load_workbook(write_workbook(case, tmp_path / "评阅工作簿.xlsx"))
    ws = wb["公文"]
    ws.cell(row_of(ws, "公文（只读）", "情况通报"), column(ws, "盖章")).value = None
    basics = wb["基本信息"]
    basics.cell(row_of(basics, "项目", "双面印刷"), 2).value = "  "
    wb.save(tmp_path / "cleared.xlsx")
    back = import_workbook(tmp_path / "cleared.xlsx")
    assert not back.circular.sealed and not back.double_sided
    assert back.feedback.sealed  # the other rows as they were
    notes = {r[1].value: r[3].value for r in wb["说明"].iter_rows(min_row=2)}
    assert "留空即为 否" in notes["盖章"]


def test_a_case_without_a_vote_stays_without_one(case, tmp_path):
    none = case.model_copy(update={"survey": None})
    assert round_trip(none, tmp_path).survey is None


@pytest.mark.parametrize(
    ("heading", "typed", "read"),
    [
        ("抄送", "市委办公室，市委组织部，市纪委监委", ["市委办公室", "市委组织部", "市纪委监委"]),
        ("抄送", "市委办公室,市委组织部", ["市委办公室", "市委组织部"]),
        ("抄送", "市委办公室 市委组织部  市纪委监委", ["市委办公室", "市委组织部", "市纪委监委"]),
        ("抄送", " 市委办公室 、 市委组织部；", ["市委办公室", "市委组织部"]),
        ("签发人", "钱正国，蒋文华", ["钱正国", "蒋文华"]),
        ("抄送", "甲、乙联合办公室\n丙", ["甲、乙联合办公室", "丙"]),
    ],
)
def test_names_typed_with_any_separator_are_each_a_name(case, tmp_path, heading, typed, read):
    wb = load_workbook(write_workbook(case, tmp_path / "评阅工作簿.xlsx"))
    ws = wb["公文"]
    ws.cell(row_of(ws, "公文（只读）", "评阅报告"), column(ws, heading)).value = typed
    wb.save(tmp_path / "names.xlsx")
    report = import_workbook(tmp_path / "names.xlsx").report
    assert (report.cc if heading == "抄送" else report.signers) == read


def test_a_name_holding_a_separator_is_written_one_a_line_and_read_back(case, tmp_path):
    cc = ["市委办公室，市委组织部联合办公室", "市纪委 监委"]
    odd = case.model_copy(update={"circular": case.circular.model_copy(update={"cc": cc})})
    assert round_trip(odd, tmp_path).circular.cc == cc


def test_posts_with_a_dunhao_in_brackets_are_not_split(case, tmp_path):
    wb = load_workbook(write_workbook(case, tmp_path / "评阅工作簿.xlsx"))
    ws = wb["工作约谈"]
    typed = "钱正国（市人大常委会副主任、党组成员），蒋文华（主任）"
    ws.cell(2, column(ws, "约谈人")).value = typed
    wb.save(tmp_path / "posts.xlsx")
    people = import_workbook(tmp_path / "posts.xlsx").interviews[0].interviewers
    assert [(p.name, p.post) for p in people] == [
        ("钱正国", "市人大常委会副主任、党组成员"),
        ("蒋文华", "主任"),
    ]


def test_a_time_with_a_zone_is_refused_not_changed(case, tmp_path):
    when = dt.datetime(2020, 5, 12, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    interview = case.interviews[0].model_copy(update={"when": when})
    zoned = case.model_copy(update={"interviews": [interview, *case.interviews[1:]]})
    with pytest.raises(WorkbookError) as caught:
        workbook_bytes(zoned)
    ((path, text),) = caught.value.errors
    assert path == "interviews[0].when" and "时区" in text
    out = tmp_path / "评阅工作簿.xlsx"
    zoned_file = tmp_path / "case.json"
    from gongwen.case import write_case

    write_case(zoned, zoned_file)
    assert main(["case", "export", str(zoned_file), "-o", str(out)]) == 2
    assert not out.exists()


def test_a_seal_image_still_names_its_file_after_export_and_import(case, tmp_path):
    from gongwen.case import write_case

    (tmp_path / "case" / "seals").mkdir(parents=True)
    (tmp_path / "case" / "seals" / "seal.png").write_bytes(b"\x89PNG")
    sealed = case.model_copy(
        update={"report": case.report.model_copy(update={"seal_image": "seals/seal.png"})}
    )
    write_case(sealed, tmp_path / "case" / "case.json")
    book, back = tmp_path / "office" / "评阅工作簿.xlsx", tmp_path / "out" / "case.json"
    assert main(["case", "export", str(tmp_path / "case" / "case.json"), "-o", str(book)]) == 0
    assert main(["case", "import", str(book), "-o", str(back)]) == 0
    seal = read_case(back).report.seal_image
    assert (back.parent / seal).resolve() == (tmp_path / "case" / "seals" / "seal.png").resolve()


def test_a_missing_seal_image_is_a_clear_error_not_a_traceback(case, tmp_path, capsys):
    from gongwen.case import write_case

    sealed = case.model_copy(
        update={"report": case.report.model_copy(update={"seal_image": "seals/none.png"})}
    )
    write_case(sealed, tmp_path / "case.json")
    book = write_workbook(sealed, tmp_path / "评阅工作簿.xlsx")
    for source, place in (
        (tmp_path / "case.json", "report.seal_image"),
        (book, "公文 第2行 印章图片"),
    ):
        assert main(["generate", str(source), "-o", str(tmp_path / "docs")]) == 2
        err = capsys.readouterr().err
        assert place in err and "none.png" in err and "Traceback" not in err
    assert not (tmp_path / "docs").exists()


def test_an_unknown_language_is_refused_by_the_command_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["case", "import", "x.xlsx", "-o", str(tmp_path / "c.json"), "--lang", "zh_CN"])
    assert caught.value.code == 2
    assert "zh_CN" in capsys.readouterr().err
