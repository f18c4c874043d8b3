"""What every document kind shares: the 版头 and 版记 values, the title, the signature layout."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongwen import gbt9704 as g
from gongwen.case import Case, DocumentSettings
from gongwen.render.filters import long_date, short_date, width
from gongwen.units import Length


@dataclass(frozen=True, slots=True)
class Layout:
    """Geometry that depends on the text, applied to the rendered document by the engine."""

    mark_scale: int  # percent width of the mark's characters, so it fits one line
    signature_right: Length
    date_right: Length  # the date's right indent; or, with date_left, 0 and unused
    imprint_height: Length
    date_left: Length | None = None  # the date anchored by its first character (7.3.5.2)
    letter: bool = False  # 信函格式: no page number on page 1, a 版记 without rules
    # Set by fitting after a rendering was measured (gongwen.fit), never by a context:
    imprint_break: int | None = None  # the 版记 on a page of its own after this many blank
    pitch: Length | None = None  # the line pitch of the text that fits the 署名 on its page
    squeeze_from: str | None = None  # the start of the first paragraph set at `pitch`
    seal_image: Path | None = None
    seal_centre: int = 0  # EMU from the left edge of the type area to the seal's centre


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to render: the template's context, its layout and its properties."""

    context: dict[str, Any]
    layout: Layout
    title: str
    author: str
    date: dt.date
    extra: dict[str, Any] = field(default_factory=dict)


def _set_width(text: str) -> float:
    """Width in 字 as LibreOffice sets a title: half-width characters beside Chinese come out
    about 0.7 字 with the automatic spacing (docs of rendering: 0.69 em and 0.2 em a gap),
    so they are counted at ¾, never ½, and a line the arithmetic fits also fits the page."""
    return width(text) + 0.25 * sum(1 for c in text if unicodedata.east_asian_width(c) not in "WF")


def title_lines(parts: Sequence[str], max_width: float) -> list[str]:
    """Title phrases joined into lines no wider than `max_width` 字, as even as they can be.

    Phrases are kept whole (7.3.1: wrap keeping words whole) unless one alone is too wide;
    such a phrase is cut into as few pieces as fit, of even width, so no line is a remnant.
    """
    pieces: list[str] = []
    for part in parts:
        count = math.ceil(_set_width(part) / max_width)
        while count > 1:
            cut = _cut(part, _set_width(part) / count)
            pieces.append(part[:cut])
            part = part[cut:]
            count -= 1
        pieces.append(part)
    total = _set_width("".join(pieces))
    lines_needed = max(1, math.ceil(total / max_width))
    for n in range(lines_needed, len(pieces) + 1):
        best = _best_split(pieces, n, max_width)
        if best:
            return best
    return pieces


def balanced(parts: Sequence[str]) -> str:
    """A 2号 heading's phrases as lines that fit the type area (newlines between them)."""
    return "\n".join(title_lines(parts, float(math.floor(g.TYPE_WIDTH / g.TITLE_SIZE))))


def _cut(text: str, target: float) -> int:
    """The index where `text` reaches `target` 字 (at least one character in)."""
    w = 0.0
    for i, c in enumerate(text):
        w += _set_width(c)
        if w >= target:
            return max(1, i + 1)
    return len(text)


def _best_split(pieces: list[str], n: int, max_width: float) -> list[str] | None:
    """The split of `pieces` into `n` lines that fit, with the smallest spread of widths."""
    import itertools

    best: tuple[float, list[str]] | None = None
    for cuts in itertools.combinations(range(1, len(pieces)), n - 1):
        bounds = (0, *cuts, len(pieces))
        lines = ["".join(pieces[a:b]) for a, b in itertools.pairwise(bounds)]
        widths = [_set_width(line) for line in lines]
        if max(widths) > max_width:
            continue
        spread = max(widths) - min(widths)
        if best is None or spread < best[0]:
            best = (spread, lines)
    return best[1] if best else None


def period(start: dt.date, end: dt.date | None) -> str:
    """2020年4月1日 or 2020年4月1日至4月10日."""
    if end is None or end == start:
        return long_date(start)
    tail = short_date(end) if end.year == start.year else long_date(end)
    return f"{long_date(start)}至{tail}"


def doc_number(code: str, year: int, number: int | None) -> str:
    """发文字号: 丹人常〔2020〕7号, year in full, no leading zeros (7.2.5)."""
    return f"{code}〔{year}〕{number}号" if number else ""


def mark_scale(mark: str) -> int:
    """The character width (percent) that fits the mark on one line of the type area."""
    fit = g.TYPE_WIDTH / (width(mark) * g.MARK_SIZE) * 100
    return max(g.MIN_MARK_SCALE, min(100, math.floor(fit)))


