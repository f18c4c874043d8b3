"""Limits on what one untrusted input may cost: bytes inflated, parts, pages, seconds.

Submissions come from many offices and their tools; a damaged or hostile file must get a
finding within these bounds, never exhaust the machine. The defaults are far above any
real annual report (an 8000-character report is well under 1 MB of XML and 30 pages) and
far below what would hurt a desktop. Every field is configurable (`gongwen check --max-*`).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What reading one submitted file or case file may cost before it is refused (IO006)."""

    docx_bytes: int = 256 * MB
    """Uncompressed size of a whole .docx: declared sizes of all parts, and bytes inflated."""

    part_bytes: int = 32 * MB
    """Uncompressed size of one XML part that is read (document.xml, styles.xml, ...)."""

    docx_parts: int = 2000
    """Number of parts (zip entries) of a .docx; Word writes a few dozen."""

    pdf_pages: int = 500
    """Pages of a submitted PDF."""

    file_seconds: float = 120.0
    """Time to read and check one submitted file."""

    conversion_seconds: float = 300.0
    """Time for one LibreOffice conversion run (.docx → PDF)."""

    case_bytes: int = 16 * MB
    """Size of a case file (JSON or .xlsx); the sample of 26 departments is about 100 KB."""

    workbook_bytes: int = 64 * MB
    """Uncompressed size of a case workbook (.xlsx): the declared sizes of all its parts."""

    workbook_rows: int = 10_000
    """Rows of one sheet of a case workbook; the sample's longest sheet has about 130."""

    workbook_columns: int = 60
    """Columns of one sheet of a case workbook that are read; the widest has 20."""

    def __post_init__(self) -> None:
        for name in self.__slots__:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise ValueError(f"limit {name} must be a positive number, not {value!r}")


DEFAULT_LIMITS = Limits()
