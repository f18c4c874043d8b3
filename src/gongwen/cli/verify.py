"""`gongwen verify`: measure rendered PDFs against GB/T 9704 (rule codes GB7xx)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongwen.i18n import N_, t


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The arguments of `gongwen verify`."""
    p = sub.add_parser(
        "verify",
        help="量取 PDF 版面，核对 GB/T 9704（GB7xx）",
        description="在 PDF 上按毫米量取版面（发文机关标志、红色分隔线、页码、版记等），"
        "与 GB/T 9704-2012 的数值核对。退出码：0 无错误；1 有错误；2 文件或规则不可用。",
    )
    p.add_argument("paths", nargs="+", metavar="PDF", help="PDF files or folders of PDFs")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument(
        "--rules", default="gbt9704-pdf", help="a rule set (name or YAML file) of GB7xx rules"
    )
    p.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODE",
        help="only these rules (code or prefix, repeatable)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="leave out these rules (code or prefix, repeatable)",
    )
    p.add_argument("-o", "--output", help="write the result to this file instead of stdout")
    return p


def ink_note(lang: str) -> str:
    """The one note of a run whose ink measurements were skipped."""
    return t(
        N_(
            "gongwen: pdftoppm (poppler-utils) is not installed: the layout measurements "
            "that read the ink of characters (GB705, GB706, GB708, GB709, GB716…) were "
            "skipped"
        ),
        lang,
    )


def _pdfs(paths: list[str]) -> list[Path]:
    """The files named, and the .pdf files under the folders named."""
    from gongwen.batch import files_with_suffix

    return files_with_suffix(paths, ".pdf")


def run(args: argparse.Namespace) -> int:
    """Measure each PDF, print the findings in the checker's formats, return 0, 1 or 2."""
    from gongwen.checks import load_rule_set
    from gongwen.checks.measure import ink_available
    from gongwen.errors import GongwenError
    from gongwen.findings import Category, CheckReport, FileResult, FileStatus, Severity
    from gongwen.report import FORMATS
    from gongwen.verify import verify_pdf
    from gongwen.writing import write_text

    lang = args.lang
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(
            t(N_("gongwen: no such file or folder: {path}"), lang, path=missing[0]), file=sys.stderr
        )
        return 2
    try:
        load_rule_set(args.rules)  # a bad rule file stops the run here, by file and key
    except GongwenError as error:
        print(t(N_("gongwen: {message}"), lang, message=error.message(lang)), file=sys.stderr)
        return 2
    if not ink_available():
        print(ink_note(lang), file=sys.stderr)
    files = []
    for pdf in _pdfs(args.paths):
        findings = verify_pdf(
            pdf, lang=lang, rules=args.rules, select=args.select, ignore=args.ignore
        )
        unreadable = any(f.category == Category.INPUT for f in findings)
        files.append(
            FileResult(
                file=str(pdf),
                format="pdf",
                findings=findings,
                status=FileStatus.UNREADABLE if unreadable else FileStatus.CHECKED,
            )
        )
    if not files:
        print(
            t(N_("gongwen: no PDF found in {path}"), lang, path=", ".join(args.paths)),
            file=sys.stderr,
        )
        return 2
    report = CheckReport(rule_set="gbt9704-pdf", files=files)
    text = FORMATS[args.format](report, lang)
    if args.output:
        write_text(Path(args.output), text)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if any(r.status != FileStatus.CHECKED for r in files):
        return 2
    return 1 if any(f.severity == Severity.ERROR for r in files for f in r.findings) else 0
