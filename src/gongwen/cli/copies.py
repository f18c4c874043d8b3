"""Marked-up copies written by `gongwen check --annotate` and `gongwen annotate`: where each
goes, who signs its comments, and the line said for each file.

A copy never lands on a submitted file nor on another copy: where two would share a name
(a.doc and a.docx in one folder, a.docx in two folders named on the command line), the later
is named after its source's format, or numbered, and the run says so. Files already in the
output folder are replaced only with --force, as `check -o` does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.i18n import N_, t

if TYPE_CHECKING:
    from gongwen.batch import Options, Summary
    from gongwen.findings import FileResult


def stamp_arguments(p: argparse.ArgumentParser) -> None:
    """Who signs the comments and which date they carry."""
    from gongwen.markup import DEFAULT_AUTHOR, DEFAULT_INITIALS

    p.add_argument("--author", default=DEFAULT_AUTHOR, help="comment author (%(default)s)")
    p.add_argument("--initials", default=DEFAULT_INITIALS, help="author's initials")
    p.add_argument(
        "--note-date",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="date of the comments (default: today; the same date gives the same bytes)",
    )


def outdir_problem(args: argparse.Namespace) -> str | None:
    """Why the copies' folder cannot be used (it is a folder of submissions), or None."""
    outdir = _key(Path(args.annotate))
    if any(Path(root).is_dir() and _key(Path(root)) == outdir for root in args.paths):
        return t(N_("the output folder {folder} is a folder of submissions: choose another"),
                 args.lang, folder=args.annotate)  # fmt: skip
    return None


def write_copies(
    args: argparse.Namespace,
    options: Options,
    files: Sequence[Path],
    results: Callable[[], Iterator[FileResult]],
    summary: Summary,
) -> bool:
    """A marked-up copy of each checked file in `args.annotate` (`results` is read twice: to
    name the copies, then to write them); False when one could not be written or existing
    files are in the way (an unreadable file is listed, not a failure)."""
    from gongwen.findings import FileStatus

    lang = args.lang
    out = sys.stdout if args.format is None else sys.stderr
    checked: list[tuple[Path, FileResult]] = []
    for path, result in zip(files, results(), strict=True):
        if result.status == FileStatus.CHECKED:  # its findings are read on the second pass
            checked.append((path, result.model_copy(update={"findings": []})))
            continue
        for finding in result.findings:
            print(t(N_("no copy: {file}: {code} {message}"), lang, file=result.file,
                    code=finding.code, message=finding.message), file=out)  # fmt: skip
    named = {p: _name(p, r) for p, r in checked}
    targets = copy_targets(
        named, args.paths, Path(args.annotate), [*files, *options.tables, *map(Path, args.paths)]
    )
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not args.force:
        print(t(N_("these files exist already (use --force): {files}"), lang,
                files=", ".join(existing)), file=sys.stderr)  # fmt: skip
        return False
    for path, target in targets.items():
        if target.name != named[path]:
            print(t(N_("{file}: its copy is named {copy}, as {name} is taken"), lang,
                    file=path, copy=target.name, name=named[path]), file=out)  # fmt: skip
    ok = True
    for path, result in zip(files, results(), strict=True):
        if path in targets:
            ok = _write_one(args, options, summary, path, result, targets[path]) and ok
    return ok


def _write_one(
    args: argparse.Namespace,
    options: Options,
    summary: Summary,
    path: Path,
    result: FileResult,
    target: Path,
) -> bool:
    """Write the copy of `path` to `target` and say so; False (and the reason) on failure."""
    from gongwen.errors import GongwenError
    from gongwen.markup import annotate
    from gongwen.writing import write_bytes

    lang = args.lang
    conversion = options.legacy.get(str(path))
    try:
        data = annotate(
            path,
            result,
            rule_set=summary.rule_set,
            author=args.author,
            initials=args.initials,
            when=args.note_date,
            lang=lang,
            source=conversion.docx if conversion is not None else None,
        )
        write_bytes(target, data)
    except (GongwenError, OSError) as error:
        reason = error.message(lang) if isinstance(error, GongwenError) else str(error)
        print(t(N_("gongwen: {message}"), lang, message=f"{target}: {reason}"), file=sys.stderr)
        return False
    count = len(result.findings)
    out = sys.stdout if args.format is None else sys.stderr
    print(t(N_("marked up: {file} ({count} findings)"), lang, file=target, count=count),
          file=out)  # fmt: skip
    return True


def copy_targets(
    names: dict[Path, str], roots: Sequence[str], outdir: Path, inputs: Iterable[Path]
) -> dict[Path, Path]:
    """Where the copy of each file goes: its name in `names`, below `outdir` as the file is
    below the folder named in `roots`; never onto one of `inputs` nor onto another copy."""
    taken = {_key(p) for p in inputs}
    # the copies that keep their file's own name choose first: a.docx's copy is a.docx
    order = sorted(names, key=lambda p: names[p] != p.name)
    targets: dict[Path, Path] = {}
    for path in order:
        wanted = outdir / _relative(path, roots).with_name(names[path])
        target = next(c for c in _candidates(wanted, path) if _key(c) not in taken)
        taken.add(_key(target))
        targets[path] = target
    return {p: targets[p] for p in names}


def _candidates(wanted: Path, source: Path) -> Iterator[Path]:
    """`wanted`, then named after the source's format (a（doc）.docx), then numbered."""
    yield wanted
    kind = source.suffix.lstrip(".").lower()
    if kind and f".{kind}" != wanted.suffix.lower():
        yield wanted.with_name(f"{wanted.stem}（{kind}）{wanted.suffix}")
    number = 2
    while True:
        yield wanted.with_name(f"{wanted.stem}（{number}）{wanted.suffix}")
        number += 1


def _name(path: Path, result: FileResult) -> str:
    from gongwen.markup import copy_name

    return copy_name(path, result)


def _key(path: Path) -> str:
    """One spelling per file, as a case-insensitive file system may take two names for it."""
    return unicodedata.normalize("NFC", os.path.normcase(os.path.realpath(path))).casefold()


def _relative(path: Path, roots: Sequence[str]) -> Path:
    """`path` below the folder it was found in, or its name when it was named itself."""
    for root in map(Path, roots):
        if root.is_dir() and path.is_relative_to(root):
            return path.relative_to(root)
    return Path(path.name)
