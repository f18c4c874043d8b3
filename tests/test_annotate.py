"""Marked-up copies of .docx reports: every finding a Word comment on the paragraph (and the
characters) it names, the text otherwise unchanged, the reviewers' comments kept, and a
second run over a copy giving the same bytes."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from lxml import etree

from gongwen import annotate, check_file, load
from gongwen.findings import FileResult, FileStatus
from gongwen.markup import AnnotateError, is_ours
from gongwen.resources import data_dir

SAMPLES = data_dir("samples")
# the .doc sample is marked up on the .docx LibreOffice makes of it
REPORTS = sorted((SAMPLES / "reports").glob("*.doc*"))
WHEN = dt.date(2020, 4, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def readable():
    """Each report's path → the file its text is read from (a .doc's: its conversion)."""
    from gongwen.ingest.legacy import converted

    with converted(REPORTS) as legacy:
        yield {p: legacy[str(p)].docx if str(p) in legacy else p for p in REPORTS}


@pytest.fixture(scope="module")
def checked() -> dict[Path, FileResult]:
    register = SAMPLES / "register.csv"
    return {p: check_file(p, roster=SAMPLES / "roster.csv", register=register) for p in REPORTS}


def ranges(data: bytes) -> dict[int, tuple[etree._Element, str]]:
    """Each comment's id → the w:p its range starts in and the text inside its range."""
    word = docx.Document(io.BytesIO(data))
    body = word.element.body
    out: dict[int, tuple[etree._Element, str]] = {}
    open_: dict[str, list[str]] = {}
    starts: dict[str, etree._Element] = {}
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            ident = element.get(f"{W}id")
            open_[ident] = []
            starts[ident] = next(element.iterancestors(f"{W}p"))
        elif element.tag == f"{W}commentRangeEnd":
            ident = element.get(f"{W}id")
            out[int(ident)] = (starts[ident], "".join(open_.pop(ident)))
        elif element.tag == f"{W}t" and element.text:
            for texts in open_.values():
                texts.append(element.text)
    return out


def comments(data: bytes) -> dict[int, str]:
    """Comment id → its text."""
    return {c.comment_id: c.text for c in docx.Document(io.BytesIO(data)).comments}


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name[:10])
def test_every_finding_is_a_comment_on_its_paragraph_and_characters(
    path, checked, readable, tmp_path
):
    result = checked[path]
    if result.status != FileStatus.CHECKED:  # the damaged sample: listed, not copied
        with pytest.raises(AnnotateError):
            annotate(path, result, when=WHEN)
        return
    data = annotate(path, result, when=WHEN)
    copy = tmp_path / f"{path.stem}.docx"
    copy.write_bytes(data)
    notes, places = comments(data), ranges(data)
    original = load(readable[path])
    assert set(notes) == set(places)  # every comment is anchored
    whole = [f for f in result.findings if f.location.paragraph is None]
    title_notes = [i for i, text in notes.items() if text.startswith(("关于全文", "20"))]
    assert len(title_notes) == (1 if whole or not result.findings else 0)
    for finding in whole:
        assert f"{finding.code} {finding.name}" in notes[title_notes[0]]
    # each finding at its place, then a comment at each place merged into it (Finding.also)
    placed = [(f, where) for f in result.findings if f.location.paragraph is not None
              for where in (f.location, *f.also)]  # fmt: skip
    unused = sorted(set(notes) - set(title_notes))
    assert len(unused) == len(placed)
    for (finding, where), number in zip(placed, unused, strict=True):  # in the findings' order
        paragraph = original.paragraphs[where.paragraph - 1]
        assert notes[number].startswith(f"{finding.code} {finding.name}")
        if where is finding.location:
            assert finding.message in notes[number]
        else:
            assert finding.location.describe() in notes[number]
        p, inside = places[number]
        shown = "".join(t.text or "" for t in p.iter(f"{W}t"))
        assert paragraph.text.endswith(shown) and shown  # the paragraph the finding names
        span = where.span
        wanted = paragraph.text[span[0] : span[1]] if span else shown
        assert inside == wanted, (finding.code, inside, wanted)
    # the copy reads as the same document: the same paragraphs, the same text
    assert [p.text for p in load(copy).paragraphs] == [p.text for p in original.paragraphs]
    assert all(is_ours(text.splitlines()) for text in notes.values())


def test_a_clean_report_gets_one_comment_saying_so(tmp_path):
    path = SAMPLES / "reports" / "市财政局-张伟-2019年度履职报告.docx"
    result = check_file(path, register=SAMPLES / "register.csv").model_copy(update={"findings": []})
    notes = comments(annotate(path, result, rule_set="annual-report", when=WHEN))
    assert list(notes.values()) == [
        "2020-04-01 按规则集 annual-report 检查，未发现问题\ngongwen · annual-report"
    ]


# a .doc's copy is a .docx, whose check has no IO008: its second run is over a .docx like these
@pytest.mark.parametrize("path", [p for p in REPORTS if p.suffix == ".docx"][:6],
                         ids=lambda p: p.name[:10])  # fmt: skip
def test_a_second_run_over_a_copy_gives_the_same_bytes(path, checked, tmp_path):
    assert checked[path].status == FileStatus.CHECKED
    first = annotate(path, checked[path], when=WHEN)
    copy = tmp_path / f"{path.stem}.docx"
    copy.write_bytes(first)
    again = check_file(copy, roster=SAMPLES / "roster.csv", register=SAMPLES / "register.csv")
    assert [f.model_dump() for f in again.findings] == [
        f.model_copy(update={"file": str(copy)}).model_dump() for f in checked[path].findings
    ]
    assert annotate(copy, again, when=WHEN) == first


