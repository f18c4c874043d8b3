"""One harness for every check kind: the cases are YAML in tests/fixtures/kinds/<kind>.yaml.

A case describes a small document (paragraphs with text, role, level, alignment, indents,
line spacing and runs; sections with margins in mm; PDF pages), the submission, and the
exact findings expected as `CODE` or `CODE@paragraph`. The rules come from the shipped
rule sets, selected by code, so a fixture tests the rule as an office runs it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from gongwen.checks import (
    Submission,
    input_finding,
    load_rule_set,
    registry,
    roster_findings,
    run_checks,
)
from gongwen.findings import Finding, ReceiptSource
from gongwen.model import (
    Alignment,
    Document,
    LineRule,
    Page,
    Paragraph,
    Part,
    Properties,
    Role,
    Run,
    Section,
)
from gongwen.roster import RosterEntry
from gongwen.units import Mm, Pt

FIXTURES = Path(__file__).parent / "fixtures" / "kinds"

# A conforming A4 section (GB/T 9704 margins); a case overrides only what it is about.
SECTION = {"width": 210, "height": 297, "top": 37, "bottom": 35, "left": 28, "right": 26}
RUN_KEYS = {"text", "font", "ascii", "size", "color", "bold", "spacing"}
PARAGRAPH_KEYS = RUN_KEYS | {
    "role", "level", "part", "alignment", "indent_chars", "indent_pt", "left_chars",
    "right_chars", "line", "line_rule", "line_multiple", "section", "page", "runs", "repeat",
    "before", "after",
}  # fmt: skip


def load(path: Path) -> dict[str, Any]:
    """A fixture file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def build_run(spec: dict[str, Any], base: dict[str, Any]) -> Run:
    """A Run from a fixture mapping, with the paragraph's values as defaults."""
    merged = {**base, **spec}
    assert set(merged) <= RUN_KEYS | PARAGRAPH_KEYS, set(merged) - PARAGRAPH_KEYS
    return Run(
        text=merged["text"],
        font_east_asia=merged.get("font"),
        font_ascii=merged.get("ascii"),
        size_pt=merged.get("size"),
        bold=merged.get("bold", False),
        color=merged.get("color"),
        char_spacing_pt=merged.get("spacing"),
    )


def build_paragraph(index: int, spec: dict[str, Any], defaults: dict[str, Any]) -> Paragraph:
    """A Paragraph from a fixture mapping; body paragraphs get the file's `defaults`."""
    role = Role(spec.get("role", "body"))
    spec = {**(defaults if role == Role.BODY else {}), **spec}
    if "repeat" in spec:  # a long paragraph, written short
        spec["text"] = spec["text"] * spec["repeat"]
    unknown = set(spec) - PARAGRAPH_KEYS
    assert not unknown, f"unknown paragraph keys in fixture: {unknown}"
    base = {k: v for k, v in spec.items() if k in RUN_KEYS - {"text"}}
    runs = (
        tuple(build_run(r, base) for r in spec["runs"])
        if "runs" in spec
        else ((build_run({"text": spec["text"]}, base),) if spec.get("text") else ())
    )
    line_rule = (
        LineRule(spec["line_rule"])
        if "line_rule" in spec
        else (LineRule.EXACT if "line" in spec else None)
    )
    return Paragraph(
        index=index,
        text=spec.get("text", "".join(r.text for r in runs)),
        part=Part(spec.get("part", "body")),
        role=role,
        heading_level=spec.get("level"),
        alignment=Alignment(spec["alignment"]) if "alignment" in spec else None,
        indent_first_chars=spec.get("indent_chars"),
        indent_first=Pt(spec["indent_pt"]) if "indent_pt" in spec else None,
        indent_left_chars=spec.get("left_chars"),
        indent_right_chars=spec.get("right_chars"),
        line_rule=line_rule,
        line_spacing=Pt(spec["line"]) if "line" in spec else None,
        line_multiple=spec.get("line_multiple"),
        space_before=Pt(spec["before"]) if "before" in spec else None,
        space_after=Pt(spec["after"]) if "after" in spec else None,
        section=spec.get("section", 0),
        page=spec.get("page"),
        runs=runs,
    )


