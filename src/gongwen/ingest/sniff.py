"""What a file is by its first bytes, not its name: the signatures ingest and the legacy reader
both go by."""

from __future__ import annotations

__all__ = [
    "EMPTY_ZIP",
    "LEGACY_SUFFIXES",
    "MARKUP",
    "OLE",
    "PDF",
    "RTF",
    "SNIFF_BYTES",
    "ZIP",
    "is_markup",
]

ZIP = b"PK\x03\x04"
EMPTY_ZIP = b"PK\x05\x06"
PDF = b"%PDF-"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: legacy .doc/.wps, or encrypted .docx
RTF = b"{\\rtf"  # what Word and WPS write when "saving as .doc" in RTF
LEGACY_SUFFIXES = (".doc", ".dot", ".wps", ".wpt", ".rtf")
SNIFF_BYTES = 1024  # %PDF may follow some junk; the PDF reference allows it within 1 KB
# Word saves web pages (.htm) and its 2003 XML as .doc too
MARKUP = (b"<html", b"<!doctype html", b"<?xml", b"<w:worddocument", b"<meta", b"<head")


def is_markup(head: bytes) -> bool:
    """Whether the first bytes are those of a web page or an XML file, not a Word document."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"mime-version:"):  # a web archive (.mht) saved as .doc
        return True
    return start.startswith(b"<") and any(tag in start for tag in MARKUP)
