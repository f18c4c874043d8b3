"""The `gongwen` command: a thin layer that parses arguments, calls the API and prints.

Each subcommand is one module here with `add_parser(subparsers)` and `run(args) -> int`.
Heavy libraries are imported inside `run`, so `gongwen --help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gongwen.i18n import DEFAULT_LANG, LANGS, N_, t

if TYPE_CHECKING:
    from gongwen.case import CaseError

# Subcommand name → module under gongwen.cli.
COMMANDS = ("check", "annotate", "rules", "schema", "generate", "pdf", "verify", "case", "ledger")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="gongwen",
        description="人大常委会公文工具：检查年度履职报告，按 GB/T 9704-2012 生成公文。",
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"gongwen.cli.{name}")
        p = module.add_parser(sub)
        p.add_argument(
            "--lang", choices=sorted(LANGS), default=DEFAULT_LANG, help="message language"
        )
        p.set_defaults(_run=module.run)
    return parser


class _Version(argparse.Action):
    """--version, looking the version up only when asked (importlib.metadata is slow to load)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.pop("nargs", None)
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def print_case_error(exc: CaseError, lang: str, file: str | None = None) -> None:
    """An unusable case file on stderr: a heading (naming `file` when known), then each
    JSON path with its message."""
    heading = (
        t(N_("{file}: the case file is not valid:"), lang, file=file)
        if file
        else t(N_("the case file is not valid:"), lang)
    )
    print(heading, file=sys.stderr)
    for path, message in exc.errors:
        print(f"  {path}: {message}", file=sys.stderr)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gongwen")
    except PackageNotFoundError:
        return "0+unknown"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args._run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
