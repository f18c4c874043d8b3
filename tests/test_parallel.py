"""Checking in worker processes: the same results in the same order, streamed, time-limited."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from gongwen import parallel
from gongwen.batch import Options, check_folder, iter_check
from gongwen.cli import main
from gongwen.resources import data_dir

REPORTS = data_dir("samples") / "reports"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """The sample reports (good, defective, a PDF, a broken one) with a text file and a copy."""
    target = tmp_path / "in"
    shutil.copytree(REPORTS, target)
    (target / "说明.txt").write_text("不是报告", encoding="utf-8")
    first = sorted(REPORTS.glob("*.docx"))[0]
    (target / "sub").mkdir()
    shutil.copy(first, target / "sub" / first.name)
    return target


def _dump(results) -> list[dict]:
    return [r.model_dump(mode="json") for r in results]


def test_two_jobs_give_the_same_results_in_the_same_order_as_one(folder: Path):
    options = Options()
    one = _dump(iter_check([folder], options, jobs=1))
    two = _dump(iter_check([folder], options, jobs=2))
    assert two == one
    assert [r["file"] for r in one] == sorted(r["file"] for r in one)
    assert len(one) == len(list(folder.rglob("*.*")))
    codes = {c for r in one for c in (f["code"] for f in r["findings"])}
    assert {"IO001", "IO002", "GB111", "AR201"} <= codes  # broken, .txt and real defects
    roster = data_dir("samples") / "roster.csv"
    by_one = check_folder(folder, roster=roster, jobs=1)
    by_two = check_folder(folder, roster=roster, jobs=2)
    assert by_two.model_dump(mode="json") == by_one.model_dump(mode="json")


def test_the_command_gives_the_same_output_with_one_job_and_with_two(folder: Path, tmp_path):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.json"
        code = main(["check", str(folder), "--jobs", jobs, "--format", "json", "-o", str(out)])
        assert code == 1  # the samples carry defects
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]


def test_the_first_result_comes_before_the_last_file_is_read(folder: Path):
    # The last file is broken when the run starts and repaired after the first result: a run
    # that had read every file first would report it broken.
    good = sorted(REPORTS.glob("*.docx"))[0].read_bytes()
    many = folder / "many"
    many.mkdir()
    for i in range(40):
        (many / f"{i:03d}.docx").write_bytes(good)
    last = many / "zzz.docx"
    last.write_bytes(b"PK\x03\x04 not yet complete")
    for jobs in (1, 2):
        last.write_bytes(b"PK\x03\x04 not yet complete")
        results = iter_check([many], Options(), jobs=jobs)
        first = next(results)
        assert first.file.endswith("000.docx")
        last.write_bytes(good)
        rest = list(results)
        assert rest[-1].file == str(last)
        assert rest[-1].status.value == "checked", rest[-1].findings


def _huge(source: Path, target: Path, copies: int) -> Path:
    """`source` with its body repeated `copies` times: seconds to check, not milliseconds."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                end = text.rindex("<w:sectPr")
                data = (text[:start] + text[start:end] * copies + text[end:]).encode("utf-8")
            dst.writestr(info, data)
    return target


def test_a_file_over_the_time_limit_gets_io006_and_the_run_goes_on(tmp_path: Path):
    small = sorted(REPORTS.glob("*.docx"))[:3]
    for path in small:
        shutil.copy(path, tmp_path / path.name)
    huge = _huge(small[0], tmp_path / small[0].name.replace(".docx", "-huge.docx"), 300)
    for jobs in (1, 2):
        results = list(iter_check([tmp_path], Options(lang="en"), jobs=jobs, timeout=0.3))
        assert [r.file for r in results] == sorted(str(p) for p in tmp_path.iterdir())
        for result in results:
            codes = [f.code for f in result.findings]
            if result.file == str(huge):
                assert codes == ["IO006"]
                assert "longer than 0.3 s" in result.findings[0].message
            else:
                assert "IO006" not in codes and result.status.value == "checked"


