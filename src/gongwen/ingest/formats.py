"""Resolved formatting, shared by the documents of a batch that carry the same styles.

Resolving a paragraph's or a run's effective formatting depends only on the style sheet
(styles.xml), the theme fonts (theme1.xml in the script of `w:themeFontLang`) and the
element's own `w:pPr`/`w:rPr`. Reports made from one template, or saved by one version of
Word or WPS, carry byte-identical styles and themes, so the parsed sheet and everything
resolved through it are kept, keyed by a digest of those bytes, for the next document.
The sheets kept, the size of a shared styles part and the bytes each sheet's memos hold are
all bounded, so memory does not grow with the batch.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from lxml import etree

from gongwen.ingest.ooxml import parse_xml, w
from gongwen.ingest.paragraph_format import paragraph_format
from gongwen.ingest.ppr import list_number, read_ppr
from gongwen.ingest.styles import RunFormat, StyleSheet, read_rpr

_VAL, _P_STYLE, _R_STYLE = w("val"), w("pStyle"), w("rStyle")

SHEETS_KEPT = 8  # distinct style sheets remembered between documents
SHARED_STYLES_BYTES = 1024 * 1024  # a larger styles part is resolved for its document only
MEMO_BYTES = 1024 * 1024  # keys a sheet's memos hold (an rPr with its namespaces: 1–3 KB)

# (style id, style name, Paragraph formatting fields, (list instance, level) or None)
Layout = tuple[str | None, str | None, dict[str, object], tuple[str, int | None] | None]


class Formats:
    """The effective formatting of paragraphs and runs under one style sheet, memoised.

    Keys are the bytes of the element (`etree.tostring`): documents repeat a few `w:pPr`
    and `w:rPr` verbatim, and serialising one costs far less than resolving it.
    """

    def __init__(self, sheet: StyleSheet) -> None:
        self.sheet = sheet
        self._layouts: dict[tuple[str | None, bytes], Layout] = {}
        self._runs: dict[tuple[str | None, str | None, bytes], RunFormat] = {}
        self._labels: dict[tuple[str | None, str | None, bytes, bytes], RunFormat] = {}
        self._spent = 0  # bytes of the keys held

    def _remember(self, memo: dict, key: tuple, value: object, size: int) -> None:  # type: ignore[type-arg]
        """Keep `value` under `key`; past MEMO_BYTES of keys every memo starts again."""
        self._spent += size
        if self._spent > MEMO_BYTES:
            for each in (self._layouts, self._runs, self._labels):
                each.clear()
            self._spent = size
        memo[key] = value

    def layout(self, ppr: etree._Element | None, table_style: str | None) -> Layout:
        """The paragraph style, formatting and list number of a paragraph (see `Layout`)."""
        key = (table_style, etree.tostring(ppr) if ppr is not None else b"")
        cached = self._layouts.get(key)
        if cached is None:
            style_ref = ppr.find(_P_STYLE) if ppr is not None else None
            style_id = self.sheet.paragraph_style(
                style_ref.get(_VAL) if style_ref is not None else None
            )
            props = self.sheet.paragraph_props(table_style, style_id, read_ppr(ppr))
            cached = (
                style_id,
                self.sheet.style_name(style_id),
                paragraph_format(props),
                list_number(props),
            )
            self._remember(self._layouts, key, cached, len(key[1]))
        return cached

    def run(self, rpr: etree._Element | None, table: str | None, style: str | None) -> RunFormat:
        """The effective formatting of a run in a paragraph of `style` (and table `table`)."""
        key = (table, style, etree.tostring(rpr) if rpr is not None else b"")
        cached = self._runs.get(key)
        if cached is None:
            char_ref = rpr.find(_R_STYLE) if rpr is not None else None
            char = self.sheet.character_style(char_ref.get(_VAL) if char_ref is not None else None)
            cached = self.sheet.run_format(
                self.sheet.run_base(table, style, char), read_rpr(rpr, self.sheet.theme)
            )
            self._remember(self._runs, key, cached, len(key[2]))
        return cached

    def label(
        self,
        mark: etree._Element | None,
        level: etree._Element | None,
        table: str | None,
        style: str | None,
    ) -> RunFormat:
        """The formatting of a list number: the paragraph mark's, the level's rPr on top."""
        key = (table, style, _bytes(mark), _bytes(level))
        cached = self._labels.get(key)
        if cached is None:
            theme = self.sheet.theme
            direct = {**read_rpr(mark, theme), **read_rpr(level, theme)}
            cached = self.sheet.run_format(self.sheet.run_base(table, style, None), direct)
            self._remember(self._labels, key, cached, len(key[2]) + len(key[3]))
        return cached


def _bytes(element: etree._Element | None) -> bytes:
    return etree.tostring(element) if element is not None else b""


_SHEETS: OrderedDict[bytes, Formats] = OrderedDict()
_LOCK = threading.Lock()


Part = tuple[str, bytes]  # (part name, its bytes)


def formats_for(
    styles: Part | None, theme: Part | None, east_asia_lang: str | None, file: str | None = None
) -> Formats:
    """The Formats of a document with these styles and theme parts (parsed only when new)."""
    digest = hashlib.blake2b(digest_size=16)
    for piece in (styles[1] if styles else None, theme[1] if theme else None):
        digest.update(b"-" if piece is None else b"+%d:" % len(piece))
        digest.update(piece or b"")
    digest.update((east_asia_lang or "").encode())
    key = digest.digest()
    with _LOCK:
        found = _SHEETS.get(key)
        if found is not None:
            _SHEETS.move_to_end(key)
            return found
    sheet = StyleSheet(
        parse_xml(styles[1], styles[0], file) if styles else None,
        parse_xml(theme[1], theme[0], file) if theme else None,
        east_asia_lang,
    )
    formats = Formats(sheet)
    if styles and len(styles[1]) > SHARED_STYLES_BYTES:
        return formats  # a parsed sheet holds ~4× its bytes: not kept past its document
    with _LOCK:
        _SHEETS[key] = formats
        while len(_SHEETS) > SHEETS_KEPT:
            _SHEETS.popitem(last=False)
    return formats
