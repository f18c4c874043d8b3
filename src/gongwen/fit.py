"""Pages that end where they should: render, convert, measure, adjust, and again.

What only the rendered pages tell is fixed here, as GB/T 9704 says to fix it:

- a 署名 and 成文日期 on a page with no text above them but the closing (7.3.5.1) are
  pulled onto the page before by tightening the line pitch of the text from the first
  paragraph of that page on, as much as the measured room asks, never below `FLOOR`;
- the 版记, printed on both sides, belongs on an even page, the back of the last sheet: when
  it lands on an odd page, or alone on a page that carries a number, it gets a section of its
  own starting on the next even page, unnumbered, a blank page before it where needed (7.5).
  Printed on one side, a 版记 alone on its page only loses the number.

Each round converts only the documents that changed. The measurements are the checker's
own (`gongwen.ingest.pdf_elements`), so what fitting fixes is what `gongwen verify` measures.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from gongwen import gbt9704 as g
from gongwen.case import Case
from gongwen.export import ExportResult, to_pdf
from gongwen.ingest.pdf_elements import Elements
from gongwen.render import Fit, RenderedDocument, render, render_all
from gongwen.units import Length, Twips

FLOOR = Twips(420)  # 21 pt: 1.3 times the 3号 text, the tightest pitch fitting may use
MAX_ROUNDS = 5
_TYPE_TOP_MM = g.MARGIN_TOP.mm
_TYPE_BOTTOM_MM, _TYPE_RIGHT_MM = g.TYPE_BOTTOM.mm, g.TYPE_RIGHT.mm
_SHIFT_MM = 0.3  # a 署名 this close to its place is left where it is


@dataclass(frozen=True, slots=True)
class Fitted:
    """The documents written, their PDFs, and what fitting changed in which of them."""

    docx: tuple[Path, ...]
    export: ExportResult
    fits: dict[str, Fit]
    rounds: int


def decide(elements: Elements, fit: Fit, double_sided: bool, starts: list[str]) -> Fit:
    """The next adjustment of a document measured as `elements`; `fit` itself when none.

    `starts` are the document's paragraphs as the renderer compares them (no white space).
    """
    if elements.signature_without_text:
        squeezed = _squeeze(elements, fit, starts)
        if squeezed is not None:
            return squeezed
    shift = _signature_shift(elements)
    if shift is not None:
        return replace(fit, signature_shift=Length(fit.signature_shift + shift))
    imprint = elements.imprint
    if imprint is None or fit.imprint_break or imprint.page == 1:
        return fit  # a one-page document keeps its 版记 under its text
    page = elements.layout.pages[imprint.page - 1]
    alone = elements.imprint_only(page)
    text = max(p.number for p in elements.layout.pages if elements.body_lines(p))
    if double_sided and (imprint.page % 2 or alone):
        # the first even page after the text: next to it, or one blank page further
        return replace(fit, imprint_break=True, blank_pages=(text + 1) % 2)
    if alone and elements.page_numbers(page):
        return replace(fit, imprint_break=True)
    return fit


def _signature_shift(elements: Elements) -> Length | None:
    """How far the 署名 must move to stand where 7.3.5.1/7.3.5.2 put it against a date set
    from the right (its place then hangs on the digits' width in the face), or None."""
    date = elements.date_line
    if date is None:
        return None
    page = elements.layout.pages[date.page - 1]
    above = [ln for ln in elements.body_lines(page) if ln.baseline < date.baseline]
    if not above:
        return None
    sig, char = above[-1], g.CHAR.mm
    inset = _TYPE_RIGHT_MM - date.right.mm
    if abs(inset - 4 * char) < 0.5:  # sealed: the 署名 centred over the date
        error = (date.left.mm + date.right.mm) / 2 - (sig.left.mm + sig.right.mm) / 2
    elif abs(inset - 2 * char) < 0.5:  # unsealed, the date the longer: 2 字 before its start
        error = (date.left.mm - 2 * char) - sig.left.mm
    else:
        return None
    return g.Mm(error) if abs(error) > _SHIFT_MM else None


def _squeeze(elements: Elements, fit: Fit, starts: list[str]) -> Fit | None:
    """A tighter pitch from the first paragraph of the page before the 署名's, or None."""
    date = elements.date_line
    assert date is not None
    before = elements.layout.pages[date.page - 2]
    lines = [ln for ln in elements.body_lines(before) if ln.baseline.mm < _TYPE_BOTTOM_MM]
    start = next(
        (
            ln
            for ln in lines
            if abs(ln.size_pt - g.BODY_SIZE.pt) < 0.5  # body text: the title keeps its pitch
            and any(p.startswith("".join(ln.text.split())[:8]) for p in starts)
        ),
        None,
    )
    if start is None:
        return None
    pitch = fit.pitch or g.LINE_PITCH
    unit = Length(pitch).mm
    room = (_TYPE_BOTTOM_MM - start.em_top.mm) / unit  # lines from the start to the foot
    page = elements.layout.pages[date.page - 1]
    tail = [ln for ln in elements.body_lines(page) if ln.baseline <= date.baseline]
    top = min((ln.em_top.mm for ln in tail), default=_TYPE_TOP_MM)
    text = (max(ln.em_bottom.mm for ln in lines) - start.em_top.mm) / unit
    chain = (date.em_bottom.mm - top) / unit + 1  # and the blank line above the chain
    scale = room / (text + chain)
    wanted = Twips(math.floor(Length(pitch).twips * min(scale, 0.98)))
    if pitch <= FLOOR:
        return None
    key = "".join(start.text.split())[:8]
    return replace(fit, pitch=max(FLOOR, wanted), squeeze_from=key)


def generate(
    case: Case,
    outdir: str | os.PathLike[str],
    kinds: Iterable[str] | None = None,
    *,
    force: bool = False,
    jobs: int | None = None,
) -> Fitted:
    """Render the documents of `case` into `outdir`, convert them, and fit their pages.

    FileExistsError, as `write_all`, when a file exists and not `force`. SofficeMissing
    when LibreOffice is absent: then nothing can be measured, and nothing is written.
    """
    from gongwen.export import find_soffice
    from gongwen.render.engine import paragraph_texts
    from gongwen.writing import write_bytes

    find_soffice()  # SofficeMissing before anything is written
    folder = Path(outdir)
    documents = render_all(case, kinds)
    targets = {d.file_name: folder / d.file_name for d in documents}
    existing = [p for p in targets.values() if p.exists()]
    if existing and not force:
        raise FileExistsError(", ".join(str(p) for p in existing))
    fits = {d.file_name: Fit() for d in documents}
    by_name = {d.file_name: d for d in documents}
    pending: list[RenderedDocument] = documents
    pdfs: dict[str, Path] = {}
    failures: dict[str, object] = {}
    first: ExportResult | None = None
    seconds, rounds = 0.0, 0
    while pending and rounds < MAX_ROUNDS:
        rounds += 1
        for d in pending:
            write_bytes(targets[d.file_name], d.data)
        result = to_pdf([targets[d.file_name] for d in pending], folder, jobs=jobs)
        first = first or result
        seconds += result.seconds
        made = {p.stem: p for p in result.pdfs}
        for d in pending:
            stem = Path(d.file_name).stem
            failures.pop(d.file_name, None)
            if stem in made:
                pdfs[d.file_name] = made[stem]
        for failure in result.failures:
            failures[Path(failure.file).name] = failure
        changed = []
        for d in pending:
            pdf = pdfs.get(d.file_name)
            if pdf is None or d.file_name in failures:
                continue
            from gongwen.ingest.pdf_content import read_layout

            fit = decide(
                Elements(read_layout(pdf)),
                fits[d.file_name],
                case.double_sided,
                paragraph_texts(d.data),
            )
            if fit != fits[d.file_name]:
                fits[d.file_name] = fit
                again = render(case, d.kind, item=d.index, fit=fit)
                changed.append(replace(by_name[d.file_name], data=again))
        pending = changed
    assert first is not None or not documents
    names = [d.file_name for d in documents]
    export = ExportResult(
        pdfs=tuple(pdfs[n] for n in names if n in pdfs and n not in failures),
        failures=tuple(failures[n] for n in names if n in failures),  # type: ignore[misc]
        substitutions=first.substitutions if first else (),
        processes=first.processes if first else 0,
        seconds=seconds,
        fonts_conf=first.fonts_conf if first else None,
    )
    return Fitted(tuple(targets[n] for n in names), export, fits, rounds)
