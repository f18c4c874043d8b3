"""An installed wheel finds rules/, templates/ and samples/ without the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("gongwen-*.whl")
    return found


def test_the_wheel_carries_the_data_folders(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("rules", "templates", "samples", "fonts"):
        assert any(n.startswith(f"gongwen/_data/{folder}/") for n in names), folder
    assert "gongwen/_data/rules/annual-report.yaml" in names
    assert "gongwen/py.typed" in names
    assert any(n.startswith("gongwen/locale/zh_CN/LC_MESSAGES/") for n in names)


def test_an_installed_wheel_finds_its_data_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = (
        "import gongwen, gongwen.resources as r\n"
        "print(gongwen.__file__)\n"
        "print(r.data_dir('rules'))\n"
        "print(sorted(p.name for p in r.data_dir('rules').glob('*.yaml')))\n"
        "print(r.data_dir('templates').is_dir(), r.data_dir('samples').is_dir(),"
        " (r.data_dir('fonts') / 'fonts.conf').is_file())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    module, rules, yamls, flags = done.stdout.splitlines()
    assert module.startswith(str(target))
    assert rules.startswith(str(target)) and rules.endswith("_data/rules")
    assert "annual-report.yaml" in yamls and "gbt9704.yaml" in yamls
    assert flags == "True True True"
    listed = subprocess.run(
        [sys.executable, "-m", "gongwen", "rules"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert listed.returncode == 0, listed.stderr
    assert "GB308" in listed.stdout
