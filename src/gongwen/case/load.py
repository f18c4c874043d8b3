"""Loading a case file: JSON text or a path in, a valid `Case` or a `CaseError` out; writing one.

`read_case` gives the case as written (drafts too, paths as in the file), for tools that
change a case and write it back with `dump_case`; `load_case` gives a case ready to generate
from: paths resolved against the file's folder, and a draft refused with what is left to decide.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gongwen.case.errors import ROOT, CaseError, from_pydantic, message
from gongwen.case.model import Case, DocumentSettings
from gongwen.i18n import DEFAULT_LANG


def load_case(
    source: str | Path | Mapping[str, Any], lang: str = DEFAULT_LANG, *, allow_draft: bool = False
) -> Case:
    """The case in `source` (a path, JSON text or a parsed mapping); CaseError if unusable.

    Relative seal image and last-year paths are taken relative to the case file's folder.
    A draft, or a case with a place still to fill in, is refused unless `allow_draft`.
    """
    case, base = _parse(source, lang)
    if not allow_draft:
        from gongwen.case.draft import undecided

        gaps = undecided(case, lang)
        if gaps:
            raise CaseError(gaps)
    return _resolve_paths(case, base) if base is not None else case


def read_case(source: str | Path | Mapping[str, Any], lang: str = DEFAULT_LANG) -> Case:
    """The case in `source` exactly as written: drafts accepted, relative paths kept."""
    return _parse(source, lang)[0]


def dump_case(case: Case) -> str:
    """The case as JSON text: the fields it was given, in the model's order, UTF-8, 2 spaces."""
    data = case.model_dump(mode="json", exclude_unset=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_case(case: Case, path: str | Path, *, force: bool = False) -> Path:
    """Write the case to `path` atomically; FileExistsError if it exists and not `force`."""
    from gongwen.writing import write_text

    path = Path(path)
    if path.exists() and not force:
        raise FileExistsError(str(path))
    write_text(path, dump_case(case))
    return path


def _parse(source: str | Path | Mapping[str, Any], lang: str) -> tuple[Case, Path | None]:
    base: Path | None = None
    if isinstance(source, Mapping):
        data: Any = dict(source)
    else:
        text, base = _read(source, lang)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            ctx = {"error": exc.msg, "line": exc.lineno, "column": exc.colno}
            raise CaseError([(ROOT, message("json_invalid", ctx, lang))]) from None
    if not isinstance(data, dict):
        raise CaseError([(ROOT, message("not_an_object", None, lang))])
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        raise CaseError(from_pydantic(exc.errors(), lang)) from None
    return case, base


def _read(source: str | Path, lang: str) -> tuple[str, Path | None]:
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return source, None
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8-sig"), path.parent
    except (FileNotFoundError, IsADirectoryError):
        raise CaseError([(str(path), message("no_such_file", None, lang))]) from None


def _resolve(settings: DocumentSettings, base: Path) -> DocumentSettings:
    seal = settings.seal_image
    if seal is None or seal.is_absolute():
        return settings
    return settings.model_copy(update={"seal_image": base / seal})


def _resolve_paths(case: Case, base: Path) -> Case:
    update: dict[str, Any] = {}
    if isinstance(case.last_year, Path) and not case.last_year.is_absolute():
        update["last_year"] = base / case.last_year
    return case.model_copy(
        update={
            **update,
            "report": _resolve(case.report, base),
            "circular": _resolve(case.circular, base),
            "feedback": _resolve(case.feedback, base),
            "interviews": [
                i.model_copy(update={"document": _resolve(i.document, base)})
                for i in case.interviews
            ],
            "supervisions": [
                s.model_copy(update={"document": _resolve(s.document, base)})
                for s in case.supervisions
            ],
        }
    )
