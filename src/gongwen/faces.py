"""Which of a run's faces Word sets each character in: ascii, hAnsi or eastAsia.

A run names up to four faces (`w:rFonts`); which one a character is drawn in depends on the
character (MS-OI29500 2.1.88, Word's reading of ECMA-376 17.3.2.26): Basic Latin (digits,
Latin letters, half-width punctuation) in the ascii face, CJK ideographs, CJK punctuation and
full-width forms in the eastAsia face, everything else in the hAnsi face, except that
`w:hint="eastAsia"` moves the characters Chinese and Latin text share (“ ” ‘ ’ — … · × and the
like) into the eastAsia face. The hint's Latin exceptions that Word makes only for Chinese runs
are taken as made: the documents read here are Chinese.
"""

from __future__ import annotations

import re
from enum import StrEnum

from gongwen.model import Run


class Slot(StrEnum):
    """The face of a run that sets a character."""

    ASCII = "ascii"
    H_ANSI = "hAnsi"
    EAST_ASIA = "eastAsia"


# (first, last) code points, sorted, never overlapping
_EAST_ASIAN = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FFF),  # CJK radicals, Kangxi radicals, ideographic description
    (0x3000, 0x33FF),  # CJK symbols and punctuation … CJK compatibility
    (0x3400, 0x4DBF),  # CJK Ext. A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA000, 0xA4CF),  # Yi
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x20000, 0x3FFFF),  # the supplementary ideographic planes
)
_SHARED = (
    (0x00A1, 0x00A1), (0x00A4, 0x00A4), (0x00A7, 0x00A8), (0x00AA, 0x00AA), (0x00AD, 0x00AD),
    (0x00AF, 0x00B4), (0x00B6, 0x00BA), (0x00BC, 0x00BF), (0x00D7, 0x00D7),
    (0x00E0, 0x00E1), (0x00E8, 0x00EA), (0x00EC, 0x00ED), (0x00F2, 0x00F3), (0x00F7, 0x00F7),
    (0x00F9, 0x00FA), (0x00FC, 0x00FC),  # pinyin vowels, Latin-1's shared signs
    (0x0100, 0x04FF),  # Latin Extended-A and B, IPA, modifiers, combining marks, Greek, Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x27BF),  # general punctuation … dingbats: “ ” ‘ ’ — … ※ → ①
    (0xE000, 0xF8FF),  # private use
)  # fmt: skip


def _class(*tables: tuple[tuple[int, int], ...], negated: bool = False) -> re.Pattern[str]:
    """A regex character class of the ranges: counting runs in the regex engine, not per
    character in Python, as `model.cjk_count` does."""
    spans = "".join(f"\\U{first:08x}-\\U{last:08x}" for table in tables for first, last in table)
    return re.compile(f"[{'^' if negated else ''}{spans}]")


_EAST_ASIAN_CHAR = _class(_EAST_ASIAN)
_SHARED_CHAR = _class(_SHARED)
# everything set in the eastAsia face (with the hint, and without), as a class to strip
_NOT_EAST_ASIAN = {
    True: _class(_EAST_ASIAN, _SHARED, negated=True),
    False: _class(_EAST_ASIAN, negated=True),
}


def slot(char: str, east_asia_hint: bool = False) -> Slot:
    """The face slot Word sets `char` in, for a run with or without `w:hint="eastAsia"`."""
    if ord(char) < 0x80:
        return Slot.ASCII
    if _EAST_ASIAN_CHAR.match(char) or (east_asia_hint and _SHARED_CHAR.match(char)):
        return Slot.EAST_ASIA
    return Slot.H_ANSI


def face_of(run: Run, char: str) -> str | None:
    """The face `char` of `run` is drawn in, as far as the run names it."""
    if run.font_east_asia == "Times New Roman" and run.font_ascii == run.font_h_ansi:
        return run.font_ascii  # Word's own exception: everything in the ascii face
    which = slot(char, run.east_asia_hint)
    if which == Slot.EAST_ASIA:
        return run.font_east_asia
    return run.font_ascii if which == Slot.ASCII else run.font_h_ansi or run.font_ascii


def east_asian_count(run: Run) -> int:
    """How many characters of `run` are set in its eastAsia face."""
    return len(_NOT_EAST_ASIAN[run.east_asia_hint].sub("", run.text))
