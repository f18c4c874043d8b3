"""`gongwen annotate`: each submitted report back as a marked-up copy, a comment at each finding.

The check is `gongwen check`'s, with its options; the copies go to OUTDIR (a folder given is
mirrored below it), named as the submissions are (a legacy .doc/.rtf/.wps becomes .docx). A
file that could not be checked gets no copy and is listed with its finding, as `check` does.
"""

from __future__ import annotations

import argparse


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The arguments of `gongwen annotate`."""
    from gongwen.cli.check import check_arguments
    from gongwen.cli.copies import stamp_arguments

    p = sub.add_parser(
        "annotate",
        help="生成批注稿：每份报告一份副本，每个问题一条批注",
        description="检查报告并把每个问题作为批注写入报告副本，原文件不改动。"
        "退出码：0 无错误；1 有错误；2 参数、规则文件或输出文件夹不可用。",
    )
    check_arguments(p)
    p.add_argument("-o", "--outdir", required=True, help="folder for the marked-up copies")
    p.add_argument("--force", action="store_true", help="replace copies already in OUTDIR")
    stamp_arguments(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Check, write the copies, and return 0, 1 or 2."""
    from gongwen.cli.check import run as check

    args.format, args.output, args.also_json = None, None, None
    args.annotate = args.outdir
    return check(args)
