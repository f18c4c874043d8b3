"""The PDF content-stream interpreter: every page's operators followed into text lines
(positions, sizes, faces, colours) and rules (thin filled boxes and stroked lines).

pypdf parses the operators; positions, widths and colours are followed here, so the
measurements use what the PDF draws, not what a text extractor guesses.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongwen.ingest.pdf_fonts import PdfFont
from gongwen.ingest.pdf_layout import PageLayout, PdfLayout, Rule, TextLine, base_font_name
from gongwen.units import Length, Pt

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# How far the text of one line may stray from one baseline and still be one line.
_SAME_LINE_PT = 1.0
# A filled rectangle thinner than this is a rule (a border drawn as a box), not an area.
_RULE_MAX_PT = 4.0
_RULE_MIN_LENGTH_PT = 20.0


def matrix_product(a: Matrix, b: Matrix) -> Matrix:
    """The product of two PDF matrices [a b c d e f] (a applied first)."""
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _rgb(op: str, operands: list[Any]) -> tuple[float, float, float]:
    values = [float(v) for v in operands]
    if op in ("g", "G") and values:
        return (values[0],) * 3
    if op in ("k", "K") and len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    if len(values) == 3:
        return (values[0], values[1], values[2])
    return (0.0, 0.0, 0.0)


@dataclass(slots=True)
class _State:
    ctm: Matrix = _IDENTITY
    fill: tuple[float, float, float] = (0.0, 0.0, 0.0)
    stroke: tuple[float, float, float] = (0.0, 0.0, 0.0)
    line_width: float = 1.0

    def copy(self) -> _State:
        return _State(self.ctm, self.fill, self.stroke, self.line_width)


@dataclass(slots=True)
class _Chunk:
    text: str
    x0: float
    x1: float
    y: float  # baseline, PDF user space (from the bottom)
    size: float
    font: str
    color: tuple[float, float, float]


def _axis_box(path: list[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    """(x, y, w, h) of a closed path that is a rectangle square to the page: two rows of
    points with the same left and right ends (points between the corners allowed)."""
    rows: dict[float, list[float]] = {}
    for x, y in path:
        rows.setdefault(round(y, 2), []).append(round(x, 2))
    if len(path) < 4 or len(rows) != 2:
        return None
    (low, a), (high, b) = sorted(rows.items())
    if (min(a), max(a)) != (min(b), max(b)):
        return None
    return (min(a), low, max(a) - min(a), high - low)


class Interpreter:
    """Follows the graphics and text state through one page's operators."""

    def __init__(self, page: Any, number: int, height: float) -> None:
        self.page = page
        self.number = number
        self.height = height
        self.fonts = {k: PdfFont(v) for k, v in page_fonts(page).items()}
        self.chunks: list[_Chunk] = []
        self.rules: list[Rule] = []

    def run(self) -> tuple[tuple[TextLine, ...], tuple[Rule, ...]]:
        from pypdf.generic import ContentStream

        contents = self.page.get_contents()
        if contents is None:
            return (), ()
        stream = ContentStream(contents, self.page.pdf)
        self._walk(stream.operations)
        return self._lines(), self._unique_rules()

    def _walk(self, operations: list[tuple[list[Any], bytes]]) -> None:
        state = _State()
        stack: list[_State] = []
        tm = lm = _IDENTITY
        font: PdfFont | None = None
        size = 0.0
        char_space = word_space = rise = 0.0
        scale = 1.0
        leading = 0.0
        path: list[tuple[float, float]] = []
        rects: list[tuple[float, float, float, float]] = []
        for operands, raw_op in operations:
            op = raw_op.decode("latin-1") if isinstance(raw_op, bytes) else str(raw_op)
            if op == "q":
                stack.append(state.copy())
            elif op == "Q":
                state = stack.pop() if stack else _State()
            elif op == "cm":
                state.ctm = matrix_product(tuple(float(v) for v in operands), state.ctm)  # type: ignore[arg-type]
            elif op in ("rg", "g", "k", "sc", "scn") and operands:
                if all(isinstance(v, (int, float)) or hasattr(v, "as_numeric") for v in operands):
                    state.fill = _rgb({"sc": "rg", "scn": "rg"}.get(op, op), operands)
            elif op in ("RG", "G", "K", "SC", "SCN") and operands:
                if all(isinstance(v, (int, float)) or hasattr(v, "as_numeric") for v in operands):
                    state.stroke = _rgb({"SC": "RG", "SCN": "RG"}.get(op, op), operands)
            elif op == "w":
                state.line_width = float(operands[0])
            elif op == "BT":
                tm = lm = _IDENTITY
            elif op == "Tf":
                font = self.fonts.get(str(operands[0]))
                size = float(operands[1])
            elif op == "Tc":
                char_space = float(operands[0])
            elif op == "Tw":
                word_space = float(operands[0])
            elif op == "Tz":
                scale = float(operands[0]) / 100
            elif op == "TL":
                leading = float(operands[0])
            elif op == "Ts":
                rise = float(operands[0])
            elif op in ("Td", "TD"):
                tx, ty = float(operands[0]), float(operands[1])
                if op == "TD":
                    leading = -ty
                lm = matrix_product((1, 0, 0, 1, tx, ty), lm)
                tm = lm
            elif op == "Tm":
                lm = tm = tuple(float(v) for v in operands)  # type: ignore[assignment]
            elif op == "T*":
                lm = matrix_product((1, 0, 0, 1, 0, -leading), lm)
                tm = lm
            elif op in ("Tj", "TJ", "'", '"'):
                if op in ("'", '"'):
                    lm = matrix_product((1, 0, 0, 1, 0, -leading), lm)
                    tm = lm
                items = operands[0] if op == "TJ" else [operands[-1]]
                if font is not None:
                    tm = self._show(
                        items, tm, state, font, size, char_space, word_space, scale, rise
                    )
            elif op == "m":
                path = [(float(operands[0]), float(operands[1]))]
            elif op == "l":
                path.append((float(operands[0]), float(operands[1])))
            elif op == "re":
                x, y, w, h = (float(v) for v in operands)
                rects.append((x, y, w, h))
            elif op in ("S", "s"):
                self._stroke(path, state)
                path, rects = [], []
            elif op in ("f", "F", "f*", "B", "B*", "b", "b*"):
                # a bar drawn as a closed outline (m l l l l h f*, as LibreOffice draws a
                # shape) is filled like a rectangle when its corners are square to the page
                box = _axis_box(path)
                for rect in [*rects, *([box] if box else [])]:
                    self._fill(rect, state)
                path, rects = [], []
            elif op == "n":
                path, rects = [], []

    def _show(
        self,
        items: Any,
        tm: Matrix,
        state: _State,
        font: PdfFont,
        size: float,
        char_space: float,
        word_space: float,
        scale: float,
        rise: float,
    ) -> Matrix:
        start = None
        text = []
        for item in items:
            if isinstance(item, (bytes, str)) or hasattr(item, "original_bytes"):
                data = (
                    item.original_bytes
                    if hasattr(item, "original_bytes")
                    else (item if isinstance(item, bytes) else item.encode("latin-1"))
                )
                for code in font.codes(data):
                    glyph = (size * scale, 0, 0, size, 0, rise)
                    trm = matrix_product(glyph, matrix_product(tm, state.ctm))
                    if start is None:
                        start = trm
                    text.append(font.text(code))
                    width = font.widths.get(code, font.default_width) / 1000
                    spacing = char_space + (word_space if code == 32 and not font.two_byte else 0)
                    tx = (width * size + spacing) * scale
                    tm = matrix_product((1, 0, 0, 1, tx, 0), tm)
            else:
                tx = -float(item) / 1000 * size * scale
                tm = matrix_product((1, 0, 0, 1, tx, 0), tm)
        if start is not None:
            # The end is where the last glyph's advance ends, before any trailing spacing.
            end = _apply(matrix_product(tm, state.ctm), -char_space * scale, 0)
            x0, y0 = start[4], start[5]
            effective = size * math.hypot(start[2], start[3]) / max(size, 1e-9)
            self.chunks.append(
                _Chunk("".join(text), x0, end[0], y0, effective, font.name, state.fill)
            )
        return tm

    def _stroke(self, path: list[tuple[float, float]], state: _State) -> None:
        points = [_apply(state.ctm, x, y) for x, y in path]
        scale = math.sqrt(abs(state.ctm[0] * state.ctm[3] - state.ctm[1] * state.ctm[2]))
        for (xa, ya), (xb, yb) in itertools.pairwise(points):
            if abs(ya - yb) < 0.01 and abs(xa - xb) >= _RULE_MIN_LENGTH_PT:
                half = state.line_width * scale / 2
                self._add_rule(min(xa, xb), max(xa, xb), ya - half, ya + half, state.stroke)

    def _fill(self, rect: tuple[float, float, float, float], state: _State) -> None:
        x, y, w, h = rect
        (xa, ya), (xb, yb) = _apply(state.ctm, x, y), _apply(state.ctm, x + w, y + h)
        left, right, low, high = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
        if high - low <= _RULE_MAX_PT and right - left >= _RULE_MIN_LENGTH_PT:
            self._add_rule(left, right, low, high, state.fill)

    def _add_rule(
        self, left: float, right: float, low: float, high: float, color: tuple[float, float, float]
    ) -> None:
        self.rules.append(
            Rule(
                self.number,
                Pt(left),
                Pt(right),
                Pt(self.height - high),
                Pt(self.height - low),
                color,
            )
        )

    def _unique_rules(self) -> tuple[Rule, ...]:
        seen: dict[tuple[int, int, int, int], Rule] = {}
        for rule in self.rules:
            key = (
                round(Length(rule.left).pt * 10),
                round(Length(rule.right).pt * 10),
                round(Length(rule.top).pt * 10),
                round(Length(rule.bottom).pt * 10),
            )
            seen.setdefault(key, rule)
        return tuple(sorted(seen.values(), key=lambda r: (r.top, r.left)))

    def _lines(self) -> tuple[TextLine, ...]:
        groups: list[list[_Chunk]] = []
        for chunk in sorted(self.chunks, key=lambda c: (-c.y, c.x0)):
            if not chunk.text.strip():
                continue
            if groups and abs(groups[-1][0].y - chunk.y) <= _SAME_LINE_PT:
                groups[-1].append(chunk)
            else:
                groups.append([chunk])
        lines = []
        for group in groups:
            group.sort(key=lambda c: c.x0)
            main = max(group, key=lambda c: len(c.text.strip()) * c.size)
            lines.append(
                TextLine(
                    page=self.number,
                    text="".join(c.text for c in group),
                    left=Pt(min(c.x0 for c in group)),
                    right=Pt(max(c.x1 for c in group)),
                    baseline=Pt(self.height - main.y),
                    size_pt=round(max(c.size for c in group), 2),
                    font=main.font,
                    color=main.color,
                )
            )
        return tuple(lines)


