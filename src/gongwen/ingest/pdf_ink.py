"""Ink: where the characters are actually inked in a region of a page, read by rasterising
it with poppler's pdftoppm (a glyph's box is the font's line box, not its ink)."""

from __future__ import annotations

import math
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from gongwen.i18n import N_
from gongwen.ingest import IngestError
from gongwen.units import Length, Pt


@dataclass(frozen=True, slots=True)
class Ink:
    """The inked extent inside a region of a page."""

    top: Length
    bottom: Length
    left: Length
    right: Length


def ink(
    path: str | Path,
    page: int,
    top: Length,
    bottom: Length,
    left: Length,
    right: Length,
    *,
    dpi: int = 300,
    threshold: int = 160,
) -> Ink | None:
    """The inked extent inside the region (None when it is blank), from `pdftoppm`."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise IngestError("IO004", N_("pdftoppm (poppler-utils) is needed to measure ink"))
    px = dpi / 72
    x, y = math.floor(Length(left).pt * px), math.floor(Length(top).pt * px)
    w = max(1, math.ceil(Length(right).pt * px) - x)
    h = max(1, math.ceil(Length(bottom).pt * px) - y)
    out = subprocess.run(
        [
            exe,
            "-f",
            str(page),
            "-l",
            str(page),
            "-r",
            str(dpi),
            "-gray",
            "-x",
            str(x),
            "-y",
            str(y),
            "-W",
            str(w),
            "-H",
            str(h),
            str(path),
        ],
        capture_output=True,
        check=False,
        timeout=60,
    )
    if out.returncode != 0:
        raise IngestError(
            "IO001",
            N_("cannot read the file: {reason}"),
            {"reason": out.stderr.decode(errors="replace").strip()},
            file=Path(path).name,
        )
    width, height, pixels = _pgm(out.stdout)
    rows = [r for r in range(height) if min(pixels[r * width : (r + 1) * width]) < threshold]
    if not rows:
        return None
    cols = [
        c
        for c in range(width)
        if min(pixels[rows[0] * width + c : (rows[-1] + 1) * width : width]) < threshold
    ]

    def at(offset: int, count: float) -> Length:
        return Pt((offset + count) / px)

    return Ink(
        top=at(y, rows[0]),
        bottom=at(y, rows[-1] + 1),
        left=at(x, cols[0]),
        right=at(x, cols[-1] + 1),
    )


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (P5) as pdftoppm writes it."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos : pos + width * height]
