"""Hostile and broken submissions (issue 6): one check run over the corpus, a coded finding each.

The corpus is made by tests/fixtures/make_hostile.py into a temporary folder (some members
cannot live in git). Each member must get its rule code, through the command line and the
library alike; the conforming reports beside them are still checked clean; nothing prints a
traceback; no input changes; the bombs stay within memory bounds and nothing is fetched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import stat
import sys
import tracemalloc
from pathlib import Path

import pytest

from gongwen.batch import check_file, check_folder
from gongwen.cli import main
from gongwen.findings import FileStatus
from gongwen.ingest import IngestError, display_path, load
from gongwen.limits import MB, Limits
from gongwen.resources import data_dir

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_hostile import NON_UTF8_NAME, Member, is_root, make_corpus, remove_corpus

SAMPLES = data_dir("samples")
ROSTER, REGISTER = SAMPLES / "roster.csv", SAMPLES / "register.csv"
GOOD = ("市财政局-张伟-2019年度履职报告.docx", "市教育局-李红梅-2019年度履职报告.docx")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    """(folder, members): the corpus, removed afterwards (unreadable members included)."""
    folder = tmp_path_factory.mktemp("hostile") / "报送"
    members = make_corpus(folder)
    yield folder, members
    remove_corpus(folder)


def hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of every regular file under `folder`, without following links."""
    out = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root, name)
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mode & stat.S_IRUSR:
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def codes_for(member: Member) -> set[str]:
    """The code a member gets: a legacy file LibreOffice reads is checked (IO008), one it
    cannot read (or every one, where it is not installed) keeps IO005."""
    if member.read_by_soffice is not None and shutil.which("soffice") is not None:
        return {member.read_by_soffice}
    return {str(member.code)}


def shown(folder: Path, member: Member) -> str:
    """The file name a report gives a member (a name that is not UTF-8 made readable)."""
    return display_path(folder / member.name)


def test_one_cli_run_gives_every_member_its_code(corpus, tmp_path, capfd) -> None:
    folder, members = corpus
    before = hashes(folder)
    out = tmp_path / "result.json"
    argv = ["check", str(folder), "--roster", str(ROSTER), "--register", str(REGISTER),
            "--format", "json", "-o", str(out)]  # fmt: skip
    assert main(argv) == 1
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err + captured.out
    data = json.loads(out.read_text(encoding="utf-8"))
    codes = {f["file"]: [x["code"] for x in f["findings"]] for f in data["files"]}
    for member in members:
        file = shown(folder, member)
        if member.code is None:
            assert codes.get(file) == [], (member.name, codes.get(file))
        else:
            assert codes_for(member) & set(codes.get(file, [])), (member.name, codes.get(file))
    # nothing but the members: not the folder named .docx, nothing through the folder loop
    assert set(codes) == {shown(folder, m) for m in members}
    assert hashes(folder) == before  # inputs are never modified
    passwd = Path("/etc/passwd").read_text(errors="replace").splitlines()[0]
    assert passwd not in out.read_text(encoding="utf-8") + captured.out + captured.err


def test_the_library_gives_a_result_for_every_member(corpus) -> None:
    folder, members = corpus
    report = check_folder(folder, roster=ROSTER, register=REGISTER)
    by_file = {r.file: r for r in report.files}
    for member in members:
        result = by_file[shown(folder, member)]
        found = [f.code for f in result.findings]
        if member.code is None:
            assert found == [] and result.content_pass and result.format_pass, member.name
        else:
            assert codes_for(member) & set(found), (member.name, found)
        if (
            member.code
            and member.code.startswith("IO")
            and member.code != "IO002"
            and ("IO008" not in found)
        ):
            assert result.status == FileStatus.UNREADABLE, member.name
    # the duplicate pair still counts once towards the roster's received total
    assert report.totals.received == len({r.department for r in report.files if r.department})


def test_the_good_reports_are_checked_as_if_alone(corpus) -> None:
    folder, _ = corpus
    report = check_folder(folder, roster=ROSTER, register=REGISTER)
    for name in GOOD:
        alone = check_file(SAMPLES / "reports" / name, roster=ROSTER, register=REGISTER)
        among = next(r for r in report.files if r.file == str(folder / name))
        assert [f.code for f in among.findings] == [f.code for f in alone.findings] == []
        assert (among.department, among.received) == (alone.department, alone.received)


