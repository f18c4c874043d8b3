"""PDF export through LibreOffice: every file of a run in one soffice process.

`to_pdf` converts with the shipped font aliases (`fonts/fonts.conf`, through FONTCONFIG_FILE
for the conversion only), places each PDF atomically, and reports which official faces were
rendered with free stand-ins, read from the fonts embedded in each PDF.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from gongwen.export.fonts import aliases, fonts_conf, stand_ins, substituted
from gongwen.export.result import ExportFailure, ExportResult, SofficeMissing, Substitution
from gongwen.export.soffice import Runner, command, find_soffice, run_process
from gongwen.i18n import N_
from gongwen.limits import DEFAULT_LIMITS

__all__ = [
    "ExportFailure",
    "ExportResult",
    "SofficeMissing",
    "Substitution",
    "find_soffice",
    "to_pdf",
]

# seconds for the whole batch (about 0.5 s a document is usual): the one number in gongwen.limits
DEFAULT_TIMEOUT = DEFAULT_LIMITS.conversion_seconds


def to_pdf(
    docx_paths: Iterable[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    soffice: str | os.PathLike[str] | None = None,
    runner: Runner = run_process,
) -> ExportResult:
    """Convert `docx_paths` to PDFs in `outdir` with one soffice process.

    Raises SofficeMissing (code EX001) when LibreOffice cannot be found; a file that gives
    no PDF is listed in the result's failures, never raised.
    """
    started = time.monotonic()
    sources = [Path(p) for p in docx_paths]
    outdir = Path(outdir)
    if not sources:
        return ExportResult((), (), (), 0, 0.0, fonts_conf())
    program = find_soffice(soffice)
    failures: list[ExportFailure] = []
    batch = _unique_stems(sources, failures)
    conf = fonts_conf()
    pdfs: list[Path] = []
    faces: dict[tuple[str, str], list[str]] = {}
    processes = 0
    with tempfile.TemporaryDirectory(prefix="gongwen-soffice-") as private:
        work = Path(private)
        staging, profile, tmp = work / "out", work / "profile", work / "tmp"
        for folder in (staging, profile, tmp):
            folder.mkdir()
        env = dict(os.environ, TMPDIR=str(tmp), TMP=str(tmp), TEMP=str(tmp))
        if conf is not None:
            env["FONTCONFIG_FILE"] = str(conf)
        outcome = None
        if batch:
            processes = 1
            outcome = runner(command(program, profile, staging, batch), env, timeout)
        table = aliases(conf) if conf is not None else {}
        for source in batch:
            made = staging / f"{source.stem}.pdf"
            if not made.is_file() or made.stat().st_size == 0:
                failures.append(_failure(source, outcome))
                continue
            target = outdir / made.name
            _place(made, target)
            pdfs.append(target)
            for official, face in _substitutions(source, target, table).items():
                faces.setdefault((official, face.label), []).append(target.name)
    substitutions = tuple(
        Substitution(official, used, tuple(files))
        for (official, used), files in sorted(faces.items())
    )
    return ExportResult(
        pdfs=tuple(pdfs),
        failures=tuple(failures),
        substitutions=substitutions,
        processes=processes,
        seconds=time.monotonic() - started,
        fonts_conf=conf,
    )


def _unique_stems(sources: Sequence[Path], failures: list[ExportFailure]) -> list[Path]:
    """soffice names each PDF after its input's stem: two inputs must not share one."""
    seen: dict[str, Path] = {}
    batch = []
    for source in sources:
        if not source.is_file():
            failures.append(ExportFailure(str(source), "EX002", N_("no such file")))
            continue
        if source.stem in seen:
            failures.append(
                ExportFailure(
                    str(source), "EX004",
                    N_("{other} would give the same PDF name; convert them into different "
                       "folders"),
                    {"other": str(seen[source.stem])},
                )
            )
            continue
        seen[source.stem] = source
        batch.append(source)
    return batch


def _failure(source: Path, outcome: object) -> ExportFailure:
    from gongwen.export.soffice import Outcome

    if isinstance(outcome, Outcome) and outcome.returncode is None:
        return ExportFailure(
            str(source), "EX003", N_("LibreOffice took too long and was stopped")
        )
    detail = ""
    if isinstance(outcome, Outcome):
        lines = [
            line for line in (outcome.stderr + outcome.stdout).splitlines()
            if line.strip() and "javaldx" not in line
        ]
        detail = lines[-1].strip() if lines else f"rc={outcome.returncode}"
    return ExportFailure(
        str(source), "EX002", N_("LibreOffice made no PDF of it ({detail})"), {"detail": detail}
    )


def _place(made: Path, target: Path) -> None:
    """Move the PDF into place so a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(made, target)
    except OSError:
        # Another filesystem: write a temporary file beside the target, then rename.
        from gongwen.writing import write_bytes

        write_bytes(target, made.read_bytes())


def _substitutions(source: Path, pdf: Path, table: dict) -> dict:
    """Official faces `source` asked for that `pdf` was rendered with stand-ins for."""
    from gongwen.ingest import IngestError
    from gongwen.ingest.pdf_layout import embedded_fonts

    if not table:
        return {}
    try:
        embedded = embedded_fonts(pdf)
    except IngestError:
        return {}
    requested = _requested_faces(source)
    if requested is None:
        return stand_ins(embedded, table)
    return substituted(requested, embedded, table)


def _requested_faces(source: Path) -> set[str] | None:
    """The face names the document's runs ask for, through ingest; None when unreadable."""
    from gongwen.ingest import IngestError, load

    try:
        document = load(source)
    except (IngestError, ImportError, ValueError):
        return None
    names: set[str] = set()
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            names.update(n for n in (run.font_east_asia, run.font_ascii) if n)
    return names
