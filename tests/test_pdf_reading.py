"""Reading a PDF's text in page order and with its colour (ingest/pdf_lines, pdf_colour).

The content stream of a PDF is not always the reading order: LibreOffice draws a text box (a
WPS mark, a 署名) after the body. These cases are the orders a 公文's PDF is found in.
"""

from __future__ import annotations

from gongwen.ingest.pdf_colour import with_colours
from gongwen.ingest.pdf_layout import PageLayout, PdfLayout, TextLine
from gongwen.ingest.pdf_lines import Line, in_reading_order
from gongwen.model import Paragraph, Run
from gongwen.units import Mm


def line(text: str, y: float, x: float = 80.0, size: float = 16.0) -> Line:
    made = Line(page=1, y=y)
    made.add(text, x, size, "FangSong")
    return made


def order(lines: list[Line]) -> list[str]:
    return [ln.text for ln in in_reading_order(lines)]


def test_a_text_box_drawn_after_the_body_comes_first_where_it_stands() -> None:
    stream = [line("某政发〔2020〕7号", 700), line("关于开展评议的通知", 640),
              line("某县人民政府文件", 760, size=36)]  # fmt: skip
    assert order(stream) == ["某县人民政府文件", "某政发〔2020〕7号", "关于开展评议的通知"]


def test_a_superscript_stays_in_its_line() -> None:
    stream = [line("全年新增绿地面积120万平方米", 700), line("①", 706, x=300, size=9),
              line("城市人均公园绿地面积", 700, x=310), line("下一行", 671)]  # fmt: skip
    assert order(stream) == ["全年新增绿地面积120万平方米", "①", "城市人均公园绿地面积", "下一行"]


def test_a_tables_second_column_follows_the_first_as_drawn() -> None:
    first = [line("正文", 760), line("项目", 700), line("一般公共", 680), line("预算收入", 660)]
    stream = [*first, line("金额", 700, x=300), line("18.6", 680, x=300), line("后文", 620)]
    assert order(stream) == [ln.text for ln in stream]


def _text_line(text: str, baseline: float, color: tuple[float, float, float], page: int = 1):
    return TextLine(page=page, text=text, left=Mm(28), right=Mm(184), baseline=Mm(baseline),
                    size_pt=16.0, font="FangSong", color=color)  # fmt: skip


def _page(number: int, *lines: TextLine) -> PageLayout:
    return PageLayout(number=number, width=Mm(210), height=Mm(297), lines=lines, rules=())


def _para(index: int, text: str, page: int) -> Paragraph:
    return Paragraph(index=index, text=text, page=page, runs=(Run(text, size_pt=16.0),))


RED, BLACK = (1.0, 0.0, 0.0), (0.0, 0.0, 0.0)


def test_each_paragraph_takes_the_colour_of_its_own_lines_over_a_page_break() -> None:
    layout = PdfLayout(path="x.pdf", fonts=(), pages=(
        _page(1, _text_line("某县人民政府文件", 60, RED), _text_line("正文第一行，", 100, BLACK)),
        _page(2, _text_line("接续的一行。", 40, BLACK), _text_line("红色的强调", 60, RED),
              _text_line("— 2 —", 280, BLACK)),
    ))  # fmt: skip
    paragraphs = [_para(0, "某县人民政府文件", 1), _para(1, "正文第一行，接续的一行。", 1),
                  _para(2, "红色的强调", 2), _para(3, "— 2 —", 2)]  # fmt: skip
    colours = [p.runs[0].color for p in with_colours(paragraphs, layout)]
    assert colours == ["FF0000", "000000", "FF0000", "000000"]
