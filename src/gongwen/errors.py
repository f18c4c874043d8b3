"""Errors that reach a user: each has a code, a file and a message from the catalogue."""

from __future__ import annotations

from gongwen.i18n import DEFAULT_LANG, t


class GongwenError(Exception):
    """A problem with a user's input, said in the user's language, never as a traceback."""

    code = "GW000"

    def __init__(self, msgid: str, file: str = "", /, **args: object) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.file = file
        self.args_ = args

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """The error as one line: code, file, what is wrong."""
        where = f"{self.file}: " if self.file else ""
        return f"{self.code} {where}{t(self.msgid, lang, **self.args_)}"

    def __str__(self) -> str:
        return self.message("en")


class ConfigError(GongwenError):
    """A roster, register or option that cannot be used (exit code 2)."""

    code = "CF001"