def _slow_or_crash(item: str) -> str:
    if item == "slow":
        time.sleep(60)
    if item == "crash":
        os._exit(3)  # a worker dying mid-file, as a segfault in a parser would
    if item == "raise":
        raise ValueError(item)
    return item.upper()


def _setup():
    return _slow_or_crash


def test_a_stuck_worker_is_replaced_and_the_others_go_on():
    items = ["a", "slow", "b", "crash", "c", "raise", "d", "e", "f"]
    start = time.monotonic()
    results = list(parallel.run(items, _setup, lambda i, why: f"{i}:{why}", jobs=2, timeout=2))
    assert results == ["A", "slow:timeout", "B", "crash:crashed", "C", "raise:crashed", "D",
                       "E", "F"]  # fmt: skip
    assert time.monotonic() - start < 30  # the sleeping worker was not waited for


def _dies_now_and_then(item: int) -> int:
    if item % 7 == 3:
        os._exit(1)  # after the previous result was sent, before the next input is read
    if item % 2:
        time.sleep(0.002)
    return item


def test_workers_dying_between_inputs_lose_nothing():
    """A worker may die while its next input is on the way to it: that input is not lost."""
    items = list(range(40))
    for _ in range(5):
        results = list(
            parallel.run(items, _dies_setup, lambda i, why: (i, why), jobs=2,
                         timeout=30, window=4)
        )  # fmt: skip
        assert results == [(i, "crashed") if i % 7 == 3 else i for i in items]


def _pid(item: str) -> int:
    return os.getpid()


def _pid_setup():
    return _pid


def _dies_setup():
    return _dies_now_and_then


def test_every_worker_gets_an_input_before_any_gets_two():
    pids = list(parallel.run(list("abcd"), _pid_setup, lambda i, w: w, jobs=4))
    assert len(set(pids)) == 4  # not two workers with two inputs each


def test_in_process_the_time_limit_stops_a_slow_item():
    items = ["a", "slow", "b"]
    results = list(parallel.run(items, _setup, lambda i, why: f"{i}:{why}", jobs=1, timeout=1))
    assert results == ["A", "slow:timeout", "B"]


@pytest.mark.parametrize("timeout", [None, 5])
def test_in_process_an_exception_gives_the_fallback_and_the_run_goes_on(timeout):
    items = ["a", "raise", "b"]
    fallback = lambda i, why: f"{i}:{why}"  # noqa: E731
    results = list(parallel.run(items, _setup, fallback, jobs=1, timeout=timeout))
    assert results == ["A", "raise:crashed", "B"]


def test_a_check_that_breaks_on_one_file_gives_io001_and_the_batch_goes_on(
    folder: Path, monkeypatch: pytest.MonkeyPatch
):
    from gongwen.checks.kinds import body_font

    before = check_folder(folder, jobs=1).files
    real = body_font.check
    broken = sorted(p for p in folder.iterdir() if p.suffix == ".docx")[1].name

    def check(doc, rule, ctx):  # type: ignore[no-untyped-def]
        if ctx.submission.file.endswith(broken):
            raise ZeroDivisionError
        return real(doc, rule, ctx)

    monkeypatch.setattr(body_font, "check", check)
    after = check_folder(folder, jobs=1).files
    assert [r.file for r in after] == [r.file for r in before]
    for old, new in zip(before, after, strict=True):
        if Path(new.file).name == broken:
            assert [f.code for f in new.findings] == ["IO001"]
            assert new.status.value == "unreadable"
        else:
            assert new == old  # every other file checked as without the fault


def test_an_abandoned_run_stops_its_workers():
    results = parallel.run(list("abcdefgh"), _setup, lambda i, why: why, jobs=2, timeout=None)
    assert next(results) == "A"
    pool = results.gi_frame.f_locals["self"]  # the generator of the pool
    processes = [slot.process for slot in pool.slots]
    results.close()
    assert all(not p.is_alive() for p in processes)


def test_help_imports_no_heavy_library():
    code = (
        "import sys\n"
        "from gongwen.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'docxtpl', 'docx', 'pypdf', 'pydantic', 'cerberus', 'lxml', 'yaml', 'openpyxl',"
        " 'jinja2', 'rich'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
