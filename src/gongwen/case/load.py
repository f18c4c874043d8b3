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

from gongwen.case.documents import DocumentSettings
from gongwen.case.errors import CONTROL, ROOT, CaseError, from_pydantic, json_path, message
from gongwen.case.model import Case
from gongwen.case.upgrade import needs_upgrade, upgrade
from gongwen.i18n import DEFAULT_LANG
from gongwen.limits import DEFAULT_LIMITS, MB, Limits

# A case file comes from other systems: what JSON allows but no case needs is refused with
# its path before the model sees it. Characters XML 1.0 cannot hold would break a document.
_MAX_INT = 10**9  # years, counts and 序号: nothing in a case comes near
_MAX_DIGITS = 15  # longer integers are not even converted (Python refuses past 4300 digits)


def load_case(
    source: str | Path | Mapping[str, Any],
    lang: str = DEFAULT_LANG,
    *,
    allow_draft: bool = False,
    limits: Limits | None = None,
) -> Case:
    """The case in `source` (a path, JSON text or a parsed mapping); CaseError if unusable.

    Relative seal image and last-year paths are taken relative to the case file's folder.
    A draft, or a case with a place still to fill in, is refused unless `allow_draft`.
    Every problem is listed by JSON path, whatever the input: nothing else is raised.
    """
    case, base = _parse(source, lang, limits or DEFAULT_LIMITS)
    if not allow_draft:
        from gongwen.case.complete import undecided
        from gongwen.case.consistency import problems

        gaps = undecided(case, lang)
        if gaps:
            raise CaseError(gaps)
        found = problems(case)
        if found:
            raise CaseError([(p.path, p.message(lang)) for p in found])
    return resolve_paths(case, base) if base is not None else case


def read_case(source: str | Path | Mapping[str, Any], lang: str = DEFAULT_LANG) -> Case:
    """The case in `source` exactly as written: drafts accepted, relative paths kept.

    A file of an older schema is read as the current one (see `upgrade_case`).
    """
    return _parse(source, lang)[0]


def upgrade_case(
    source: str | Path | Mapping[str, Any], lang: str = DEFAULT_LANG
) -> tuple[Case, list[str]]:
    """The case in `source` in the current schema, and what was assumed to get there."""
    notes: list[str] = []
    case = _parse(source, lang, notes=notes)[0]
    return case, notes


def dump_case(case: Case) -> str:
    """The case as JSON text: the fields it was given, in the model's order, UTF-8, 2 spaces."""
    data = case.model_dump(mode="json", exclude_unset=True, by_alias=True)
    data = {"version": case.version, **data}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_case(case: Case, path: str | Path, *, force: bool = False) -> Path:
    """Write the case to `path` atomically; FileExistsError if it exists and not `force`."""
    from gongwen.writing import write_text

    path = Path(path)
    if path.exists() and not force:
        raise FileExistsError(str(path))
    write_text(path, dump_case(case))
    return path


def _parse(
    source: str | Path | Mapping[str, Any],
    lang: str,
    limits: Limits = DEFAULT_LIMITS,
    notes: list[str] | None = None,
) -> tuple[Case, Path | None]:
    base: Path | None = None
    if isinstance(source, Mapping):
        data: Any = dict(source)
    else:
        text, base = _read(source, lang, limits)
        data = _decode(text, lang)
    if not isinstance(data, dict):
        raise CaseError([(ROOT, message("not_an_object", None, lang))])
    screened = _screen(data, lang)
    if not screened and needs_upgrade(data):
        data, assumed = upgrade(data, lang)
        if notes is not None:
            notes.extend(assumed)
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        # an error of a place that holds a screened value follows from it: not said twice
        seen = [path for path, _ in screened]
        more = [
            e
            for e in from_pydantic(exc.errors(), lang)
            if not any(s == e[0] or s.startswith((e[0] + ".", e[0] + "[")) for s in seen)
        ]
        raise CaseError(screened + more) from None
    if screened:
        raise CaseError(screened)
    return case, base


def _read(source: str | Path, lang: str, limits: Limits) -> tuple[str, Path | None]:
    if isinstance(source, str) and source.lstrip()[:1] in ("{", "["):
        text, base = source, None
    else:
        path = Path(source)
        where = str(path) if len(str(path)) <= 120 else str(path)[:119] + "…"
        try:
            if path.stat().st_size > limits.case_bytes:
                raise _too_large(where, path.stat().st_size, limits, lang)
            text, base = path.read_bytes().decode("utf-8-sig"), path.parent
        except (FileNotFoundError, IsADirectoryError):
            raise CaseError([(where, message("no_such_file", None, lang))]) from None
        except UnicodeDecodeError:
            raise CaseError([(where, message("not_utf8", None, lang))]) from None
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise CaseError([(where, message("cannot_read", {"reason": reason}, lang))]) from None
    if len(text) > limits.case_bytes:
        raise _too_large(ROOT, len(text), limits, lang)
    return text, base


def _too_large(where: str, size: int, limits: Limits, lang: str) -> CaseError:
    ctx = {"size": f"{size / MB:.2f}", "limit": f"{limits.case_bytes / MB:g}"}
    return CaseError([(where, message("file_too_large", ctx, lang))])


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates: list[str]


class _HugeInt(str):
    """The digits of an integer too long to be converted."""


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _int(digits: str) -> int | _HugeInt:
    return _HugeInt(digits) if len(digits.lstrip("-")) > _MAX_DIGITS else int(digits)


def _decode(text: str, lang: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_object, parse_int=_int)
    except json.JSONDecodeError as exc:
        ctx = {"error": exc.msg, "line": exc.lineno, "column": exc.colno}
        raise CaseError([(ROOT, message("json_invalid", ctx, lang))]) from None
    except RecursionError:
        raise CaseError([(ROOT, message("too_deep", None, lang))]) from None


def _screen(data: Any, lang: str) -> list[tuple[str, str]]:
    """(JSON path, message) for what no case holds: control characters, huge or duplicate."""
    errors: list[tuple[str, str]] = []
    stack: list[tuple[tuple[int | str, ...], Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, _HugeInt) or (
            isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_INT
        ):
            short = str(value) if len(str(value)) <= 20 else str(value)[:12] + "…"
            errors.append((json_path(loc), message("number_too_large", {"value": short}, lang)))
        elif isinstance(value, str):
            bad = CONTROL.search(value)
            if bad:
                code = f"{ord(bad.group()):04X}"
                errors.append((json_path(loc), message("control_character", {"code": code}, lang)))
        elif isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                ctx = {"key": key}
                errors.append((json_path((*loc, key)), message("duplicate_key", ctx, lang)))
            for key, item in value.items():
                stack.append(((*loc, str(key)), item))
                if isinstance(key, str) and CONTROL.search(key):
                    ctx = {"code": f"{ord(CONTROL.search(key).group()):04X}"}  # type: ignore[union-attr]
                    errors.append((json_path((*loc, key)), message("control_character", ctx, lang)))
        elif isinstance(value, list | tuple):
            stack.extend(((*loc, i), item) for i, item in enumerate(value))
    return sorted(errors)


def _resolve(settings: DocumentSettings, base: Path) -> DocumentSettings:
    seal = settings.seal_image
    if seal is None or seal.is_absolute():
        return settings
    return settings.model_copy(update={"seal_image": base / seal})


def resolve_paths(case: Case, base: Path) -> Case:
    """`case` with its relative paths (last year's file, seal images) taken from `base`."""
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