def build_section(spec: dict[str, Any]) -> Section:
    """A Section from a fixture mapping in mm, a conforming A4 section by default."""
    s = {**SECTION, **spec}
    return Section(
        page_width=Mm(s["width"]),
        page_height=Mm(s["height"]),
        margin_top=Mm(s["top"]),
        margin_bottom=Mm(s["bottom"]),
        margin_left=Mm(s["left"]),
        margin_right=Mm(s["right"]),
        line_pitch=Pt(s["line_pitch"]) if "line_pitch" in s else None,
        grid_type=s.get("grid_type"),
        char_space=Pt(s["char_space"]) if "char_space" in s else None,
        different_odd_even=s.get("odd_even", False),
        page_number_field=s.get("page_number_field", False),
        footer_alignments=tuple(Alignment(a) for a in s.get("footer_alignments", ())),
        # where the page number lands: [odd, even], null for no number
        page_number_odd=Alignment(s["sides"][0]) if s.get("sides", [None])[0] else None,
        page_number_even=Alignment(s["sides"][1]) if s.get("sides", [None, None])[1] else None,
    )


def build_document(spec: dict[str, Any], defaults: dict[str, Any]) -> Document:
    """A Document from a fixture mapping."""
    fmt = spec.get("format", "docx")
    pages = tuple(
        Page(number=i + 1, width=Mm(p.get("width", 210)), height=Mm(p.get("height", 297)),
             text=p.get("text", ""))
        for i, p in enumerate(spec.get("pages", ()))
    )  # fmt: skip
    sections = () if fmt == "pdf" else tuple(build_section(s) for s in spec.get("sections", [{}]))
    return Document(
        path="case.docx",
        format=fmt,
        paragraphs=tuple(
            build_paragraph(i, p, defaults) for i, p in enumerate(spec.get("paragraphs", ()))
        ),
        sections=sections,
        pages=pages,
        properties=Properties(),
        page_count=len(pages) or None,
        unshown_number_formats=tuple(
            (f["format"], f["paragraph"] - 1) for f in spec.get("number_formats", ())
        ),
    )


def build_submission(spec: dict[str, Any]) -> Submission:
    """The Submission of a case."""
    received = spec.get("received")
    return Submission(
        file="case.docx",
        received=received if isinstance(received, dt.date) else None,
        received_source=ReceiptSource(spec["source"]) if "source" in spec else None,
        department=spec.get("department"),
        official=spec.get("official"),
        last_year_issues=tuple(spec.get("last_year_issues", ())),
    )


def shown(findings: list[Finding]) -> list[str]:
    """Findings as `CODE` or `CODE@paragraph`, the form fixtures expect."""
    return [
        f.code if f.location.paragraph is None else f"{f.code}@{f.location.paragraph}"
        for f in findings
    ]


def run_case(kind: str, data: dict[str, Any], case: dict[str, Any]) -> list[Finding]:
    """The findings of one fixture case."""
    rule_set = load_rule_set(
        case.get("rules", data.get("rules", "annual-report")),
        year=case.get("year"),
        deadline=case.get("deadline"),
    ).select(case.get("select", data["select"]))
    scope = registry.scope(kind)
    if scope == "batch":
        return roster_findings([RosterEntry(**e) for e in case.get("roster", [])], rule_set)
    if scope == "input" and "code" in case:
        return [input_finding(case["code"], "…", "case.docx", rule_set)]
    doc = build_document(case.get("doc", {}), data.get("defaults", {}))
    return run_checks(doc, rule_set, build_submission(case.get("submission", {})))


def cases() -> list[Any]:
    """Every case of every fixture file, as pytest params named kind-case."""
    params = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = load(path)
        for case in data["cases"]:
            params.append(pytest.param(path.stem, data, case, id=f"{path.stem}: {case['name']}"))
    return params


