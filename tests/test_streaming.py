"""Writing outputs atomically as a stream: all of the file at the target, or none of it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from gongwen.writing import atomic_text, write_bytes


def test_atomic_text_writes_exactly_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.csv"
    with atomic_text(target) as out:
        out.write("\ufeff一,二\r\n三\n")
        assert not target.exists()  # nothing at the target until the block ends
    assert target.read_bytes() == "\ufeff一,二\r\n三\n".encode()
    target.chmod(0o640)
    with atomic_text(target) as out:
        out.write("新")
    assert target.read_text(encoding="utf-8") == "新"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    with pytest.raises(RuntimeError), atomic_text(target) as out:
        out.write("半" * 100_000)
        raise RuntimeError
    assert target.read_text(encoding="utf-8") == "新"
    assert [p.name for p in target.parent.iterdir()] == ["out.csv"]


def test_a_link_at_the_target_is_replaced_not_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(elsewhere)
    write_bytes(link, b"{}")
    assert not link.is_symlink() and link.read_bytes() == b"{}"
    assert elsewhere.read_text(encoding="utf-8") == "keep"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(link.stat().st_mode) == 0o666 & ~mask
