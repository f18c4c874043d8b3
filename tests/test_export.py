"""PDF export: one soffice process for a batch, private temp files, faces read back from PDFs."""

from __future__ import annotations

import argparse
import shutil
import stat
import time
from pathlib import Path

import pytest
from pdfbuild import Layout, build, require_soffice

from gongwen.export import SofficeMissing, to_pdf
from gongwen.export.fonts import aliases, fonts_conf
from gongwen.export.soffice import run_process
from gongwen.ingest.pdf_content import embedded_fonts


class CountingRunner:
    """Runs soffice for real and counts the launches."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.tmpdirs: list[str] = []

    def __call__(self, argv, env, timeout):
        self.calls.append(list(argv))
        self.tmpdirs.append(env["TMPDIR"])
        return run_process(argv, env, timeout)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    require_soffice()
    src = tmp_path_factory.mktemp("src")
    files = [
        build(src / "good.docx"),
        build(src / "centred.docx", Layout(footer_align="center")),
        build(src / "short.docx", Layout(body_paragraphs=2)),
    ]
    runner = CountingRunner()
    out = tmp_path_factory.mktemp("out")
    return files, out, runner, to_pdf(files, out, runner=runner)


def test_a_batch_is_one_soffice_process(batch):
    files, out, runner, result = batch
    assert len(runner.calls) == 1 and result.processes == 1
    assert all(str(f) in runner.calls[0] for f in files)
    assert result.ok
    assert [p.name for p in result.pdfs] == ["good.pdf", "centred.pdf", "short.pdf"]
    for pdf in result.pdfs:
        assert pdf.parent == out and pdf.read_bytes().startswith(b"%PDF-")


def test_each_process_has_its_own_profile_and_temp_dir(batch):
    _files, out, runner, _result = batch
    argv = runner.calls[0]
    profile = [a for a in argv if a.startswith("-env:UserInstallation=file://")]
    assert len(profile) == 1
    # The private temp dir (and soffice's lu*.tmp in it) is gone; nothing is left in outdir.
    assert not Path(runner.tmpdirs[0]).exists()
    assert sorted(p.name for p in out.iterdir()) == ["centred.pdf", "good.pdf", "short.pdf"]


def test_substituted_faces_are_read_from_the_pdf(batch):
    _files, _out, _runner, result = batch
    found = {(s.official, s.used) for s in result.substitutions}
    assert ("仿宋_GB2312", "FandolFang") in found
    assert ("方正小标宋简体", "Noto Serif CJK SC Bold") in found
    assert ("宋体", "Noto Serif CJK SC") in found
    # 楷体 and 黑体 are not asked for by these documents, so they are not reported.
    assert not any(s.official in ("楷体_GB2312", "黑体") for s in result.substitutions)
    embedded = embedded_fonts(result.pdfs[0])
    assert "FandolFang-Regular" in embedded


def test_the_alias_file_maps_every_official_name():
    conf = fonts_conf()
    assert conf is not None
    table = aliases(conf)
    expected = {
        "仿宋_GB2312": "FandolFang",
        "仿宋": "FandolFang",
        "fangsong": "FandolFang",
        "fangsong_gb2312": "FandolFang",
        "楷体_GB2312": "FandolKai",
        "楷体": "FandolKai",
        "kaiti": "FandolKai",
        "kaiti_gb2312": "FandolKai",
        "黑体": "Noto Sans CJK SC",
        "simhei": "Noto Sans CJK SC",
        "宋体": "Noto Serif CJK SC",
        "simsun": "Noto Serif CJK SC",
        "方正小标宋简体": "Noto Serif CJK SC Bold",
        "方正小标宋_gbk": "Noto Serif CJK SC Bold",
    }
    assert {name: table[name.casefold()].label for name in expected} == expected


def test_an_installed_official_face_is_not_substituted(tmp_path, monkeypatch):
    """Make a face named 仿宋_GB2312 'installed' (FandolKai renamed at scan time)."""
    require_soffice()
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    kai = Path("/usr/local/share/fonts/gongwen/FandolKai-Regular.otf")
    if not kai.exists():
        pytest.fail("FandolKai is missing: run `bash fonts/install.sh`")
    shutil.copy(kai, fonts)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f"""<?xml version="1.0"?>
<fontconfig>
  <include>{fonts_conf()}</include>
  <dir>{fonts}</dir>
  <cachedir>{tmp_path / "cache"}</cachedir>
  <match target="scan">
    <test name="file" compare="contains"><string>{fonts}/</string></test>
    <edit name="family" mode="assign_replace"><string>仿宋_GB2312</string></edit>
  </match>
