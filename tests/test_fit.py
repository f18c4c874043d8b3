"""Fitting the pages (gongwen.fit): render, convert, measure, adjust. On both sample rounds:
no 署名 on a page without text, the 版记 on the back page with blank pages unnumbered, and a
single-sided office's 版记 left where the text ends."""

from __future__ import annotations

import json

import pytest
from pdfbuild import require_soffice

from gongwen.case import load_case
from gongwen.fit import FLOOR, generate
from gongwen.ingest.pdf_content import read_layout
from gongwen.ingest.pdf_elements import Elements
from gongwen.resources import data_dir


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    require_soffice()
    case = load_case(data_dir("samples") / "case.json")
    return generate(case, tmp_path_factory.mktemp("city"), ["interview", "feedback"])


def _elements(fitted, prefix):
    pdf = next(p for p in fitted.export.pdfs if p.name.startswith(prefix))
    return Elements(read_layout(pdf))


def test_an_interview_that_spilled_keeps_its_signature_with_text(city):
    e = _elements(city, "约谈通知-市住房和城乡建设局")
    assert e.date_line is not None and not e.signature_without_text
    # the text ends on page 2; page 3 is blank and page 4 holds the 版记, neither numbered
    pages = e.layout.pages
    assert len(pages) == 4 and e.imprint is not None and e.imprint.page == 4
    assert not e.body_lines(pages[2]) and not e.page_numbers(pages[2])
    assert e.imprint_only(pages[3]) and not e.page_numbers(pages[3])
    fit = city.fits["约谈通知-市住房和城乡建设局.docx"]
    assert fit.imprint_break and fit.blank_pages == 1


def test_letters_are_fitted_by_line_spacing_within_the_floor(city):
    letters = {n: f for n, f in city.fits.items() if n.startswith("评阅意见反馈函")}
    squeezed = [f for f in letters.values() if f.pitch is not None]
    assert squeezed and all(f.pitch >= FLOOR for f in squeezed)
    for name in letters:
        e = _elements(city, name.removesuffix(".docx"))
        assert not e.signature_without_text, name
        assert e.imprint is not None and e.imprint.page % 2 == 0, name


def test_a_single_sided_office_keeps_the_imprint_where_the_text_ends(tmp_path):
    require_soffice()
    data = json.loads((data_dir("samples") / "case.json").read_text(encoding="utf-8"))
    data["double_sided"] = False
    fitted = generate(load_case(data, lang="en"), tmp_path, ["decision"])
    e = _elements(fitted, "专题监督决定")
    assert len(e.layout.pages) == 3 and e.imprint is not None and e.imprint.page == 3
    assert not fitted.fits[fitted.docx[0].name].imprint_break


def test_nothing_is_written_over_without_force(tmp_path):
    require_soffice()
    case = load_case(data_dir("samples") / "case.json")
    generate(case, tmp_path, ["decision"])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(FileExistsError):
        generate(case, tmp_path, ["decision"])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_without_fitting_a_letter_is_found_wanting(tmp_path):
    """What fitting fixes is what verify measures: the same letter rendered and converted
    without it has its 署名 on a page of closing only (GB720), page 1 ending early (GB721)
    and its 版记 on an odd page (GB722)."""
    from gongwen.export import to_pdf
    from gongwen.render import render
    from gongwen.verify import verify_pdf

    require_soffice()
    case = load_case(data_dir("samples") / "case.json")
    docx = tmp_path / "letter.docx"
    docx.write_bytes(render(case, "feedback", item="市财政局"))
    (pdf,) = to_pdf([docx], tmp_path).pdfs
    assert {"GB720", "GB721", "GB722"} <= {f.code for f in verify_pdf(pdf)}
