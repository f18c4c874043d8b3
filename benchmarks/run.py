"""The performance table: check and generate against the unavoidable cost, memory, start-up.

Run: .venv/bin/python benchmarks/run.py [--reports 500] [--repeats 3] [--memory 5000]
[--no-pdf] [--corpus DIR] [--only check,generate,pdf,memory,help]. It makes its own corpus
(`benchmarks/corpus.py`: reports of 3–5
pages written the way Word writes them) and prints a Markdown table. Each figure is the
median over `--repeats` runs; the machine is shared, so the load average is printed too.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def median_time(action: Callable[[], object], repeats: int) -> float:
    """The median wall time of `action` in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(actions: list[Callable[[], object]], repeats: int) -> list[float]:
    """The median wall time of each action, the actions taking turns in every repeat.

    A shared machine's speed drifts over a run; taking turns lets a figure and its baseline
    see the same machine, so their ratio holds even when the absolute times move.
    """
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(repeats):
        for action, spent in zip(actions, times, strict=True):
            start = time.perf_counter()
            action()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def floor(path: Path) -> int:
    """The unavoidable cost: open the zip, parse document.xml and styles.xml, walk every run."""
    with zipfile.ZipFile(path) as z:
        document = etree.fromstring(z.read("word/document.xml"))
        etree.fromstring(z.read("word/styles.xml"))
    count = 0
    for run in document.iter(f"{W}r"):
        for _child in run:
            count += 1
    return count


def check_rows(
    files: list[Path], folder: Path, own: list[Path], repeats: int
) -> list[tuple[str, str, str]]:
    """Floor, 1 job, 2 jobs; and 1 job over reports that share no styles part (`own`)."""
    from gongwen.batch import check_folder

    n = len(files)
    check_folder(files[:2], jobs=1)  # imports and the rule set, as a long-running caller has
    base, one, two, own_base, own_one = interleaved(
        [
            lambda: [floor(p) for p in files],
            lambda: check_folder(folder, jobs=1),
            lambda: check_folder(folder, jobs=2),
            lambda: [floor(p) for p in own],
            lambda: check_folder(own, jobs=1),
        ],
        repeats,
    )
    base, one, two = base / n, one / n, two / n
    own_base, own_one = own_base / len(own), own_one / len(own)
    return [
        ("parse floor (zip + lxml document/styles + walk runs)",
         f"{base * 1000:.2f} ms/report", f"{1 / base:.0f} reports/s"),
        ("check, 1 job", f"{one * 1000:.2f} ms/report",
         f"{1 / one:.0f} reports/s; **{one / base:.2f}× the floor** (target ≤ 2×)"),
        ("check, 2 jobs", f"{two * 1000:.2f} ms/report",
         f"{1 / two:.0f} reports/s; **{one / two:.2f}× 1 job** (target ≥ 1.6×)"),
        (f"check, 1 job, {len(own)} reports with no two styles.xml alike",
         f"{own_one * 1000:.2f} ms/report",
         f"{own_one / own_base:.2f}× their floor ({own_base * 1000:.2f} ms): styles parsed "
         "and resolved for every report"),
    ]  # fmt: skip


def big_case(base: dict, departments: int) -> dict:
    """The sample case with `departments` departments (copies of the 26, renamed)."""
    case = json.loads(json.dumps(base))
    originals = case["departments"]
    for i in range(len(originals), departments):
        copy = json.loads(json.dumps(originals[i % len(originals)]))
        copy["name"] = f"{copy['name']}{i}"
        copy["official_name"] = f"{copy['official_name']}{i}"
        copy["official"]["name"] = f"{copy['official']['name']}{i}"
        for issue in copy["issues"]:
            issue["id"] = f"{i}-{issue['id']}"  # ids are unique in a case
        originals.append(copy)
    return case


