"""The 署名 and 成文日期 land where 7.3.5.1 and 7.3.5.2 put them, measured on the rendered
page (GB724), and a date or 署名 moved off its place is found."""

from __future__ import annotations

import re

import pytest
from pdfbuild import require_soffice
from test_letter import _edit

from gongwen.case import load_case
from gongwen.export import to_pdf
from gongwen.fit import generate
from gongwen.ingest.pdf_content import read_layout
from gongwen.ingest.pdf_elements import Elements
from gongwen.resources import data_dir
from gongwen.verify import verify_pdf

CHAR_MM = 16 / 72 * 25.4


def _indent(style: str, attr: str, by_twips: int):
    def change(xml: str) -> str:
        i = xml.index(f'w:val="{style}"')
        j = xml.index("<w:ind ", i)
        k = xml.index("/>", j)
        ind = re.sub(
            rf'w:{attr}="(\d+)"', lambda m: f'w:{attr}="{int(m.group(1)) + by_twips}"', xml[j:k]
        )
        return xml[:j] + ind + xml[k:]

    return change


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    require_soffice()
    folder = tmp_path_factory.mktemp("sig")
    fitted = generate(load_case(data_dir("samples") / "case.json"), folder, ["report", "circular"])
    report = next(p for p in fitted.docx if p.name.startswith("评阅报告"))
    circular = next(p for p in fitted.docx if p.name.startswith("情况通报"))
    bad = {
        "date_moved": _edit(report.read_bytes(), _indent("GwDate", "left", 480)),
        "signature_off_centre": _edit(circular.read_bytes(), _indent("GwSignature", "right", 640)),
    }
    paths = []
    for name, data in bad.items():
        paths.append(folder / f"{name}.docx")
        paths[-1].write_bytes(data)
    result = to_pdf(paths, tmp_path_factory.mktemp("pdf"), jobs=None)
    out = {p.stem.split("-")[0]: p for p in fitted.export.pdfs}
    out.update({p.stem: p for p in result.pdfs})
    return out


def test_an_unsealed_date_starts_two_characters_after_the_signature(rendered):
    e = Elements(read_layout(rendered["评阅报告"]))
    date = e.date_line
    page = e.layout.pages[date.page - 1]
    sig = [ln for ln in e.body_lines(page) if ln.baseline < date.baseline][-1]
    assert abs(date.left.mm - sig.left.mm - 2 * CHAR_MM) < 0.5
    assert abs(184 - sig.right.mm - 2 * CHAR_MM) < 0.5
    assert not [f for f in verify_pdf(rendered["评阅报告"]) if f.code == "GB724"]


def test_a_sealed_signature_is_centred_over_a_date_four_characters_in(rendered):
    e = Elements(read_layout(rendered["情况通报"]))
    date = e.date_line
    assert abs(184 - date.right.mm - 4 * CHAR_MM) < 0.5
    assert not [f for f in verify_pdf(rendered["情况通报"]) if f.code == "GB724"]


@pytest.mark.parametrize("name", ["date_moved", "signature_off_centre"])
def test_a_signature_block_off_its_place_is_gb724(rendered, name):
    assert "GB724" in {f.code for f in verify_pdf(rendered[name])}


def test_a_short_signature_stands_two_characters_before_a_longer_date(tmp_path):
    import copy

    from test_any_office import TOKEN_CASE

    require_soffice()
    fitted = generate(load_case(copy.deepcopy(TOKEN_CASE)), tmp_path, ["report"])
    (pdf,) = fitted.export.pdfs
    e = Elements(read_layout(pdf))
    date = e.date_line
    page = e.layout.pages[date.page - 1]
    sig = [ln for ln in e.body_lines(page) if ln.baseline < date.baseline][-1]
    assert sig.text == "戊己组"
    assert abs(184 - date.right.mm - 2 * CHAR_MM) < 0.5  # the date, the longer, 2 字 in
    assert abs(date.left.mm - sig.left.mm - 2 * CHAR_MM) < 1.0  # by the digits' width here
    assert not [f for f in verify_pdf(pdf) if f.code == "GB724"]
