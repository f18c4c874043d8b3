"""Where text frames, text boxes and table cells sit across the page (`model.Box`).

A 署名 and 成文日期 are often placed with one of these instead of indents; a check of their
position needs the box's left edge and width. Read here from w:framePr, from a DrawingML
anchor (wp:anchor with wps:txbx), from a VML shape's style (v:textbox) and from a table's
grid (w:tblGrid, w:tblInd, w:gridSpan and the cell margins).

A box aligned `outside` or `inside` (Word's book layout, a page number's usual frame or WPS
text box) is mirrored by page parity: outside is right on odd pages and left on even ones,
inside the reverse. Word does this by the page number alone; mirror margins and odd and even
footers are not needed for it.
"""

from __future__ import annotations

import re

from lxml import etree

from gongwen.ingest.ooxml import V_NS, WPS_NS, a, w
from gongwen.ingest.styles import twips
from gongwen.model import Alignment, Box, BoxKind
from gongwen.units import EMU_PER_PT, Length, Pt, Twips

_WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_ANCHOR, _INLINE = f"{{{_WP_NS}}}anchor", f"{{{_WP_NS}}}inline"
_WSP, _BODY_PR = f"{{{WPS_NS}}}wsp", f"{{{WPS_NS}}}bodyPr"
_SP_AUTO_FIT = a("spAutoFit")
_V_TEXTBOX = f"{{{V_NS}}}textbox"
_ALIGNS = {"left": Alignment.LEFT, "center": Alignment.CENTER, "right": Alignment.RIGHT}
# a box's horizontal alignment word → (where it stands on odd pages, mirrored on even ones)
_PLACES = {**{word: (side, False) for word, side in _ALIGNS.items()},
           "outside": (Alignment.RIGHT, True), "inside": (Alignment.LEFT, True)}  # fmt: skip
# the edges a position is measured from: the page's, or the margins' (and the column's)
_FROM_PAGE = frozenset(("page",))
_DRAWING_INSET = Length(91_440)  # 0.1 in, DrawingML's default left and right inset
_VML_INSET = Pt(7.2)  # 0.1 in, VML's default
_CELL_MARGIN = Twips(108)  # Word's default left and right cell margin (0.19 cm)
_VML_UNITS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0}
_VML_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*(pt|in|cm|mm|px|pc)?\s*$")


def frame_box(ppr: etree._Element | None) -> Box | None:
    """The text frame a paragraph's w:framePr sets it in, or None."""
    frame = ppr.find(w("framePr")) if ppr is not None else None
    if frame is None:
        return None
    x, width = twips(frame.get(w("x"))), twips(frame.get(w("w")))
    align, mirrored = _PLACES.get(frame.get(w("xAlign")) or "", (None, False))
    return Box(
        BoxKind.FRAME,
        left=Twips(x) if x is not None else None,
        width=Twips(width) if width else None,  # 0 or absent: as wide as the text
        align=align,
        from_page=frame.get(w("hAnchor")) in _FROM_PAGE,
        mirrored=mirrored,
    )


def textbox_box(content: etree._Element) -> Box:
    """The text box a w:txbxContent stands in, from its DrawingML anchor or its VML shape."""
    holder = content.getparent()
    if holder is not None and holder.tag == _V_TEXTBOX:
        return _vml_box(holder)
    shape = next(content.iterancestors(_WSP), None)
    anchor = next(content.iterancestors(_ANCHOR, _INLINE), None)
    if anchor is None or anchor.tag == _INLINE:
        return Box(BoxKind.TEXTBOX)  # in the line of text: where it lands is not known here
    extent = anchor.find(f"{{{_WP_NS}}}extent")
    body = shape.find(_BODY_PR) if shape is not None else None
    position = anchor.find(f"{{{_WP_NS}}}positionH")
    left, align, from_page, mirrored = None, None, False, False
    if position is not None:
        from_page = position.get("relativeFrom") in _FROM_PAGE
        offset = position.find(f"{{{_WP_NS}}}posOffset")
        aligned = position.find(f"{{{_WP_NS}}}align")
        if offset is not None and offset.text:
            left = _emu(offset.text)
        elif aligned is not None:
            align, mirrored = _PLACES.get((aligned.text or "").strip(), (None, False))
    # a box that does not wrap its text and grows to fit it is as wide as its text
    fitted = body is not None and body.get("wrap") == "none" and body.find(_SP_AUTO_FIT) is not None
    return Box(
        BoxKind.TEXTBOX,
        left=left,
        width=_emu(extent.get("cx")) if extent is not None and not fitted else None,
        align=align,
        from_page=from_page,
        inset_left=_inset(body, "lIns"),
        inset_right=_inset(body, "rIns"),
        mirrored=mirrored,
    )


