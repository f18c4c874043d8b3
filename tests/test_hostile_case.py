"""Hostile case files (issue 6): every error by JSON path, exit 2, nothing written.

The cases are data in tests/fixtures/hostile/cases.yaml; one harness runs each through
`load_case` and through `gongwen generate`. Then the outputs: department names unsafe as
file names give safe, unique names inside the output folder, and nothing is overwritten
without --force.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from gongwen.case import CaseError, load_case
from gongwen.cli import main
from gongwen.resources import data_dir

SAMPLE = data_dir("samples") / "case.json"
CASES = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "hostile" / "cases.yaml").read_text(encoding="utf-8")
)["cases"]
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def steps(path: str) -> list[str | int]:
    """`departments[0].name` as ["departments", 0, "name"]."""
    return [int(i) if i else key for key, i in _STEP.findall(path)]


def apply(data: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    """The sample case changed as `case` says."""
    data = copy.deepcopy(data)
    for path, value in case.get("set", {}).items():
        *parents, last = steps(path)
        target: Any = data
        for step in parents:
            target = target[step]
        target[last] = value
    for path in case.get("delete", []):
        *parents, last = steps(path)
        target = data
        for step in parents:
            target = target[step]
        del target[last]
    return data


def case_text(case: dict[str, Any]) -> str:
    """The JSON text of a case: raw, or the changed sample (NaN and Infinity allowed)."""
    sample = SAMPLE.read_text(encoding="utf-8")
    if "text" in case:
        return (
            case["text"]
            .replace("{sample_without_end}", sample.rstrip().removesuffix("}"))
            .replace("{zeros}", "0" * 5000)
            .replace("{deep}", "[" * 100_000 + "]" * 100_000)
        )
    data = apply(json.loads(sample), case)
    return json.dumps(data, ensure_ascii=False, allow_nan=True)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_error_is_listed_by_path(case: dict[str, Any]) -> None:
    with pytest.raises(CaseError) as info:
        load_case(case_text(case), lang="en")
    paths = sorted({path for path, _ in info.value.errors})
    assert paths == sorted(case["errors"]), info.value.errors
    for path, message in info.value.errors:
        assert message and "{" not in message, (path, message)
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", path + message)  # shown escaped


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_generate_exits_2_and_writes_nothing(case, tmp_path: Path, capfd) -> None:
    source = tmp_path / "case.json"
    source.write_text(case_text(case), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["generate", str(source), "-o", str(out)]) == 2
    err = capfd.readouterr().err
    assert "Traceback" not in err
    for path in case["errors"]:
        assert f"  {path}: " in err, path
    assert not out.exists()  # no partial output


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"\xff\xfe{\x00}\x00", "UTF-8"), (b"", "JSON"), (b"{" * 10, "JSON")],
)
def test_unreadable_case_files(tmp_path: Path, content: bytes, expected: str) -> None:
    source = tmp_path / "case.json"
    source.write_bytes(content)
    with pytest.raises(CaseError) as info:
        load_case(source, lang="en")
    assert expected in str(info.value)


def test_a_case_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    from gongwen.limits import MB, Limits

    source = tmp_path / "case.json"
    source.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(CaseError, match=r"is 0.0\d MB, more than the limit of 0.03125 MB"):
        load_case(source, lang="en", limits=Limits(case_bytes=MB // 32))


UNSAFE = ["../../x", "a/b", "a:b", "CON", "长" * 300, "\U00020000" * 100, "..", "x\u202egpj.exe"]


def test_unsafe_department_names_give_safe_unique_file_names(tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    used = {i["department"] for i in data["interviews"]}
    used |= {d for s in data["supervisions"] for d in s["departments"]}
    free = [d for d in data["departments"] if d["name"] not in used]
    for department, name in zip(free, UNSAFE, strict=False):
        department["name"] = name
    source = tmp_path / "case.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["generate", str(source), "-o", str(out), "--kind", "feedback"]) == 0
    written = sorted(out.iterdir())
    assert len(written) == len(data["departments"])
    assert len({p.name.casefold() for p in written}) == len(written)
    for path in written:
        assert path.parent == out and path.is_file() and not path.is_symlink()
        assert len(path.name.encode("utf-8")) <= 255
        assert not re.search(r'[\\/:*?"<>|\x00-\x1f\u202e]', path.name)
    assert not (tmp_path / "x.docx").exists() and not any(tmp_path.parent.glob("x*.docx"))


def test_existing_output_is_not_overwritten_without_force(tmp_path: Path, capfd) -> None:
    out = tmp_path / "out"
    argv = ["generate", str(SAMPLE), "-o", str(out), "--kind", "report"]
    assert main(argv) == 0
    (document,) = out.iterdir()
    document.write_bytes(b"edited by hand")
    before = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    assert main(argv) == 2
    assert "--force" in capfd.readouterr().err
    assert document.read_bytes() == b"edited by hand"
    assert main([*argv, "--force"]) == 0
    assert document.read_bytes().startswith(b"PK")
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == before  # the input is untouched
    assert [p.name for p in out.iterdir()] == [document.name]  # no temporary file left


def test_generated_files_get_the_usual_mode(tmp_path: Path) -> None:
    import os

    main(["generate", str(SAMPLE), "-o", str(tmp_path), "--kind", "report"])
    (document,) = tmp_path.iterdir()
    mask = os.umask(0o022)
    os.umask(mask)
    assert document.stat().st_mode & 0o777 == 0o666 & ~mask
