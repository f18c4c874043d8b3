"""Legacy submissions (.doc, .rtf) read through LibreOffice: the same findings as the .docx they
were saved from, one LibreOffice run for a batch, IO005 with the reason where it cannot read."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from pdfbuild import require_soffice

from gongwen import check_file, check_folder
from gongwen.cli import main
from gongwen.export import soffice
from gongwen.findings import FileStatus, Severity
from gongwen.resources import data_dir

SAMPLES = data_dir("samples")
# Saving as RTF, LibreOffice drops the even-page footer: the page number then stands on one
# side only, which GB501 rightly says of the .rtf. A change made by the conversion, not a reading.
MADE_BY_RTF_EXPORT = {"GB501"}
# Both saves set the bottom margin of a page of Word's default margins at 26.0 mm, not 25.4 mm:
# the same finding (not the 35 mm of GB/T 9704), measured on what LibreOffice wrote.
MEASURED_AGAIN = {"GB104"}


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A folder with every readable sample .docx and the .doc and .rtf LibreOffice saves of it."""
    require_soffice()
    folder = tmp_path_factory.mktemp("legacy")
    for path in (SAMPLES / "reports").glob("*.docx"):
        if check_file(path).status == FileStatus.CHECKED:
            shutil.copy(path, folder)
    profile = (folder.parent / "profile").resolve().as_uri()
    for target in ("doc", "rtf"):
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
             "--outdir", str(folder), *map(str, sorted(folder.glob("*.docx")))],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def launches(saved):
    """The report of one check over the folder, and the soffice processes it started."""
    started = []
    original = soffice.run_process

    def counting(argv, env, timeout):
        started.append(argv)
        return original(argv, env, timeout)

    patch = pytest.MonkeyPatch()
    patch.setattr(soffice, "run_process", counting)
    try:
        report = check_folder(saved)
    finally:
        patch.undo()
    return report, started


def findings(result, leave_out=frozenset()):
    return [(f.code, f.location.paragraph, f.code in MEASURED_AGAIN or f.message)
            for f in result.findings if f.code != "IO008" and f.code not in leave_out]  # fmt: skip


@pytest.mark.parametrize("suffix", [".doc", ".rtf"])
def test_a_legacy_copy_gives_the_findings_of_its_docx(launches, suffix):
    report, _ = launches
    by_name = {Path(r.file).name: r for r in report.files}
    docxs = sorted(n for n in by_name if n.endswith(".docx"))
    assert len(docxs) >= 14
    leave_out = MADE_BY_RTF_EXPORT if suffix == ".rtf" else frozenset()
    for name in docxs:
        legacy = by_name[name.removesuffix(".docx") + suffix]
        assert legacy.status == FileStatus.CHECKED
        info = [f for f in legacy.findings if f.code == "IO008"]
        assert len(info) == 1 and info[0].severity == Severity.INFO
        assert suffix in info[0].message
        assert findings(legacy, leave_out) == findings(by_name[name], leave_out), name


def test_the_batch_is_converted_in_one_libreoffice_run(launches):
    report, started = launches
    legacy = [r for r in report.files if not r.file.endswith(".docx")]
    assert len(legacy) >= 28
    assert len(started) == 1
    assert sum(a.endswith((".doc", ".rtf")) for a in started[0]) == len(legacy)


def test_without_libreoffice_it_is_io005_saying_libreoffice_would_read_it(saved, monkeypatch):
    monkeypatch.setenv("GONGWEN_SOFFICE", str(saved / "no-soffice"))
    doc = next(saved.glob("*.doc"))
    result = check_file(doc)
    assert result.status == FileStatus.UNREADABLE
    assert [f.code for f in result.findings] == ["IO005"]
    assert "LibreOffice" in result.findings[0].message
    assert ".docx" in result.findings[0].message


def test_a_file_libreoffice_cannot_read_keeps_io005_with_the_reason(saved, tmp_path):
    broken = tmp_path / "截断.doc"
    broken.write_bytes(next(saved.glob("*.doc")).read_bytes()[:6000])
    result = check_file(broken)
    assert [f.code for f in result.findings] == ["IO005"]
    assert "LibreOffice" in result.findings[0].message and "（" in result.findings[0].message


def test_bytes_named_doc_are_not_read_as_text(tmp_path):
    noise = tmp_path / "随机.doc"
    noise.write_bytes(bytes(range(256)) * 20)
    assert [f.code for f in check_file(noise).findings] == ["IO005"]


def test_the_marked_up_copy_of_a_doc_is_a_docx(saved, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    doc = SAMPLES / "reports" / "市应急管理局-朱国庆-2019年度履职报告.doc"
    shutil.copy(doc, folder)
    assert main(["annotate", str(folder), "-o", str(tmp_path / "out"), "--note-date",
                 "2020-04-01"]) == 0  # fmt: skip
    (copy,) = (tmp_path / "out").iterdir()
    assert copy.name == doc.with_suffix(".docx").name
    result = check_file(folder / doc.name)
    texts = [c.text for c in docx.Document(io.BytesIO(copy.read_bytes())).comments]
    assert any("IO008" in t for t in texts)
    assert sum(t.startswith("GB601") for t in texts) == sum(
        f.code == "GB601" for f in result.findings
    )
