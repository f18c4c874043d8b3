"""公文 as Word and WPS lay them out: page numbers in frames and text boxes, list indents from
the numbering level, faces per character class, a 署名 pushed right with spaces. Every planted
defect found by its code and paragraph, no finding on a conforming file, and LibreOffice's
rendering where the checker says the text lands. Driven by tests/fixtures/layouts/expected.yaml.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from gongwen import check_file
from gongwen.findings import Severity
from gongwen.ingest import load
from gongwen.model import Alignment, BoxKind, Role

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
FILES = yaml.safe_load((LAYOUTS / "expected.yaml").read_text(encoding="utf-8"))["files"]
BY_NAME = {case["file"]: case for case in FILES}


@pytest.mark.parametrize("case", FILES, ids=lambda c: c["file"])
def test_each_file_gives_exactly_its_findings(case):
    result = check_file(LAYOUTS / case["file"], rules="gbt9704")
    found = sorted(
        f.code if f.location.paragraph is None else f"{f.code}@{f.location.paragraph}"
        for f in result.findings
        if f.severity != Severity.INFO
    )
    assert found == sorted(case["expect"]), [(f.code, f.message) for f in result.findings]


def test_the_corpus_has_conforming_and_defective_files_of_each_writer():
    for writer in ("word-", "wps-"):
        mine = [c for c in FILES if c["file"].startswith(writer)]
        assert any(not c["expect"] for c in mine) and any(c["expect"] for c in mine), writer


@pytest.mark.parametrize("case", FILES, ids=lambda c: c["file"])
def test_the_page_number_lands_on_the_side_the_file_puts_it(case):
    (section,) = load(LAYOUTS / case["file"]).sections
    odd, even = (Alignment(side) for side in case["sides"])
    assert (section.page_number_odd, section.page_number_even) == (odd, even)
    assert not section.different_odd_even  # one footer, mirrored by its frame or box


@pytest.mark.parametrize(
    ("name", "kind"),
    [("word-frame-outside.docx", BoxKind.FRAME), ("wps-box-outside.docx", BoxKind.TEXTBOX),
     ("wps-vml-outside.docx", BoxKind.TEXTBOX)],
)  # fmt: skip
def test_the_page_number_is_read_from_its_frame_or_box(name, kind):
    (number,) = load(LAYOUTS / name).with_role(Role.PAGE_NUMBER)
    assert number.text == "— 1 —" and "PAGE" in number.fields
    assert number.box is not None and number.box.kind == kind and number.box.mirrored
    assert number.alignment == Alignment.LEFT  # the paragraph's own jc says nothing of it


def test_the_wps_files_say_wps_and_the_vml_file_has_no_drawingml():
    for case in FILES:
        with zipfile.ZipFile(LAYOUTS / case["file"]) as zf:
            names = zf.namelist()
            footer = zf.read("word/footer1.xml").decode()
            wps = "KSOProductBuildVer" in (zf.read("docProps/custom.xml").decode()
                                           if "docProps/custom.xml" in names else "")  # fmt: skip
        assert wps == case["file"].startswith("wps-"), case["file"]
        assert ("w:framePr" in footer) == case["file"].startswith("word-")
    with zipfile.ZipFile(LAYOUTS / "wps-vml-outside.docx") as zf:
        footer = zf.read("word/footer1.xml").decode()
        assert "<v:textbox" in footer and "wps:txbx" not in footer


def _items(name: str) -> list:
    return [p for p in load(LAYOUTS / name).paragraphs if p.text.startswith(("1．", "2．"))]


def test_a_wps_list_item_is_indented_by_its_level():
    for item in _items("wps-box-outside.docx"):
        assert item.role == Role.BODY
        assert round(item.indent_left.pt) == 54 and round(item.indent_first.pt) == -22
        assert round(item.indent_left.pt + item.indent_first.pt) == 32  # the number 2 字 in


def test_a_word_list_item_takes_its_style_indent_over_its_level():
    for item in _items("word-frame-outside.docx"):
        assert item.role == Role.BODY
        assert item.indent_left.pt == 0 and item.indent_first_chars == 2


# ---- LibreOffice's rendering ---------------------------------------------------------------

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler is not installed",
)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_MARGIN_LEFT, _MARGIN_RIGHT = 1588 / 20, 1474 / 20  # the corpus's margins, in pt


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """Each file's pages as LibreOffice sets them: (width, [(x0, y0, x1, word)])."""
    from gongwen.export import to_pdf

    out = tmp_path_factory.mktemp("layouts-pdf")
    result = to_pdf([LAYOUTS / c["file"] for c in FILES], out, timeout=300)
    assert not result.failures
    pages = {}
    for case in FILES:
        pdf = out / case["file"].replace(".docx", ".pdf")
        bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
        pages[case["file"]] = [
            (float(w), float(h), [(float(a), float(b), float(c), t) for a, b, c, t in
                                  _WORD.findall(body)])
            for w, h, body in _PAGE.findall(bbox)
        ]  # fmt: skip
    return pages


def _third(x: float, width: float) -> str:
    """The third of the type area `x` (pt from the paper's left edge) stands in."""
    at = (x - _MARGIN_LEFT) / (width - _MARGIN_LEFT - _MARGIN_RIGHT)
    return "left" if at < 1 / 3 else "center" if at <= 2 / 3 else "right"


@needs_soffice
@pytest.mark.parametrize("case", FILES, ids=lambda c: c["file"])
def test_libreoffice_sets_the_page_number_where_the_checker_says(case, rendered):
    pages = rendered[case["file"]]
    assert len(pages) == 2
    sides = []
    for width, height, words in pages:
        # the page number's digit: the lowest digit on the page, in the footer
        digit = max(
            (w for w in words if w[3].isdigit() and w[1] > height * 0.8), key=lambda w: w[1]
        )
        sides.append(_third((digit[0] + digit[2]) / 2, width))
    # where LibreOffice differs from Word the test names it; it fails once LibreOffice agrees
    assert sides == case.get("rendered", case["sides"]), case.get("differs")


@needs_soffice
@pytest.mark.parametrize(
    ("name", "at_right"),
    [("word-signature-spaces.docx", True), ("word-signature-spaces-short.docx", False)],
)
def test_libreoffice_sets_the_spaced_signature_where_the_checker_says(name, at_right, rendered):
    width, _, words = rendered[name][-1]
    ends = [w[2] for w in words if w[3].endswith("局")]
    right_edge = width - _MARGIN_RIGHT
    # GB307 takes a 署名 ending within 6 字 (of 16 pt) of the type area's right edge as at the right
    assert (right_edge - max(ends) <= 6 * 16) == at_right, right_edge - max(ends)
