"""Generated documents, written and read back: the XML geometry, the text, the safety."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import zipfile
from fractions import Fraction
from pathlib import Path

import docx
import pytest
from lxml import etree

from gongwen.case import Case, load_case
from gongwen.render import KINDS, render, render_all, write_all
from gongwen.render.filters import cn_numeral
from gongwen.resources import data_dir

SAMPLE = data_dir("samples") / "case.json"
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
W = f"{{{NS['w']}}}"
HOSTILE = ("{{ 7*7 }}", "{% if %}", "<w:p>", "A&B", "]]>")


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def documents():
    return render_all(load_case(SAMPLE))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def all_text(data: bytes) -> str:
    """Every w:t of the body, text boxes included, paragraph by paragraph."""
    root = part(data, "word/document.xml")
    return "\n".join("".join(p.itertext()) for p in root.iter(f"{W}p"))


def by_style(root: etree._Element, style: str) -> list[etree._Element]:
    return root.xpath(f'//w:p[w:pPr/w:pStyle/@w:val="{style}"]', namespaces=NS)


def test_every_kind_is_generated_from_the_sample(documents, raw):
    kinds = [d.kind for d in documents]
    assert set(kinds) == set(KINDS)
    assert kinds.count("interview") == len(raw["interviews"]) == 2
    assert kinds.count("decision") == 1
    assert kinds.count("feedback") == 26
    for d in documents:
        assert docx.Document(io.BytesIO(d.data)).paragraphs  # python-docx opens every one


@pytest.mark.parametrize("kind", list(KINDS))
def test_section_geometry_in_twips(documents, kind):
    data = next(d.data for d in documents if d.kind == kind)
    sect = part(data, "word/document.xml").find(f".//{W}sectPr")
    size, margins = sect.find(f"{W}pgSz").attrib, sect.find(f"{W}pgMar").attrib
    assert (size[f"{W}w"], size[f"{W}h"]) == ("11906", "16838")
    got = {k: margins[f"{W}{k}"] for k in ("top", "bottom", "left", "right")}
    assert got == {"top": "2098", "bottom": "1984", "left": "1588", "right": "1474"}


FILE_FORM = ["circular", "interview", "decision"]  # the sample's report is plain, letters 信函


@pytest.mark.parametrize("kind", FILE_FORM)
def test_the_mark_and_the_rule_are_red(documents, kind):
    data = next(d.data for d in documents if d.kind == kind)
    root = part(data, "word/document.xml")
    (mark,) = by_style(root, "GwMark")
    runs = mark.findall(f"{W}r")
    assert "".join(r.findtext(f"{W}t") for r in runs) == "丹江口市人民代表大会常务委员会文件"
    for r in runs:
        assert r.find(f"{W}rPr/{W}color").get(f"{W}val") == "FF0000"
        assert r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "方正小标宋简体"
        # 16 characters of 36 pt must fit 156 mm: the width scale brings them in
        scale = int(r.find(f"{W}rPr/{W}w").get(f"{W}val"))
        assert 16 * 36 * scale / 100 <= 156 / 25.4 * 72
    (number,) = by_style(root, "GwDocNumber")
    assert re.fullmatch(r"丹人常(函)?〔2020〕[1-9]\d*号", "".join(number.itertext()))
    rule = number.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert rule.get(f"{W}color") == "FF0000" and rule.get(f"{W}val") == "single"
    # the rule is as wide as the type area: the paragraph has no side indents
    ind = number.find(f"{W}pPr/{W}ind")
    assert ind.get(f"{W}left") is None and ind.get(f"{W}right") is None


@pytest.mark.parametrize("kind", [*FILE_FORM, "report"])
def test_the_imprint_is_anchored_to_the_bottom_of_the_type_area(documents, kind):
    data = next(d.data for d in documents if d.kind == kind)
    root = part(data, "word/document.xml")
    (anchor,) = root.xpath('//wp:anchor[wp:docPr/@name="版记"]', namespaces=NS)
    v, h = anchor.find("wp:positionV", NS), anchor.find("wp:positionH", NS)
    assert v.get("relativeFrom") == "margin" and v.findtext("wp:align", namespaces=NS) == "bottom"
    assert h.get("relativeFrom") == "margin" and h.findtext("wp:align", namespaces=NS) == "center"
    assert int(anchor.find("wp:extent", NS).get("cx")) == 8844 * 635  # the type area, in EMU
    assert anchor.find("wp:wrapTopAndBottom", NS) is not None
    # it is in the last paragraph of the body, after any attachment
    last = root.find(f"{W}body").findall(f"{W}p")[-1]
    assert anchor in list(last.iter(anchor.tag))
    box_text = "\n".join("".join(p.itertext()) for p in anchor.iter(f"{W}p"))
    assert "抄送：" in box_text and "印发" in box_text
    widths = [int(b.get(f"{W}sz")) for b in anchor.iter(f"{W}bottom")]
    assert widths == [8, 6, 8] or widths == [8, 8]  # 0.35 / 0.25 / 0.35 mm in eighths of a pt


EMU_MM = 36000


def test_a_letter_has_the_letter_head_of_10_1(documents):
    data = next(d.data for d in documents if d.kind == "feedback")
    root = part(data, "word/document.xml")
    assert not by_style(root, "GwDocNumber")  # no 文件 mark, no red rule under the number
    (mark,) = by_style(root, "GwMark")  # in a text box: the name alone, red
    assert "".join(mark.itertext()) == "丹江口市人民代表大会常务委员会"
    assert mark.find(f".//{W}color").get(f"{W}val") == "FF0000"
    box = root.xpath('//wp:anchor[wp:docPr/@name="信函格式发文机关标志"]', namespaces=NS)[0]
    assert box.find("wp:positionV", NS).get("relativeFrom") == "page"
    bars = {}
    for name in ("上双线粗", "上双线细", "下双线细", "下双线粗"):
        (a,) = root.xpath(f'//wp:anchor[wp:docPr/@name="信函格式{name}"]', namespaces=NS)
        x = int(a.find("wp:positionH/wp:posOffset", NS).text) / EMU_MM
        y = int(a.find("wp:positionV/wp:posOffset", NS).text) / EMU_MM
        cx, cy = (int(a.find("wp:extent", NS).get(k)) / EMU_MM for k in ("cx", "cy"))
        assert round(x, 1) == 20.0 and round(cx, 1) == 170.0  # 170 mm, centred on 210 mm
        bars[name] = (y, y + cy)
    assert bars["上双线粗"][1] < bars["上双线细"][0]  # thick over thin
    assert bars["下双线细"][1] < bars["下双线粗"][0]  # thin over thick
    assert round(bars["下双线粗"][1], 1) == 277.0  # 20 mm above the bottom edge
    (number,) = by_style(root, "GwLetterNumber")
    assert number.find(f"{W}pPr/{W}jc").get(f"{W}val") == "right"
    # the paragraph also anchors the drawings: its own text is in its direct runs
    own = "".join(t.text or "" for t in number.findall(f"{W}r/{W}t"))
    assert re.fullmatch(r"丹人常函〔2020〕[1-9]\d*号", own)
    # page 1 carries no number
    sect = root.find(f".//{W}sectPr")
    assert sect.find(f"{W}titlePg") is not None
    refs = {r.get(f"{W}type") for r in sect.findall(f"{W}footerReference")}
    assert refs == {"default", "even", "first"}
    # the 版记: 抄送 only, no 印发 line, no rules
    (anchor,) = root.xpath('//wp:anchor[wp:docPr/@name="版记"]', namespaces=NS)
    box_text = "\n".join("".join(p.itertext()) for p in anchor.iter(f"{W}p"))
    assert "抄送：" in box_text and "印发" not in box_text
    assert not list(anchor.iter(f"{W}bottom"))


def test_an_upward_report_names_its_signer_on_the_number_line():
    case = load_case(Path(__file__).parent.parent / "samples" / "case-county.json")
    root = part(render(case, "report"), "word/document.xml")
    (number,) = by_style(root, "GwDocNumber")
    text = "".join(number.itertext())
    assert re.fullmatch(r"青人常〔2024〕\d+号\t?签发人：龚德胜", text.replace("\t", "\t")), text
    assert number.find(f"{W}pPr/{W}jc").get(f"{W}val") == "left"
    ind = number.find(f"{W}pPr/{W}ind")
    assert ind.get(f"{W}firstLine") == "320" and ind.get(f"{W}left") is None  # one 字 in
    tab = number.find(f"{W}pPr/{W}tabs/{W}tab")
    assert (tab.get(f"{W}val"), tab.get(f"{W}pos")) == ("right", str(8844 - 320))  # 1 字 short
    faces = [r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for r in number.findall(f"{W}r")]
    assert faces[-1] == "楷体_GB2312" and "仿宋_GB2312" in faces  # label 仿宋, name 楷体


def test_a_plain_report_starts_with_its_title(documents):
    root = part(next(d.data for d in documents if d.kind == "report"), "word/document.xml")
    assert not by_style(root, "GwMark") and not by_style(root, "GwDocNumber")
    first = next(p for p in root.iter(f"{W}p") if "".join(p.itertext()).strip())
    assert first.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "GwTitle"


def test_odd_and_even_footers_carry_page_fields(documents):
    data = documents[0].data
    settings = part(data, "word/settings.xml")
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    sect = part(data, "word/document.xml").find(f".//{W}sectPr")
    refs = {r.get(f"{W}type") for r in sect.findall(f"{W}footerReference")}
    assert refs == {"default", "even"}
    rels = part(data, "word/_rels/document.xml.rels")
    target = {r.get("Id"): r.get("Target") for r in rels}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for ref in sect.findall(f"{W}footerReference"):
        footer = part(data, "word/" + target[ref.get(rid)])
        (p,) = footer.findall(f"{W}p")
        align = p.find(f"{W}pPr/{W}jc").get(f"{W}val")
        ind = p.find(f"{W}pPr/{W}ind")
        instr = "".join(t.text for t in p.iter(f"{W}instrText"))
        assert instr.strip() == "PAGE"
        assert "".join(p.itertext()).replace(instr, "") == "— 1 —"
        if ref.get(f"{W}type") == "default":  # odd pages
            assert align == "right" and ind.get(f"{W}right") == "280"
        else:
            assert align == "left" and ind.get(f"{W}left") == "280"
        fonts = {f.get(f"{W}eastAsia") for f in p.iter(f"{W}rFonts")}
        sizes = {s.get(f"{W}val") for s in p.iter(f"{W}sz")}
        assert fonts == {"宋体"} and sizes == {"28"}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_run_has_an_east_asian_face_and_zh_cn(documents, kind):
    data = next(d.data for d in documents if d.kind == kind)
    for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
        root = part(data, name)
        for r in root.iter(f"{W}r"):
            assert r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia"), name
            assert r.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN", name
        xml = etree.tostring(root).decode()
        assert "Theme=" not in xml and "Theme" not in re.findall(r"w:\w+Theme", xml)


def test_body_text_is_16_pt_with_an_exact_579_twip_pitch(documents):
    root = part(documents[0].data, "word/document.xml")
    body = by_style(root, "Normal")
    assert len(body) > 10
    for p in body:
        spacing = p.find(f"{W}pPr/{W}spacing")
        assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")
        for r in p.findall(f"{W}r"):
            assert r.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"
            assert r.find(f"{W}rPr/{W}spacing").get(f"{W}val") == "-5"
    assert not root.xpath("//w:docGrid[@w:charSpace]", namespaces=NS)


def _percent(n: int, d: int) -> str:
    return f"{round(float(Fraction(n, d) * 100), 1):g}%"


def _expected_rates(data: dict) -> dict[str, str]:
    """The four rates computed here from the JSON, independently of gongwen."""
    deps = data["departments"]
    deadline = dt.date.fromisoformat(data["deadline"])
    on_time = sum(
        1 for d in deps if d.get("received") and dt.date.fromisoformat(d["received"]) <= deadline
    )
    passed = sum(1 for d in deps if d.get("grade") in ("优秀", "良好", "合格"))
    issues = [i for d in deps for i in d["issues"]]
    done = sum(
        1 for i in issues if i["status"] == "rectified" and i["rectified_on"] <= i["deadline"]
    )
    happy = 0
    for d in deps:
        v = d["votes"]
        yes = v["satisfied"] + v.get("basically_satisfied", 0)
        happy += 2 * yes > yes + v.get("dissatisfied", 0)
    n = len(deps)
    return {
        "按时报送率": f"{_percent(on_time, n)}（{on_time}/{n}）",
        "质量合格率": f"{_percent(passed, n)}（{passed}/{n}）",
        "问题整改率": f"{_percent(done, len(issues))}（{done}/{len(issues)}）",
        "代表满意率": f"{_percent(happy, n)}（{happy}/{n}）",
    }


def test_the_four_rates_of_the_sample_are_the_articles(raw, documents):
    text = all_text(documents[0].data)
    expected = _expected_rates(raw)
    assert expected["问题整改率"] == "100%（117/117）"
    assert expected["按时报送率"] == "100%（26/26）"
    for label, value in expected.items():
        assert f"{label}为{value}" in text


def test_the_rates_follow_the_case_when_it_falls_short(raw):
    data = copy.deepcopy(raw)
    data["departments"][4]["received"] = "2020-04-02"
    data["departments"][5]["grade"] = "不合格"
    data["departments"][5]["redo_by"] = "2020-05-31"
    data["departments"][6]["issues"][0].update(status="open", rectified_on=None)
    data["departments"][7]["issues"][1]["rectified_on"] = "2020-07-05"  # after its deadline
    data["departments"][8]["votes"] = {"satisfied": 5, "basically_satisfied": 2, "dissatisfied": 14}
    text = all_text(render(load_case(data), "report"))
    expected = _expected_rates(data)
    assert expected["按时报送率"] == "96.2%（25/26）"
    assert expected["问题整改率"] == "98.3%（115/117）"
    for label, value in expected.items():
        assert f"{label}为{value}" in text
    assert "市公安局逾期报送" in text


def test_hostile_case_text_appears_literally(raw):
    data = copy.deepcopy(raw)
    data["report"]["proposals"][0]["text"] = " ".join(HOSTILE)
    data["report"]["proposals"][1]["title"] = "<w:p>&amp;"
    data["report"]["cc"] = ["]]>", "A&B"]
    data["report"]["signatory"] = "{{ 7*7 }}专班"
    data["report"]["note"] = "{% if %}\f\a"
    data["departments"][0]["name"] = "市<政府>&办公室"
    # load_case refuses the control characters by path (tests/test_hostile_case.py); the
    # model alone lets them through, so that the renderer's own guard is tested here.
    text = all_text(render(Case.model_validate(data), "report"))
    for s in HOSTILE:
        assert s in text
    assert "<w:p>&amp;" in text
    assert "抄送：]]>，A&B。" in text
    assert "{{ 7*7 }}专班" in text and "49" not in text.split("专班")[0][-5:]
    assert "（{% if %}）" in text  # control characters dropped, no page break smuggled in
    assert "市<政府>&办公室" in text


def test_the_same_case_gives_the_same_bytes(tmp_path):
    case = load_case(SAMPLE)
    first = write_all(case, tmp_path / "a")
    second = write_all(load_case(SAMPLE), tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    with zipfile.ZipFile(first[0]) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    props = docx.Document(first[0]).core_properties
    assert props.created.date() == dt.date(2020, 7, 10) and props.author.startswith("丹江口市")


def test_write_all_refuses_to_overwrite_without_force(tmp_path):
    case = load_case(SAMPLE)
    write_all(case, tmp_path, ["report"])
    with pytest.raises(FileExistsError):
        write_all(case, tmp_path, ["report"])
    assert len(write_all(case, tmp_path, ["report"], force=True)) == 1


def test_file_names_from_hostile_department_names_are_safe_and_unique(raw):
    data = copy.deepcopy(raw)
    hostile = ["../../x", "a/b", "CON", "con.txt", "x" * 300, 'a:b*c?"<>|', "a\\b", " . "]
    for d, name in zip(data["departments"], hostile, strict=False):
        d["name"] = name
    data["interviews"] = []
    data["supervisions"] = []
    names = [d.file_name for d in render_all(load_case(data), ["feedback"])]
    assert len({n.casefold() for n in names}) == len(names) == 26
    reserved = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(10)}
    for n in names:
        assert not re.search(r'[\\/:*?"<>|\x00-\x1f]', n), n
        assert ".." not in n and len(n) <= 100
        assert n.split(".")[0].upper() not in reserved
        assert n.endswith(".docx") and not n.startswith(".")


def test_render_picks_the_item(raw):
    case = load_case(SAMPLE)
    text = all_text(render(case, "feedback", item="市财政局"))
    assert "丹江口市财政局：" in text and "丹人常函〔2020〕8号" in text
    assert "市交通运输局" in all_text(render(case, "interview", item=1))
    with pytest.raises(ValueError, match="unknown document kind"):
        render(case, "memo")


def test_headings_are_numbered_in_chinese():
    assert [cn_numeral(n) for n in (1, 10, 11, 20, 23, 99, 105)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
        "九十九",
        "一百零五",
    ]


def test_the_unsealed_layout_starts_the_date_two_characters_right_of_the_signature(documents):
    root = part(documents[0].data, "word/document.xml")  # the report is unsealed
    (sig,) = by_style(root, "GwSignature")
    (date,) = by_style(root, "GwDate")
    assert sig.find(f"{W}pPr/{W}ind").get(f"{W}right") == "640"  # 2 字
    # the date is set from the left by its first character, whatever its digits' width:
    # the 署名's start (its characters 16 pt less 0.25 pt spacing each) plus 2 字
    chars = len("".join(sig.itertext()))
    assert date.find(f"{W}pPr/{W}jc").get(f"{W}val") == "left"
    ind = date.find(f"{W}pPr/{W}ind")
    assert int(ind.get(f"{W}left")) == 8844 - 640 - chars * 315 + 640
    assert ind.get(f"{W}firstLine") == "0" and ind.get(f"{W}right") is None


def _png(path) -> None:
    """A small red square PNG, written without an imaging library."""
    import struct
    import zlib

    size = 8
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * size for _ in range(size))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_a_seal_image_floats_centred_over_the_date(raw, tmp_path):
    data = copy.deepcopy(raw)
    _png(tmp_path / "seal.png")
    data["circular"]["seal_image"] = "seal.png"
    (tmp_path / "case.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = render(load_case(tmp_path / "case.json"), "circular")
    root = part(out, "word/document.xml")
    (seal,) = root.xpath('//wp:anchor[wp:docPr/@name="印章"]', namespaces=NS)
    assert seal.getparent().getparent().getparent() is by_style(root, "GwSignature")[0]
    assert seal.find("wp:wrapNone", NS) is not None
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert any(n.startswith("word/media/") for n in z.namelist())
    # the sealed layout: date 4 字 from the right
    (date,) = by_style(root, "GwDate")
    assert date.find(f"{W}pPr/{W}ind").get(f"{W}right") == "1280"


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_committed_templates_are_what_the_build_script_makes(kind):
    import importlib.util

    script = data_dir("templates") / "build_templates.py"
    spec = importlib.util.spec_from_file_location("build_templates", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build(kind) == (data_dir("templates") / kind / "template.docx").read_bytes()


def test_a_wrapped_attachment_name_aligns_with_its_first_character(documents):
    """7.3.4: "附件：" stands two 字 in; wrapped lines start under the name, five 字 in."""
    data = next(d.data for d in documents if d.kind == "feedback")
    root = part(data, "word/document.xml")
    (note,) = [p for p in root.iter(f"{W}p") if "".join(p.itertext()).startswith("附件：")]
    ind = note.find(f"{W}pPr/{W}ind")
    char = 320  # one 字 of 三号 (16 pt) in twips
    assert int(ind.get(f"{W}left")) == 5 * char
    assert int(ind.get(f"{W}hanging")) == 3 * char
