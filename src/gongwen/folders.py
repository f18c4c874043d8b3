"""Which files of the files and folders named are submissions: walked in a stable order,
without lock files, hidden files, the roster and register, or the marked-up copies' folder."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["files_with_suffix", "submissions", "walk"]

# Files a folder walk passes over: editors' lock files and hidden files are not submissions.
_SKIPPED_PREFIXES = (".", "~$")


def files_with_suffix(paths: Iterable[str | Path], suffix: str) -> list[Path]:
    """The files named, and those ending in `suffix` under the folders named, sorted per folder."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in walk([path]) if p.suffix.lower() == suffix)
        else:
            found.append(path)
    return found


def submissions(paths: Iterable[str | Path], tables: Iterable[Path] = ()) -> list[Path]:
    """The files under `paths` to check: all but the roster and register kept among them, and
    none found below a folder among `tables` (the marked-up copies') unless named itself."""
    paths = list(paths)
    skipped = {_same_file_key(Path(t)) for t in tables}
    below = tuple(key + os.sep for key in skipped if os.path.isdir(key))
    named = {_same_file_key(Path(p)) for p in paths if not Path(p).is_dir()}
    found = ((p, _same_file_key(p)) for p in walk(paths))
    return [p for p, k in found if k not in skipped and (k in named or not k.startswith(below))]


def _same_file_key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def walk(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under `paths`, sorted, without following symbolic links into loops."""
    for root in paths:
        root = Path(root)
        if not root.is_dir():
            yield root
            continue
        found: list[Path] = []
        for folder, dirs, files in os.walk(root, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith(_SKIPPED_PREFIXES))
            found.extend(Path(folder, f) for f in files if not f.startswith(_SKIPPED_PREFIXES))
        yield from sorted(found)
