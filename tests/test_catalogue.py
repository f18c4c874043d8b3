"""Every message marked in the code has a Chinese translation in the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

import gongwen
from gongwen.i18n import _catalogue, t

SRC = Path(gongwen.__file__).parent
KEYWORDS = {"N_": None, "t": (1,), "_": None}


def marked_messages() -> list[tuple[str, int, str]]:
    """(file, line, msgid) of every string literal marked for translation."""
    found = []
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(SRC), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, str) and message:
            found.append((filename, lineno, message))
    return found


def test_the_code_marks_messages():
    assert len(marked_messages()) > 20


@pytest.mark.parametrize("where", marked_messages(), ids=lambda w: f"{w[0]}:{w[1]}")
def test_every_marked_message_has_a_chinese_translation(where):
    filename, lineno, msgid = where
    assert msgid in _catalogue("zh"), f"{filename}:{lineno}: no zh_CN translation for {msgid!r}"


def test_english_is_the_message_id_and_chinese_is_the_default():
    assert t("late", "en") == "late"
    assert t("late") == "逾期"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        t("late", "fr")
