"""The .docx side read right: every list number format, spacing in the grid, characters a line.

The writers corpus (tests/fixtures/writers/) holds reports LibreOffice 7.4 wrote from the
flat ODF beside them (`soffice --headless --convert-to docx lo-*.fodt`): `lo-chapters` is a
conforming report whose headings are numbered by Writer's chapter numbering in Chinese
numerals, `lo-text-body` the same with Writer's "Text Body" habits (7 pt after each body
paragraph, no character spacing).
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docxbuild import A4_SECT, build, document, lvl, numbering, para

import gongwen
from gongwen.ingest import load
from gongwen.ingest.number_formats import FORMATS, UNSUPPORTED, number
from gongwen.model import Role

WRITERS = Path(__file__).parent / "fixtures" / "writers"

# Every value of ST_NumberFormat (ECMA-376 Part 1, 17.18.59)
_NAMES = """
decimal upperRoman lowerRoman upperLetter lowerLetter ordinal cardinalText ordinalText hex
chicago ideographDigital japaneseCounting aiueo iroha decimalFullWidth decimalHalfWidth
japaneseLegal japaneseDigitalTenThousand decimalEnclosedCircle decimalFullWidth2
aiueoFullWidth irohaFullWidth decimalZero bullet ganada chosung decimalEnclosedFullstop
decimalEnclosedParen decimalEnclosedCircleChinese ideographEnclosedCircle
ideographTraditional ideographZodiac ideographZodiacTraditional taiwaneseCounting
ideographLegalTraditional taiwaneseCountingThousand taiwaneseDigital chineseCounting
chineseLegalSimplified chineseCountingThousand koreanDigital koreanCounting koreanLegal
koreanDigital2 vietnameseCounting russianLower russianUpper none numberInDash hebrew1
hebrew2 arabicAlpha arabicAbjad hindiVowels hindiConsonants hindiNumbers hindiCounting
thaiLetters thaiNumbers thaiCounting bahtText dollarText custom
"""
ST_NUMBER_FORMAT = _NAMES.split()


def codes(path: Path) -> list[str]:
    """The codes of the findings of `path` checked with the shipped rules."""
    return [f.code for f in gongwen.check_file(path).findings]


def headings(path: Path) -> list[str]:
    return [p.text for p in load(path).paragraphs if p.role == Role.HEADING]


# ---- item 1: list number formats ----


def test_every_format_of_the_standard_is_shown_or_named() -> None:
    assert len(ST_NUMBER_FORMAT) == 63
    no_number = {"bullet", "none", "custom"}
    shown = set(ST_NUMBER_FORMAT) - no_number - UNSUPPORTED
    assert shown == set(FORMATS)
    for fmt in shown:
        assert all(number(fmt, n) for n in (1, 2, 10, 11, 20, 99, 100, 32767)), fmt


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        ("chineseCounting", (1, 10, 11, 20, 21, 100), "一 十 十一 二十 二十一 一〇〇"),
        ("chineseCountingThousand", (10, 12, 100, 105, 110), "十 十二 一百 一百〇五 一百一十"),
        ("taiwaneseCountingThousand", (1, 6, 10, 11, 105), "一 六 十 十一 一百零五"),
        ("taiwaneseCounting", (3, 19), "三 十九"),
        ("taiwaneseDigital", (10, 25), "一〇 二五"),
        ("ideographDigital", (10, 2020), "一〇 二〇二〇"),
        ("chineseLegalSimplified", (1, 10, 11, 105), "壹 壹拾 壹拾壹 壹佰零伍"),
        ("ideographLegalTraditional", (2, 3, 10), "貳 參 壹拾"),
        ("ideographTraditional", (1, 10, 11), "甲 癸 11"),
        ("ideographZodiac", (1, 12), "子 亥"),
        ("ideographZodiacTraditional", (1, 2, 11, 60), "甲子 乙丑 甲戌 癸亥"),
        ("ideographEnclosedCircle", (1, 10), "㈠ ㈩"),
        ("decimalEnclosedCircle", (1, 20, 21), "① ⑳ 21"),
        ("decimalEnclosedCircleChinese", (3,), "③"),
        ("decimalEnclosedParen", (1, 20), "⑴ ⒇"),
        ("decimalEnclosedFullstop", (1, 20), "⒈ ⒛"),
        ("decimalFullWidth", (12,), "１２"),
        ("decimalFullWidth2", (7,), "７"),
        ("decimalHalfWidth", (7,), "7"),
        ("decimalZero", (3, 12), "03 12"),
        ("japaneseCounting", (10, 100, 110), "十 百 百十"),
        ("japaneseLegal", (1, 2, 10), "壱 弐 壱拾"),
        ("japaneseDigitalTenThousand", (10, 10005), "一〇 一万〇〇〇五"),
        ("aiueoFullWidth", (1, 46, 47), "ア ン アア"),
        ("irohaFullWidth", (1, 3), "イ ハ"),
        ("aiueo", (1,), "ｱ"),
        ("iroha", (2,), "ﾛ"),
        ("koreanDigital", (1, 10), "일 일영"),
        ("koreanDigital2", (1, 10), "一 一零"),
        ("koreanCounting", (1, 10, 11, 100), "일 십 십일 백"),
        ("koreanLegal", (1, 21, 99), "하나 스물하나 아흔아홉"),
        ("ganada", (1, 14), "가 하"),
        ("chosung", (1, 14), "ㄱ ㅎ"),
        ("upperRoman", (4, 1999), "IV MCMXCIX"),
        ("lowerLetter", (1, 27), "a aa"),
        ("ordinal", (1, 2, 3, 11, 22), "1st 2nd 3rd 11th 22nd"),
        ("cardinalText", (1, 21, 105), "One Twenty-one One_hundred_five"),
        ("ordinalText", (1, 20, 100), "First Twentieth One_hundredth"),
        ("dollarText", (3,), "Three_and_00/100"),
        ("hex", (10, 255), "A FF"),
        ("chicago", (1, 4, 5), "* § **"),
        ("numberInDash", (3,), "-_3_-"),
        ("russianLower", (1, 6, 9), "а е и"),
        ("russianUpper", (2,), "Б"),
        ("hebrew1", (1, 11, 15, 16, 100), "א יא טו טז ק"),
        ("hebrew2", (1, 22), "א ת"),
        ("arabicAlpha", (1, 2), "أ ب"),
        ("arabicAbjad", (3,), "ج"),
        ("hindiNumbers", (12,), "१२"),
        ("hindiVowels", (1,), "अ"),
        ("hindiConsonants", (1,), "क"),
        ("thaiNumbers", (12,), "๑๒"),
        ("thaiLetters", (1,), "ก"),
        ("thaiCounting", (1, 11, 21), "หนึ่ง สิบเอ็ด ยี่สิบเอ็ด"),
        ("bahtText", (1,), "หนึ่งบาทถ้วน"),
        ("vietnameseCounting", (1, 15, 21), "một mười_lăm hai_mươi_mốt"),
    ],
)
def test_formats_as_word_shows_them(fmt: str, values: tuple[int, ...], expected: str) -> None:
    assert [number(fmt, n) for n in values] == [e.replace("_", " ") for e in expected.split()]


def test_custom_padded_formats_are_shown_and_others_are_not() -> None:
    assert number("custom", 7, "001, 002, 003, ...") == "007"
    assert number("custom", 7, "a, b, c") is None
    assert number("chineseCountingX", 1) is None
    assert number("hindiCounting", 1) is None


def numbered(text: str, level: int = 0) -> str:
    return para(text, ppr=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>')


def test_an_unknown_format_is_read_as_digits_and_reported(tmp_path: Path) -> None:
    levels = lvl(0, "chineseCountingX", "%1、") + lvl(1, "chineseCounting", "（%2）")
    body = numbered("基本情况") + numbered("做法", 1) + numbered("存在问题") + para("正文。")
    path = build(
        tmp_path / "a.docx",
        document(body),
        numbering_xml=numbering({"1": levels}, {"1": "1"}),
    )
    doc = load(path)
    assert [p.text for p in doc.paragraphs][:3] == ["1、基本情况", "（一）做法", "2、存在问题"]
    assert doc.unshown_number_formats == (("chineseCountingX", 0),)
    found = [f for f in gongwen.check_file(path).findings if f.code == "IO007"]
    assert len(found) == 1  # once per format, at its first paragraph
    assert found[0].severity == "info" and found[0].location.paragraph == 1
    assert "chineseCountingX" in found[0].message


def test_a_word_2010_custom_format_is_shown_or_reported(tmp_path: Path) -> None:
    def custom(pattern: str) -> str:
        return (
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent>'
            f'<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="{pattern}"/>'
            '</mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback>'
            '</mc:AlternateContent><w:suff w:val="nothing"/><w:lvlText w:val="%1 "/></w:lvl>'
        )

    for name, pattern, first, unshown in (
        ("padded", "001, 002, 003, ...", "001 甲", ()),
        ("other", "A1, B1, C1, ...", "1 甲", (("custom (A1, B1, C1, ...)", 0),)),
    ):
        path = build(
            tmp_path / f"{name}.docx",
            document(numbered("甲") + numbered("乙")),
            numbering_xml=numbering({"1": custom(pattern)}, {"1": "1"}),
        )
        doc = load(path)
        assert doc.paragraphs[0].text == first
        assert doc.unshown_number_formats == unshown


def test_libreoffice_chapter_numbering_reads_as_chinese_headings() -> None:
    """Writer's "一, 二, 三, ..." outline numbering is written as taiwaneseCountingThousand."""
    path = WRITERS / "lo-chapters.docx"
    with zipfile.ZipFile(path) as z:
        assert 'w:numFmt w:val="taiwaneseCountingThousand"' in z.read("word/numbering.xml").decode()
    assert headings(path) == [
        "一、履职基本情况", "（一）依法履行职责", "（二）推进重点工作",
        "二、学法用法和依法履职情况", "三、办理代表建议和审议意见情况", "四、廉洁自律情况",
        "五、存在的问题和不足",
        "六、下一步工作打算", "（一）抓好整改落实", "（二）加强队伍建设",
    ]  # fmt: skip
    assert codes(path) == []  # no AR201 "missing", no GB3xx heading font, no IO007


