"""Effective formatting, resolved as Word resolves it.

The layers, lowest first: document defaults, the table style (cell paragraphs only),
the paragraph style and its `basedOn` chain, the character style and its chain, and
the run's direct formatting. Inside one `basedOn` chain a level overrides its parent
(turning a property off included). Bold, italic and hidden are toggles across the
style types: a table, paragraph or character style whose chain says `true` flips the
value reached so far, `false` leaves it; direct formatting sets it outright
(ECMA-376 Part 1, 17.7.3, and its rules of style inheritance). Theme font attributes
(`w:eastAsiaTheme` …) win over explicit names on the same element and are looked up in
the theme part, in the script of `w:themeFontLang` (Hans unless it says otherwise).

Each style is resolved once per document and each (table, paragraph, character)
style combination once; a run then only adds its own direct formatting.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from gongwen.ingest.ooxml import a, w
from gongwen.ingest.ppr import Props, merge_ppr, on_off, read_ppr, twips

__all__ = ["Props", "RunFormat", "StyleSheet", "apply_style_rpr", "on_off", "read_rpr", "twips"]

_VAL = w("val")
_RFONTS, _SZ, _COLOR, _SPACING, _W = w("rFonts"), w("sz"), w("color"), w("spacing"), w("w")
_HINT = w("hint")
_TOGGLES = {w("b"): "b", w("i"): "i", w("vanish"): "vanish"}
_TOGGLE_KEYS = frozenset(_TOGGLES.values())
_FONT_SLOTS = (("ascii", w("ascii"), w("asciiTheme")),
               ("hAnsi", w("hAnsi"), w("hAnsiTheme")),
               ("eastAsia", w("eastAsia"), w("eastAsiaTheme")))  # fmt: skip
# theme script of the East Asian fonts, by the language in w:themeFontLang/@w:eastAsia
_SCRIPTS = {"zh-TW": "Hant", "zh-HK": "Hant", "zh-MO": "Hant", "ja": "Jpan", "ko": "Hang"}
_DEFAULT_SIZE_PT = 10.0  # what Word shows when no level gives w:sz


class RunFormat(NamedTuple):
    """The effective formatting of a run: the fields of `model.Run` after its text."""

    font_east_asia: str | None
    font_ascii: str | None
    size_pt: float
    bold: bool
    italic: bool
    color: str | None
    char_spacing_pt: float | None
    char_scale_pct: int | None
    font_h_ansi: str | None
    east_asia_hint: bool
    hidden: bool


def _half_points(value: str | None) -> float | None:
    """A w:sz value (half-points, or a universal measure) in half-points."""
    if value is None:
        return None
    measure = twips(value)
    if measure is None:
        return None
    # a plain number is already in half-points; a measure with a unit came back in twips
    return measure if value.strip()[-1:].isdigit() else measure / 10


def theme_fonts(theme: etree._Element | None, east_asia_lang: str | None) -> dict[str, str]:
    """Theme font names such as `minorEastAsia` → typeface, for the document's language."""
    if theme is None:
        return {}
    lang = east_asia_lang or "zh-CN"
    script = _SCRIPTS.get(lang) or _SCRIPTS.get(lang.split("-")[0], "Hans")
    fonts: dict[str, str] = {}
    for kind in ("major", "minor"):
        scheme = theme.find(f".//{a(kind + 'Font')}")
        if scheme is None:
            continue
        latin = _typeface(scheme, "latin")
        east_asia = _typeface(scheme, "ea")
        if not east_asia:
            for font in scheme.iterfind(a("font")):
                if font.get("script") == script:
                    east_asia = font.get("typeface") or ""
        for name, face in (("Ascii", latin), ("HAnsi", latin), ("EastAsia", east_asia),
                           ("Bidi", _typeface(scheme, "cs"))):  # fmt: skip
            if face:
                fonts[kind + name] = face
    return fonts


def _typeface(scheme: etree._Element, tag: str) -> str:
    element = scheme.find(a(tag))
    return "" if element is None else element.get("typeface") or ""


