"""Attachment tables sized from their content: names on at most two lines, no character
alone on a line (GB725), the last row never alone under a repeated heading."""

from __future__ import annotations

import re

import pytest
from pdfbuild import require_soffice
from test_letter import _edit

from gongwen.case import load_case
from gongwen.export import to_pdf
from gongwen.fit import generate
from gongwen.render.tables import chars, column_widths
from gongwen.resources import data_dir
from gongwen.verify import verify_pdf

CHAR, PAD, TOTAL = 280, 170, 8844  # twips: a 4号 character, a cell's margins, the type area

NAMES = ["单位", "县人民政府办公室", "县发展和改革局", "县人力资源和社会保障局",
         "县住房和城乡建设局", "市科学技术和经济信息化局", "市政务服务和大数据管理局"]  # fmt: skip
RESULTS = [["序号", "26"], NAMES, ["负责人", "欧阳振宇"], ["报送日期", "12月26日", "未报送"],
           ["等次", "不合格"], ["问题数", "12"], ["按期整改", "12"]]  # fmt: skip


def _caps(widths):
    return [int((w - PAD) / CHAR) for w in widths]


def test_the_widths_fill_the_type_area_and_keep_short_entries_on_one_line():
    widths = column_widths(RESULTS, TOTAL, CHAR, PAD)
    assert round(sum(widths)) == TOTAL
    caps = _caps(widths)
    for col, cap in zip(RESULTS, caps, strict=True):
        if col is not NAMES:
            assert all(chars(t) <= cap + 0.01 for t in col[1:]), (col, cap)


def test_names_wrap_in_two_lines_with_no_character_alone():
    cap = _caps(column_widths(RESULTS, TOTAL, CHAR, PAD))[1]
    for name in NAMES[1:]:
        lines = -(-len(name) // cap)
        assert lines <= 2 and (len(name) <= cap or len(name) % cap != 1), (name, cap)


def test_a_narrow_table_fits_without_wrapping():
    widths = column_widths([["编号", "1"], ["单位", "某局"]], TOTAL, CHAR, PAD)
    assert round(sum(widths)) == TOTAL and widths[0] < widths[1]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    require_soffice()
    folder = tmp_path_factory.mktemp("tables")
    fitted = generate(load_case(data_dir("samples") / "case.json"), folder, ["report"])
    (docx,) = fitted.docx
    (pdf,) = fitted.export.pdfs

    def narrow(xml: str) -> str:  # the 单位 column 9 characters: 市住房和城乡建设局 fits, 10 do not
        cols = re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)
        want = [int(c) for c in cols]
        want[2] += want[1] - (8 * CHAR + PAD + 70)  # 8 characters: …和城乡建设 / 局
        want[1] = 8 * CHAR + PAD + 70
        for old, new in zip(cols, want, strict=True):
            xml = xml.replace(f'w:w="{old}"', f'w:w="{new}"')
        return xml

    bad = folder / "narrow.docx"
    bad.write_bytes(_edit(docx.read_bytes(), narrow))
    (bad_pdf,) = to_pdf([bad], tmp_path_factory.mktemp("pdf")).pdfs
    return pdf, bad_pdf


def test_the_sample_results_table_has_no_character_alone(report):
    pdf, _ = report
    assert not [f for f in verify_pdf(pdf) if f.code == "GB725"]


def test_a_column_too_narrow_leaves_a_character_alone(report):
    _, bad = report
    found = [f for f in verify_pdf(bad) if f.code == "GB725"]
    assert found and all(len(f.actual or "") == 1 for f in found)
