"""Loading a case file: JSON text or a path in, a valid `Case` or a `CaseError` out."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gongwen.case.errors import ROOT, CaseError, from_pydantic, message
from gongwen.case.model import Case, DocumentSettings
from gongwen.i18n import DEFAULT_LANG


def load_case(source: str | Path | Mapping[str, Any], lang: str = DEFAULT_LANG) -> Case:
    """The case in `source` (a path, JSON text or a parsed mapping); CaseError if unusable.

    A relative seal image path is taken relative to the case file's folder.
    """
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
    return _resolve_seals(case, base) if base is not None else case


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


def _resolve_seals(case: Case, base: Path) -> Case:
    return case.model_copy(
        update={
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
