"""Marked-up review copies: each submitted report back with a note (批注) at every finding.

`annotate(path, result)` gives the bytes of the copy: a .docx with Word comments for a .docx
(or a legacy .doc/.rtf/.wps, read through its conversion), a PDF with annotations for a PDF.
The submitted file is never changed; `write_annotated` places copies atomically.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.errors import GongwenError
from gongwen.i18n import DEFAULT_LANG, N_

if TYPE_CHECKING:
    from gongwen.findings import FileResult
from gongwen.ingest.comments import MARK, is_ours
from gongwen.markup.notes import DEFAULT_AUTHOR, DEFAULT_INITIALS, Note, Stamp

__all__ = [
    "DEFAULT_AUTHOR",
    "DEFAULT_INITIALS",
    "MARK",
    "AnnotateError",
    "Note",
    "Stamp",
    "annotate",
    "copy_name",
    "is_ours",
]


class AnnotateError(GongwenError):
    """A file no marked-up copy can be made of."""

    code = "AN001"


def annotate(
    path: str | Path,
    result: FileResult,
    *,
    rule_set: str = "annual-report",
    author: str = DEFAULT_AUTHOR,
    initials: str = DEFAULT_INITIALS,
    when: dt.datetime | dt.date | None = None,
    lang: str = DEFAULT_LANG,
    source: str | Path | None = None,
) -> bytes:
    """The marked-up copy of the submitted file at `path`, with a note for each finding of
    `result` (its check under `rule_set`), as bytes.

    `when` dates the notes (default: today, at midnight, so runs on one day give the same
    bytes). `source` is the .docx a legacy file was converted to; without it a legacy file is
    converted now. Raises AnnotateError for a file that was not checked or cannot be read.
    """
    from gongwen.findings import FileStatus
    from gongwen.ingest import IngestError, load

    path = Path(path)
    if result.status != FileStatus.CHECKED:
        raise AnnotateError(N_("the file was not checked, so it gets no marked-up copy"), str(path))
    stamp = Stamp(rule_set, _moment(when), author, initials, lang)
    try:
        if source is None and result.format != "pdf":
            from gongwen.ingest.legacy import is_legacy

            if is_legacy(path):
                return _annotate_legacy(path, result, stamp)
        readable = Path(source) if source is not None else path
        document = load(readable)
        if document.format == "pdf":
            from gongwen.markup.pdf_notes import annotate_pdf

            return annotate_pdf(readable, document, result, stamp)
        from gongwen.markup.docx_comments import annotate_docx

        return annotate_docx(readable, document, result, stamp)
    except IngestError as error:
        raise AnnotateError(
            N_("cannot be read again to mark it up: {reason}"),
            str(path),
            reason=error.message(lang),
        ) from None
    except (AnnotateError, ImportError, NameError):
        raise  # ours, or a fault of the program: never reported as a damaged file
    except Exception as error:  # a damaged part may break python-docx or lxml in any way
        raise AnnotateError(
            N_(
                "a part of the file is damaged or missing ({error}), so no comment can be "
                "added: open it in Word or WPS, save it again and mark it up again"
            ),
            str(path),
            error=type(error).__name__,
        ) from None


def _annotate_legacy(path: Path, result: FileResult, stamp: Stamp) -> bytes:
    """A legacy file converted (one LibreOffice run) and its .docx marked up."""
    import tempfile

    from gongwen.ingest.legacy import converted

    with (
        tempfile.TemporaryDirectory(prefix="gongwen-annotate-") as folder,
        converted([path], work=Path(folder)) as conversions,
    ):
        conversion = conversions.get(str(path))
        if conversion is None or conversion.docx is None:
            raise AnnotateError(N_("LibreOffice could not convert it to .docx"), str(path))
        return annotate(
            path,
            result,
            rule_set=stamp.rule_set,
            author=stamp.author,
            initials=stamp.initials,
            when=stamp.when,
            lang=stamp.lang,
            source=conversion.docx,
        )


def _moment(when: dt.datetime | dt.date | None) -> dt.datetime:
    if when is None:
        when = dt.date.today()
    if not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    return when.replace(microsecond=0)


def copy_name(path: str | Path, result: FileResult) -> str:
    """The file name of the marked-up copy: the same name, a legacy file's as .docx."""
    path = Path(path)
    if result.format == "pdf" or path.suffix.lower() in (".docx", ".pdf"):
        return path.name
    return f"{path.stem}.docx" if path.suffix.lower() != ".docx" else path.name
