"""PDF export through LibreOffice: the files of a run shared out among soffice processes.

`to_pdf` converts them in up to `jobs` processes at once (one per core at most, each with
its own profile: two sharing one fail silently), with the shipped font aliases
(`fonts/fonts.conf`, through FONTCONFIG_FILE for the conversion only), places each PDF
atomically, and reports which official faces were rendered with free stand-ins, read from
the fonts embedded in each PDF.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gongwen.export.fonts import FreeFace, aliases, fonts_conf, stand_ins, substituted
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

# seconds for each soffice process (about 0.15 s a document): the one number in gongwen.limits
DEFAULT_TIMEOUT = DEFAULT_LIMITS.conversion_seconds


def to_pdf(
    docx_paths: Iterable[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    soffice: str | os.PathLike[str] | None = None,
    runner: Runner = run_process,
    jobs: int | None = 1,
) -> ExportResult:
    """Convert `docx_paths` to PDFs in `outdir` with up to `jobs` soffice processes at once.

    `jobs=None` uses every core. The files are shared out among min(jobs, cores, files)
    processes, each with its own profile, temp folder and staging folder, each given
    `timeout` seconds; `jobs=1` converts the whole batch in one process. The result lists
    the PDFs and failures in input order. Raises SofficeMissing (code EX001) when LibreOffice
    cannot be found; a file that gives no PDF is listed in the result's failures, never raised.
    """
    started = time.monotonic()
    sources = [Path(p) for p in docx_paths]
    outdir = Path(outdir)
    count = _processes(jobs, len(sources))  # a bad `jobs` is refused before anything runs
    if not sources:
        return ExportResult((), (), (), 0, 0.0, fonts_conf())
    program = find_soffice(soffice)
    failures: list[ExportFailure] = []
    batch = _unique_stems(sources, failures)
    conf = fonts_conf()
    pdfs: list[Path] = []
    faces: dict[tuple[str, str], list[str]] = {}
    chunks = share_out(batch, min(count, len(batch))) if batch else []
    with tempfile.TemporaryDirectory(prefix="gongwen-soffice-") as private:
        lanes = [_Lane.make(Path(private) / f"p{i}", chunk, conf) for i, chunk in enumerate(chunks)]
        calls = [(command(program, lane.profile, lane.staging, lane.files), lane.env)
                 for lane in lanes]  # fmt: skip
        if len(calls) == 1:
            outcomes = [runner(*calls[0], timeout)]
        elif calls:
            from concurrent.futures import ThreadPoolExecutor

            # Each thread only waits on its soffice: the processes run side by side.
            with ThreadPoolExecutor(max_workers=len(calls)) as pool:
                outcomes = list(pool.map(lambda c: runner(c[0], c[1], timeout), calls))
        else:
            outcomes = []
        made_by = {
            source: (lane.staging, outcome)
            for lane, outcome in zip(lanes, outcomes, strict=True)
            for source in lane.files
        }
        table = aliases(conf) if conf is not None else {}
        for source in batch:  # input order, whichever process converted it
            staging, outcome = made_by[source]
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
        processes=len(lanes),
        seconds=time.monotonic() - started,
        fonts_conf=conf,
    )


def _processes(jobs: int | None, files: int) -> int:
    """How many soffice processes to run at once: never more than the cores or the files."""
    from gongwen.parallel import cpu_count

    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ValueError(f"jobs must be a positive whole number or None, not {jobs!r}")
    cores = cpu_count()
    return max(1, min(cores if jobs is None else jobs, cores, files))


def share_out(files: Sequence[Path], count: int) -> list[list[Path]]:
    """`files` in `count` groups of about equal size in bytes, each in input order.

    Largest first, each to the group with the fewest bytes so far (ties: the fewest files,
    then the first group): documents of one kind have about one size, so the kinds are dealt
    out in turn. Every group gets at least one file when there are enough.
    """
    size = {f: _size(f) for f in files}
    groups: list[list[Path]] = [[] for _ in range(count)]
    load = [0] * count
    for index in sorted(range(len(files)), key=lambda i: (-size[files[i]], i)):
        target = min(range(count), key=lambda g: (load[g], len(groups[g]), g))
        groups[target].append(files[index])
        load[target] += size[files[index]]
    position = {f: i for i, f in enumerate(files)}
    return [sorted(g, key=position.__getitem__) for g in groups if g]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass(frozen=True, slots=True)
class _Lane:
    """One soffice process: its files, and its own staging, profile and temp folders."""

    files: list[Path]
    staging: Path
    profile: Path
    env: dict[str, str]

    @classmethod
    def make(cls, root: Path, files: list[Path], conf: Path | None) -> _Lane:
        staging, profile, tmp = root / "out", root / "profile", root / "tmp"
        for folder in (staging, profile, tmp):
            folder.mkdir(parents=True)
        env = dict(os.environ, TMPDIR=str(tmp), TMP=str(tmp), TEMP=str(tmp))
        if conf is not None:
            env["FONTCONFIG_FILE"] = str(conf)
        return cls(files, staging, profile, env)


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
                    str(source),
                    "EX004",
                    N_("{other} would give the same PDF name; convert them into different folders"),
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
        return ExportFailure(str(source), "EX003", N_("LibreOffice took too long and was stopped"))
    detail = ""
    if isinstance(outcome, Outcome):
        lines = [
            line
            for line in (outcome.stderr + outcome.stdout).splitlines()
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


def _substitutions(source: Path, pdf: Path, table: dict[str, FreeFace]) -> dict[str, FreeFace]:
    """Official faces `source` asked for that `pdf` was rendered with stand-ins for."""
    from gongwen.ingest import IngestError
    from gongwen.ingest.pdf_content import embedded_fonts

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