def read_rpr(rpr: etree._Element | None, theme: dict[str, str]) -> Props:
    """The run properties stated on one `w:rPr` element."""
    props: Props = {}
    if rpr is None:
        return props
    for child in rpr:
        tag = child.tag
        if tag == _RFONTS:
            for slot, attr, theme_attr in _FONT_SLOTS:
                name = theme.get(child.get(theme_attr) or "") or child.get(attr)
                if name:
                    props["font." + slot] = name
            hint = child.get(_HINT)
            if hint:
                props["font.hint"] = hint
        elif tag == _SZ:
            size = _half_points(child.get(_VAL))
            if size is not None:
                props["sz"] = size
        elif tag in _TOGGLES:
            props[_TOGGLES[tag]] = on_off(child)
        elif tag == _COLOR:
            props["color"] = child.get(_VAL) or "auto"
        elif tag == _SPACING:
            spacing = twips(child.get(_VAL))
            if spacing is not None:
                props["spacing"] = spacing
        elif tag == _W:
            scale = child.get(_VAL, "").rstrip("%")
            if scale.isascii() and scale.isdecimal():
                props["w"] = int(scale)
    return props


def apply_style_rpr(base: Props, layer: Props) -> Props:
    """`base` with one style type's resolved run properties on top: a true toggle flips."""
    merged = dict(base)
    for key, value in layer.items():
        if key in _TOGGLE_KEYS:
            if value:
                merged[key] = not merged.get(key, False)
        else:
            merged[key] = value
    return merged


class _Style(NamedTuple):
    kind: str
    name: str
    based_on: str | None
    ppr: Props
    rpr: Props


