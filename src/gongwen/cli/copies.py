"""Marked-up copies written by `gongwen check --annotate` and `gongwen annotate`: where each
goes, who signs its comments, and the line said for each file."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
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


def write_copies(
    args: argparse.Namespace,
    options: Options,
    files: Sequence[Path],
    results: Iterable[FileResult],
    summary: Summary,
) -> bool:
    """A marked-up copy of each checked file in `args.annotate`; False when one could not be
    written (an unreadable file is listed, not a failure)."""
    from gongwen.errors import GongwenError
    from gongwen.findings import FileStatus
    from gongwen.markup import annotate, copy_name
    from gongwen.writing import write_bytes

    lang = args.lang
    out = sys.stdout if args.format is None else sys.stderr
    outdir = Path(args.annotate)
    ok = True
    for path, result in zip(files, results, strict=True):
        if result.status != FileStatus.CHECKED:
            for finding in result.findings:
                print(t(N_("no copy: {file}: {code} {message}"), lang, file=result.file,
                        code=finding.code, message=finding.message), file=out)  # fmt: skip
            continue
        target = outdir / _relative(path, args.paths).with_name(copy_name(path, result))
        conversion = options.legacy.get(str(path))
        try:
            if target.exists() and target.resolve() == path.resolve():
                raise OSError(t(N_("the copy would replace the submitted file"), lang))
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
            ok = False
            continue
        count = len(result.findings)
        print(t(N_("marked up: {file} ({count} findings)"), lang, file=target, count=count),
              file=out)  # fmt: skip
    return ok


def _relative(path: Path, roots: Sequence[str]) -> Path:
    """`path` below the folder it was found in, or its name when it was named itself."""
    for root in map(Path, roots):
        if root.is_dir() and path.is_relative_to(root):
            return path.relative_to(root)
    return Path(path.name)
