"""Seconds per document converting to PDF: one soffice process for a batch vs one per file.

Run: .venv/bin/python benchmarks/pdf.py [--docs 8] [--repeats 3]. Documents come from
the generator when it is there (samples/case.json), else from tests/pdfbuild.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from gongwen.export import to_pdf


def documents(folder: Path, count: int) -> list[Path]:
    """`count` .docx files to convert."""
    try:
        from gongwen.case import load_case
        from gongwen.render import render_all
        from gongwen.resources import data_dir

        rendered = render_all(load_case(data_dir("samples") / "case.json"))[:count]
        paths = []
        for doc in rendered:
            path = folder / doc.file_name
            path.write_bytes(doc.data)
            paths.append(path)
        return paths
    except ImportError:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from pdfbuild import build

        return [build(folder / f"doc{i}.docx") for i in range(count)]


def main() -> int:
    """Print the medians; the batch run must have used one process."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = documents(folder, args.docs)
        batch, single = [], []
        for i in range(args.repeats):
            start = time.perf_counter()
            result = to_pdf(files, folder / f"batch{i}")
            batch.append((time.perf_counter() - start) / len(files))
            assert result.ok and result.processes == 1, result.failures
            start = time.perf_counter()
            for path in files:
                assert to_pdf([path], folder / f"single{i}").ok
            single.append((time.perf_counter() - start) / len(files))
    print(f"{len(files)} documents, median of {args.repeats} runs")
    print(f"batch (1 soffice process):  {statistics.median(batch):.2f} s per document")
    print(f"one soffice per document:   {statistics.median(single):.2f} s per document")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
