"""`gongwen case`: draft a case file from check results, say what is left to decide, and
upgrade a case file of an older schema."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.cli import print_case_error
from gongwen.i18n import LANGS, N_, t

if TYPE_CHECKING:
    from gongwen.case import Case


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The arguments of `gongwen case draft|status`."""
    p = sub.add_parser(
        "case",
        help="由检查结果起草案卷文件（JSON），查看案卷还有哪些待定事项",
        description="draft 由 gongwen check --format json 的结果起草案卷：名单中的每个单位、"
        "收文日期和检查发现的问题（待定）；等次、评阅会议问题、约谈和专题监督留待填写。"
        "status 列出案卷中尚待决定的事项。"
        "upgrade 把旧版案卷转换为当前版本，并列出转换时所作的假定。"
        "export 把案卷写成评阅工作簿（Excel，每部分一张工作表）；import 把填好的工作簿读回案卷，"
        "逐一指出有问题的工作表、行和列，有问题时不写出任何文件。"
        "退出码：0 成功（status：没有待定事项）；"
        "1 status：还有待定事项；2 文件不可用、工作簿有问题或输出文件已存在。",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    draft = actions.add_parser("draft", help="检查结果 → 案卷草稿")
    draft.add_argument("results", metavar="RESULTS.json", help="gongwen check --format json")
    draft.add_argument("--roster", required=True, help="roster of officials (CSV or XLSX)")
    draft.add_argument("--base", metavar="CASE.json", help="take issuer, team and settings here")
    draft.add_argument(
        "--last-year", metavar="CASE.json", help="last year's case: its open issues carry over"
    )
    draft.add_argument("-o", "--output", required=True, metavar="CASE.json")
    draft.add_argument("--force", action="store_true", help="overwrite an existing case file")
    status = actions.add_parser("status", help="列出案卷中尚待决定的事项")
    status.add_argument("case", metavar="CASE.json", help="a case file, or its workbook (.xlsx)")
    upgrade = actions.add_parser("upgrade", help="旧版案卷 → 当前版本，并列出所作的假定")
    upgrade.add_argument("case", metavar="OLD.json")
    upgrade.add_argument("-o", "--output", required=True, metavar="NEW.json")
    upgrade.add_argument("--force", action="store_true", help="overwrite an existing case file")
    export = actions.add_parser("export", help="案卷 → 评阅工作簿（.xlsx）")
    export.add_argument("case", metavar="CASE.json")
    export.add_argument("-o", "--output", required=True, metavar="WORKBOOK.xlsx")
    export.add_argument("--force", action="store_true", help="overwrite an existing workbook")
    imp = actions.add_parser("import", help="评阅工作簿（.xlsx）→ 案卷")
    imp.add_argument("workbook", metavar="WORKBOOK.xlsx")
    imp.add_argument("-o", "--output", required=True, metavar="CASE.json")
    imp.add_argument("--force", action="store_true", help="overwrite an existing case file")
    for action in (draft, status, upgrade, export, imp):
        action.add_argument(
            "--lang", choices=sorted(LANGS), default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
    return p


def run(args: argparse.Namespace) -> int:
    """Draft a case or list what is undecided; 0 ok, 1 undecided places, 2 unusable input."""
    from gongwen.case import CaseError
    from gongwen.errors import GongwenError

    lang = args.lang
    try:
        actions = {
            "draft": _draft,
            "status": _status,
            "upgrade": _upgrade,
            "export": _export,
            "import": _import,
        }
        return actions[args.action](args)
    except CaseError as exc:
        print_case_error(exc, lang)
    except GongwenError as error:
        print(t(N_("gongwen: {message}"), lang, message=error.message(lang)), file=sys.stderr)
    except FileExistsError as exc:
        print(
            t(N_("these files exist already (use --force): {files}"), lang, files=exc),
            file=sys.stderr,
        )
    return 2


def _draft(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from gongwen.case import read_case, write_case
    from gongwen.case.carry import past_round
    from gongwen.case.draft import draft_case
    from gongwen.findings import CheckReport
    from gongwen.roster import load_roster

    lang = args.lang
    out = Path(args.output)
    if out.exists() and not args.force:
        raise FileExistsError(str(out))
    try:
        report = CheckReport.model_validate_json(Path(args.results).read_bytes())
    except (OSError, ValidationError) as exc:
        message = exc.strerror if isinstance(exc, OSError) else str(exc).splitlines()[0]
        print(
            t(
                N_("{file}: not the JSON result of gongwen check: {error}"),
                lang,
                file=args.results,
                error=message,
            ),
            file=sys.stderr,
        )
        return 2
    roster = load_roster(args.roster)
    base = read_case(args.base, lang) if args.base else None
    past, ref = None, None
    if args.last_year:
        past = past_round(args.last_year, lang=lang)
        ref = _reference(Path(args.last_year).resolve(), out.resolve().parent)
    case = draft_case(
        report, roster, base, last_year=past, last_year_ref=ref, source=args.results, lang=lang
    )
    write_case(case, out, force=args.force)
    issues = sum(len(d.issues) for d in case.departments)
    print(
        t(
            N_("draft case with {d} department(s) and {n} issue(s) written to {path}"),
            lang,
            d=len(case.departments),
            n=issues,
            path=str(out),
        )
    )
    for note in case.draft.todo if case.draft else []:
        print(f"  - {note}")
    return 0


def _reference(target: Path, folder: Path) -> Path:
    """`target` relative to `folder` when they share more than the root (the pair of files moves
    together), else absolute."""
    if os.path.commonpath([target, folder]) == target.anchor:
        return target
    return Path(os.path.relpath(target, folder))


def _status(args: argparse.Namespace) -> int:
    from gongwen.case import read_case
    from gongwen.case.complete import undecided
    from gongwen.workbook import SUFFIX, undecided_in

    lang = args.lang
    if args.case.lower().endswith(SUFFIX):
        gaps = undecided_in(args.case, lang)
    else:
        gaps = undecided(read_case(args.case, lang), lang)
    for path, message in gaps:
        print(f"{path}: {message}")
    print(t(N_("{n} place(s) still to decide"), lang, n=len(gaps)))
    return 1 if gaps else 0


def _upgrade(args: argparse.Namespace) -> int:
    from gongwen.case import upgrade_case, write_case

    lang = args.lang
    out = Path(args.output)
    if out.exists() and not args.force:
        raise FileExistsError(str(out))
    case, notes = upgrade_case(args.case, lang)
    write_case(case, out, force=args.force)
    if not notes:
        print(
            t(N_("{path}: already of the current schema, written as it is"), lang, path=args.case)
        )
        return 0
    print(
        t(
            N_("{path} upgraded to schema {version}, assuming:"),
            lang,
            path=str(out),
            version=case.version,
        )
    )
    for note in notes:
        print(f"  - {note}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from gongwen.case import read_case
    from gongwen.workbook import write_workbook

    lang = args.lang
    case = _rebased(read_case(args.case, lang), Path(args.case).parent, Path(args.output).parent)
    path = write_workbook(case, args.output, lang, force=args.force)
    print(
        t(
            N_("workbook of {d} department(s) and {n} issue(s) written to {path}"),
            lang,
            d=len(case.departments),
            n=sum(len(d.issues) for d in case.departments),
            path=str(path),
        )
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    from gongwen.case import write_case
    from gongwen.workbook import import_workbook

    lang = args.lang
    out = Path(args.output)
    if out.exists() and not args.force:
        raise FileExistsError(str(out))
    case = _rebased(import_workbook(args.workbook, lang), Path(args.workbook).parent, out.parent)
    write_case(case, out, force=args.force)
    print(
        t(
            N_("case read from {workbook} and written to {path}"),
            lang,
            workbook=args.workbook,
            path=str(out),
        )
    )
    return 0


def _rebased(case: Case, source: Path, target: Path) -> Case:
    """`case`, read from a file in `source`, with its relative paths (seal images, last year's
    case) made relative to `target`, where it is written: they name the same files."""
    from gongwen.case.load import resolve_paths

    return resolve_paths(case, _reference(source.resolve(), target.resolve()))