def test_libreoffice_text_body_habits_are_found() -> None:
    """7 pt after each body paragraph breaks the 22-line grid; no spacing sets 27 a line."""
    found = codes(WRITERS / "lo-text-body.docx")
    assert set(found) == {"GB113", "GB115"}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_still_writes_what_the_corpus_holds(tmp_path: Path) -> None:
    """Converting the committed source again gives the same headings and findings."""
    source = tmp_path / "lo-chapters.fodt"
    shutil.copy(WRITERS / source.name, source)
    profile = (tmp_path / "profile").resolve().as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "docx", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    fresh = tmp_path / "lo-chapters.docx"
    assert headings(fresh) == headings(WRITERS / "lo-chapters.docx")
    assert codes(fresh) == []


# ---- items 2 and 3: the grid of 22 lines and 28 characters ----

BODY_RPR = '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>'
EXACT = '<w:spacing w:line="579" w:lineRule="exact"{extra}/><w:ind w:firstLineChars="200"/>'


def body_doc(tmp_path: Path, name: str, *, after: int = 0, rpr: str = "", sect: str = A4_SECT):
    spacing = f' w:after="{after}"' if after else ""
    text = "本人认真履行职责，坚持依法行政，主动接受人大监督。" * 4
    body = "".join(
        para(text, ppr=EXACT.format(extra=spacing), rpr=BODY_RPR + rpr) for _ in range(3)
    )
    return build(tmp_path / name, document(body, sect))


def test_space_after_body_paragraphs_is_gb113(tmp_path: Path) -> None:
    minus = '<w:spacing w:val="-5"/>'
    assert "GB113" not in codes(body_doc(tmp_path, "grid.docx", rpr=minus))
    seven = [f for f in gongwen.check_file(body_doc(tmp_path, "seven.docx", after=140, rpr=minus))
             .findings if f.code == "GB113"]  # fmt: skip
    assert seven and "7" in (seven[0].actual or "")
    assert "GB113" not in codes(body_doc(tmp_path, "blank.docx", after=579, rpr=minus))


def test_characters_per_line_from_spacing_or_grid(tmp_path: Path) -> None:
    assert "GB115" in codes(body_doc(tmp_path, "plain.docx"))  # 27 a line
    assert "GB115" not in codes(body_doc(tmp_path, "minus.docx", rpr='<w:spacing w:val="-5"/>'))
    grid = A4_SECT.replace(
        '<w:docGrid w:type="lines" w:linePitch="579"/>',
        '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>',
    )
    assert "GB115" not in codes(body_doc(tmp_path, "grid.docx", sect=grid))
    assert load(body_doc(tmp_path, "g.docx", sect=grid)).sections[0].char_space is not None
