"""gongwen: check annual performance reports and generate GB/T 9704-2012 official documents.

The public API is imported lazily, so `import gongwen` (and `gongwen --help`) stays cheap:
- checking: `check_file`, `check_folder`, `load_rule_set`
- review copies: `annotate` (a report with a comment at each finding)
- generating: `load_case`, `render`, `render_all`, `write_all`
- PDF: `to_pdf` (LibreOffice, one process a batch), `verify_pdf` (layout measured in mm)
"""

from __future__ import annotations

import importlib as _importlib
from typing import Any as _Any

_API = {
    "annotate": "gongwen.markup",
    "check_file": "gongwen.batch",
    "check_folder": "gongwen.batch",
    "load_rule_set": "gongwen.checks",
    "load": "gongwen.ingest",
    "load_case": "gongwen.case",
    "render": "gongwen.render",
    "render_all": "gongwen.render",
    "write_all": "gongwen.render",
    "KINDS": "gongwen.render",
    "to_pdf": "gongwen.export",
    "verify_pdf": "gongwen.verify",
    "CheckReport": "gongwen.findings",
    "FileResult": "gongwen.findings",
    "Finding": "gongwen.findings",
    "Severity": "gongwen.findings",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> _Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'gongwen' has no attribute {name!r}")
    return getattr(_importlib.import_module(module), name)


def __dir__() -> list[str]:
    # Only the public API: not the names this module imports, nor the submodules loaded so far.
    return sorted([*__all__, *(n for n in globals() if n.startswith("__"))])