def test_the_duplicate_names_the_other_file(corpus) -> None:
    folder, members = corpus
    report = check_folder(folder, roster=ROSTER, register=REGISTER, lang="en")
    pair = [m for m in members if m.code == "AR104"]
    for member in pair:
        result = next(r for r in report.files if r.file == str(folder / member.name))
        (finding,) = [f for f in result.findings if f.code == "AR104"]
        other = next(m.name for m in pair if m is not member)
        assert other in finding.message and finding.severity.value == "warning"


def test_a_non_utf8_name_is_shown_readably(corpus) -> None:
    folder, _ = corpus
    raw = os.fsencode(folder) + b"/" + NON_UTF8_NAME
    result = check_file(os.fsdecode(raw))
    assert result.file.endswith("报告.docx")
    json.dumps(result.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")


@pytest.mark.skipif(is_root(), reason="root reads a file of mode 000; the pipe member covers it")
def test_an_unreadable_file_is_io001(corpus) -> None:
    folder, _ = corpus
    with pytest.raises(IngestError) as info:
        load(folder / "无权限.docx")
    assert info.value.code == "IO001"


def test_existing_output_is_kept_without_force(corpus, tmp_path, capfd) -> None:
    folder, _ = corpus
    out = tmp_path / "result.csv"
    out.write_text("mine", encoding="utf-8")
    argv = ["check", str(folder / GOOD[0]), "--format", "csv", "-o", str(out)]
    assert main(argv) == 2
    assert out.read_text(encoding="utf-8") == "mine"
    assert "--force" in capfd.readouterr().err
    assert main([*argv, "--force", "--register", str(REGISTER)]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("文件,")


def _peak(call) -> int:
    """The peak of Python allocations (bytes) while `call()` runs."""
    tracemalloc.start()
    try:
        call()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


@pytest.mark.parametrize(
    ("name", "code"),
    [("压缩炸弹.docx", "IO006"), ("压缩炸弹-谎报大小.docx", "IO001"), ("部件过多.docx", "IO006"),
     ("实体炸弹.docx", "IO001"), ("外部实体.docx", "IO001"), ("网络实体.docx", "IO001")],
)  # fmt: skip
def test_bombs_are_refused_within_bounded_memory(corpus, name: str, code: str) -> None:
    folder, _ = corpus
    caught: list[IngestError] = []

    def read() -> None:
        try:
            load(folder / name)
        except IngestError as error:
            caught.append(error)

    peak = _peak(read)
    assert [e.code for e in caught] == [code]
    # 1 GiB inflated or 10^9 "lol"s expanded would show; 16 MB is a few parts of a real file
    assert peak < 16 * MB, f"{name}: peak {peak / MB:.1f} MB"


def test_a_bomb_within_the_total_is_refused_by_its_part_size_before_inflating(corpus) -> None:
    # The whole file is allowed 2 GB, so only the part limit stands: its declared size
    # refuses it, and zipfile never yields more than a part declares.
    folder, _ = corpus
    limits = Limits(part_bytes=4 * MB, docx_bytes=2048 * MB)
    caught: list[IngestError] = []

    def read() -> None:
        try:
            load(folder / "压缩炸弹.docx", limits)
        except IngestError as error:
            caught.append(error)

    peak = _peak(read)
    assert [e.code for e in caught] == ["IO006"]
    assert "word/document.xml" in caught[0].message("en") and "4 MB" in caught[0].message("en")
    assert peak < 1 * MB


def test_nothing_is_fetched_from_the_network(corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = corpus
    attempts: list[object] = []

    def refuse(self, address, *args, **kwargs):  # type: ignore[no-untyped-def]
        attempts.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    for name in ("网络实体.docx", "外部实体.docx", "实体炸弹.docx"):
        with pytest.raises(IngestError):
            load(folder / name)
    assert attempts == []


def test_limits_are_configurable_from_the_command_line(corpus, tmp_path, capfd) -> None:
    folder, _ = corpus
    out = tmp_path / "r.json"
    argv = ["check", str(folder / GOOD[0]), "--format", "json", "-o", str(out),
            "--max-part-mb", "0.01"]  # fmt: skip
    assert main(argv) == 1
    (result,) = json.loads(out.read_text(encoding="utf-8"))["files"]
    assert [f["code"] for f in result["findings"]] == ["IO006"]
    with pytest.raises(SystemExit) as info:  # argparse refuses it, with exit code 2
        main(["check", str(folder), "--max-pages", "0"])
    assert info.value.code == 2
    assert "Traceback" not in capfd.readouterr().err


def test_a_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="pdf_pages"):
        Limits(pdf_pages=0)
    with pytest.raises(ValueError, match="file_seconds"):
        Limits(file_seconds=float("nan"))
