"""Layout measured from rendered PDFs: a correct document gives no finding, each defect its own."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from pdfbuild import Layout, build, require_soffice

from gongwen.checks import load_rule_set
from gongwen.checks.loader import RuleSetError
from gongwen.export import to_pdf
from gongwen.findings import Severity
from gongwen.ingest.pdf_content import read_layout
from gongwen.ingest.pdf_elements import Elements
from gongwen.ingest.pdf_layout import ink
from gongwen.units import Pt
from gongwen.verify import verify_pdf

# Each case: a layout and the codes its PDF must give (exactly these, no others). The built
# documents end on page 5 with their 版记: right for an office printing on one side, an info
# (GB722, 实务) for one printing on both, where the 版记 belongs on the back page, page 6.
BACK = {"GB722"}
CASES = {
    "good": (Layout(), BACK),
    "mark_low": (Layout(mark_before_mm=Layout().mark_before_mm + 10), {"GB705", *BACK}),
    "centred_footer": (Layout(footer_align="center"), {"GB710", *BACK}),
    "thin_imprint": (Layout(imprint_rules=(4, 4)), {"GB713", *BACK}),
    "footer_low": (Layout(footer_distance_mm=20), {"GB709", *BACK}),
    "broken": (
        Layout(
            mark_before_mm=Layout().mark_before_mm + 10,
            top_mm=25.4,
            bottom_mm=25.4,
            left_mm=31.8,
            right_mm=31.8,
            footer_align="center",
        ),
        {
            "GB702",
            "GB703",
            "GB704",
            "GB705",
            "GB707",
            "GB709",
            "GB710",
            "GB711",
            "GB712",
            "GB714",
            "GB715",
            "GB724",
        },  # GB724: the 署名 block is 2 字 inside a narrower area
    ),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    require_soffice()
    src = tmp_path_factory.mktemp("docx")
    files = [build(src / f"{name}.docx", layout) for name, (layout, _) in CASES.items()]
    result = to_pdf(files, tmp_path_factory.mktemp("pdf"))
    assert result.ok and result.processes == 1
    return {p.stem: p for p in result.pdfs}


@pytest.mark.parametrize("name", list(CASES))
def test_each_document_gives_exactly_its_findings(pdfs, name):
    findings = verify_pdf(pdfs[name], lang="en")
    assert {f.code for f in findings} == CASES[name][1], [f.message for f in findings]


def test_the_correct_document_measures_to_the_standard(pdfs):
    """The numbers themselves, to the ink: a regression here shows which one moved."""
    path = pdfs["good"]
    layout = read_layout(path)
    elements = Elements(layout)
    mark = elements.mark[0]
    mark_ink = ink(path, 1, mark.em_top - Pt(11), mark.em_bottom + Pt(5), mark.left, mark.right)
    assert mark_ink is not None and abs(mark_ink.top.mm - 72) <= 0.5
    rule = elements.red_rule
    assert rule is not None and abs(rule.left.mm - 28) <= 0.5 and abs(rule.right.mm - 184) <= 0.5
    assert elements.imprint is not None
    assert abs(elements.imprint.rules[-1].bottom.mm - 262) <= 0.5
    assert [round(r.thickness.mm, 2) for r in elements.imprint.rules] == [0.35, 0.26, 0.35]
    assert abs(layout.pages[0].width.mm - 210) < 0.1 and abs(layout.pages[0].height.mm - 297) < 0.1


def test_the_broken_document_says_what_and_where(pdfs):
    findings = {f.code: f for f in verify_pdf(pdfs["broken"], lang="en")}
    mark = findings["GB705"]
    assert mark.severity == Severity.ERROR and mark.location.page == 1
    assert mark.expected == "72.0 mm" and mark.actual == "70.4 mm"  # 25.4 + 35 + 10
    assert mark.clause == "GB/T 9704-2012 7.2.4"
    assert findings["GB715"].actual == "31.9 mm"
    assert findings["GB710"].severity == Severity.WARNING
    assert findings["GB703"].actual == "23"


def test_a_low_mark_in_chinese(pdfs):
    (finding,) = [f for f in verify_pdf(pdfs["mark_low"]) if f.code != "GB722"]
    assert finding.name == "发文机关标志位置"
    assert "发文机关标志上边缘距纸张上边缘 82.0 mm，应为 72.0 mm" in finding.message


def test_severity_follows_strength():
    rules = load_rule_set("gbt9704-pdf")
    assert rules.get("GB705").severity == Severity.ERROR  # 规定
    assert rules.get("GB713").severity == Severity.WARNING  # 推荐
    assert rules.get("GB703").severity == Severity.WARNING  # 一般
    assert all(r.code.startswith(("GB7", "IO")) for r in rules.rules)


def test_a_rule_file_without_kind_is_refused(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        "title: t\nrules:\n  - {code: GB799, name: x, clause: '1', strength: 规定}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(bad)
    assert "kind" in caught.value.message("en") and "rules.yaml" in caught.value.message("en")


def test_an_unreadable_pdf_is_one_finding(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really")
    (finding,) = verify_pdf(bad)
    assert finding.code == "IO001" and finding.severity == Severity.ERROR


def _cli(argv: list[str]) -> int:
    from gongwen.cli import verify

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    verify.add_parser(sub).add_argument("--lang", default="zh")
    return verify.run(parser.parse_args(argv))


def test_cli_exit_codes_and_json(pdfs, capsys):
    assert _cli(["verify", str(pdfs["good"]), "--format", "json"]) == 0
    good = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["severity"]) for f in good["files"][0]["findings"]] == [("GB722", "info")]
    assert _cli(["verify", str(pdfs["broken"]), "--format", "json"]) == 1
    broken = json.loads(capsys.readouterr().out)
    codes = {f["code"] for f in broken["files"][0]["findings"]}
    assert "GB705" in codes
    assert _cli(["verify", str(pdfs["good"].parent / "missing.pdf")]) == 2


def test_gongwen_check_measures_a_submitted_pdf_too(pdfs):
    from gongwen import check_file

    result = check_file(pdfs["broken"], rules="gbt9704")
    codes = {f.code for f in result.findings}
    assert {"GB705", "GB710", "GB715"} <= codes
    assert not result.format_pass  # GB705 is an error: the mark's position is 规定
    narrowed = check_file(pdfs["broken"], rules="gbt9704", ignore=["GB7"])
    assert not any(f.code.startswith("GB7") for f in narrowed.findings)
