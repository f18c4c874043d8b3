"""A case from a workbook: imported, loaded to generate from, or asked what is left to decide.

Each refuses or reports exactly what the JSON case file would, the places said in workbook
terms: a problem found while reading the sheets and one the case's own validation finds
are listed together, and nothing is written while any is left.
"""

from __future__ import annotations

from pathlib import Path

from gongwen.case import Case, CaseError, load_case, read_case
from gongwen.i18n import DEFAULT_LANG
from gongwen.workbook.parse import parse
from gongwen.workbook.read import Parsed
from gongwen.workbook.where import WorkbookError


def _read(path: Path, lang: str) -> tuple[Case, Parsed]:
    parsed = parse(path, lang)
    problems = list(parsed.problems)
    try:
        case = read_case(parsed.data, lang)
    except CaseError as exc:
        # an error at a cell that could not be read follows from it: not said twice
        found = parsed.places.translated(exc, lang).errors
        raise WorkbookError(problems + [e for e in found if e[0] not in parsed.bad]) from None
    if problems:
        raise WorkbookError(problems)
    return case, parsed


def import_workbook(path: str | Path, lang: str = DEFAULT_LANG) -> Case:
    """The case the workbook at `path` holds; WorkbookError naming every problem by place.

    Besides what the schema refuses, a case that is not a draft is held to the dates its
    documents state (CS301–CS308), as `load_case` holds it: a draft is still being filled in.
    """
    from gongwen.case.consistency import problems

    case, parsed = _read(Path(path), lang)
    if case.draft is None:
        found = problems(case)
        if found:
            raise WorkbookError(
                [(parsed.places.said(p.path, lang), p.message(lang)) for p in found]
            )
    return case


def load_workbook_case(
    path: str | Path, lang: str = DEFAULT_LANG, *, allow_draft: bool = False
) -> Case:
    """The case in the workbook at `path`, ready to generate from, as `load_case` gives it:
    a draft or a place still to decide refused, seal and last-year paths taken relative to
    the workbook's folder."""
    from gongwen.case.load import resolve_paths

    path = Path(path)
    _, parsed = _read(path, lang)
    try:
        case = load_case(parsed.data, lang, allow_draft=allow_draft)
    except CaseError as exc:
        raise parsed.places.translated(exc, lang) from None
    case = resolve_paths(case, path.parent)
    missing = missing_files(case, lang)
    if missing:
        raise WorkbookError([(parsed.places.said(p, lang), text) for p, text in missing])
    return case


def missing_files(case: Case, lang: str = DEFAULT_LANG) -> list[tuple[str, str]]:
    """(JSON path, message) for each seal image the case names that is not a file."""
    from gongwen.case.errors import message

    documents = [
        ("report", case.report),
        ("circular", case.circular),
        ("feedback", case.feedback),
        *((f"interviews[{i}].document", x.document) for i, x in enumerate(case.interviews)),
        *((f"supervisions[{i}].document", x.document) for i, x in enumerate(case.supervisions)),
    ]
    return [
        (f"{path}.seal_image", f"{message('no_such_file', None, lang)}: {d.seal_image}")
        for path, d in documents
        if d.seal_image is not None and not Path(d.seal_image).is_file()
    ]


def undecided_in(path: str | Path, lang: str = DEFAULT_LANG) -> list[tuple[str, str]]:
    """(place, message) for each place of the workbook's case still to decide."""
    from gongwen.case.complete import undecided

    case, parsed = _read(Path(path), lang)
    return [(parsed.places.said(p, lang), text) for p, text in undecided(case, lang)]
