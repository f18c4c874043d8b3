"""Ingest: turn a submitted file (.docx or .pdf) into a `model.Document`.

This package is the only code that reads OOXML or PDF internals. `load` looks at the
first bytes of a file, not its name, and every failure is an `IngestError` with a
rule code (IO001 unreadable, IO002 unsupported, IO003 encrypted, IO005 legacy .doc/.wps,
IO006 over a limit), never a traceback: whatever goes wrong inside one file is that
file's finding, and the run goes on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from gongwen.errors import GongwenError
from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.limits import DEFAULT_LIMITS, MB, Limits
from gongwen.model import Document

__all__ = ["IngestError", "display_path", "file_label", "load", "readable"]

from gongwen.ingest.sniff import EMPTY_ZIP as _EMPTY_ZIP
from gongwen.ingest.sniff import LEGACY_SUFFIXES as _LEGACY_SUFFIXES
from gongwen.ingest.sniff import OLE as _OLE
from gongwen.ingest.sniff import PDF as _PDF
from gongwen.ingest.sniff import RTF as _RTF
from gongwen.ingest.sniff import SNIFF_BYTES as _SNIFF
from gongwen.ingest.sniff import ZIP as _ZIP
from gongwen.ingest.sniff import is_markup

_OWN_SUFFIXES = (".docx", ".docm", ".dotx", ".pdf")


class IngestError(GongwenError):
    """A file that cannot be read as a document; `code` is the rule code of the finding."""

    def __init__(
        self,
        code: str,
        msgid: str,
        args: Mapping[str, object] | None = None,
        *,
        file: str | None = None,
    ) -> None:
        Exception.__init__(self, code, msgid)
        self.code = code
        self.msgid = msgid
        self._message_args = dict(args or {})
        self.file = file or ""  # GongwenError.file: "" when not known

    # BaseException.args is a tuple slot; the message placeholders are exposed under the
    # same name as a dict, the form every caller formats messages with.
    @property
    def args(self) -> dict[str, object]:  # type: ignore[override]
        """The values of the message's placeholders."""
        return self._message_args

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """The message in `lang` (Chinese by default)."""
        text = t(self.msgid, lang, **self._message_args)
        # a file name that is not UTF-8 carries lone surrogates no output can encode
        return text.encode("utf-8", "backslashreplace").decode("utf-8")

    def __str__(self) -> str:
        text = self.message("en")
        return f"{self.file}: {text}" if self.file else text


def readable(text: str) -> str:
    """A file name or path from the system as a person can read it, whatever its bytes.

    A name that is not UTF-8 (often GBK, from a zip made on a Chinese Windows) reaches
    Python with lone surrogates that cannot be printed or written to a report; it is
    decoded as GB 18030 when that works, else shown with its odd bytes escaped.
    """
    raw = os.fsencode(text)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="backslashreplace")


def file_label(path: str | Path) -> str:
    """The file name of `path`, readable (see `readable`)."""
    return readable(Path(path).name)


def display_path(path: str | Path) -> str:
    """The whole of `path`, readable (see `readable`), one folder name at a time."""
    return os.sep.join(readable(part) for part in str(path).split(os.sep))


def load(path: str | Path, limits: Limits | None = None) -> Document:
    """Read the .docx or .pdf at `path` (detected by content) into a Document.

    `limits` bound what the file may cost (DEFAULT_LIMITS when None). Any failure, even
    one nobody foresaw, is an IngestError naming the file.
    """
    path = Path(path)
    label = file_label(path)
    try:
        return _load(path, limits or DEFAULT_LIMITS)
    except IngestError as error:
        error.file = label
        raise
    except MemoryError:
        raise IngestError(
            "IO006", N_("the file needs more memory than is available: refused"), file=label
        ) from None
    except RecursionError:
        raise IngestError(
            "IO001", N_("the file is nested too deeply to be a real document"), file=label
        ) from None
    except Exception as exc:  # a damaged file may break a library in any way: still a finding
        raise IngestError(
            "IO001",
            N_(
                "the file is damaged or not what its name says ({error}): open it in Word or "
                "WPS, save it again and resubmit"
            ),
            {"error": type(exc).__name__},
            file=label,
        ) from None


def _load(path: Path, limits: Limits) -> Document:
    head, size = _head(path)
    if size > limits.docx_bytes:
        raise IngestError(
            "IO006",
            N_("the file is {size} MB, more than the limit of {limit} MB: refused"),
            {"size": f"{size / MB:.0f}", "limit": f"{limits.docx_bytes / MB:g}"},
        )
    if head.startswith((_ZIP, _EMPTY_ZIP)):
        from gongwen.ingest.docx import load_docx

        return load_docx(path, limits)
    if _PDF in head:
        from gongwen.ingest.pdf import load_pdf

        return load_pdf(path, limits)
    if head.startswith(_OLE):
        raise _compound(path)
    if not head:
        raise IngestError("IO001", N_("the file is empty"))
    if head.lstrip().startswith(_RTF):
        raise IngestError(
            "IO005",
            N_("an RTF file (Word or WPS sometimes names it .doc): open it and save it as .docx"),
        )
    if path.suffix.lower() in _LEGACY_SUFFIXES and is_markup(head):
        # not handed to LibreOffice: it would fetch the page's linked styles and images
        raise IngestError(
            "IO005",
            N_(
                "a web page or XML file saved as {suffix}, not a Word document: open it in "
                "Word or WPS and save it as .docx"
            ),
            {"suffix": path.suffix},
        )
    if path.suffix.lower() in _LEGACY_SUFFIXES:
        raise _legacy()
    if path.suffix.lower() in _OWN_SUFFIXES:
        raise IngestError(
            "IO001",
            N_(
                "named {suffix} but it is not one: the file is damaged; open it in Word or WPS, "
                "save it again and resubmit"
            ),
            {"suffix": path.suffix},
        )
    raise IngestError(
        "IO002",
        N_("unsupported file type ({suffix}): only .docx and .pdf are read"),
        {"suffix": path.suffix or "?"},
    )


def _head(path: Path) -> tuple[bytes, int]:
    """The first bytes of a regular file and its size; IngestError for anything else."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # opening a pipe would wait forever for a writer; a folder or device is no report
            raise IngestError(
                "IO001",
                N_("not a regular file (a folder, a pipe or a device): nothing to read"),
            )
        with path.open("rb") as fh:
            return fh.read(_SNIFF), info.st_size
    except FileNotFoundError:
        raise IngestError("IO001", N_("the file does not exist")) from None
    except PermissionError:
        raise IngestError("IO001", N_("no permission to read the file")) from None
    except OSError as exc:
        raise IngestError(
            "IO001", N_("cannot read the file: {reason}"), {"reason": exc.strerror or str(exc)}
        ) from None


def _legacy() -> IngestError:
    return IngestError(
        "IO005",
        N_("an old Word/WPS format (.doc/.wps): open it in Word or WPS and save it as .docx"),
    )


def _compound(path: Path) -> IngestError:
    """IO003 for a password-protected document in a Compound File, IO005 for a legacy one."""
    from gongwen.ingest.cfb import inspect

    contents = inspect(path.read_bytes())
    if contents is not None and contents.encrypted:
        return IngestError(
            "IO003",
            N_(
                "protected with a password, so it cannot be opened: ask for an unprotected copy "
                "(in Word or WPS, remove the password and save again)"
            ),
        )
    return _legacy()
