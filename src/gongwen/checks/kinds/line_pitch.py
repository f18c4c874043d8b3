"""Line pitch: body lines are `pitch_pt` apart, so that 22 lines fill the type area.

An exact line spacing of `pitch_pt` ± `tolerance_pt` passes (579 twips = 28.95 pt is the
usual value); so does single spacing snapped to a document grid of that pitch. With
`spacing` on, space before and after a body paragraph must also keep the lines on the grid:
7 pt after each paragraph (LibreOffice Writer's "Text Body") makes 21 lines a page, not 22;
a whole number of lines (a blank line's worth) keeps the grid. Each deviating paragraph is
reported, up to `max_findings`; the last one counts the rest.

7.3.5.1 lets the line pitch be tightened where the space left cannot hold the 署名 (and its
seal) with text above it: an exact pitch of at least `fitted_min_pt` on every body paragraph
from some point on up to the 署名 is that adjustment, and is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.ruleset import Rule
from gongwen.checks.text import in_text, merged
from gongwen.i18n import N_, t
from gongwen.model import Document, LineRule, Paragraph, Role

PARAMS: dict[str, Any] = {
    "pitch_pt": {"type": "number", "required": True, "min": 1},
    "tolerance_pt": {"type": "number", "default": 0.5, "min": 0},
    "roles": {"type": "list", "default": ["body"], "schema": {"type": "string"}},
    "max_findings": {"type": "integer", "default": 3, "min": 1},
    "spacing": {"type": "boolean", "default": True},
    "fitted_min_pt": {"type": "number", "default": 21.0, "min": 0},
}


def _pitch(doc: Document, p: Paragraph) -> tuple[float | None, str, dict[str, str]]:
    """The line pitch in pt (None if unknown), and how the paragraph sets it (msgid, args)."""
    if p.line_rule == LineRule.EXACT and p.line_spacing is not None:
        return p.line_spacing.pt, N_("exactly {pt} pt"), {"pt": f"{p.line_spacing.pt:g}"}
    grid = doc.sections[p.section] if p.section < len(doc.sections) else None
    single = p.line_rule in (None, LineRule.MULTIPLE) and (p.line_multiple or 1.0) == 1.0
    if single and grid and grid.line_pitch and grid.grid_type in ("lines", "linesAndChars"):
        return grid.line_pitch.pt, N_("document grid {pt} pt"), {"pt": f"{grid.line_pitch.pt:g}"}
    if p.line_rule == LineRule.AT_LEAST and p.line_spacing is not None:
        return None, N_("at least {pt} pt"), {"pt": f"{p.line_spacing.pt:g}"}
    return None, N_("{n} times single spacing"), {"n": f"{p.line_multiple or 1.0:g}"}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per body paragraph whose pitch is not fixed at `pitch_pt`."""
    want, tol = rule.params["pitch_pt"], rule.params["tolerance_pt"]
    expected = t(N_("exactly {pt} pt"), ctx.lang, pt=f"{want:g}")
    hits = []
    fitted = _fitted(doc, rule.params)
    for p in in_text(doc):
        if p.role.value not in rule.params["roles"] or doc.format == "pdf" or p in fitted:
            continue
        pitch, msgid, args = _pitch(doc, p)
        if rule.params["spacing"] and pitch is not None and abs(pitch - want) <= tol:
            hit = _spacing(p, want, tol, ctx.lang)
            if hit is not None:
                hits.append(hit)
            continue
        if pitch is None or abs(pitch - want) > tol:
            how = t(msgid, ctx.lang, **args)  # worded only when reported
            hits.append(
                Hit(
                    N_("line spacing is {actual}, expected {expected}"),
                    {"actual": how, "expected": expected},
                    paragraph=p,
                    expected=expected,
                    actual=how,
                )
            )
    yield from merged(hits, rule.params["max_findings"])


def _fitted(doc: Document, params: dict[str, Any]) -> set[Paragraph]:
    """The body paragraphs set tighter to keep the 署名 with text (7.3.5.1): an unbroken run of
    exact pitches from `fitted_min_pt` up to the standard's, ending at the 署名."""
    flow = in_text(doc)
    end = next((k for k, p in enumerate(flow) if p.role == Role.SIGNATURE), None)
    if end is None:
        return set()
    low, high = params["fitted_min_pt"], params["pitch_pt"] - params["tolerance_pt"]
    run: set[Paragraph] = set()
    for p in reversed(flow[:end]):
        if p.role.value not in params["roles"]:
            continue
        pitch = p.line_spacing.pt if p.line_rule == LineRule.EXACT and p.line_spacing else None
        if pitch is None or not low <= pitch < high:
            break
        run.add(p)
    return run


def _spacing(p: Paragraph, pitch: float, tol: float, lang: str) -> Hit | None:
    """A hit when the space before and after `p` is not a whole number of lines of `pitch`."""
    before = p.space_before.pt if p.space_before is not None else 0.0
    after = p.space_after.pt if p.space_after is not None else 0.0
    extra = before + after
    lines = round(extra / pitch)
    if abs(extra - lines * pitch) <= tol:
        return None
    actual = t(N_("{before} pt before and {after} pt after the paragraph"), lang,
               before=f"{before:g}", after=f"{after:g}")  # fmt: skip
    return Hit(
        N_("{actual}: the lines fall off the grid of {pitch} pt, so a page holds fewer than "
           "22 lines; set the spacing before and after to 0"),
        {"actual": actual, "pitch": f"{pitch:g}"},
        paragraph=p,
        expected=t(N_("no space before or after, or whole lines"), lang),
        actual=actual,
    )  # fmt: skip
