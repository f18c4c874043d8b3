"""Formatting resolved once per style sheet and shared between documents: never the wrong one.

Documents whose styles.xml, theme and themeFontLang are byte-identical share the parsed
sheet; any difference in any of them must give the document its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docxbuild import build, document, para, settings, style, styles, theme

from gongwen.ingest import formats, load
from gongwen.model import Document

BODY = document(para("正文文字 text", ppr='<w:pStyle w:val="Body"/>'))
THEME_EA = '<w:rFonts w:eastAsiaTheme="minorEastAsia"/>'


def _styles(face: str, size: int = 32) -> str:
    rpr = f'<w:rFonts w:eastAsia="{face}"/><w:sz w:val="{size}"/>'
    return styles(style("Normal", default=True) + style("Body", based_on="Normal", rpr=rpr))


def _face(doc: Document) -> str | None:
    return doc.paragraphs[0].runs[0].font_east_asia


def _doc(path: Path, styles_xml: str, **parts: str) -> Document:
    return load(build(path, BODY, styles_xml=styles_xml, **parts))


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    formats._SHEETS.clear()


def test_the_same_body_under_different_styles_keeps_each_documents_fonts(tmp_path: Path) -> None:
    fang = _doc(tmp_path / "a.docx", _styles("仿宋_GB2312"))
    hei = _doc(tmp_path / "b.docx", _styles("黑体"))
    again = _doc(tmp_path / "c.docx", _styles("仿宋_GB2312"))
    assert (_face(fang), _face(hei), _face(again)) == ("仿宋_GB2312", "黑体", "仿宋_GB2312")
    assert len(formats._SHEETS) == 2  # the third document used the first one's sheet


def test_a_size_difference_alone_is_a_different_sheet(tmp_path: Path) -> None:
    small = _doc(tmp_path / "a.docx", _styles("仿宋", 28))
    large = _doc(tmp_path / "b.docx", _styles("仿宋", 32))
    assert small.paragraphs[0].runs[0].size_pt == 14
    assert large.paragraphs[0].runs[0].size_pt == 16


def test_the_theme_and_its_language_are_part_of_the_key(tmp_path: Path) -> None:
    sheet = styles(style("Normal", default=True) + style("Body", based_on="Normal", rpr=THEME_EA))
    hans = settings('<w:themeFontLang w:eastAsia="zh-CN"/>')
    jpan = settings('<w:themeFontLang w:eastAsia="ja-JP"/>')
    scripts = {"Hans": "仿宋", "Jpan": "ＭＳ 明朝"}
    first = _doc(tmp_path / "a.docx", sheet, theme_xml=theme(minor_scripts=scripts),
                 settings_xml=hans)  # fmt: skip
    other_theme = _doc(tmp_path / "b.docx", sheet, theme_xml=theme(minor_scripts={"Hans": "楷体"}),
                       settings_xml=hans)  # fmt: skip
    other_lang = _doc(tmp_path / "c.docx", sheet, theme_xml=theme(minor_scripts=scripts),
                      settings_xml=jpan)  # fmt: skip
    assert [_face(d) for d in (first, other_theme, other_lang)] == ["仿宋", "楷体", "ＭＳ 明朝"]


def test_no_styles_part_and_an_empty_one_are_told_apart(tmp_path: Path) -> None:
    bare = load(build(tmp_path / "a.docx", BODY))
    styled = _doc(tmp_path / "b.docx", _styles("黑体"))
    assert _face(bare) is None
    assert _face(styled) == "黑体"


def test_sheets_kept_are_bounded(tmp_path: Path) -> None:
    for n in range(formats.SHEETS_KEPT + 5):
        doc = _doc(tmp_path / f"{n}.docx", _styles(f"Face{n}"))
        assert _face(doc) == f"Face{n}"
    assert len(formats._SHEETS) == formats.SHEETS_KEPT


def test_a_full_memo_starts_again_and_still_resolves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "MEMO_BYTES", 3000)  # a few rPr keys with their namespaces
    runs = "".join(
        f'<w:r><w:rPr><w:sz w:val="{20 + 2 * n}"/></w:rPr><w:t>字{n}</w:t></w:r>' for n in range(7)
    )
    path = build(tmp_path / "a.docx", document(f"<w:p>{runs}</w:p>"), styles_xml=_styles("宋体"))
    for _ in range(2):  # the second pass meets a memo filled and cleared by the first
        sizes = [r.size_pt for r in load(path).paragraphs[0].runs]
        assert sizes == [10 + n for n in range(7)]
    (shared,) = formats._SHEETS.values()
    assert 0 < len(shared._runs) < 7  # started again at least once
    assert shared._spent <= 3000


def test_a_large_styles_part_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "SHARED_STYLES_BYTES", 100)
    doc = _doc(tmp_path / "a.docx", _styles("黑体"))
    assert _face(doc) == "黑体"
    assert formats._SHEETS == {}