def _inset(body: etree._Element | None, name: str) -> Length:
    value = _emu(body.get(name)) if body is not None else None
    return _DRAWING_INSET if value is None else value


def _vml_box(textbox: etree._Element) -> Box:
    shape = textbox.getparent()
    style = _style(shape.get("style", "") if shape is not None else "")
    insets = [_vml_length(v) for v in textbox.get("inset", "").split(",")]
    inset_left = insets[0] if insets and insets[0] is not None else _VML_INSET
    inset_right = insets[2] if len(insets) > 2 and insets[2] is not None else _VML_INSET
    aligned, mirrored = _PLACES.get(style.get("mso-position-horizontal", ""), (None, False))
    # WPS's page-number box: no wrapping, the shape fitted to its text
    fitted = style.get("mso-wrap-style") == "none" and _style(textbox.get("style", "")).get(
        "mso-fit-shape-to-text"
    ) in ("t", "true")
    return Box(
        BoxKind.TEXTBOX,
        left=None if aligned else _vml_length(style.get("margin-left", "")),
        width=None if fitted else _vml_length(style.get("width", "")),
        align=aligned,
        from_page=style.get("mso-position-horizontal-relative") in _FROM_PAGE,
        inset_left=inset_left,
        inset_right=inset_right,
        mirrored=mirrored,
    )


def cell_boxes(table: etree._Element, rows: list[list[etree._Element]]) -> list[list[Box]]:
    """The box of every cell of `table` (rows of w:tc), from its grid and cell margins."""
    columns = table.iterfind(f"{w('tblGrid')}/{w('gridCol')}")
    grid = [twips(col.get(w("w"))) or 0.0 for col in columns]
    props = table.find(w("tblPr"))
    indent = _twips_attr(props, "tblInd", "w") or 0.0
    jc = props.find(w("jc")) if props is not None else None
    table_align = _ALIGNS.get(jc.get(w("val")) or "") if jc is not None else None
    margins = props.find(w("tblCellMar")) if props is not None else None
    default_left = _margin(margins, ("left", "start"), _CELL_MARGIN)
    default_right = _margin(margins, ("right", "end"), _CELL_MARGIN)
    boxes: list[list[Box]] = []
    for row in rows:
        column = 0
        row_boxes = []
        for cell in row:
            tc_pr = cell.find(w("tcPr"))
            span = int(_twips_attr(tc_pr, "gridSpan", "val") or 1)
            own = tc_pr.find(w("tcMar")) if tc_pr is not None else None
            known = column + span <= len(grid)
            # a centred or right table is placed against the margins: its cells from its edge
            placed = table_align in (Alignment.CENTER, Alignment.RIGHT)
            row_boxes.append(
                Box(
                    BoxKind.CELL,
                    left=Twips((0.0 if placed else indent) + sum(grid[:column])) if known else None,
                    width=Twips(sum(grid[column : column + span])) if known else None,
                    align=table_align if placed and known else None,
                    within=Twips(sum(grid)) if placed and known else None,
                    inset_left=_margin(own, ("left", "start"), default_left),
                    inset_right=_margin(own, ("right", "end"), default_right),
                )
            )
            column += span
        boxes.append(row_boxes)
    return boxes


def _margin(margins: etree._Element | None, names: tuple[str, ...], default: Length) -> Length:
    for name in names:
        value = _twips_attr(margins, name, "w")
        if value is not None:
            return Twips(value)
    return default


def _twips_attr(parent: etree._Element | None, child: str, attr: str) -> float | None:
    element = parent.find(w(child)) if parent is not None else None
    return twips(element.get(w(attr))) if element is not None else None


def _emu(value: str | None) -> Length | None:
    try:
        return Length(int(value)) if value is not None else None
    except ValueError:
        return None


def _style(style: str) -> dict[str, str]:
    pairs = (item.split(":", 1) for item in style.split(";") if ":" in item)
    return {key.strip().lower(): value.strip().lower() for key, value in pairs}


def _vml_length(value: str) -> Length | None:
    match = _VML_LENGTH.match(value)
    if not match:
        return None
    points = float(match[1]) * _VML_UNITS[match[2] or "px"]
    return Length(round(points * EMU_PER_PT))
