"""`gongwen generate`: turn a case file into the GB/T 9704 documents of the review round."""

from __future__ import annotations

import argparse
import sys

from gongwen.cli import print_case_error
from gongwen.i18n import N_, t

KIND_NAMES = ("report", "circular", "interview", "decision", "feedback")


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """The arguments of `gongwen generate`."""
    p = sub.add_parser(
        "generate",
        help="由案卷文件（JSON）生成公文（.docx）",
        description="按 GB/T 9704-2012 生成评阅报告、情况通报、约谈通知、专题监督决定和"
        "评阅意见反馈函。退出码：0 成功；1 公文已生成但 PDF 未生成或测量有错误；"
        "2 案卷文件不可用或输出文件已存在。",
    )
    p.add_argument("case", metavar="CASE.json", help="the case file")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    p.add_argument(
        "--kind",
        action="append",
        choices=KIND_NAMES,
        help="only this kind of document (repeatable); every kind by default",
    )
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument(
        "--pdf", action="store_true", help="also convert them to PDF (LibreOffice, one process)"
    )
    p.add_argument("--verify", action="store_true", help="with --pdf: measure each PDF (GB7xx)")
    return p


def run(args: argparse.Namespace) -> int:
    """Load the case, render every document, write them; 0 on success, 2 if unusable."""
    from gongwen.case import CaseError, load_case
    from gongwen.render import write_all

    lang = args.lang
    try:
        case = load_case(args.case, lang=lang)
    except CaseError as exc:
        print_case_error(exc, lang, args.case)
        return 2
    try:
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
    for path in written:
        print(path)
    print(t(N_("{n} document(s) written to {folder}"), lang, n=len(written), folder=args.output))
    return _pdf(written, args) if args.pdf else 0


def _pdf(written: list, args: argparse.Namespace) -> int:
    """Convert what was written; the .docx files stay whatever happens here."""
    from gongwen.cli.pdf import describe_substitutions, verify_and_print
    from gongwen.export import SofficeMissing, to_pdf

    lang = args.lang
    try:
        result = to_pdf(written, args.output)
    except SofficeMissing as error:
        print(t(N_("gongwen: {message}"), lang, message=error.message(lang)), file=sys.stderr)
        return 1
    for pdf in result.pdfs:
        print(t(N_("PDF: {path}"), lang, path=str(pdf)))
    for failure in result.failures:
        print(failure.message(lang), file=sys.stderr)
    print(describe_substitutions(result, lang))
    bad = bool(result.failures)
    if args.verify:
        bad = verify_and_print(result.pdfs, lang) or bad
    return 1 if bad else 0
