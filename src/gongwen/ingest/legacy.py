"""Legacy submissions (.doc, .rtf, WPS's .wps) read through LibreOffice, not refused.

Offices still receive the old binary formats. Where LibreOffice is installed, the legacy
files of a batch are converted to .docx in one soffice run (its own profile and temp folder,
`Limits.conversion_seconds`) and the .docx is checked; the result says so (IO008). A file
LibreOffice cannot read, or every legacy file where it is missing, keeps IO005 with the
reason. The submitted files are copied into a private folder first: soffice names its output
after the input's stem, and two submissions may share one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.ingest.sniff import EMPTY_ZIP, OLE, PDF, RTF, SNIFF_BYTES, ZIP
from gongwen.limits import DEFAULT_LIMITS, Limits

__all__ = ["Conversion", "converted", "is_legacy", "legacy_kind"]

_TARGET = "docx:MS Word 2007 XML"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True, slots=True)
class Conversion:
    """What became of one legacy file: the .docx LibreOffice made of it, or why there is none."""

    source: str
    kind: str  # the format as a reader knows it: .doc, .rtf, .wps
    docx: Path | None = None
    msgid: str = ""  # why there is no .docx (an IO005 message)
    args: Mapping[str, object] = field(default_factory=dict)

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """Why the file was not converted, in `lang`."""
        return t(self.msgid, lang, kind=self.kind, **self.args)


def legacy_kind(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> str | None:
    """`.doc`, `.rtf` or `.wps` for a legacy file LibreOffice may read, else None (a .docx, a
    PDF, an encrypted or empty file, one over the size limit: ingest says what those are)."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size > limits.docx_bytes:
            return None
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return None
    suffix = path.suffix.lower()
    if not head or head.startswith((ZIP, EMPTY_ZIP)) or PDF in head:
        return None
    if head.lstrip().startswith(RTF):
        return ".rtf"
    if head.startswith(OLE):
        from gongwen.ingest.cfb import inspect

        contents = inspect(path.read_bytes())
        if contents is not None and contents.encrypted:
            return None
        return ".wps" if suffix in (".wps", ".wpt") else ".doc"
    # A web page or XML saved as .doc is not handed over: LibreOffice would fetch what it
    # links to (styles, images) from the network, and nothing is fetched while checking.
    # Anything else LibreOffice would take for plain text and "convert": bytes are no report.
    return None


def is_legacy(path: str | Path) -> bool:
    """Whether `path` is a legacy file read through LibreOffice."""
    return legacy_kind(path) is not None


@contextlib.contextmanager
def converted(
    paths: Iterable[str | Path],
    *,
    limits: Limits = DEFAULT_LIMITS,
    soffice: str | os.PathLike[str] | None = None,
    work: Path | None = None,
) -> Iterator[dict[str, Conversion]]:
    """The legacy files among `paths` converted to .docx in one LibreOffice run, by str(path).

    The .docx files live in `work` (a temporary folder when None) until the block ends.
    Other files are not in the mapping; with no legacy file, LibreOffice is not started.
    """
    found = [(Path(p), kind) for p in paths if (kind := legacy_kind(p, limits)) is not None]
    if not found:
        yield {}
        return
    with contextlib.ExitStack() as stack:
        if work is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="gongwen-legacy-")))
        yield _convert(found, limits, soffice, work)


def _convert(
    found: list[tuple[Path, str]],
    limits: Limits,
    soffice: str | os.PathLike[str] | None,
    work: Path,
) -> dict[str, Conversion]:
    from gongwen.export.result import SofficeMissing
    from gongwen.export.soffice import INSTALL_HINT, Outcome, command, find_soffice, run_process

    try:
        program = find_soffice(soffice)
    except SofficeMissing:
        missing = N_(
            "an old Word/WPS format ({kind}): gongwen reads it where LibreOffice is installed "
            "(`{hint}`); or open it in Word or WPS and save it as .docx"
        )
        return {str(p): Conversion(str(p), k, None, missing, {"hint": INSTALL_HINT})
                for p, k in found}  # fmt: skip
    inbox, outbox, profile, tmp = (work / n for n in ("in", "out", "profile", "tmp"))
    for folder in (inbox, outbox, profile, tmp):
        folder.mkdir(parents=True, exist_ok=True)
    staged: list[Path] = []
    for number, (path, kind) in enumerate(found):
        copy = inbox / f"{number}{kind}"
        shutil.copyfile(path, copy)
        staged.append(copy)
    env = dict(os.environ, TMPDIR=str(tmp), TMP=str(tmp), TEMP=str(tmp))

    def run(files: list[Path]) -> Outcome:
        argv = command(program, profile, outbox, files, target=_TARGET)
        return run_process(argv, env, limits.conversion_seconds)

    batch = run(staged)
    outcomes = dict.fromkeys(staged, batch)
    if batch.returncode is None and len(staged) > 1:
        # The limit was the batch's: one slow file stopped the others' conversion too. Each
        # file not done gets a run and a limit of its own, so only a slow one is blamed.
        for copy in staged:
            if not zipfile.is_zipfile(_made(outbox, copy)):
                _made(outbox, copy).unlink(missing_ok=True)  # cut off in the middle
                outcomes[copy] = run([copy])
    out: dict[str, Conversion] = {}
    for copy, (path, kind) in zip(staged, found, strict=True):
        made, outcome = _made(outbox, copy), outcomes[copy]
        if made.is_file() and made.stat().st_size > 0 and _has_text(made):
            out[str(path)] = Conversion(str(path), kind, made)
        elif made.is_file() and outcome.returncode is not None:
            # LibreOffice gives a damaged file as an empty document
            out[str(path)] = Conversion(str(path), kind, None, _EMPTY)
        elif outcome.returncode is None:
            out[str(path)] = Conversion(str(path), kind, None, _TIMEOUT,
                                        {"seconds": f"{limits.conversion_seconds:g}"})  # fmt: skip
        else:
            out[str(path)] = Conversion(
                str(path), kind, None, _UNREAD, {"reason": _reason(outcome)}
            )
    return out


_TIMEOUT = N_(
    "an old Word/WPS format ({kind}); LibreOffice took more than {seconds} s to read it and "
    "was stopped: open it in Word or WPS and save it as .docx"
)
_EMPTY = N_(
    "an old Word/WPS format ({kind}) in which LibreOffice found no text: the file is damaged; "
    "open it in Word or WPS and save it as .docx"
)
_UNREAD = N_(
    "an old Word/WPS format ({kind}) that LibreOffice could not read ({reason}): open it in "
    "Word or WPS and save it as .docx"
)


def _reason(outcome: object) -> str:
    """The last line soffice said, or its exit code."""
    from gongwen.export.soffice import Outcome

    if not isinstance(outcome, Outcome):
        return "?"
    lines = [
        line.strip()
        for line in (outcome.stderr + outcome.stdout).splitlines()
        if line.strip() and "javaldx" not in line and not line.startswith("convert ")
    ]
    return lines[-1] if lines else f"rc={outcome.returncode}"


def _made(outbox: Path, copy: Path) -> Path:
    """The .docx soffice writes for the staged `copy`."""
    return outbox / f"{copy.stem}.docx"


def _has_text(docx: Path) -> bool:
    """Whether the body of the .docx LibreOffice made has any text (read as a stream: the
    first words are enough)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(docx) as package, package.open("word/document.xml") as xml:
            for _event, element in etree.iterparse(xml, tag=f"{{{_W}}}t", resolve_entities=False):
                if (element.text or "").strip():
                    return True
                element.clear()
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return False
    return False
