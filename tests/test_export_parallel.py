"""PDF export in several soffice processes: one profile each, results in input order."""

from __future__ import annotations

import stat
import tempfile
import threading
import time
from pathlib import Path

import pytest
from pdfbuild import Layout, build, require_soffice
from pypdf import PdfReader

from gongwen.export import share_out, to_pdf
from gongwen.export.soffice import run_process

# body paragraphs → pages as LibreOffice 7.4 lays out tests/pdfbuild.py (版记 on an even page)
PAGES = {"one": (1, 2), "six": (6, 3), "fourteen": (14, 5), "two": (2, 2), "thirty": (30, 10)}


class RecordingRunner:
    """Runs soffice for real; records each command line, its TMPDIR and when it ran."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.calls: list[dict] = []

    def __call__(self, argv, env, timeout):
        started = time.monotonic()
        outcome = run_process(argv, env, timeout)
        with self.lock:
            self.calls.append(
                {"argv": list(argv), "tmp": env["TMPDIR"], "timeout": timeout,
                 "start": started, "end": time.monotonic()}
            )  # fmt: skip
        return outcome


def _option(argv: list[str], prefix: str) -> str:
    return next(a[len(prefix) :] for a in argv if a.startswith(prefix))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    require_soffice()
    src = tmp_path_factory.mktemp("src")
    files = []
    for name, (paragraphs, _pages) in PAGES.items():
        files.append(build(src / f"{name}.docx", Layout(body_paragraphs=paragraphs)))
    broken = src / "broken.docx"  # a zip of garbage: soffice cannot read it
    broken.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    files.insert(2, broken)
    out = tmp_path_factory.mktemp("out")
    temp = tmp_path_factory.mktemp("tmp")  # where the private folders are made
    runner = RecordingRunner()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tempfile, "tempdir", str(temp))
        mp.setattr("gongwen.parallel.cpu_count", lambda: 2)
        result = to_pdf(files, out, jobs=2, runner=runner, timeout=120)
    return files, out, temp, runner, result


def test_each_good_input_gives_its_pdf_in_input_order(run):
    _files, out, _temp, _runner, result = run
    assert result.processes == 2
    assert [p.name for p in result.pdfs] == [f"{n}.pdf" for n in PAGES]
    for pdf in result.pdfs:
        assert pdf.parent == out
        assert len(PdfReader(pdf).pages) == PAGES[pdf.stem][1], pdf.name
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.pdf" for n in PAGES)
    assert result.substitutions  # the faces are still read back from every PDF
    assert {s.official for s in result.substitutions} >= {"仿宋_GB2312", "方正小标宋简体"}
    assert all(len(s.files) == len(PAGES) for s in result.substitutions
               if s.official == "仿宋_GB2312")  # fmt: skip


def test_a_broken_input_fails_alone(run):
    files, out, _temp, runner, result = run
    assert [(Path(f.file).name, f.code) for f in result.failures] == [("broken.docx", "EX002")]
    # It shared its process with good files, and those were converted all the same.
    lane = next(c["argv"] for c in runner.calls if str(files[2]) in c["argv"])
    partners = [Path(a) for a in lane if a.endswith(".docx") and a != str(files[2])]
    assert partners
    assert all((out / f"{p.stem}.pdf").is_file() for p in partners)


def test_the_processes_have_distinct_profiles_and_ran_side_by_side(run):
    files, _out, _temp, runner, _result = run
    calls = runner.calls
    assert len(calls) == 2
    profiles = [_option(c["argv"], "-env:UserInstallation=") for c in calls]
    assert all(p.startswith("file:///") for p in profiles)
    assert len(set(profiles)) == 2
    assert len({c["tmp"] for c in calls}) == 2
    outdirs = [c["argv"][c["argv"].index("--outdir") + 1] for c in calls]
    assert len(set(outdirs)) == 2
    # Every input is given to exactly one process, and each gets the whole time limit.
    given = [a for c in calls for a in c["argv"] if a.endswith(".docx")]
    assert sorted(given) == sorted(str(f) for f in files)
    assert all(c["timeout"] == 120 for c in calls)
    first, second = sorted(calls, key=lambda c: c["start"])
    assert second["start"] < first["end"], "the two soffice processes did not overlap"


def test_no_profile_or_temp_folder_is_left(run):
    _files, _out, temp, runner, _result = run
    for call in runner.calls:
        assert not Path(call["tmp"]).exists()
        profile = _option(call["argv"], "-env:UserInstallation=file://")
        assert not Path(profile).exists()
    assert list(temp.iterdir()) == []


def _fake_soffice(path: Path, slow: str = "") -> Path:
    """A stand-in for soffice: writes a tiny PDF per input; sleeps when given `slow`."""
    path.write_text(
        "#!/bin/sh\n"
        'out=""; prev=""\n'
        'for a in "$@"; do\n'
        '  [ "$prev" = "--outdir" ] && out="$a"\n'
        f'  [ -n "{slow}" ] && [ "$(basename "$a")" = "{slow}" ] && sleep 60\n'
        '  prev="$a"\n'
        "done\n"
        'for a in "$@"; do\n'
        '  case "$a" in *.docx)\n'
        '    n=$(basename "$a" .docx); printf "%%PDF-1.4 %s" "$n" > "$out/$n.pdf";;\n'
        "  esac\n"
        "done\n",
        encoding="utf-8",
    )
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def _small(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [build(folder / f"d{i}.docx", Layout(body_paragraphs=1)) for i in range(count)]


def test_a_process_that_overruns_fails_only_its_own_files(tmp_path, monkeypatch):
    monkeypatch.setattr("gongwen.parallel.cpu_count", lambda: 2)
    files = _small(tmp_path / "src", 4)
    fake = _fake_soffice(tmp_path / "soffice", slow="d1.docx")
    lanes = share_out(files, 2)
    slow_lane = next(lane for lane in lanes if files[1] in lane)
    started = time.monotonic()
    result = to_pdf(files, tmp_path / "out", soffice=fake, jobs=2, timeout=2)
    assert time.monotonic() - started < 30
    assert result.processes == 2
    assert {Path(f.file) for f in result.failures} == set(slow_lane)
    assert {f.code for f in result.failures} == {"EX003"}
    assert [p.stem for p in result.pdfs] == [f.stem for f in files if f not in slow_lane]


def test_jobs_is_capped_by_the_cores_and_the_files(tmp_path, monkeypatch):
    files = _small(tmp_path / "src", 5)
    fake = _fake_soffice(tmp_path / "soffice")
    monkeypatch.setattr("gongwen.parallel.cpu_count", lambda: 4)
    assert to_pdf(files, tmp_path / "a", soffice=fake, jobs=3).processes == 3
    assert to_pdf(files, tmp_path / "b", soffice=fake, jobs=None).processes == 4
    assert to_pdf(files[:2], tmp_path / "c", soffice=fake, jobs=None).processes == 2
    assert to_pdf(files, tmp_path / "d", soffice=fake, jobs=1).processes == 1
    assert to_pdf(files, tmp_path / "e", soffice=fake).processes == 1  # the default
    monkeypatch.setattr("gongwen.parallel.cpu_count", lambda: 1)
    result = to_pdf(files, tmp_path / "f", soffice=fake, jobs=8)
    assert result.processes == 1
    assert [p.stem for p in result.pdfs] == [f.stem for f in files]


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True, "2"])
def test_a_bad_jobs_is_refused(tmp_path, jobs):
    with pytest.raises(ValueError, match="jobs"):
        to_pdf([tmp_path / "a.docx"], tmp_path / "out", jobs=jobs)


def test_files_are_shared_out_evenly_in_input_order(tmp_path):
    sizes = [900, 100, 500, 500, 100, 900, 300, 300]
    files = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"f{i}.docx"
        path.write_bytes(b"x" * size)
        files.append(path)
    groups = share_out(files, 2)
    assert sorted(f for g in groups for f in g) == sorted(files)
    loads = [sum(f.stat().st_size for f in g) for g in groups]
    assert loads == [1800, 1800]
    for group in groups:
        assert group == sorted(group, key=files.index)
    # Files of one size are dealt out in turn; never an empty group.
    assert share_out([files[1], files[4]], 2) == [[files[1]], [files[4]]]
    assert [len(g) for g in share_out(files[:3], 5)] == [1, 1, 1]
