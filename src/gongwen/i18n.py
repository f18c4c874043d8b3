"""User-facing messages through babel message catalogues.

Message ids are English with `{name}` placeholders; Chinese (the default) comes from
the `zh_CN` catalogue. Every `.po` file under `locale/<lang>/LC_MESSAGES/` is merged,
so each layer keeps its own catalogue file (core.po, checks.po, case.po, ...).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
from pathlib import Path

DEFAULT_LANG = "zh"
LANGS = {"zh": "zh_CN", "en": "en"}
_LOCALE_DIR = Path(__file__).parent / "locale"


def N_(msgid: str) -> str:  # the gettext convention for "mark, translate later"
    """Mark `msgid` for extraction; translate it later with `t`."""
    return msgid


@functools.cache
def _catalogue(lang: str) -> dict[str, str]:
    locale = LANGS.get(lang)
    if locale is None:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    folder = _LOCALE_DIR / locale / "LC_MESSAGES"
    if not folder.is_dir():
        return {}
    sources = [(po.name, po.read_bytes()) for po in sorted(folder.glob("*.po"))]
    digest = hashlib.sha256()
    for name, data in sources:
        digest.update(b"%s\0%d\0%s" % (name.encode(), len(data), data))
    cache = _cache_file(f"catalogue{_CACHE_FORMAT}-{locale}-{digest.hexdigest()[:24]}.json")
    cached = _read_cached(cache) if cache else None
    if cached is not None:
        return cached
    from babel.messages.pofile import read_po

    messages: dict[str, str] = {}
    for _, data in sources:
        for message in read_po(io.BytesIO(data), locale=locale):
            if message.id and message.string and not message.fuzzy:
                messages[str(message.id)] = str(message.string)
    if cache:
        _write_cached(cache, messages)
    return messages


_CACHE_FORMAT = 1  # raise when what is cached changes, so no older file is read


# Reading the .po files with babel takes some 130 ms, more than the rest of starting a
# command; the merged catalogue is kept as JSON in the user's cache folder, under a digest
# of the .po files, so only the first run after a change pays for it.
def _cache_file(name: str) -> Path | None:
    """The cache file `name`: in $GONGWEN_CACHE_DIR (empty: no cache), else ~/.cache/gongwen."""
    configured = os.environ.get("GONGWEN_CACHE_DIR")
    if configured is not None:
        return Path(configured, name) if configured else None
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except (RuntimeError, KeyError):  # no HOME and no passwd entry (a container's bare uid)
        return None
    return Path(base, "gongwen", name)


def _read_cached(path: Path) -> dict[str, str] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    # the file is the user's own, written whole (atomically): a shape check is enough
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        return None  # not ours, or damaged: read the .po files again
    return data


def _write_cached(path: Path, messages: dict[str, str]) -> None:
    from gongwen.writing import write_text

    # a read-only home: the catalogue is read from the .po files every time
    with contextlib.suppress(OSError):
        write_text(path, json.dumps(messages, ensure_ascii=False, sort_keys=True))


def t(msgid: str, lang: str = DEFAULT_LANG, /, **kwargs: object) -> str:
    """`msgid` translated into `lang` and formatted with `kwargs`."""
    text = _catalogue(lang).get(msgid, msgid)
    return text.format(**kwargs) if kwargs else text


def check_lang(lang: str) -> str:
    """`lang` if it is supported, else ValueError."""
    _catalogue(lang)
    return lang
