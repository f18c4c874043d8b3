"""The issue ledger (问题清单台账): a case's issues as an Excel workbook, and back.

`write_ledger(case, path)` writes it; `import_ledger(path, case)` takes the statuses and dates
the office entered and reports every row it could not use.
"""

from __future__ import annotations

from gongwen.ledger.export import ledger_bytes, write_ledger
from gongwen.ledger.read import LedgerError, LedgerImport, RowProblem, import_ledger

__all__ = [
    "LedgerError",
    "LedgerImport",
    "RowProblem",
    "import_ledger",
    "ledger_bytes",
    "write_ledger",
]
