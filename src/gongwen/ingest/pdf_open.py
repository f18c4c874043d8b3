"""Opening a PDF: the one place that judges encryption and damage, for every reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gongwen.i18n import N_
from gongwen.ingest import IngestError


def unreadable(path: Path, exc: BaseException) -> IngestError:
    """IO001 for a PDF that pypdf could not read, with pypdf's reason."""
    reason = str(exc).strip() or type(exc).__name__
    return IngestError(
        "IO001", N_("cannot read the PDF: {reason}"), {"reason": reason}, file=path.name
    )


def open_pdf(path: Path) -> Any:
    """The PDF at `path` opened with pypdf: one place judges encryption (a PDF locked only
    against editing opens with the empty password and is read) and damage, for every reader
    of gongwen."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(path, strict=False)
    except OSError as exc:
        raise IngestError(
            "IO001",
            N_("cannot read the file: {reason}"),
            {"reason": exc.strerror or str(exc)},
            file=path.name,
        ) from None
    except Exception as exc:  # pypdf raises many types for a damaged file
        raise unreadable(path, exc) from None
    if not reader.is_encrypted:
        return reader
    # Many PDFs are encrypted only against editing, with an empty password for reading.
    try:
        opened = reader.decrypt("")
    except DependencyError:
        raise IngestError(
            "IO003",
            N_("encrypted with AES, which cannot be opened here: ask for an unprotected copy"),
            file=path.name,
        ) from None
    except Exception as exc:  # a damaged encryption dictionary
        raise unreadable(path, exc) from None
    if not opened:
        raise IngestError(
            "IO003",
            N_("encrypted: ask for an unprotected copy"),
            file=path.name,
        )
    return reader