# ---- reading a PDF's pages -----------------------------------------------------------


def _reader(path: Path) -> Any:
    """The PDF opened as every reader of gongwen opens it (encryption judged once there)."""
    from gongwen.ingest.pdf_open import open_pdf

    return open_pdf(path)


def embedded_fonts(source: str | Path | Any) -> tuple[str, ...]:
    """The base names of the fonts the PDF's pages use, subset prefix stripped, sorted;
    `source` is a path or an opened reader."""
    reader = _reader(Path(source)) if isinstance(source, str | Path) else source
    names: set[str] = set()
    for page in reader.pages:
        for font in page_fonts(page).values():
            names.add(base_font_name(str(font.get("/BaseFont", ""))))
            for desc in font.get("/DescendantFonts", []) or []:
                names.add(base_font_name(str(desc.get_object().get("/BaseFont", ""))))
    names.discard("")
    return tuple(sorted(names))


def page_fonts(page: Any) -> dict[str, Any]:
    """The font dictionaries of the page's resources, by resource name."""
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources else None
    if not fonts:
        return {}
    return {str(k): v.get_object() for k, v in fonts.get_object().items()}


def read_layout(path: str | Path, reader: Any = None) -> PdfLayout:
    """Interpret every page's content stream into lines and rules; `reader` is the PDF
    already opened, so that a file is opened and parsed once."""
    path = Path(path)
    reader = reader if reader is not None else _reader(path)
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        lines, rules = Interpreter(page, number, height).run()
        pages.append(PageLayout(number, Pt(width), Pt(height), lines, rules))
    return PdfLayout(str(path), tuple(pages), embedded_fonts(reader))
