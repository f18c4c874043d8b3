"""File names that are safe on Windows, macOS and Linux, and unique within one set."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 80  # characters; leaves room for a folder path under Windows' 260
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(10)}


def safe_stem(text: str) -> str:
    """`text` made usable as a file name stem on every common system."""
    stem = unicodedata.normalize("NFC", text)
    stem = _FORBIDDEN.sub("_", stem)
    stem = re.sub(r"\.{2,}", "_", stem).strip(" ._")
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return stem[:MAX_STEM].rstrip(" .") or "_"


def unique(stem: str, taken: set[str], suffix: str = ".docx") -> str:
    """`stem` + `suffix`, numbered -2, -3 … when the name (ignoring case) is already taken."""
    n, name = 1, stem + suffix
    while name.casefold() in taken:
        n += 1
        tail = f"-{n}"
        name = stem[: MAX_STEM - len(tail)] + tail + suffix
    taken.add(name.casefold())
    return name
