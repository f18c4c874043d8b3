"""Every message marked in the code has a Chinese translation in the catalogue."""

from __future__ import annotations

import json
import shutil
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


@pytest.fixture()
def fresh_catalogue():
    """The catalogue read again in the test, and again after it."""
    _catalogue.cache_clear()
    yield
    _catalogue.cache_clear()


def _parsed(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("GONGWEN_CACHE_DIR", "")  # no cache: straight from the .po files
    _catalogue.cache_clear()
    return dict(_catalogue("zh"))


def test_the_cached_catalogue_is_the_parsed_one(tmp_path, monkeypatch, fresh_catalogue):
    parsed = _parsed(monkeypatch)
    monkeypatch.setenv("GONGWEN_CACHE_DIR", str(tmp_path))
    _catalogue.cache_clear()
    assert _catalogue("zh") == parsed  # first run: parsed and written
    (cache,) = tmp_path.glob("catalogue*-zh_CN-*.json")
    assert json.loads(cache.read_text(encoding="utf-8")) == parsed
    cache.write_text(json.dumps({**parsed, "late": "从缓存读出"}), encoding="utf-8")
    _catalogue.cache_clear()
    assert t("late") == "从缓存读出"  # the second run reads the cache, not the .po files
    assert len(parsed) > 300


def test_a_damaged_cache_is_read_past_and_replaced(tmp_path, monkeypatch, fresh_catalogue):
    parsed = _parsed(monkeypatch)
    monkeypatch.setenv("GONGWEN_CACHE_DIR", str(tmp_path))
    _catalogue.cache_clear()
    _catalogue("zh")
    (cache,) = tmp_path.glob("catalogue*-zh_CN-*.json")
    for damage in ('{"truncated', '["not", "a", "mapping"]', '{"msgid": 3}'):
        cache.write_text(damage, encoding="utf-8")
        _catalogue.cache_clear()
        assert _catalogue("zh") == parsed
        assert t("late") == parsed["late"]


def test_a_changed_po_file_is_not_answered_from_the_cache(tmp_path, monkeypatch, fresh_catalogue):
    import gongwen.i18n as i18n

    locale = tmp_path / "locale"
    shutil.copytree(i18n._LOCALE_DIR, locale)
    monkeypatch.setattr(i18n, "_LOCALE_DIR", locale)
    monkeypatch.setenv("GONGWEN_CACHE_DIR", str(tmp_path / "cache"))
    _catalogue.cache_clear()
    assert t("late") == "逾期"
    po = locale / "zh_CN" / "LC_MESSAGES" / "core.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "late"\nmsgstr "逾期"', 'msgid "late"\nmsgstr "迟交"'),
                  encoding="utf-8")  # fmt: skip
    _catalogue.cache_clear()
    assert t("late") == "迟交"
    assert len(list((tmp_path / "cache").glob("*.json"))) == 2


def test_an_empty_cache_setting_writes_nothing(tmp_path, monkeypatch, fresh_catalogue):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("GONGWEN_CACHE_DIR", "")
    _catalogue.cache_clear()
    assert t("late") != "late"
    assert list(tmp_path.rglob("*")) == []


def test_no_home_folder_means_no_cache_not_a_crash(monkeypatch, fresh_catalogue):
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("GONGWEN_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    _catalogue.cache_clear()
    assert t("late") == "逾期"
