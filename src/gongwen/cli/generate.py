"""`gongwen generate`: turn a case file into the GB/T 9704 documents of the review round."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from gongwen.cli import print_case_error
from gongwen.i18n import N_, t
from gongwen.render.kinds import KINDS

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from gongwen.case import Case


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The arguments of `gongwen generate`."""
    p = sub.add_parser(
        "generate",
        help="由案卷文件（JSON 或评阅工作簿 .xlsx）生成公文（.docx）",
        description="按 GB/T 9704-2012 生成评阅报告、情况通报、约谈通知、专题监督决定和"
        "评阅意见反馈函。退出码：0 成功；1 公文已生成但 PDF 未生成或测量有错误；"
        "2 案卷文件不可用或输出文件已存在。",
    )
    p.add_argument("case", metavar="CASE.json", help="the case file, or its workbook (.xlsx)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    p.add_argument(
        "--kind",
        action="append",
        choices=list(KINDS),
        help="only this kind of document (repeatable); every kind by default",
    )
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument(
        "--pdf",
        action="store_true",
        help="also convert them to PDF (LibreOffice) and fit the pages: the 署名 on a page "
        "with text, the 版记 on the back page",
    )
    p.add_argument("--verify", action="store_true", help="with --pdf: measure each PDF (GB7xx)")
    from gongwen.cli.pdf import add_jobs

    add_jobs(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Load the case, render every document, write them; 0 on success, 2 if unusable."""
    from gongwen.case import CaseError, load_case
    from gongwen.render import write_all
    from gongwen.workbook import SUFFIX, load_workbook_case
    from gongwen.workbook.load import missing_files

    lang = args.lang
    load = load_workbook_case if args.case.lower().endswith(SUFFIX) else load_case
    try:
        case = load(args.case, lang=lang)
        missing = missing_files(case, lang)  # a seal image named but not there: said, not raised
        if missing:
            raise CaseError(missing)
    except CaseError as exc:
        print_case_error(exc, lang, args.case)
        return 2
    try:
        if args.pdf:
            return _fitted(case, args)
        written = write_all(case, args.output, args.kind, force=args.force)
    except FileExistsError as exc:
        print(
            t(N_("these files exist already (use --force): {files}"), lang, files=exc),
            file=sys.stderr,
        )
        return 2
    except ValueError as exc:
        print(t(N_("cannot generate: {error}"), lang, error=exc), file=sys.stderr)
        return 2
    _written(written, args)
    return 0


def _written(written: Sequence[Path], args: argparse.Namespace) -> None:
    for path in written:
        print(path)
    print(
        t(N_("{n} document(s) written to {folder}"), args.lang, n=len(written), folder=args.output)
    )


def _fitted(case: Case, args: argparse.Namespace) -> int:
    """Write, convert and fit the pages; without LibreOffice, the .docx alone, exit 1."""
    from gongwen.cli.pdf import describe_substitutions, verify_and_print
    from gongwen.export import SofficeMissing
    from gongwen.fit import generate
    from gongwen.render import write_all

    lang = args.lang
    try:
        fitted = generate(case, args.output, args.kind, force=args.force, jobs=args.jobs)
    except SofficeMissing as error:
        _written(write_all(case, args.output, args.kind, force=args.force), args)
        print(t(N_("gongwen: {message}"), lang, message=error.message(lang)), file=sys.stderr)
        return 1
    _written(list(fitted.docx), args)
    result = fitted.export
    for pdf in result.pdfs:
        print(t(N_("PDF: {path}"), lang, path=str(pdf)))
    for failure in result.failures:
        print(failure.message(lang), file=sys.stderr)
    print(describe_substitutions(result, lang))
    bad = bool(result.failures)
    if args.verify:
        bad = verify_and_print(result.pdfs, lang) or bad
    return 1 if bad else 0
