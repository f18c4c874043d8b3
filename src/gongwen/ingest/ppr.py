"""Paragraph properties as one `w:pPr` states them, and how layers of them combine.

A paragraph's pPr is layered: document defaults, table style, paragraph style chain, list
level, direct formatting. Each layer states some attributes; a higher layer overrides a
lower one attribute by attribute, except where OOXML says otherwise: a first-line and a
hanging indent exclude each other (17.3.1.12), and custom tab stops add up across the
layers, a `clear` stop removing an inherited stop at its position (17.3.1.37).
"""

from __future__ import annotations

from lxml import etree

from gongwen.ingest.ooxml import w

Props = dict[str, object]
# a custom tab stop: (position in twips from the text's left edge, kind: left, center, right,
# decimal); kept sorted by position
TabStops = tuple[tuple[float, str], ...]

_VAL, _POS = w("val"), w("pos")
_JC, _IND, _SPACING, _PAGE_BREAK_BEFORE = w("jc"), w("ind"), w("spacing"), w("pageBreakBefore")
_LINE, _LINE_RULE, _FRAME, _XALIGN = w("line"), w("lineRule"), w("framePr"), w("xAlign")
_NUM_PR, _NUM_ID, _ILVL, _TABS, _TAB = w("numPr"), w("numId"), w("ilvl"), w("tabs"), w("tab")
_IND_ATTRS = {
    w("left"): "left",
    w("start"): "left",
    w("right"): "right",
    w("end"): "right",
    w("firstLine"): "firstLine",
    w("hanging"): "hanging",
    w("leftChars"): "leftChars",
    w("startChars"): "leftChars",
    w("rightChars"): "rightChars",
    w("endChars"): "rightChars",
    w("firstLineChars"): "firstLineChars",
    w("hangingChars"): "hangingChars",
}
# a first-line indent and a hanging indent exclude each other, in each unit
_EXCLUSIVE = {"firstLine": "hanging", "hanging": "firstLine",
              "firstLineChars": "hangingChars", "hangingChars": "firstLineChars"}  # fmt: skip
# the same indent counted in 字: what a list level's indent in twips replaces too
CHAR_UNITS = {"left": ("leftChars",), "right": ("rightChars",),
              "firstLine": ("firstLineChars", "hangingChars"),
              "hanging": ("firstLineChars", "hangingChars")}  # fmt: skip
# w:tab/@w:val → the kind of stop; bar draws a rule and stops nothing; num is Word 95's list tab
_TAB_KINDS = {"left": "left", "start": "left", "num": "left", "center": "center",
              "right": "right", "end": "right", "decimal": "decimal", "clear": "clear"}  # fmt: skip
_UNIT_TWIPS = {"pt": 20.0, "mm": 1440 / 25.4, "cm": 14400 / 25.4, "in": 1440.0, "pc": 240.0}


def on_off(element: etree._Element) -> bool:
    """The value of an OOXML on/off element (absent w:val means on)."""
    return element.get(_VAL) not in ("0", "false", "off")


def twips(value: str | None) -> float | None:
    """A twips measure (plain number or a universal measure such as `1.5cm`) in twips."""
    if value is None:
        return None
    value = value.strip()
    try:
        return float(value)
    except ValueError:
        pass
    factor = _UNIT_TWIPS.get(value[-2:])
    if factor is None:
        return None
    try:
        return float(value[:-2]) * factor
    except ValueError:
        return None


def read_ppr(ppr: etree._Element | None) -> Props:
    """The paragraph properties stated on one `w:pPr` element."""
    props: Props = {}
    if ppr is None:
        return props
    for child in ppr:
        tag = child.tag
        if tag == _JC:
            props["jc"] = child.get(_VAL)
        elif tag == _IND:
            for attr, key in _IND_ATTRS.items():
                value = twips(child.get(attr))
                if value is not None:
                    props[key] = value
        elif tag == _SPACING:
            for key in ("line", "before", "after"):
                value = twips(child.get(w(key)))
                if value is not None:
                    props[key] = value
            if child.get(_LINE) is not None:
                props["lineRule"] = child.get(_LINE_RULE) or "auto"
        elif tag == _PAGE_BREAK_BEFORE:
            props["pageBreakBefore"] = on_off(child)
        elif tag == _FRAME and child.get(_XALIGN):
            props["frameAlign"] = child.get(_XALIGN)
        elif tag == _NUM_PR:
            num_id, ilvl = child.find(_NUM_ID), child.find(_ILVL)
            if num_id is not None:
                props["numId"] = num_id.get(_VAL)
            level = ilvl.get(_VAL, "") if ilvl is not None else ""
            if level.isascii() and level.isdecimal():  # not "²": isdigit, but no int
                props["ilvl"] = int(level)
        elif tag == _TABS:
            props["tabs"] = _tabs(child)
    return props


def _tabs(tabs: etree._Element) -> TabStops:
    """The stops one `w:tabs` states, `clear` ones included (they act when layers merge)."""
    stops: dict[float, str] = {}
    for tab in tabs.iterfind(_TAB):
        kind = _TAB_KINDS.get(tab.get(_VAL) or "")
        position = twips(tab.get(_POS))
        if kind is not None and position is not None:
            stops[position] = kind
    return tuple(sorted(stops.items()))


def list_number(props: Props) -> tuple[str, int | None] | None:
    """The list instance and level of effective pPr `props` (None: not a numbered paragraph)."""
    num_id = props.get("numId")
    if not num_id or num_id == "0":  # 0 removes numbering a style gave
        return None
    return str(num_id), props.get("ilvl")  # type: ignore[return-value]


def merge_ppr(base: Props, layer: Props) -> Props:
    """`base` with `layer` on top, attribute by attribute (tab stops stop by stop)."""
    merged = dict(base)
    for key in layer:
        other = _EXCLUSIVE.get(key)
        if other is not None:
            merged.pop(other, None)
    merged.update(layer)
    if "tabs" in layer:
        stops = dict(base.get("tabs", ()))  # type: ignore[call-overload]
        for position, kind in layer["tabs"]:  # type: ignore[attr-defined]
            stops.pop(position, None)
            if kind != "clear":
                stops[position] = kind
        merged["tabs"] = tuple(sorted(stops.items()))
    return merged


def tab_stops(props: Props) -> TabStops:
    """The custom tab stops in effect in merged pPr `props` (a lone `clear` stops nothing)."""
    return tuple(stop for stop in props.get("tabs", ()) if stop[1] != "clear")  # type: ignore[attr-defined]
