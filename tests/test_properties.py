"""Property-based tests (issue 6): whatever a submission or a case file holds, no crash.

Over ingest: a real sample report with its bytes flipped or cut, its XML parts
(document.xml, styles.xml) cut, spliced or given odd attribute values, or its paragraphs
numbered by a list of odd values, must load as a Document or be refused with an
IngestError, and a loaded one must check to a result.
Over case validation: any JSON-ish value anywhere in the sample case must give a Case
or a CaseError listing paths. A few hundred examples run in `make test`; the `slow`
variants run 10,000 each (`make fuzz`).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongwen.batch import check_file
from gongwen.case import CaseError, load_case
from gongwen.findings import FileResult
from gongwen.ingest import IngestError, load
from gongwen.model import Document
from gongwen.resources import data_dir

SAMPLES = data_dir("samples")
REPORT = SAMPLES / "reports" / "市财政局-张伟-2019年度履职报告.docx"
CASE = json.loads((SAMPLES / "case.json").read_text(encoding="utf-8"))
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))

with zipfile.ZipFile(REPORT) as _zip:
    PARTS = {info.filename: _zip.read(info) for info in _zip.infolist()}
ORIGINAL = REPORT.read_bytes()
_VALUE = re.compile(rb'(w:[A-Za-z]+=")([^"]*)(")')

# What a hostile or damaged part may hold: markup, entities, a DOCTYPE, odd numbers.
SNIPPETS = [
    b"<w:p>", b"</w:p>", b"<w:r>", b"</w:r>", b"<w:t>", b"</w:t>", b"<w:tbl><w:tr><w:tc>",
    b"<!DOCTYPE x>", b'<!ENTITY a "b">', b"&a;", b"&amp;", b"&#0;", b"&#x110000;", b"]]>",
    b"<![CDATA[", b"<?pi?>", b"\x00", b"\xff\xfe", b'w:val="', b"<w:sectPr/>",
    b"<w:pStyle w:val=\"Heading1\"/>", b"<w:fldChar w:fldCharType=\"begin\"/>",
]  # fmt: skip
ODD_VALUES = [
    b"", b"-1", b"0", b"1e308", b"NaN", b"inf", b"99999999999999999999999", b"-0",
    b"abc", b"12.5pt", b"0x10", b"auto", b"\xe4\xb8\xad", b"1" * 400,
]  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each example's file is written (module scope: one folder for all examples)."""
    return tmp_path_factory.mktemp("fuzz")