def test_reviewers_comments_are_kept_and_only_ours_replaced(tmp_path):
    path = SAMPLES / "reports" / "市人力资源和社会保障局-孙丽华-2019年度履职报告.docx"
    word = docx.Document(str(path))
    reviewer = word.add_comment(word.paragraphs[3].runs, "请核实数据来源", "李审阅", "李")
    assert reviewer.comment_id == 0
    reviewed = tmp_path / "reviewed.docx"
    word.save(str(reviewed))
    result = check_file(reviewed, register=SAMPLES / "register.csv")
    first = annotate(reviewed, result, when=WHEN)
    marked = tmp_path / "marked.docx"
    marked.write_bytes(first)
    texts = comments(first)
    assert texts[0] == "请核实数据来源"
    assert len(texts) == 1 + len(comments(annotate(path, result, when=WHEN)))
    # after a fix the file is checked again: our comments are replaced, the reviewer's stay
    fixed = result.model_copy(update={"findings": result.findings[:1]})
    second = comments(annotate(marked, fixed, when=WHEN))
    assert second[0] == "请核实数据来源"
    assert len(second) == 2


def test_author_initials_and_date_are_the_callers():
    path = REPORTS[0]
    result = check_file(path)
    data = annotate(path, result, author="人大办", initials="RD", when=dt.datetime(2020, 4, 2, 9))
    for comment in docx.Document(io.BytesIO(data)).comments:
        assert (comment.author, comment.initials) == ("人大办", "RD")
        assert comment.timestamp == dt.datetime(2020, 4, 2, 9, tzinfo=dt.UTC)


def test_an_unreadable_file_gets_no_copy(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    result = check_file(broken)
    assert result.status == FileStatus.UNREADABLE
    with pytest.raises(AnnotateError) as caught:
        annotate(broken, result)
    assert "broken.docx" in caught.value.message("zh")


def _damaged(source: Path, target: Path, comments: bytes | None) -> Path:
    """A marked-up copy of `source` whose word/comments.xml is `comments` (None: left out)."""
    import zipfile

    data = annotate(source, check_file(source), when=WHEN)
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item)
            if item.filename == "word/comments.xml":
                if comments is None:
                    continue
                body = comments if comments else body[: len(body) // 2]
            zout.writestr(item, body)
    return target


@pytest.mark.parametrize("comments", [b"", None], ids=["truncated", "missing"])
def test_a_damaged_comments_part_is_a_coded_error_and_the_batch_goes_on(comments, tmp_path, capsys):
    from gongwen.cli import main

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    good = SAMPLES / "reports" / "市财政局-张伟-2019年度履职报告.docx"
    bad = _damaged(good, folder / "a-damaged.docx", comments)
    (folder / "b-good.docx").write_bytes(good.read_bytes())
    assert check_file(bad).status == FileStatus.CHECKED  # the check reads it
    with pytest.raises(AnnotateError) as raised:
        annotate(bad, check_file(bad), when=WHEN)
    assert raised.value.code == "AN001" and "damaged or missing" in raised.value.message("en")
    assert main(["annotate", str(folder), "-o", str(out), "--note-date", "2020-04-01"]) == 2
    printed = capsys.readouterr()
    assert "a-damaged.docx" in printed.err and "AN001" in printed.err
    assert "Traceback" not in printed.err
    assert [p.name for p in out.iterdir()] == ["b-good.docx"]


def test_merged_findings_name_every_place_they_stand_for(checked, readable):
    from gongwen.checks import load_rule_set
    from gongwen.checks.kinds.punctuation import places

    (rule,) = [r for r in load_rule_set("annual-report").rules if r.code == "GB601"]
    marks_of_gb601 = rule.params["marks"]
    merged = 0
    for path, result in checked.items():
        if result.status != FileStatus.CHECKED:
            continue
        document = load(readable[path])
        for finding in result.findings:
            others = {a.paragraph for a in finding.also} - {finding.location.paragraph}
            assert len(others) == finding.more, finding.code  # every merged paragraph named
            merged += bool(finding.also)
            if finding.code == "GB601":  # each half-width mark of its paragraph, one by one
                text = document.paragraphs[finding.location.paragraph - 1].text
                marks = [finding.location, *finding.also]
                spans = [w.span for w in marks if w.paragraph == finding.location.paragraph]
                assert spans == [(i, i + 1) for i in places(text, marks_of_gb601)]
    assert merged >= 3  # the samples do merge: GB111, GB112 and GB601 at least


def test_results_written_before_also_are_read_with_none():
    from gongwen.findings import SCHEMA_VERSION, CheckReport

    path = SAMPLES / "reports" / "市自然资源和规划局-周立新-2019年度履职报告.docx"
    report = CheckReport(rule_set="annual-report", files=[check_file(path)])
    data = report.model_dump(mode="json")
    assert SCHEMA_VERSION == "1.4" and any(f["also"] for f in data["files"][0]["findings"])
    data["schema_version"] = "1.3"
    for finding in data["files"][0]["findings"]:
        del finding["also"]
    old = CheckReport.model_validate(data)
    assert [f.more for f in old.files[0].findings] == [f.more for f in report.files[0].findings]
    assert all(f.also == () for f in old.files[0].findings)


def test_english_notes_use_english_brackets():
    path = SAMPLES / "reports" / "市自然资源和规划局-周立新-2019年度履职报告.docx"
    data = annotate(path, check_file(path, lang="en"), when=WHEN, lang="en")
    firsts = [text.splitlines()[0] for text in comments(data).values()]
    assert firsts and not any("（" in line for line in firsts)
    assert any(line.endswith("(warning)") or line.endswith("(error)") for line in firsts)
