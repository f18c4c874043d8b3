"""A PDF font as the content interpreter needs it: character codes, their text (through
the ToUnicode map) and their advance widths."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gongwen.ingest.pdf_layout import base_font_name


class PdfFont:
    """Widths and the code → text map of one font resource."""

    def __init__(self, font: Any) -> None:
        self.name = base_font_name(str(font.get("/BaseFont", "")))
        self.two_byte = font.get("/Subtype") == "/Type0"
        self.widths: dict[int, float] = {}
        self.default_width = 1000.0 if self.two_byte else 500.0
        if self.two_byte:
            desc = font["/DescendantFonts"][0].get_object()
            self.default_width = float(desc.get("/DW", 1000))
            self._cid_widths(desc.get("/W", []))
        else:
            first = int(font.get("/FirstChar", 0))
            for i, w in enumerate(font.get("/Widths", []) or []):
                self.widths[first + i] = float(w)
        self.unicode = _to_unicode(font.get("/ToUnicode"))

    def _cid_widths(self, w: Any) -> None:
        items = list(w)
        i = 0
        while i < len(items):
            start = int(items[i])
            nxt = items[i + 1]
            if isinstance(nxt, list) or hasattr(nxt, "__iter__"):
                for j, width in enumerate(nxt):
                    self.widths[start + j] = float(width)
                i += 2
            else:
                for code in range(start, int(nxt) + 1):
                    self.widths[code] = float(items[i + 2])
                i += 3

    def codes(self, data: bytes) -> Iterator[int]:
        if self.two_byte:
            for i in range(0, len(data) - 1, 2):
                yield data[i] << 8 | data[i + 1]
        else:
            yield from data

    def text(self, code: int) -> str:
        if code in self.unicode:
            return self.unicode[code]
        return chr(code) if not self.two_byte and 32 <= code < 127 else ""


def _to_unicode(stream: Any) -> dict[int, str]:
    if stream is None:
        return {}
    data = stream.get_object().get_data().decode("latin-1")
    mapping: dict[int, str] = {}

    def text(hexstr: str) -> str:
        raw = bytes.fromhex(hexstr)
        return raw.decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[int(src, 16)] = text(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])", block
        ):
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if dst.startswith("["):
                targets = re.findall(r"<([0-9A-Fa-f]*)>", dst)
                for offset, target in enumerate(targets):
                    mapping[lo_i + offset] = text(target)
            else:
                base = int(dst[1:-1], 16)
                for offset in range(hi_i - lo_i + 1):
                    mapping[lo_i + offset] = chr(base + offset)
    return mapping
