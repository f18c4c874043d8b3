"""信函格式 and 上行文 as rendered: the county round verifies clean, and each defect of a
letter's head is found by its GB71x code (GB/T 9704 10.1)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from pdfbuild import require_soffice

from gongwen import check_file
from gongwen.case import load_case
from gongwen.export import to_pdf
from gongwen.fit import generate
from gongwen.resources import data_dir
from gongwen.verify import verify_pdf

EMU_MM = 36000


def _edit(data: bytes, change) -> bytes:
    """`data` (a .docx) with its document.xml passed through `change`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = change(body.decode("utf-8")).encode("utf-8")
            dst.writestr(item, body)
    return out.getvalue()


def _move(name: str, dx_mm: float = 0, dy_mm: float = 0, width_mm: float | None = None):
    """Move the drawing called `name` (and give it another width)."""

    def change(xml: str) -> str:
        start = xml.index(f'name="{name}"')
        anchor = xml.rindex("<wp:anchor", 0, start)
        end = xml.index("</wp:anchor>", start)
        part = xml[anchor:end]

        def shift(match: re.Match[str], by: float) -> str:
            return f"{match.group(1)}{int(match.group(2)) + int(by * EMU_MM)}</wp:posOffset>"

        h, v = part.split("<wp:positionV", 1)
        h = re.sub(r"(<wp:posOffset>)(-?\d+)</wp:posOffset>", lambda m: shift(m, dx_mm), h)
        v = re.sub(r"(<wp:posOffset>)(-?\d+)</wp:posOffset>", lambda m: shift(m, dy_mm), v)
        part = h + "<wp:positionV" + v
        if width_mm is not None:
            part = re.sub(r'cx="\d+"', f'cx="{int(width_mm * EMU_MM)}"', part)
        return xml[:anchor] + part + xml[end:]

    return change


def _centre_number(xml: str) -> str:
    i = xml.index('w:val="GwLetterNumber"')
    return xml[:i] + xml[i:].replace('<w:jc w:val="right"/>', '<w:jc w:val="center"/>', 1)


def _number_page_one(xml: str) -> str:
    return xml.replace("<w:titlePg/>", "")


def _centre_signer_line(xml: str) -> str:
    i = xml.index("签发人：")
    p = xml.rindex("<w:p>", 0, i)
    return xml[:p] + xml[p:i].replace('<w:jc w:val="left"/>', '<w:jc w:val="center"/>', 1) + xml[i:]


DEFECTS = {
    "mark 7 mm low": (_move("信函格式发文机关标志", dy_mm=7), {"GB716", "GB717"}),
    "upper rules 165 mm": (
        lambda x: _move("信函格式上双线细", width_mm=165)(
            _move("信函格式上双线粗", width_mm=165)(x)
        ),
        {"GB717"},
    ),
    "lower rules 5 mm high": (
        lambda x: _move("信函格式下双线细", dy_mm=-5)(_move("信函格式下双线粗", dy_mm=-5)(x)),
        {"GB717"},
    ),
    "number centred": (_centre_number, {"GB718"}),
    "page 1 numbered": (_number_page_one, {"GB719"}),
}


@pytest.fixture(scope="module")
def county_pdfs(tmp_path_factory):
    require_soffice()
    folder = tmp_path_factory.mktemp("county")
    case = load_case(data_dir("samples") / "case-county.json")
    fitted = generate(case, folder, jobs=None)  # rendered, converted, the pages fitted
    assert fitted.export.ok, [f.message("en") for f in fitted.export.failures]
    out = {p.stem: p for p in fitted.export.pdfs}
    letter = next(p for p in fitted.docx if p.name.startswith("评阅意见反馈函"))
    report = next(p for p in fitted.docx if p.name.startswith("评阅报告"))
    paths = []
    for name, (change, _codes) in DEFECTS.items():
        paths.append(folder / f"defect-{name}.docx")
        paths[-1].write_bytes(_edit(letter.read_bytes(), change))
    paths.append(folder / "defect-signer-centred.docx")
    paths[-1].write_bytes(_edit(report.read_bytes(), _centre_signer_line))
    result = to_pdf(paths, tmp_path_factory.mktemp("pdf"), jobs=None)
    assert result.ok, [f.message("en") for f in result.failures]
    out.update({p.stem: pdf for p, pdf in zip(paths, result.pdfs, strict=True)})
    return out