def rezip(parts: dict[str, bytes]) -> bytes:
    """A .docx of `parts`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


def assert_reads_or_refuses(path: Path) -> None:
    """A Document or an IngestError from load; a FileResult from check_file; nothing else."""
    try:
        doc = load(path)
    except IngestError as error:
        assert error.code.startswith("IO") and error.message() and error.file
    else:
        assert isinstance(doc, Document)
    result = check_file(path)
    assert isinstance(result, FileResult) and result.findings is not None
    json.dumps(result.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    """The sample report with bytes flipped, or cut short."""
    data = bytearray(ORIGINAL)
    if draw(st.booleans()):
        return bytes(data[: draw(st.integers(0, len(data) - 1))])
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def damaged_part(draw: st.DrawFn) -> bytes:
    """The sample report with document.xml or styles.xml cut, spliced or given odd values."""
    name = draw(st.sampled_from(["word/document.xml", "word/styles.xml"]))
    xml = PARTS[name]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["value", "value", "insert", "delete", "duplicate"]))
        if kind == "value":
            matches = list(_VALUE.finditer(xml))
            m = matches[draw(st.integers(0, len(matches) - 1))]
            new = draw(st.sampled_from(ODD_VALUES) | st.binary(max_size=12))
            new = new.replace(b'"', b"").replace(b"<", b"").replace(b"&", b"")
            xml = xml[: m.start(2)] + new + xml[m.end(2) :]
            continue
        at = draw(st.integers(0, len(xml)))
        if kind == "insert":
            xml = xml[:at] + draw(st.sampled_from(SNIPPETS) | st.binary(max_size=16)) + xml[at:]
        else:
            end = min(len(xml), at + draw(st.integers(1, 400)))
            piece = xml[at:end]
            xml = xml[:at] + (piece * 2 if kind == "duplicate" else b"") + xml[end:]
    return rezip({**PARTS, name: xml})


_FORMATS = [
    "decimal", "decimalZero", "decimalFullWidth", "decimalEnclosedCircle", "chineseCounting",
    "chineseCountingThousand", "ideographDigital", "chineseLegalSimplified", "upperRoman",
    "lowerLetter", "ideographTraditional", "bullet", "none", "ordinalText", "",
]  # fmt: skip
_ATTR = st.sampled_from(ODD_VALUES).map(lambda v: v.decode("utf-8", "replace")) | st.integers(
    -(2**40), 2**40
).map(str)  # fmt: skip


@st.composite
def numbered_report(draw: st.DrawFn) -> bytes:
    """The sample report with a numbering part of odd values and its paragraphs numbered."""
    from xml.sax.saxutils import quoteattr

    def attr(value: str) -> str:
        return quoteattr("".join(c for c in value if c.isprintable()))

    levels = "".join(
        f"<w:lvl w:ilvl={attr(draw(_ATTR))}><w:start w:val={attr(draw(_ATTR))}/>"
        f"<w:numFmt w:val={attr(draw(st.sampled_from(_FORMATS)))}/>"
        f"<w:lvlText w:val={attr(draw(st.text('%123456789一、（）.', max_size=12)))}/>"
        f"{'<w:isLgl/>' if draw(st.booleans()) else ''}</w:lvl>"
        for _ in range(draw(st.integers(0, 5)))
    )
    override = (
        f"<w:lvlOverride w:ilvl={attr(draw(_ATTR))}><w:startOverride w:val={attr(draw(_ATTR))}/>"
        "</w:lvlOverride>"
    )
    numbering = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/>{override}</w:num></w:numbering>'
    ).encode()
    num_pr = (
        f"<w:numPr><w:ilvl w:val={attr(draw(_ATTR))}/>"
        f"<w:numId w:val={attr(draw(st.sampled_from(['1', '0', '2', '']) | _ATTR))}/></w:numPr>"
    ).encode()
    document = PARTS["word/document.xml"].replace(b"<w:pPr>", b"<w:pPr>" + num_pr)
    rels = PARTS["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    )
    return rezip(
        {**PARTS, "word/document.xml": document, "word/_rels/document.xml.rels": rels,
         "word/numbering.xml": numbering}
    )  # fmt: skip


def check_numbered(folder: Path, data: bytes) -> None:
    path = folder / "numbered.docx"
    path.write_bytes(data)
    assert_reads_or_refuses(path)
    doc = load(path)  # the sample's parts are sound: only the numbering is odd
    assert all(len(p.text) < 2000 for p in doc.paragraphs)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(["2020-02-30", "2020-03-31", "", "   ", "{{ x }}", "\x07", "市财政局"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=12,
)  # fmt: skip


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the sample case a value can be put."""
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value[:2]):
            out += _paths(item, (*prefix, i))
    return out


PLACES = _paths(CASE)


@st.composite
def changed_case(draw: st.DrawFn) -> str:
    """The sample case with JSON-ish values put in a few places, as JSON text."""
    data = json.loads(json.dumps(CASE))
    for _ in range(draw(st.integers(1, 3))):
        *parents, last = draw(st.sampled_from(PLACES))
        target = data
        try:
            for step in parents:
                target = target[step]
            if draw(st.booleans()) and isinstance(target, dict):
                target.pop(last, None)
            else:
                target[last] = draw(JSONISH)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced the place
    return json.dumps(data, ensure_ascii=False, allow_nan=True)


def check_bytes(folder: Path, data: bytes) -> None:
    path = folder / "example.docx"
    path.write_bytes(data)
    assert_reads_or_refuses(path)


def check_case(text: str) -> None:
    try:
        load_case(text, lang="en")
    except CaseError as error:
        assert error.errors and all(path and message for path, message in error.errors)


@FAST
@given(data=damaged_bytes())
def test_damaged_docx_bytes(folder: Path, data: bytes) -> None:
    check_bytes(folder, data)


@FAST
@given(data=damaged_part())
def test_damaged_docx_parts(folder: Path, data: bytes) -> None:
    check_bytes(folder, data)


@FAST
@given(data=numbered_report())
def test_any_list_numbering(folder: Path, data: bytes) -> None:
    check_numbered(folder, data)


@FAST
@given(text=changed_case())
def test_any_value_anywhere_in_a_case(text: str) -> None:
    check_case(text)


@FAST
@given(value=JSONISH)
def test_any_json_as_a_case(value: Any) -> None:
    check_case(json.dumps(value, allow_nan=True))


@pytest.mark.slow
@LONG
@given(data=damaged_bytes())
def test_damaged_docx_bytes_long(folder: Path, data: bytes) -> None:
    check_bytes(folder, data)


@pytest.mark.slow
@LONG
@given(data=damaged_part())
def test_damaged_docx_parts_long(folder: Path, data: bytes) -> None:
    check_bytes(folder, data)


@pytest.mark.slow
@LONG
@given(text=changed_case())
def test_any_value_anywhere_in_a_case_long(text: str) -> None:
    check_case(text)


@pytest.mark.slow
@LONG
@given(data=numbered_report())
def test_any_list_numbering_long(folder: Path, data: bytes) -> None:
    check_numbered(folder, data)
