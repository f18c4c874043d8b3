"""User-facing messages through babel message catalogues.

Message ids are English with `{name}` placeholders; Chinese (the default) comes from
the `zh_CN` catalogue. Every `.po` file under `locale/<lang>/LC_MESSAGES/` is merged,
so each layer keeps its own catalogue file (core.po, checks.po, case.po, ...).
"""

from __future__ import annotations

import functools
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
    from babel.messages.pofile import read_po

    messages: dict[str, str] = {}
    for po in sorted(folder.glob("*.po")):
        with po.open("rb") as fh:
            for message in read_po(fh, locale=locale):
                if message.id and message.string and not message.fuzzy:
                    messages[str(message.id)] = str(message.string)
    return messages


def t(msgid: str, lang: str = DEFAULT_LANG, /, **kwargs: object) -> str:
    """`msgid` translated into `lang` and formatted with `kwargs`."""
    text = _catalogue(lang).get(msgid, msgid)
    return text.format(**kwargs) if kwargs else text


def check_lang(lang: str) -> str:
    """`lang` if it is supported, else ValueError."""
    _catalogue(lang)
    return lang