def test_every_document_of_the_county_round_verifies_clean(county_pdfs):
    found = {
        stem: [f"{f.code} {f.message}" for f in verify_pdf(pdf, lang="en")]
        for stem, pdf in county_pdfs.items()
        if not stem.startswith("defect-")
    }
    assert len(found) == 16
    assert {k: v for k, v in found.items() if v} == {}


def test_the_round_checks_clean_by_the_whole_format_rule_set(county_pdfs):
    """`gongwen check --rules gbt9704` over the round's .docx and PDFs finds nothing: a wrapped
    附件说明 line is no 署名, a PDF's colour is read, the body's size (not a 4号 table's) sets
    the text column, a 题注 and a wrapped 抄送 line are read as such, and the pitch fitting
    tightened to keep a 署名 with its text is the adjustment 7.3.5.1 allows."""
    files = [pdf for stem, pdf in county_pdfs.items() if not stem.startswith("defect-")]
    files += [pdf.with_suffix(".docx") for pdf in files if pdf.with_suffix(".docx").exists()]
    assert len(files) == 32
    found = {
        f.name: [f"{x.code} {x.location.snippet}" for x in check_file(f, rules="gbt9704").findings]
        for f in files
    }
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize("name", list(DEFECTS))
def test_each_defect_of_a_letter_head_is_found_by_its_code(county_pdfs, name):
    codes = {f.code for f in verify_pdf(county_pdfs[f"defect-{name}"])}
    assert codes == DEFECTS[name][1]


def test_a_letter_measures_to_10_1(county_pdfs):
    from gongwen.ingest.pdf_content import read_layout

    pdf = next(p for s, p in county_pdfs.items() if s.startswith("评阅意见反馈函"))
    layout = read_layout(pdf)
    red = sorted((r for r in layout.pages[0].rules if r.color[0] > 0.6), key=lambda r: r.top)
    assert len(red) == 4
    assert all(abs(r.left.mm - 20) < 0.3 and abs(r.right.mm - 190) < 0.3 for r in red)
    assert red[0].thickness > red[1].thickness and red[3].thickness > red[2].thickness
    assert abs(red[3].bottom.mm - 277) < 0.3
    numbers = [line for line in layout.pages[0].lines if re.search(r"—\s*1\s*—", line.text)]
    assert numbers == []  # no page number on page 1
    assert any(re.search(r"—\s*2\s*—", line.text) for line in layout.pages[1].lines)


def test_an_upward_report_sets_number_and_signer_one_character_in(county_pdfs):
    from gongwen.ingest.pdf_content import read_layout

    pdf = next(p for s, p in county_pdfs.items() if s.startswith("评阅报告"))
    lines = read_layout(pdf).pages[0].lines
    (line,) = [x for x in lines if "签发人" in x.text]
    one = 16 / 72 * 25.4  # one 字 of 3号, mm
    assert abs(line.left.mm - (28 + one)) < 0.5 and abs(line.right.mm - (184 - one)) < 0.5
    assert line.text.startswith("青人常〔2024〕") and line.text.endswith("龚德胜")


def test_an_upward_number_line_off_its_place_is_gb726(county_pdfs):
    codes = {f.code for f in verify_pdf(county_pdfs["defect-signer-centred"])}
    assert "GB726" in codes


def test_several_signers_stand_one_a_line_the_number_on_the_last(tmp_path):
    import json

    from gongwen.render import render

    data = json.loads((data_dir("samples") / "case-county.json").read_text(encoding="utf-8"))
    data["report"]["signers"] = ["龚德胜", "岑慧敏"]
    root_xml = _edit(render(load_case(data), "report"), lambda x: x)
    with zipfile.ZipFile(io.BytesIO(root_xml)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    first, last = xml.index("龚德胜"), xml.index("岑慧敏")
    assert first < last and xml.count("签发人：") == 2
    number = xml.index("青人常〔2024〕")
    between = xml[first:last]
    assert number > first and "青人常〔2024〕" in xml[xml.rindex("<w:p>", 0, last) : last]
    assert "GwSigner" in xml[xml.rindex("<w:p>", 0, first) : first]
    assert between.count("<w:p>") >= 1  # the first signer on a line of its own