def signature_layout(
    signatory: str, date: str, sealed: bool
) -> tuple[Length, Length, Length | None]:
    """Right indents of the 署名 and the 成文日期, and the date's left indent where it is
    anchored by its first character (7.3.5.1 sealed, 7.3.5.2 unsealed).

    Unsealed, the date's first character stands 2 字 right of the 署名's first character:
    with a 署名 as long as the date or longer, the date is set from the left, at the 署名's
    start plus 2 字, so its digits' width (which the face decides) does not move it. Only a
    date longer than the 署名 is set from the right and the 署名 placed by the date's width,
    counted as LibreOffice sets digits beside Chinese (¾ 字, the safe side)."""
    w_sig, w_date = width(signatory), _set_width(date)
    if sealed:  # date 4 字 from the right, 署名 centred over the date
        date_right = 4.0
        sig_right = max(0.0, date_right + (w_date - w_sig) / 2)
        return Length(round(sig_right * g.CHAR)), Length(round(date_right * g.CHAR)), None
    if w_sig >= w_date:  # 署名 2 字 from the right, the date from the 署名's start + 2 字
        # each character of the 署名 advances 1 字 plus the run's character spacing
        sig_width = round(w_sig * (g.CHAR + g.CHAR_SPACING))
        start = Length(g.TYPE_WIDTH - 2 * g.CHAR - sig_width + 2 * g.CHAR)
        return Length(2 * g.CHAR), Length(0), start
    sig_right = 4.0 + w_date - w_sig  # the date 2 字 from the right, the 署名 2 字 before it
    return Length(round(sig_right * g.CHAR)), Length(2 * g.CHAR), None


def imprint_height(cc: str, *, letter: bool = False) -> Length:
    """Height of the 版记 box: three rules, the 抄送 lines (if any) and the 印发 line; a
    信函格式 版记 is the 抄送 lines alone (10.1)."""
    per_line = g.TYPE_WIDTH / g.IMPRINT_CHAR - 2 - 3  # one 字 in each side, then 抄送：
    cc_lines = math.ceil(width(cc + "。") / per_line) if cc else 0
    if letter:
        return Length(cc_lines * g.IMPRINT_LINE + g.Pt(2))
    rules = 3 if cc else 2
    rule = g.RULE_LINE + g.IMPRINT_THICK
    return Length(rules * rule + (cc_lines + 1) * g.IMPRINT_LINE + g.Pt(2))


def document(
    case: Case,
    settings: DocumentSettings,
    *,
    title: Sequence[str],
    recipients: Sequence[str] = (),
    attachments: Sequence[str] = (),
    number: int | None = None,
    caption: str = "",
) -> tuple[dict[str, Any], Layout, str]:
    """The `doc` values of the template, the layout, and the title on one line."""
    date = long_date(settings.date)
    signatory = settings.signatory or case.issuer.name
    cc = "，".join(settings.cc)
    lines = balanced(title).split("\n")
    names = list(settings.recipients) or list(recipients)
    if len(attachments) > 1:
        # "1." without a space, as in 7.3.4's "附件：1.XXXXX": one 字, which the template's
        # hanging indent counts on to align wrapped names
        notes = [f"附件：1.{attachments[0]}"]
        notes += [f"{i}.{a}" for i, a in enumerate(attachments[1:], start=2)]
    else:
        notes = [f"附件：{a}" for a in attachments]
    code = settings.code or case.issuer.code
    year = settings.year or settings.date.year
    doc = {
        "form": settings.form.value,
        "upward": settings.upward and settings.form.value == "file",
        "signers": list(settings.signers),
        "number": doc_number(code, year, number if number is not None else settings.number),
        "title": "\n".join(lines),
        "caption": caption,
        "recipients": "、".join(names) + "：" if names else "",
        "attachment_notes": notes,
        "sealed": settings.sealed,
        "signatory": signatory,
        "date": date,
        "note": f"（{settings.note}）" if settings.note else "",
        "cc": cc,
        "printed_by": settings.printed_by or f"{case.issuer.name}办公室",
        "printed_on": long_date(settings.printed_on or settings.date),
    }
    sig_right, date_right, date_left = signature_layout(signatory, date, settings.sealed)
    seal = settings.seal_image if settings.sealed else None
    layout = Layout(
        mark_scale=mark_scale(
            case.issuer.name if settings.form.value == "letter" else case.issuer.mark
        ),
        letter=settings.form.value == "letter",
        signature_right=sig_right,
        date_right=date_right,
        date_left=date_left,
        imprint_height=imprint_height(cc, letter=settings.form.value == "letter"),
        seal_image=seal,
        seal_centre=round(g.TYPE_WIDTH - date_right - _set_width(date) * g.CHAR / 2),
    )
    return doc, layout, "".join(lines)


def base(case: Case) -> dict[str, Any]:
    """Values every template may use."""
    return {
        "issuer": {
            "name": case.issuer.name,
            "short_name": case.issuer.short_name,
            "mark": case.issuer.mark,
        },
        "year": case.review_year,
        "rules_name": case.rules_name,
        "reporters": case.reporters,
        "team": case.team.name,
        "office": case.team.office,
        "total": len(case.departments),
    }
