"""Generating documents: case → context → render → export.

`render(case, kind)` gives one document's bytes; `render_all(case)` the whole set with
safe, unique file names; `write_all(case, outdir)` writes them, each atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongwen.render.kinds import KINDS, Kind
from gongwen.render.names import safe_stem, unique
from gongwen.units import Length

if TYPE_CHECKING:
    from gongwen.case import Case

__all__ = ["KINDS", "Fit", "Kind", "RenderedDocument", "render", "render_all", "write_all"]


_NO_SHIFT = Length(0)


@dataclass(frozen=True, slots=True)
class Fit:
    """What measuring a rendering asked to change: the 版记 on a page of its own after
    `blank_pages` blank pages, unnumbered (7.5); the line pitch of the text from the
    paragraph starting with `squeeze_from` on (7.3.5.1)."""

    imprint_break: bool = False
    blank_pages: int = 0
    signature_shift: Length = _NO_SHIFT  # the 署名 moved right by this much (left if < 0)
    pitch: Length | None = None
    squeeze_from: str | None = None


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """One generated document: its kind, its item's index, a safe file name, its bytes."""

    kind: str
    file_name: str
    data: bytes
    index: int = 0


def _kind(kind: str) -> Kind:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown document kind {kind!r}; use one of {', '.join(KINDS)}") from None


def _pick(case: Case, kind: Kind, item: int | str | None) -> Any:
    items = kind.items(case)
    if not items:
        raise ValueError(f"the case has nothing to make a {kind.name} document for")
    if item is None or kind.per is None:
        return items[0]
    if isinstance(item, int):
        return items[item]
    for candidate in items:
        if item in (
            getattr(candidate, "department", None),
            getattr(candidate, "name", None),
            getattr(candidate, "subject", None),
        ):
            return candidate
    raise ValueError(f"no {kind.name} item called {item!r}")


def _render(case: Case, kind: Kind, item: Any, fit: Fit | None = None) -> bytes:
    from gongwen.render.engine import render_template

    prepared = kind.module.build(case, item)
    if fit is not None:
        layout = replace(
            prepared.layout,
            imprint_break=fit.blank_pages if fit.imprint_break else None,
            pitch=fit.pitch,
            squeeze_from=fit.squeeze_from,
            signature_right=Length(prepared.layout.signature_right - fit.signature_shift),
        )
        prepared = replace(prepared, layout=layout)
    return render_template(kind.template, prepared)


def render(
    case: Case, kind: str, *, item: int | str | None = None, fit: Fit | None = None
) -> bytes:
    """One document of `kind` as .docx bytes.

    `item` picks the interview (index or department), the decision (index or subject) or
    the department (index or name) for the kinds made once per item; None picks the first.
    """
    k = _kind(kind)
    return _render(case, k, _pick(case, k, item), fit)


def render_all(
    case: Case, kinds: Iterable[str] | None = None, fits: Mapping[str, Fit] | None = None
) -> list[RenderedDocument]:
    """Every document of `kinds` (all kinds by default), in kind order then item order;
    `fits` gives the adjustments measured for some, by file name."""
    wanted = list(kinds) if kinds is not None else list(KINDS)
    selected = [_kind(k) for k in KINDS if k in wanted]
    for asked in wanted:
        _kind(asked)  # an unknown kind is an error even when other kinds are known
    taken: set[str] = set()
    out = []
    for k in selected:
        for index, item in enumerate(k.items(case)):
            name = unique(safe_stem(k.module.name(case, item)), taken)
            data = _render(case, k, item, (fits or {}).get(name))
            out.append(RenderedDocument(k.name, name, data, index))
    return out


def write_all(
    case: Case, outdir: str | Path, kinds: Iterable[str] | None = None, *, force: bool = False
) -> list[Path]:
    """Render every document, then write each atomically into `outdir`.

    Nothing is written unless everything rendered; FileExistsError names the files
    that would be overwritten when `force` is false.
    """
    from gongwen.writing import write_bytes

    folder = Path(outdir)
    documents = render_all(case, kinds)
    targets = [folder / d.file_name for d in documents]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise FileExistsError(", ".join(str(p) for p in existing))
    for path, d in zip(targets, documents, strict=True):
        write_bytes(path, d.data)
    return targets
