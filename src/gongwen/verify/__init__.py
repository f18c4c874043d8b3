"""Layout verified by measuring a rendered PDF against GB/T 9704 (rule codes GB7xx).

A thin entry over the one check engine: the measurements are the check kinds
`checks/kinds/pdf_*.py`, their rules `rules/gbt9704-pdf.yaml`, loaded, validated and
overridable like every other rule set; a PDF is read once by `gongwen.ingest`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from gongwen.findings import Finding
from gongwen.i18n import DEFAULT_LANG

__all__ = ["RULES", "verify_pdf"]

RULES = "gbt9704-pdf"  # the shipped rule set of the layout measurements


def verify_pdf(
    path: str | os.PathLike[str],
    *,
    lang: str = DEFAULT_LANG,
    rules: str | Path = RULES,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """Measure the PDF at `path` with `rules` (a rule set name or file); findings, errors first.

    A PDF that cannot be read gives its IO finding, as `gongwen check` reports it, not a raise.
    A bad rule file raises RuleSetError, naming the file and the key.
    """
    from gongwen.batch import check_file

    result = check_file(os.fspath(path), rules, select=select, ignore=ignore, lang=lang)
    return sorted(result.findings, key=lambda f: (f.severity.rank, f.location.page or 0, f.code))
