"""The paragraphs, tables and parts the templates are made of, as WordprocessingML text.

Used by build_templates.py and by each kind's body.py. Every run carries its faces
(eastAsia included), size and zh-CN language directly, so no theme font can override
them and an office editing the template in Word or WPS sees the real faces.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from gongwen import gbt9704 as g
from gongwen.units import Length

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


@dataclass(frozen=True, slots=True)
class Look:
    """How a run looks: face, size, colour and character spacing."""

    face: g.Face = g.FANGSONG
    size: Length = g.BODY_SIZE
    color: str | None = None
    spacing: Length | None = g.CHAR_SPACING


BODY = Look()
HEADING1 = Look(g.HEITI)
HEADING2 = Look(g.KAITI)
MARK = Look(g.XIAOBIAOSONG, g.MARK_SIZE, g.RED, None)
TITLE = Look(g.XIAOBIAOSONG, g.TITLE_SIZE, spacing=None)
IMPRINT = Look(g.FANGSONG, g.IMPRINT_SIZE, spacing=None)
TABLE = Look(g.FANGSONG, g.TABLE_SIZE, spacing=None)
TABLE_HEAD = Look(g.HEITI, g.TABLE_SIZE, spacing=None)
PAGE_NUMBER = Look(g.SONGTI, g.PAGE_NUMBER_SIZE, spacing=None)


def rpr(look: Look) -> str:
    """The run properties of `look`."""
    f = look.face
    parts = [
        f'<w:rFonts w:ascii="{f.latin}" w:hAnsi="{f.latin}" w:eastAsia="{f.east_asia}" '
        f'w:cs="{f.latin}" w:hint="eastAsia"/>'
    ]
    if look.color:
        parts.append(f'<w:color w:val="{look.color}"/>')
    if look.spacing is not None:
        parts.append(f'<w:spacing w:val="{g.twips(look.spacing)}"/>')
    hp = g.half_points(look.size)
    parts.append(f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>')
    parts.append('<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def run(text: str, look: Look = BODY) -> str:
    """One run of literal text (Jinja tags in it stay tags)."""
    return f'<w:r>{rpr(look)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


@dataclass(frozen=True, slots=True)
class Para:
    """Paragraph properties: style, alignment, indents, line and spacing."""

    style: str = "Normal"
    align: str = "both"
    first_line: Length | None = None
    left: Length | None = None
    right: Length | None = None
    hanging: Length | None = None
    line: Length = g.LINE_PITCH
    before: Length | None = None
    chars: Length = g.CHAR  # the 字 the indents are also written in (…Chars attributes)
    page_break_before: bool = False
    keep_next: bool = False
    extra: str = ""  # further pPr children, in schema order after w:keepNext…w:pBdr

    def xml(self, look: Look = BODY) -> str:
        """The w:pPr element."""
        out = [f'<w:pStyle w:val="{self.style}"/>']
        if self.keep_next:
            out.append("<w:keepNext/>")
        if self.page_break_before:
            out.append("<w:pageBreakBefore/>")
        out.append(self.extra)
        before = f' w:before="{g.twips(self.before)}"' if self.before is not None else ""
        out.append(
            f'<w:spacing{before} w:after="0" w:line="{g.twips(self.line)}" w:lineRule="exact"/>'
        )
        out.append(self._ind())
        out.append(f'<w:jc w:val="{self.align}"/>')
        out.append(rpr(look))
        return "<w:pPr>" + "".join(out) + "</w:pPr>"

    def _ind(self) -> str:
        def attr(name: str, value: Length | None) -> str:
            if value is None:
                return ""
            hundredths = round(value / self.chars * 100)
            return f' w:{name}Chars="{hundredths}" w:{name}="{g.twips(value)}"'

        left, right = attr("left", self.left), attr("right", self.right)
        first = attr("firstLine", self.first_line) if self.hanging is None else ""
        hanging = attr("hanging", self.hanging)
        if not (left or right or first or hanging):
            return '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
        return f"<w:ind{left}{right}{first}{hanging}/>"


def para(text: str, pp: Para, look: Look = BODY) -> str:
    """A paragraph of one run."""
    body = run(text, look) if text else ""
    return f"<w:p>{pp.xml(look)}{body}</w:p>"


INDENTED = Para(first_line=2 * g.CHAR)
FLUSH = Para()
CENTRED = Para(align="center")


def p(text: str) -> str:
    """A body paragraph, first line indented two 字 (7.3.3)."""
    return para(text, INDENTED)


def last(text: str) -> str:
    """The last body paragraph: kept on the page of the 署名, so that page has text (7.3.5)."""
    return para(text, Para(first_line=2 * g.CHAR, keep_next=True))


def h1(text: str) -> str:
    """A level-1 heading 一、 in 黑体."""
    return para(text, Para(style="GwHeading1", first_line=2 * g.CHAR, keep_next=True), HEADING1)


def h2(text: str) -> str:
    """A level-2 heading （一） in 楷体."""
    return para(text, Para(style="GwHeading2", first_line=2 * g.CHAR, keep_next=True), HEADING2)


def h3(text: str) -> str:
    """A level-3 heading 1. in 仿宋."""
    return para(text, Para(style="GwHeading3", first_line=2 * g.CHAR, keep_next=True))


def blank() -> str:
    """An empty body line."""
    return para("", FLUSH)


def tag(jinja: str) -> str:
    """A paragraph holding only a docxtpl paragraph tag such as `{%p if x %}`; it vanishes."""
    return para(jinja, FLUSH)


def border(edge: str, width: Length, color: str = "000000", space: Length | None = None) -> str:
    """One paragraph border edge."""
    sp = round(Length(space).pt) if space is not None else 0
    return f'<w:{edge} w:val="single" w:sz="{g.eighths(width)}" w:space="{sp}" w:color="{color}"/>'


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: heading, width, the cell's Jinja expression and alignment."""

    heading: str
    width: Length
    value: str
    align: str = "center"


FIT_COLUMNS = "gongwen:fit-columns"  # the renderer sets this table's widths from its content


def table(columns: list[Column], rows: str, *, fit: bool = False) -> str:
    """A full-width table with a repeated heading row and one row per item of `rows`; with
    `fit`, the renderer sizes its columns from what the rows hold."""
    total = sum(c.width for c in columns)
    widths = [round(g.twips(g.TYPE_WIDTH) * c.width / total) for c in columns]
    edges = "".join(
        f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for e in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    tblpr = (
        f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{edges}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar>"
        + (f'<w:tblDescription w:val="{FIT_COLUMNS}"/>' if fit else "")
        + "</w:tblPr>"
    )
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"

    def row(cells: list[tuple[str, str]], look: Look, header: bool = False) -> str:
        trpr = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            + para(text, Para(style="GwTableText", align=align, line=g.TABLE_LINE), look)
            + "</w:tc>"
            for (text, align), w in zip(cells, widths, strict=True)
        )
        return f"<w:tr>{trpr}{tcs}</w:tr>"

    def control(jinja: str) -> str:
        cells = [(jinja, "center")] + [("", "center")] * (len(columns) - 1)
        return row(cells, TABLE)

    return (
        f"<w:tbl>{tblpr}{grid}"
        + row([(c.heading, "center") for c in columns], TABLE_HEAD, header=True)
        + control(f"{{%tr for row in {rows} %}}")
        + row([(c.value, c.align) for c in columns], TABLE)
        + control("{%tr endfor %}")
        + "</w:tbl>"
    )
