"""`gongwen pdf`: convert .docx files to PDF through LibreOffice, one process per core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from gongwen.i18n import N_, t


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The arguments of `gongwen pdf`."""
    from gongwen.limits import DEFAULT_LIMITS

    p = sub.add_parser(
        "pdf",
        help="用 LibreOffice 把 .docx 转成 PDF（一次转换全部文件）",
        description="把 .docx 文件（或文件夹中的全部 .docx）转成 PDF，并说明哪些公文字体用了"
        "免费替代字体。退出码：0 全部成功；1 有文件未转成；2 参数不可用或未安装 LibreOffice。",
    )
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help=".docx files or folders")
    p.add_argument("-o", "--outdir", help="folder for the PDFs (default: beside each .docx)")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_LIMITS.conversion_seconds,
        help="seconds for the whole run (default %(default)g)",
    )
    p.add_argument("--verify", action="store_true", help="measure each PDF made (GB7xx)")
    add_jobs(p)
    return p


def add_jobs(p: argparse.ArgumentParser) -> None:
    """The --jobs option of the commands that run LibreOffice."""
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="LibreOffice processes at once (default: one per core)",
    )


def _docx(paths: list[str]) -> list[Path]:
    """The files named, and the .docx files under the folders named."""
    from gongwen.batch import files_with_suffix

    return files_with_suffix(paths, ".docx")


def run(args: argparse.Namespace) -> int:
    """Convert, report PDFs, failures and substituted faces; return 0, 1 or 2."""
    from gongwen.export import SofficeMissing, to_pdf

    lang = args.lang
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(
            t(N_("gongwen: no such file or folder: {path}"), lang, path=missing[0]), file=sys.stderr
        )
        return 2
    sources = _docx(args.paths)
    if not sources:
        print(
            t(N_("gongwen: no .docx found in {path}"), lang, path=", ".join(args.paths)),
            file=sys.stderr,
        )
        return 2
    groups: dict[Path, list[Path]] = {}
    for source in sources:
        outdir = Path(args.outdir) if args.outdir else source.parent
        groups.setdefault(outdir, []).append(source)
    results = []
    try:
        for outdir, files in groups.items():
            results.append(to_pdf(files, outdir, timeout=args.timeout, jobs=args.jobs))
    except SofficeMissing as error:
        print(t(N_("gongwen: {message}"), lang, message=error.message(lang)), file=sys.stderr)
        return 2
    for result in results:
        for pdf in result.pdfs:
            print(t(N_("PDF: {path}"), lang, path=str(pdf)))
        for failure in result.failures:
            print(failure.message(lang), file=sys.stderr)
        print(describe_substitutions(result, lang))
    failed = any(r.failures for r in results)
    if args.verify:
        failed = verify_and_print([p for r in results for p in r.pdfs], lang) or failed
    return 1 if failed else 0


def describe_substitutions(result: object, lang: str) -> str:
    """One line per substituted face, or a line saying the official faces were used."""
    from gongwen.export import ExportResult

    assert isinstance(result, ExportResult)
    if result.fonts_conf is None:
        return t(
            N_("the font aliases (fonts/fonts.conf) were not found: the system's fonts were used"),
            lang,
        )
    if not result.substitutions:
        return t(N_("no official face was substituted"), lang)
    lines = [t(N_("a preview: official faces were rendered with free stand-ins:"), lang)]
    lines += [
        t(
            N_("  {official} → {used} ({count} files)"),
            lang,
            official=s.official,
            used=s.used,
            count=len(s.files),
        )
        for s in result.substitutions
    ]
    return "\n".join(lines)


def verify_and_print(pdfs: Iterable[Path], lang: str) -> bool:
    """Measure each PDF and print its findings; whether any is an error."""
    from gongwen.findings import Severity
    from gongwen.verify import verify_pdf

    bad = False
    for pdf in pdfs:
        for finding in verify_pdf(pdf, lang=lang):
            where = finding.location.describe()
            print(
                f"{finding.file} {where} {finding.code} {finding.severity.value} {finding.message}"
            )
            bad = bad or finding.severity == Severity.ERROR
    return bad
