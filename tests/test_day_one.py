"""What an office meets on day one: tables kept beside the reports, Excel's CSV, the package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import gongwen
from gongwen.batch import check_folder

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
    report = check_folder(
        folder, roster=folder / "名单.csv", register=str(folder / "收文登记.csv")
    )
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
    assert all(getattr(gongwen, name) is not None for name in gongwen.__all__)
