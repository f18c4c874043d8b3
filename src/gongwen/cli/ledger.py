"""`gongwen ledger`: the issue ledger (问题清单台账) as an Excel workbook, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongwen.cli import print_case_error
from gongwen.i18n import LANGS, N_, t


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The arguments of `gongwen ledger export|import`."""
    p = sub.add_parser(
        "ledger",
        help="问题清单台账：导出为 Excel，导回整改状态和日期",
        description="export 把案卷中的问题清单写成 Excel 台账；import 把台账中填写的整改状态和"
        "整改完成日期写回案卷，其余内容不变。退出码：0 成功；1 有的行未能导入（其余已导入）；"
        "2 文件不可用。",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="案卷 → 台账（.xlsx）")
    export.add_argument("case", metavar="CASE.json", help="the case file")
    export.add_argument("-o", "--output", required=True, metavar="LEDGER.xlsx")
    export.add_argument("--force", action="store_true", help="overwrite an existing workbook")
    imp = actions.add_parser("import", help="台账（.xlsx）→ 案卷：整改状态和整改完成日期")
    imp.add_argument("ledger", metavar="LEDGER.xlsx", help="the edited workbook")
    imp.add_argument("case", metavar="CASE.json", help="the case file it was exported from")
    imp.add_argument(
        "-o", "--output", metavar="OUT.json", help="write the case here (default: update CASE.json)"
    )
    imp.add_argument("--force", action="store_true", help="overwrite an existing OUT.json")
    for action in (export, imp):
        action.add_argument(
            "--lang", choices=sorted(LANGS), default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
    return p


def run(args: argparse.Namespace) -> int:
    """Export or import; 0 ok, 1 rows left out, 2 unusable input."""
    from gongwen.case import CaseError, read_case

    lang = args.lang
    try:
        case = read_case(args.case, lang=lang)
    except CaseError as exc:
        print_case_error(exc, lang, args.case)
        return 2
    return _export(case, args) if args.action == "export" else _import(case, args)


def _export(case, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from gongwen.ledger import write_ledger

    lang = args.lang
    try:
        path = write_ledger(case, args.output, lang, force=args.force)
    except FileExistsError:
        print(
            t(N_("these files exist already (use --force): {files}"), lang, files=args.output),
            file=sys.stderr,
        )
        return 2
    count = sum(len(d.issues) for d in case.departments)
    print(t(N_("ledger with {n} issue(s) written to {path}"), lang, n=count, path=str(path)))
    return 0


def _import(case, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from gongwen.case import dump_case
    from gongwen.ledger import LedgerError, import_ledger
    from gongwen.writing import write_text

    lang = args.lang
    try:
        result = import_ledger(args.ledger, case, lang)
    except LedgerError as error:
        print(t(N_("gongwen: {message}"), lang, message=error.message(lang)), file=sys.stderr)
        return 2
    for problem in result.problems:
        print(
            t(
                N_("{file}, row {row}: {message}; the row was not imported"),
                lang,
                file=args.ledger,
                row=problem.row,
                message=problem.message,
            ),
            file=sys.stderr,
        )
    target = Path(args.output or args.case)
    if args.output and target.exists() and not args.force:
        print(
            t(N_("these files exist already (use --force): {files}"), lang, files=target),
            file=sys.stderr,
        )
        return 2
    if result.updated or args.output:
        write_text(target, dump_case(result.case))
        done = N_("{n} issue(s) updated, {bad} row(s) not imported; case written to {path}")
    else:
        done = N_("nothing to update, {bad} row(s) not imported; {path} left as it was")
    print(t(done, lang, n=result.updated, bad=len(result.problems), path=str(target)))
    return 1 if result.problems else 0
