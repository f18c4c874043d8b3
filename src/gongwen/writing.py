"""Writing outputs atomically: a temporary file beside the target, then a rename.

A reader never sees half a file, a crash leaves the old file or the new one (the data is
flushed to disk before the rename), and a symbolic link at the target is replaced, never
written through. The new file gets the mode a plain `open()` would give it, not the
owner-only mode of a temporary file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

if TYPE_CHECKING:
    from openpyxl import Workbook


def _umask() -> int:
    # There is no way to read the umask without setting it; this runs once, at import.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


@contextlib.contextmanager
def atomic_bytes(path: Path) -> Iterator[BinaryIO]:
    """A binary file that becomes `path` when the block ends without an exception, else vanishes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        existing = path.lstat()
        mode = stat.S_IMODE(existing.st_mode) if stat.S_ISREG(existing.st_mode) else _MODE
    except FileNotFoundError:
        mode = _MODE
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text file, written as is (no newline translation), that becomes `path` atomically."""
    with atomic_bytes(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            yield text
            text.flush()
        finally:
            # Hand the file back unclosed: atomic_bytes fsyncs, closes and renames it. After a
            # failure the flush inside detach may fail too; the temporary file goes anyway.
            with contextlib.suppress(Exception):
                text.detach()


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader never sees half a file."""
    with atomic_bytes(path) as fh:
        fh.write(data)


def write_new(path: Path, content: Callable[[], bytes], *, force: bool = False) -> Path:
    """Write what `content` makes to `path` atomically; FileExistsError, before anything is
    made, if `path` exists and not `force`."""
    if path.exists() and not force:
        raise FileExistsError(str(path))
    write_bytes(path, content())
    return path


def write_text(path: Path, text: str) -> None:
    """Write `text` as UTF-8 to `path`, atomically."""
    write_bytes(path, text.encode("utf-8"))


FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip member can carry


def reproducible_zip(
    members: Iterable[tuple[str, bytes]], date_time: tuple[int, ...] = FIXED_TIME
) -> bytes:
    """A zip package of `members` (name, bytes) in the order given, every member deflated,
    dated `date_time` and readable by all (0644), so the same content gives the same bytes.

    The one routine behind every package gongwen writes: documents, templates, workbooks,
    the samples and the benchmark corpus."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time[:6])  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            package.writestr(info, data)
    return out.getvalue()


def zip_members(data: bytes) -> list[tuple[str, bytes]]:
    """The members of the zip package `data`, in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(name, package.read(name)) for name in package.namelist()]


def xlsx_bytes(wb: Workbook, stamp: dt.datetime) -> bytes:
    """The workbook `wb` saved so that the same content gives the same bytes: created and
    modified at `stamp`, by gongwen, every zip entry dated `stamp`."""
    wb.properties.creator = "gongwen"
    wb.properties.created = stamp
    buffer = io.BytesIO()
    wb.save(buffer)
    modified = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    members = [
        (
            name,
            re.sub(
                rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                rb"\g<1>" + modified + rb"\g<2>",
                content,
            )
            if name == "docProps/core.xml"
            else content,
        )
        for name, content in zip_members(buffer.getvalue())
    ]
    return reproducible_zip(members, stamp.timetuple()[:6])
