"""File names that are safe on Windows, macOS and Linux, and unique within one set."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 80  # characters; leaves room for a folder path under Windows' 260
# Linux and macOS allow 255 bytes a name: 80 characters of four UTF-8 bytes would not fit.
MAX_STEM_BYTES = 200
# Path separators, characters Windows refuses, control characters, and the invisible ones
# (zero-width, bidirectional overrides, BOM, lone surrogates) that make a name lie.
_FORBIDDEN = re.compile(
    '[\\\\/:*?"<>|\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]+'
)
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(10)}


def safe_stem(text: str) -> str:
    """`text` made usable as a file name stem on every common system."""
    stem = unicodedata.normalize("NFC", text)
    stem = _FORBIDDEN.sub("_", stem)
    stem = re.sub(r"\.{2,}", "_", stem).strip(" ._")
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    stem = stem[:MAX_STEM]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    return stem.rstrip(" .") or "_"


def unique(stem: str, taken: set[str], suffix: str = ".docx") -> str:
    """`stem` + `suffix`, numbered -2, -3 … when the name (ignoring case) is already taken."""
    n, name = 1, stem + suffix
    while name.casefold() in taken:
        n += 1
        tail = f"-{n}"
        name = stem[: MAX_STEM - len(tail)] + tail + suffix
    taken.add(name.casefold())
    return name
