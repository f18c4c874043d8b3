"""Ingest: turn a submitted file (.docx or .pdf) into a `model.Document`.

This package is the only code that reads OOXML or PDF internals. `load` looks at the
first bytes of a file, not its name, and every failure is an `IngestError` with a
rule code (IO001 unreadable, IO002 unsupported, IO005 legacy or encrypted Office file),
never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.model import Document

__all__ = ["IngestError", "load"]

_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_PDF = b"%PDF-"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: legacy .doc/.wps, or encrypted .docx
_SNIFF = 1024  # %PDF may follow some junk; the PDF reference allows it within 1 KB


class IngestError(Exception):
    """A file that cannot be read as a document; `code` is the rule code of the finding."""

    def __init__(
        self,
        code: str,
        msgid: str,
        args: Mapping[str, object] | None = None,
        *,
        file: str | None = None,
    ) -> None:
        super().__init__(code, msgid)
        self.code = code
        self.msgid = msgid
        self._message_args = dict(args or {})
        self.file = file

    # BaseException.args is a tuple slot; the message placeholders are exposed under the
    # same name as a dict, the form every caller formats messages with.
    @property
    def args(self) -> dict[str, object]:  # type: ignore[override]
        """The values of the message's placeholders."""
        return self._message_args

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """The message in `lang` (Chinese by default)."""
        return t(self.msgid, lang, **self._message_args)

    def __str__(self) -> str:
        text = self.message("en")
        return f"{self.file}: {text}" if self.file else text


def load(path: str | Path) -> Document:
    """Read the .docx or .pdf at `path` (detected by content) into a Document."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF)
    except FileNotFoundError:
        raise IngestError("IO001", N_("the file does not exist"), file=path.name) from None
    except PermissionError:
        raise IngestError("IO001", N_("no permission to read the file"), file=path.name) from None
    except OSError as exc:
        raise IngestError(
            "IO001",
            N_("cannot read the file: {reason}"),
            {"reason": exc.strerror or str(exc)},
            file=path.name,
        ) from None
    if head.startswith((_ZIP, _EMPTY_ZIP)):
        from gongwen.ingest.docx import load_docx

        return load_docx(path)
    if _PDF in head:
        from gongwen.ingest.pdf import load_pdf

        return load_pdf(path)
    if head.startswith(_OLE):
        raise IngestError(
            "IO005",
            N_("an old .doc/.wps or an encrypted file: save it as .docx without a password"),
            file=path.name,
        )
    if not head:
        raise IngestError("IO001", N_("the file is empty"), file=path.name)
    raise IngestError(
        "IO002",
        N_("unsupported file type ({suffix}): only .docx and .pdf are read"),
        {"suffix": path.suffix or "?"},
        file=path.name,
    )