def generate_rows(repeats: int) -> list[tuple[str, str, str]]:
    """The 26-department set, a 1,000-department set, one document against bare docxtpl."""
    from docxtpl import DocxTemplate

    from gongwen.case import Case, load_case
    from gongwen.render import KINDS, render, render_all
    from gongwen.resources import data_dir

    path = data_dir("samples") / "case.json"
    case = load_case(path)
    render_all(case)  # templates and compiled parts cached, as in a long-running process
    small = median_time(lambda: render_all(case), repeats)
    count = len(render_all(case))
    large_case = Case.model_validate(big_case(json.loads(path.read_text("utf-8")), 1000))
    large_count = len(render_all(large_case))
    large = median_time(lambda: render_all(large_case), max(1, repeats // 2))

    kind = KINDS["feedback"]  # the kind made once per department: most of every set
    item = kind.items(case)[0]
    prepared = kind.module.build(case, item)

    def bare() -> bytes:
        tpl = DocxTemplate(str(kind.template))
        tpl.render(prepared.context, autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
        return out.getvalue()

    bare_time = median_time(bare, repeats * 5)
    ours = median_time(lambda: render(case, "feedback", item=0), repeats * 5)
    return [
        (f"generate the 26-department set ({count} documents, every kind)", f"{small:.2f} s",
         f"{count / small:.0f} docs/s (target < 2 s)"),
        (f"generate a 1,000-department set ({large_count} documents)", f"{large:.1f} s",
         f"{large_count / large:.0f} docs/s"),
        ("one 反馈函: bare docxtpl render + save", f"{bare_time * 1000:.1f} ms", ""),
        ("one 反馈函: gongwen render (context, layout, properties, reproducible zip)",
         f"{ours * 1000:.1f} ms", f"**{ours / bare_time:.2f}× bare docxtpl** (target ≤ 1.5×)"),
    ]  # fmt: skip


def pdf_rows(docs: int, repeats: int) -> list[tuple[str, str, str]]:
    """Seconds per document: one soffice for the batch against one per document."""
    from pdf import documents

    from gongwen.export import to_pdf

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = documents(folder, docs)
        batch, single = [], []
        for i in range(repeats):
            start = time.perf_counter()
            assert to_pdf(files, folder / f"batch{i}").ok
            batch.append((time.perf_counter() - start) / len(files))
            start = time.perf_counter()
            for path in files:
                assert to_pdf([path], folder / f"single{i}").ok
            single.append((time.perf_counter() - start) / len(files))
    b, s = statistics.median(batch), statistics.median(single)
    return [
        (f"PDF, {len(files)} documents in one soffice", f"{b:.2f} s/doc", f"{s / b:.1f}× faster"),
        ("PDF, one soffice per document", f"{s:.2f} s/doc", ""),
    ]


def round_rows(repeats: int) -> list[tuple[str, str, str]]:
    """The whole sample round to PDF: one soffice against one per core, taking turns."""
    from pdf import documents

    from gongwen.export import to_pdf
    from gongwen.parallel import cpu_count

    cores = cpu_count()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = documents(folder, 10_000)  # every document of samples/case.json
        runs = iter(range(10 * repeats))

        def convert(jobs: int | None) -> Callable[[], object]:
            def action() -> None:
                result = to_pdf(files, folder / f"out{next(runs)}", jobs=jobs)
                assert result.ok, [f.message("en") for f in result.failures]
                assert result.processes == (1 if jobs == 1 else min(cores, len(files)))

            return action

        one, every = interleaved([convert(1), convert(None)], repeats)
    n = len(files)
    return [
        (f"PDF of the sample round ({n} documents), 1 soffice", f"{one:.2f} s",
         f"{one / n:.3f} s/doc"),
        (f"PDF of the sample round ({n} documents), {cores} soffice at once (one per core)",
         f"{every:.2f} s", f"{every / n:.3f} s/doc; **{one / every:.2f}× 1 process**"),
    ]  # fmt: skip


# VmHWM, not getrusage(RUSAGE_SELF): a process started by fork + exec may report the peak of
# the process it was forked from (here this benchmark, which holds a 1,000-department set).
_MEMORY = """
import resource, sys
from pathlib import Path
from gongwen.cli import main
code = main(["check", sys.argv[1], "--jobs", sys.argv[2], "--format", "json", "-o", sys.argv[3]])
status = Path("/proc/self/status").read_text()
self = next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmHWM:"))
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(self, workers)
"""


def peak_rss(folder: Path, jobs: int) -> tuple[float, float]:
    """Peak RSS in MB of `gongwen check` over `folder`: (main process, largest worker)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", _MEMORY, str(folder), str(jobs), str(Path(tmp, "r.json"))],
            capture_output=True, text=True, check=True,
        ).stdout.split()  # fmt: skip
    return int(out[-2]) / 1024, int(out[-1]) / 1024


def memory_rows(root: Path, small: int, large: int) -> list[tuple[str, str, str]]:
    """Peak RSS of checking `large` reports against `small` (the CLI, 1 job and 2 jobs)."""
    rows = []
    for jobs in (1, 2):
        results = {}
        for n in (small, large):
            folder = root / f"memory{n}"
            folder.mkdir(exist_ok=True)
            for path in corpus.make(root / "corpus", n):
                link = folder / path.name
                if not link.exists():
                    link.symlink_to(path)
            results[n] = peak_rss(folder, jobs)
        (a, wa), (b, wb) = results[small], results[large]
        worker = f"; largest worker {wa:.0f} → {wb:.0f} MB" if jobs > 1 else ""
        rows.append((
            f"peak RSS, `gongwen check --jobs {jobs}`: {small:,} → {large:,} reports",
            f"{a:.0f} → {b:.0f} MB",
            f"**{b / a:.2f}×** (target ≤ 1.2×, < 250 MB){worker}",
        ))  # fmt: skip
    return rows


def help_row(repeats: int) -> tuple[str, str, str]:
    """Wall time of `gongwen --help` in a new process."""
    command = [str(Path(sys.executable).parent / "gongwen"), "--help"]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "gongwen", "--help"]
    seconds = median_time(lambda: subprocess.run(command, capture_output=True, check=True),
                          max(5, repeats))  # fmt: skip
    return ("`gongwen --help`", f"{seconds:.3f} s", "target < 0.3 s")


def machine() -> str:
    """Cores, CPU, versions."""
    from gongwen.parallel import cpu_count

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    libs = ", ".join(f"{p} {version(p)}" for p in ("lxml", "docxtpl", "python-docx", "pypdf",
                                                    "pydantic", "Cerberus", "Jinja2"))  # fmt: skip
    soffice = shutil.which("soffice")
    return (
        f"{cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; {libs}; gongwen {version('gongwen')}"
        + ("; LibreOffice present" if soffice else "; no LibreOffice")
    )


def main() -> int:
    """Make the corpus, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=500, help="reports for the check figures")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--memory", type=int, default=5000, help="reports for the memory row")
    parser.add_argument("--pdf-docs", type=int, default=6)
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--corpus", type=Path, help="keep the corpus here (made once) for reruns")
    parser.add_argument("--only", default="check,generate,pdf,memory,help",
                        help="comma-separated parts to measure (default: all)")  # fmt: skip
    args = parser.parse_args()
    args.only = set(args.only.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        root = args.corpus or Path(tmp)
        made = time.perf_counter()
        wanted = max(args.reports, args.memory if "memory" in args.only else 0)
        files = corpus.make(root / "corpus", wanted)
        made = time.perf_counter() - made
        folder = root / f"check{args.reports}"
        folder.mkdir(exist_ok=True)
        for path in files[: args.reports]:
            if not (folder / path.name).exists():
                (folder / path.name).symlink_to(path)
        load = os.getloadavg()
        rows = []
        if "check" in args.only:
            own = corpus.make(root / "own-styles", min(args.reports, 100), own_styles=True)
            rows += check_rows(files[: args.reports], folder, own, args.repeats)
        if "generate" in args.only:
            rows += generate_rows(args.repeats)
        if "pdf" in args.only and shutil.which("soffice") and not args.no_pdf:
            rows += pdf_rows(args.pdf_docs, args.repeats)
            rows += round_rows(args.repeats)
        if "memory" in args.only:
            rows += memory_rows(root, args.reports, args.memory)
        if "help" in args.only:
            rows.append(help_row(args.repeats))
        load_after = os.getloadavg()
    print(f"Machine: {machine()}.")
    print(f"Corpus: {args.reports:,} synthetic reports (3–5 pages, Word-style runs; "
          f"{len(files):,} made in {made:.0f} s); median of {args.repeats} runs; "
          f"load average {load[0]:.2f} before, {load_after[0]:.2f} after.\n")  # fmt: skip
    print("| measure | value | ratio / rate |")
    print("|---|---|---|")
    for name, value, note in rows:
        print(f"| {name} | {value} | {note} |")
    print(f"\n(peak RSS of this benchmark process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
