"""The official-face aliases of `fonts/fonts.conf`, and which of them a PDF was rendered with.

The alias file is the one source: LibreOffice reads it through fontconfig, and this module
reads the same file to map the free faces embedded in a PDF back to the official names.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gongwen.resources import data_dir

FONTS_CONF_ENV = "GONGWEN_FONTCONFIG"
_REGION = re.compile(r"cjk\s*(sc|tc|jp|kr|hk)\b", re.IGNORECASE)
_SYSTEM = Path("/etc/fonts")
_SUFFIX = re.compile(r"-v?kana$|-(vert|vrt2)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FreeFace:
    """The free face fontconfig puts in for an official name."""

    family: str
    bold: bool = False

    @property
    def label(self) -> str:
        """The face as a person names it: `Noto Serif CJK SC Bold`."""
        return f"{self.family} Bold" if self.bold else self.family

    @property
    def key(self) -> str:
        """A spelling that embedded PostScript names reduce to as well."""
        return _key(self.family) + ("bold" if self.bold else "regular")


def _key(name: str) -> str:
    name = _SUFFIX.sub("", name)
    return re.sub(r"[\s_\-]", "", _REGION.sub("cjk", name)).lower()


def embedded_key(base_font: str) -> str:
    """`NotoSerifCJKjp-Bold-VKana` → `notoserifcjkbold`; a face without a weight is regular."""
    key = _key(base_font)
    return key if key.endswith(("bold", "regular", "light", "medium")) else key + "regular"


def fonts_conf() -> Path | None:
    """The shipped alias file (or $GONGWEN_FONTCONFIG), None when neither exists."""
    override = os.environ.get(FONTS_CONF_ENV)
    if override:
        path = Path(override)
        return path if path.is_file() else None
    try:
        path = data_dir("fonts") / "fonts.conf"
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


def aliases(conf: Path, _seen: frozenset[Path] = frozenset()) -> dict[str, FreeFace]:
    """Official face name (casefolded) → the free face the alias file accepts for it.

    Files it includes are read too (a local file may wrap the shipped one), except the
    system's own configuration, whose generic aliases (serif, sans-serif) are not ours.
    """
    root = ET.parse(conf).getroot()
    table: dict[str, FreeFace] = {}
    for include in root.iter("include"):
        target = Path((include.text or "").strip()).expanduser()
        if not target.is_absolute():
            target = conf.parent / target
        if target.is_file() and target not in _seen and _SYSTEM not in target.parents:
            table.update(aliases(target, _seen | {conf}))
    for alias in root.iter("alias"):
        official = alias.findtext("family")
        free = alias.findtext("accept/family") or alias.findtext("prefer/family")
        if official and free:
            table[official.strip().casefold()] = FreeFace(free.strip())
    for match in root.iter("match"):
        if match.get("target", "pattern") != "pattern":
            continue
        official = match.findtext("test[@name='family']/string")
        free = match.findtext("edit[@name='family']/string")
        if not (official and free):
            continue
        weight = match.find("edit[@name='weight']/const")
        bold = weight is not None and (weight.text or "").strip() == "bold"
        table[official.strip().casefold()] = FreeFace(free.strip(), bold)
    return table


def substituted(
    requested: Iterable[str], embedded: Iterable[str], table: dict[str, FreeFace]
) -> dict[str, FreeFace]:
    """Official names asked for whose free stand-in is embedded in the PDF.

    Where an official face is installed fontconfig keeps it first, LibreOffice embeds it, and
    its stand-in is absent from the PDF: that face is not reported.
    """
    keys = {embedded_key(name) for name in embedded}
    found: dict[str, FreeFace] = {}
    for name in requested:
        face = table.get(name.strip().casefold())
        if face is not None and face.key in keys:
            found[name.strip()] = face
    return found


def stand_ins(embedded: Iterable[str], table: dict[str, FreeFace]) -> dict[str, FreeFace]:
    """Without the requested names: the first official name of each stand-in the PDF embeds."""
    keys = {embedded_key(name) for name in embedded}
    found: dict[str, FreeFace] = {}
    seen: set[str] = set()
    for official, face in table.items():
        if face.key in keys and face.key not in seen:
            seen.add(face.key)
            found[official] = face
    return found