</fontconfig>
""",
        encoding="utf-8",
    )
    monkeypatch.setenv("GONGWEN_FONTCONFIG", str(conf))
    result = to_pdf([build(tmp_path / "doc.docx")], tmp_path / "out")
    assert result.ok
    embedded = embedded_fonts(result.pdfs[0])
    assert "FandolKai-Regular" in embedded and "FandolFang-Regular" not in embedded
    officials = {s.official for s in result.substitutions}
    assert "仿宋_GB2312" not in officials
    assert "方正小标宋简体" in officials


def test_missing_soffice_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("GONGWEN_SOFFICE", raising=False)
    docx = build(tmp_path / "a.docx")
    with pytest.raises(SofficeMissing) as caught:
        to_pdf([docx], tmp_path / "out")
    assert caught.value.code == "EX001"
    assert "apt-get install" in caught.value.message("zh")
    assert "未安装 LibreOffice" in caught.value.message("zh")
    assert "not installed" in caught.value.message("en")
    assert not (tmp_path / "out").exists()


def test_gongwen_soffice_pointing_nowhere_is_the_same_error(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_SOFFICE", str(tmp_path / "no-soffice"))
    with pytest.raises(SofficeMissing) as caught:
        to_pdf([build(tmp_path / "a.docx")], tmp_path / "out")
    assert "no-soffice" in caught.value.message("zh")


def _script(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def test_a_timeout_kills_the_whole_process_group(tmp_path):
    pidfile = tmp_path / "child.pid"
    fake = _script(tmp_path / "soffice", f"sleep 60 &\necho $! > {pidfile}\nwait\n")
    result = to_pdf([build(tmp_path / "a.docx")], tmp_path / "out", soffice=fake, timeout=1)
    assert [f.code for f in result.failures] == ["EX003"]
    child = int(pidfile.read_text())
    for _ in range(50):  # the kernel reaps the killed child asynchronously
        if not _alive(child):
            break
        time.sleep(0.1)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat_line.split(")")[-1].split()[0] != "Z"


def test_a_file_soffice_cannot_read_fails_alone(tmp_path):
    require_soffice()
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a zip")
    good = build(tmp_path / "fine.docx", Layout(body_paragraphs=1))
    result = to_pdf([bad, good], tmp_path / "out")
    assert [p.name for p in result.pdfs] == ["fine.pdf"]
    assert [(Path(f.file).name, f.code) for f in result.failures] == [("broken.docx", "EX002")]
    assert result.processes == 1


def test_two_inputs_with_one_pdf_name_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fake = _script(tmp_path / "soffice", "exit 0\n")
    first = build(tmp_path / "a" / "x.docx", Layout(body_paragraphs=1))
    second = build(tmp_path / "b" / "x.docx", Layout(body_paragraphs=1))
    result = to_pdf([first, second], tmp_path / "out", soffice=fake)
    codes = {(f.file, f.code) for f in result.failures}
    assert (str(second), "EX004") in codes
    assert "不同的文件夹" in next(f for f in result.failures if f.code == "EX004").message("zh")


def _cli(argv: list[str]) -> int:
    from gongwen.cli import pdf

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    pdf.add_parser(sub).add_argument("--lang", default="zh")
    args = parser.parse_args(argv)
    return pdf.run(args)


def test_cli_converts_a_folder_and_names_the_stand_ins(tmp_path, capsys):
    require_soffice()
    build(tmp_path / "one.docx", Layout(body_paragraphs=1))
    build(tmp_path / "two.docx", Layout(body_paragraphs=1))
    assert _cli(["pdf", str(tmp_path), "-o", str(tmp_path / "pdf")]) == 0
    out = capsys.readouterr().out
    assert "one.pdf" in out and "two.pdf" in out
    assert "仿宋_GB2312 → FandolFang（2 个文件）" in out


def test_cli_without_soffice_says_how_to_install(tmp_path, capsys, monkeypatch):
    build(tmp_path / "one.docx", Layout(body_paragraphs=1))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("GONGWEN_SOFFICE", raising=False)
    assert _cli(["pdf", str(tmp_path / "one.docx")]) == 2
    err = capsys.readouterr().err
    assert "EX001" in err and "libreoffice-writer-nogui" in err
    assert (tmp_path / "one.docx").exists() and not (tmp_path / "one.pdf").exists()
