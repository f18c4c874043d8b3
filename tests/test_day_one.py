"""What an office meets on day one: tables kept beside the reports, Excel's CSV, the package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gongwen
from gongwen.batch import check_folder
from gongwen.roster import load_register, load_roster

SAMPLES = Path(__file__).parent.parent / "samples"
REPORT = "市财政局-张伟-2019年度履职报告.docx"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "报告"
    folder.mkdir()
    shutil.copy(SAMPLES / "reports" / REPORT, folder)
    shutil.copy(SAMPLES / "roster.csv", folder / "名单.csv")
    shutil.copy(SAMPLES / "register.csv", folder / "收文登记.csv")
    return folder


def test_roster_and_register_in_the_folder_are_not_submissions(tmp_path):
    folder = _folder(tmp_path)
    report = check_folder(folder, roster=folder / "名单.csv", register=str(folder / "收文登记.csv"))
    assert [Path(r.file).name for r in report.files] == [REPORT]


def test_the_cli_passes_over_the_tables_it_was_given(tmp_path):
    folder = _folder(tmp_path)
    out = tmp_path / "result.json"
    subprocess.run(
        [sys.executable, "-m", "gongwen", "check", str(folder), "--format", "json", "-o", str(out),
         "--roster", str(folder / "名单.csv"), "--register", str(folder / "收文登记.csv")],
        check=False,
    )  # fmt: skip
    files = json.loads(out.read_text(encoding="utf-8"))["files"]
    assert [Path(f["file"]).name for f in files] == [REPORT]


def test_the_package_shows_only_its_public_api():
    # gongwen.batch is loaded (imported above): a loaded submodule is not part of the API.
    public = [name for name in dir(gongwen) if not name.startswith("_")]
    assert public == sorted(gongwen.__all__)
    assert {"check_file", "check_folder", "load_case", "render", "Finding"} <= set(public)


ROSTER = "单位,姓名,职务\n市财政局,张伟,局长\n市教育局,李红梅,局长\n"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_a_roster_is_read_in_the_encodings_excel_and_wps_save(tmp_path, encoding):
    path = tmp_path / "名单.csv"
    path.write_bytes(ROSTER.encode(encoding))
    assert [(e.department, e.official) for e in load_roster(path)] == [
        ("市财政局", "张伟"),
        ("市教育局", "李红梅"),
    ]


def test_a_name_outside_gbk_is_read_from_gb18030(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_bytes("单位,姓名\n市财政局,王䶮\n".encode("gb18030"))  # 䶮: CJK Ext. A
    assert [e.official for e in load_roster(path)] == ["王䶮"]


def test_the_gbk_register_excel_saves_is_read(tmp_path):
    path = tmp_path / "收文登记.csv"
    text = "文件,单位,收文日期\n市财政局-张伟-2019年度履职报告.docx,市财政局,2020/3/9\n"
    path.write_bytes(text.encode("gbk"))
    (receipt,) = load_register(path)
    assert (receipt.department, receipt.received.isoformat()) == ("市财政局", "2020-03-09")


def test_the_fixture_roster_is_gbk_and_read():
    path = Path(__file__).parent / "fixtures" / "writers" / "名单-gbk.csv"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    assert len(load_roster(path)) >= 3
