"""Legacy submissions (.doc, .rtf) read through LibreOffice: the same findings as the .docx they
were saved from, one LibreOffice run for a batch, IO005 with the reason where it cannot read."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import docx
import pytest
from pdfbuild import require_soffice

from gongwen import check_file, check_folder
from gongwen.batch import Options, iter_check
from gongwen.cli import main
from gongwen.export import soffice
from gongwen.findings import FileStatus, Severity
from gongwen.limits import Limits
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
    assert sum(t.startswith("GB601") for t in texts) == sum(  # and one at each merged mark
        1 + len(f.also) for f in result.findings if f.code == "GB601"
    )


@pytest.fixture
def listener():
    """A local TCP listener on 127.0.0.1: its port, and the requests that reached it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    heard: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(2)
                with contextlib.suppress(OSError):
                    heard.append(connection.recv(4096))
                    connection.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], heard
    stop.set()
    thread.join()
    server.close()


LINKED = {
    "web.doc": '<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">'
    '</head><body><p>青山市人大常委会</p><img src="http://127.0.0.1:{port}/pixel.png">'
    "<p>正文</p></body></html>",
    "bom.doc": '\ufeff<!DOCTYPE html>\n<html><body><img src="http://127.0.0.1:{port}/a.png">'
    "<p>正文</p></body></html>",
    "word2003.doc": '<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
    '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">'
    "<w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:wordDocument>"
    '<img src="http://127.0.0.1:{port}/b.png"/>',
    "picture.rtf": r'{\rtf1\ansi {\field{\*\fldinst INCLUDEPICTURE "http://127.0.0.1:{port}/c.png"'
    r" \\d}{\fldrslt x}} 正文}",
}


@pytest.mark.parametrize("name", sorted(LINKED))
def test_checking_a_file_with_links_fetches_nothing(name, listener, tmp_path):
    require_soffice()
    port, heard = listener
    path = tmp_path / name
    path.write_text(LINKED[name].replace("{port}", str(port)), encoding="utf-8")
    result = check_file(path)
    time.sleep(0.5)  # a request LibreOffice started is in the listener by now
    assert heard == []
    if name.endswith(".doc"):  # a web page named .doc is not a Word document
        assert [f.code for f in result.findings] == ["IO005"]
        assert "web page" in check_file(path, lang="en").findings[0].message


def _slow_rtf(path: Path, paragraphs: int = 60000) -> Path:
    """An RTF LibreOffice takes many seconds to read: tens of thousands of paragraphs."""
    words = "".join(f"\\u{ord(c)}?" for c in "这是一段正文，用来让转换变慢。")
    body = "".join(f"{{\\pard {words} {i}\\par}}\n" for i in range(paragraphs))
    path.write_text(f"{{\\rtf1\\ansi\\deff0 {{\\fonttbl {{\\f0 SimSun;}}}}\n{body}}}")
    return path


def test_a_slow_file_is_blamed_alone_and_the_others_are_read(tmp_path):
    require_soffice()
    folder = tmp_path / "in"
    folder.mkdir()
    _slow_rtf(folder / "big.rtf")
    shutil.copy(
        SAMPLES / "reports" / "市应急管理局-朱国庆-2019年度履职报告.doc", folder / "good.doc"
    )
    report = check_folder(folder, limits=Limits(conversion_seconds=8))
    by_name = {Path(r.file).name: r for r in report.files}
    assert [f.code for f in by_name["big.rtf"].findings] == ["IO005"]
    assert "8" in by_name["big.rtf"].findings[0].message
    assert by_name["good.doc"].status == FileStatus.CHECKED
    assert by_name["good.doc"].findings[0].code == "IO008"


def test_a_limit_met_in_the_conversion_names_the_legacy_file(tmp_path):
    require_soffice()
    doc = SAMPLES / "reports" / "市应急管理局-朱国庆-2019年度履职报告.doc"
    result = check_file(doc, limits=Limits(part_bytes=4096), lang="en")
    assert [f.code for f in result.findings] == ["IO006"]
    assert "LibreOffice made of this .doc file" in result.findings[0].message


def test_the_conversion_and_the_workers_start_before_the_first_result(saved, monkeypatch):
    started = []
    original = soffice.run_process

    def counting(argv, env, timeout):
        started.append(argv)
        return original(argv, env, timeout)

    monkeypatch.setattr(soffice, "run_process", counting)
    results = iter_check([saved], Options(), jobs=2)
    # a thread the caller starts now (a progress bar) is never forked into a worker
    assert len(started) == 1 and multiprocessing.active_children()
    assert sum(r.status == FileStatus.CHECKED for r in results) >= 28
