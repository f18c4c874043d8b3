"""A scanned PDF (no text layer) is reported as such, not as a report missing everything."""

from __future__ import annotations

from pypdf import PdfWriter

from gongwen import check_file
from gongwen.findings import FileStatus


def test_a_scan_gets_io004_and_no_content_findings(tmp_path):
    path = tmp_path / "市财政局-张伟-扫描件.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595.3, height=841.9)
    with path.open("wb") as fh:
        writer.write(fh)
    result = check_file(path)
    assert result.status == FileStatus.UNREADABLE
    assert [f.code for f in result.findings] == ["IO004"]
    assert "文字层" in result.findings[0].message
    assert "text layer" in check_file(path, lang="en").findings[0].message
