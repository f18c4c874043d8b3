"""The GB/T 9704-2012 numbers, each in one place: what the generated documents are laid out
with and what the layout measurements of a PDF hold a page to.

Every length is a `gongwen.units.Length`; the template builder, the render-time layout, the
page fitting and the PDF checks read them from here, so a format number changes here only.
"""

from __future__ import annotations

from dataclasses import dataclass

# Mm and Pt are exported too: the template builder and the layout measure with g.Mm, g.Pt.
from gongwen.units import Length, Twips, zihao
from gongwen.units import Mm as Mm
from gongwen.units import Pt as Pt

# ---- paper and type area (5.1, 5.2.1) -------------------------------------------------
PAGE_WIDTH = Twips(11906)  # A4 210 mm, as Word and python-docx write it
PAGE_HEIGHT = Twips(16838)  # A4 297 mm
# Margins as Word stores them (567 twips a centimetre): 37 / 35 / 28 / 26 mm.
MARGIN_TOP = Twips(2098)
MARGIN_BOTTOM = Twips(1984)
MARGIN_LEFT = Twips(1588)
MARGIN_RIGHT = Twips(1474)
TYPE_WIDTH = Length(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)  # 156 mm
TYPE_HEIGHT = Length(PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)  # 225 mm
# The type area's edges from the paper's top-left corner, as a measurement of a page reads them
TYPE_BOTTOM = Mm(37 + 225)
TYPE_RIGHT = Mm(28 + 156)

# ---- the grid: 22 lines × 28 characters (5.2.3) ---------------------------------------
BODY_SIZE = Pt(zihao("三号"))  # 16 pt
LINE_PITCH = Twips(579)  # 28.95 pt exact: 22 lines stay inside 225 mm
# −0.25 pt after each character: 28 characters of 16 pt fit 156 mm (LibreOffice and Word);
# a docGrid with negative charSpace would do it in Word but breaks LibreOffice's layout.
CHAR_SPACING = Twips(-5)
CHAR = BODY_SIZE  # one 字 of body text, the unit of indents
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

# ---- font sizes -------------------------------------------------------------------------
MARK_SIZE = Pt(zihao("小初"))  # 36 pt, scaled narrower when the name is long (7.2.4)
TITLE_SIZE = Pt(zihao("二号"))  # 22 pt (7.3.1)
IMPRINT_SIZE = Pt(zihao("四号"))  # 14 pt (7.4.2)
PAGE_NUMBER_SIZE = Pt(zihao("四号"))  # 14 pt (7.5)
PAGE_NUMBER_LINE = Twips(320)  # 16 pt exact for the footer line
TABLE_SIZE = Pt(zihao("四号"))  # 实务: attachment tables in 4号
TABLE_LINE = Twips(400)  # 20 pt exact inside tables
MIN_MARK_SCALE = 50  # percent; narrower than this no office would print

# ---- 版头 (7.2) -------------------------------------------------------------------------
MARK_TOP = Mm(35)  # top edge of the mark's characters below the top of the type area
# Space before the mark's line so that the ink starts MARK_TOP down: the line box of a
# 36 pt line set exactly at MARK_LINE puts the ink top about 2 mm below the line top,
# measured in LibreOffice with Noto Serif CJK SC Bold standing in for 小标宋.
MARK_LINE = Pt(46)
MARK_BEFORE = Mm(32.9)
RED = "FF0000"
RED_RULE_WIDTH = Pt(1)  # 实务: 1 pt
RED_RULE_GAP = Mm(4)  # under the 发文字号 (7.2.7)
# The rule is the bottom border of the 发文字号 line; this is the border's distance
# below the line box (whole points: w:space counts in pt) that puts it 4 mm under the
# characters, measured in LibreOffice with FandolFang, the shipped preview face for 仿宋
# (fonts/fonts.conf): 8 pt gives 3.85 mm to the foot of 号; 7 pt gave 3.5 mm.
RED_RULE_SPACE = Pt(8)

# ---- 上行文: 签发人 on the 发文字号 line (7.2.6) -------------------------------------------
SIGNER_INSET = CHAR  # 签发人 one 字 from the right, the 发文字号 one 字 from the left

# ---- 信函格式 (10.1) ----------------------------------------------------------------------
LETTER_MARK_TOP = Mm(30)  # top edge of the mark's characters below the paper's top edge
LETTER_RULE_LENGTH = Mm(170)  # both double rules, centred on the page
LETTER_RULE_GAP = Mm(4)  # the upper double rule under the mark
LETTER_BOTTOM_GAP = Mm(20)  # the lower double rule's bottom edge above the paper's bottom
LETTER_THICK = Pt(2)  # 实务: the double rules' thick and thin lines and the gap between them
LETTER_THIN = Pt(0.5)
LETTER_RULE_SPACE = Pt(1.5)
# the 发文字号's characters under the upper double rule: ⅞ of a 3号 character's height
LETTER_NUMBER_GAP = Length(BODY_SIZE * 7 // 8)
# The mark's ink starts this far below its line box (MARK_TOP − MARK_BEFORE, as measured for
# the 文件 mark) and is this tall, top of 青 to foot of 会, measured in LibreOffice with Noto
# Serif CJK SC Bold for 小标宋 at 小初: where its foot lies, for the rule 4 mm below.
MARK_INK_DROP = Length(MARK_TOP - MARK_BEFORE)
MARK_INK_HEIGHT = Mm(12.1)

# ---- 版记 (7.4) -------------------------------------------------------------------------
IMPRINT_THICK = Mm(0.35)
IMPRINT_THIN = Mm(0.25)
IMPRINT_CHAR = IMPRINT_SIZE  # one 字 of 4号: the 版记 lines stand in by this much
IMPRINT_LINE = Twips(440)  # 22 pt exact for the 4号 lines
RULE_LINE = Twips(20)  # the paragraphs that carry only a rule are 1 pt high

# ---- page numbers (7.5) -----------------------------------------------------------------
PAGE_NUMBER_BELOW = Mm(7)  # the 一字线 7 mm below the type area
FOOTER_DISTANCE = Mm(25)  # page bottom → footer line bottom, putting the dashes 7 mm down
HEADER_DISTANCE = Mm(15)


@dataclass(frozen=True, slots=True)
class Face:
    """A font as GB/T 9704 names it: the usual installed face and its Latin companion."""

    east_asia: str
    latin: str = "Times New Roman"


FANGSONG = Face("仿宋_GB2312")
HEITI = Face("黑体")
KAITI = Face("楷体_GB2312")
XIAOBIAOSONG = Face("方正小标宋简体")
SONGTI = Face("宋体", latin="宋体")


def twips(length: int) -> int:
    """`length` in whole twips, as OOXML attributes take it."""
    return round(Length(length).twips)


def eighths(length: int) -> int:
    """`length` in eighths of a point, the unit of border widths."""
    return max(2, round(Length(length).pt * 8))


def half_points(length: int) -> int:
    """`length` in half points, the unit of font sizes."""
    return round(Length(length).pt * 2)


# ---- seal (7.3.5.1) ---------------------------------------------------------------------
SEAL_SIZE = Mm(42)  # 实务: the usual round seal of a county body
SEAL_LIFT = Pt(10)  # the seal's centre sits this far below the 署名 line's top: 署名 and
# date end up "居印章中心偏下" as 7.3.5.1 asks