class StyleSheet:
    """The styles of one document, resolved lazily and once each."""

    def __init__(
        self,
        styles: etree._Element | None,
        theme: etree._Element | None = None,
        east_asia_lang: str | None = None,
    ) -> None:
        self.theme = theme_fonts(theme, east_asia_lang)
        self._styles: dict[str, _Style] = {}
        self._default: dict[str, str] = {}
        self._chains: dict[str, tuple[Props, Props]] = {}
        self._bases: dict[tuple[str | None, str | None], tuple[Props, Props]] = {}
        self._run_bases: dict[tuple[str | None, str | None, str | None], Props] = {}
        self._default_ppr: Props = {}
        self._default_rpr: Props = {}
        if styles is not None:
            self._read(styles)

    def _read(self, root: etree._Element) -> None:
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self._default_rpr = read_rpr(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"), self.theme)
            self._default_ppr = read_ppr(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
        for style in root.iterfind(w("style")):
            style_id = style.get(w("styleId"))
            if not style_id:
                continue
            kind = style.get(w("type")) or "paragraph"
            name = style.find(w("name"))
            based_on = style.find(w("basedOn"))
            self._styles[style_id] = _Style(
                kind=kind,
                name=name.get(_VAL, style_id) if name is not None else style_id,
                based_on=based_on.get(_VAL) if based_on is not None else None,
                ppr=read_ppr(style.find(w("pPr"))),
                rpr=read_rpr(style.find(w("rPr")), self.theme),
            )
            if style.get(w("default")) in ("1", "true", "on") and kind not in self._default:
                self._default[kind] = style_id

    def paragraph_style(self, style_id: str | None) -> str | None:
        """The id of the paragraph style in effect for a `w:pStyle` value (or none given)."""
        if style_id in self._styles:
            return style_id
        return self._default.get("paragraph")

    def table_style(self, style_id: str | None) -> str | None:
        """The id of the table style in effect for a `w:tblStyle` value (or none given)."""
        if style_id in self._styles:
            return style_id
        return self._default.get("table")

    def character_style(self, style_id: str | None) -> str | None:
        """The id of a known character style, else None."""
        return style_id if style_id in self._styles else None

    def style_name(self, style_id: str | None) -> str | None:
        """The display name of a style."""
        style = self._styles.get(style_id or "")
        return style.name if style else None

    def _chain(self, style_id: str | None) -> tuple[Props, Props]:
        """A style's (pPr, rPr) through its basedOn chain: each level overrides, toggles too."""
        if style_id is None or style_id not in self._styles:
            return {}, {}
        cached = self._chains.get(style_id)
        if cached is not None:
            return cached
        chain: list[_Style] = []
        seen: set[str] = set()
        current: str | None = style_id
        while current in self._styles and current not in seen:  # a cycle ends the chain
            seen.add(current)
            chain.append(self._styles[current])
            current = self._styles[current].based_on
        ppr: Props = {}
        rpr: Props = {}
        for style in reversed(chain):
            ppr = merge_ppr(ppr, style.ppr)
            rpr = {**rpr, **style.rpr}
        self._chains[style_id] = (ppr, rpr)
        return ppr, rpr

    def paragraph_base(self, table: str | None, paragraph: str | None) -> tuple[Props, Props]:
        """(pPr, rPr) from defaults, table style and paragraph style."""
        key = (table, paragraph)
        cached = self._bases.get(key)
        if cached is not None:
            return cached
        ppr, rpr = dict(self._default_ppr), dict(self._default_rpr)
        for style_id in (table, paragraph):
            style_ppr, style_rpr = self._chain(style_id)
            ppr = merge_ppr(ppr, style_ppr)
            rpr = apply_style_rpr(rpr, style_rpr)
        self._bases[key] = (ppr, rpr)
        return ppr, rpr

    def list_layers(self, table: str | None, paragraph: str | None) -> tuple[Props, Props]:
        """The pPr layers a style-given list level goes between: (defaults, table style and
        the styles the list's style is based on; the list's style and those based on it).

        With no style naming a list, everything is below.
        """
        chain: list[_Style] = []
        current, seen = paragraph, set[str]()
        while current in self._styles and current not in seen:
            seen.add(current)
            chain.append(self._styles[current])
            if "numId" in self._styles[current].ppr:
                below = merge_ppr(self.paragraph_base(table, None)[0],
                                  self._chain(self._styles[current].based_on)[0])  # fmt: skip
                above: Props = {}
                for style in reversed(chain):
                    above = merge_ppr(above, style.ppr)
                return below, above
            current = self._styles[current].based_on
        return self.paragraph_base(table, paragraph)[0], {}

    def run_base(self, table: str | None, paragraph: str | None, char: str | None) -> Props:
        """rPr from every style layer for a run of character style `char`."""
        key = (table, paragraph, char)
        cached = self._run_bases.get(key)
        if cached is None:
            rpr = self.paragraph_base(table, paragraph)[1]
            cached = apply_style_rpr(rpr, self._chain(char)[1]) if char else rpr
            self._run_bases[key] = cached
        return cached

    def paragraph_props(self, table: str | None, paragraph: str | None, direct: Props) -> Props:
        """The effective pPr of a paragraph."""
        return merge_ppr(self.paragraph_base(table, paragraph)[0], direct)

    def run_format(self, base: Props, direct: Props) -> RunFormat:
        """The effective formatting of a run: style layers `base`, then direct formatting."""
        props = {**base, **direct} if direct else base
        spacing = props.get("spacing")
        color = props.get("color")
        size = props.get("sz")
        return RunFormat(
            font_east_asia=props.get("font.eastAsia"),  # type: ignore[arg-type]
            font_ascii=props.get("font.ascii") or props.get("font.hAnsi"),  # type: ignore[arg-type]
            size_pt=float(size) / 2 if size is not None else _DEFAULT_SIZE_PT,  # type: ignore[arg-type]
            bold=bool(props.get("b", False)),
            italic=bool(props.get("i", False)),
            color=None if color in (None, "auto") else str(color).upper(),
            char_spacing_pt=float(spacing) / 20 if spacing is not None else None,  # type: ignore[arg-type]
            char_scale_pct=props.get("w"),  # type: ignore[arg-type]
            font_h_ansi=props.get("font.hAnsi") or props.get("font.ascii"),  # type: ignore[arg-type]
            east_asia_hint=props.get("font.hint") == "eastAsia",
            hidden=bool(props.get("vanish", False)),
        )