@pytest.mark.parametrize(("kind", "data", "case"), cases())
def test_case(kind: str, data: dict[str, Any], case: dict[str, Any]) -> None:
    """The case's rules give exactly the expected codes at the expected paragraphs."""
    findings = run_case(kind, data, case)
    rule_set = load_rule_set(case.get("rules", data.get("rules", "annual-report")))
    selected = {r.kind for r in rule_set.select(case.get("select", data["select"])).rules}
    assert kind in selected or "code" in case, "the case selects no rule of its kind"
    assert shown(findings) == case["expect"]
    for finding in findings:
        assert finding.message and "{" not in finding.message
        assert finding.severity == rule_set.get(finding.code).severity


def test_every_kind_has_pass_and_fail_cases() -> None:
    """Each kind of the registry has a fixture with a passing and a failing case."""
    files = {p.stem: load(p) for p in FIXTURES.glob("*.yaml")}
    assert set(files) == {k for k in registry.KINDS if registry.for_format(k, "docx")}
    for kind, data in files.items():
        expects = [c["expect"] for c in data["cases"]]
        assert [] in expects, f"{kind}: no passing case"
        assert any(expects), f"{kind}: no failing case"


PDF_TESTS = ("test_verify.py", "test_letter.py", "test_signature.py", "test_tables.py",
             "test_fit.py", "test_verify_samples.py")  # fmt: skip


def test_every_pdf_kind_is_measured_by_a_test_that_renders_a_pdf() -> None:
    """The layout kinds read a rendered page, so their cases are PDFs made in those tests:
    every kind's rule code must appear there, in an expectation or a planted defect."""
    from gongwen.checks import load_rule_set

    text = "".join((Path(__file__).parent / name).read_text("utf-8") for name in PDF_TESTS)
    rules = load_rule_set("gbt9704-pdf").rules
    pdf_kinds = {k for k in registry.KINDS if not registry.for_format(k, "docx")}
    assert pdf_kinds == {r.kind for r in rules if r.kind.startswith("pdf_")}
    untested = sorted(r.code for r in rules if r.kind in pdf_kinds and r.code not in text)
    assert set(untested) <= ALL_CLEAN, untested


# Codes held only by "every document of both sample rounds verifies with no finding" (their
# hits would be a defect of the generator): named here so that the list is reviewed.
ALL_CLEAN = {"GB701", "GB706", "GB708", "GB723"}


def test_wrong_font_document_gives_a_readable_number_of_findings() -> None:
    """Forty paragraphs in the wrong face give three findings, the last counting the rest."""
    rule_set = load_rule_set().select(["GB111"])
    paragraphs = [{"text": f"第{i}段正文内容。", "font": "宋体", "size": 16} for i in range(40)]
    doc = build_document({"paragraphs": paragraphs}, {})
    findings = run_checks(doc, rule_set, Submission(file="x.docx"))
    assert shown(findings) == ["GB111@1", "GB111@2", "GB111@3"]
    assert "37" in findings[-1].message and "宋体" in findings[0].message
    assert [f.more for f in findings] == [0, 0, 37]  # the count as a value, for programs
    en = run_checks(doc, rule_set, Submission(file="x.docx"), lang="en")
    assert en[-1].message.endswith("(and 37 more paragraphs like this)")


def test_a_facts_schema_asking_for_a_default_is_normalised() -> None:
    """Validation skips normalising the facts record unless the rule's schema needs it."""
    from dataclasses import replace

    rule_set = load_rule_set().select(["AR303"])
    (rule,) = rule_set.rules
    schema = {"signature": {"type": "string", "default": "（缺）", "allowed": ["（缺）"]}}
    with_default = replace(rule_set, rules=(replace(rule, params={"schema": schema}),))
    doc = build_document({"paragraphs": [{"text": "正文。"}]}, {})
    assert doc.with_role(Role.SIGNATURE) == []  # the fact is None: the default fills it
    assert run_checks(doc, with_default, Submission(file="x.docx")) == []
    strict = {"signature": {"type": "string", "allowed": ["（缺）"]}}
    without = replace(rule_set, rules=(replace(rule, params={"schema": strict}),))
    assert shown(run_checks(doc, without, Submission(file="x.docx"))) == ["AR303"]
