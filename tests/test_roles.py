"""Role recognition, table-driven: each case is a document as (text, layout, expected role)."""

from __future__ import annotations

from typing import Any

import pytest

from gongwen.ingest.roles import assign_roles, heading_level, is_date
from gongwen.model import Alignment, Paragraph, Part, Role, Run
from gongwen.units import Pt

# layouts, in the words a reader would use
TITLE = {"alignment": Alignment.CENTER, "size": 22}
CENTRED = {"alignment": Alignment.CENTER, "size": 16}
BODY = {"alignment": Alignment.JUSTIFY, "size": 16, "indent": 2}
FLUSH = {"alignment": Alignment.JUSTIFY, "size": 16, "indent": 0}
RIGHT = {"alignment": Alignment.RIGHT, "size": 16}
MARK = {"alignment": Alignment.CENTER, "size": 36, "color": "FF0000"}
TEXT = {}  # formatting unknown, as from a PDF's text
FOOTER = {"part": Part.FOOTER}
HEADER = {"part": Part.HEADER}
CELL = {"part": Part.TABLE}

H1, H2, H3, H4 = ((Role.HEADING, n) for n in (1, 2, 3, 4))

LONG = "本年度，我认真贯彻落实上级各项决策部署，围绕中心、服务大局，扎实推进各项工作任务落实"

CASES: dict[str, list[tuple[str, dict[str, Any], Any]]] = {
    "annual report, formatted": [
        ("市财政局局长张伟2019年度履职报告", TITLE, Role.TITLE),
        ("", BODY, Role.EMPTY),
        ("一、履职基本情况", BODY, H1),
        ("（一）加强政治理论学习。" + LONG + "。", BODY, H2),
        ("1.认真学习宪法。" + LONG + "。", BODY, H3),
        ("（1）参加集中学习12次。", BODY, H4),
        (LONG + "。", BODY, Role.BODY),
        ("二、存在的问题和不足", BODY, H1),
        (LONG + "。", BODY, Role.BODY),
        ("", BODY, Role.EMPTY),
        ("市财政局", RIGHT, Role.SIGNATURE),
        ("张伟", RIGHT, Role.SIGNATURE),
        ("2020年3月20日", RIGHT, Role.DATE),
        ("— 1 —", FOOTER, Role.PAGE_NUMBER),
        ("", FOOTER, Role.EMPTY),
    ],
    "half-width and other wrong numbering forms still found": [
        ("关于2019年度履职情况的报告", TITLE, Role.TITLE),
        ("(一)加强学习", BODY, H2),
        ("(1)集中学习", BODY, H4),
        ("1．自学", BODY, H3),
        ("2、调研", BODY, H3),
        ("一.总体情况", BODY, H1),
        ("1.5万元用于培训，" + LONG + "，" + LONG + "。", BODY, Role.BODY),
        ("（二）" + LONG + LONG + "，" + LONG + "。", BODY, Role.BODY),
    ],
    "multi-line title and a short line that only looks like a signature": [
        ("市财政局局长张伟", TITLE, Role.TITLE),
        ("2019年度履职报告", TITLE, Role.TITLE),
        ("（2020年3月20日）", CENTRED, Role.BYLINE),
        ("一、主要工作", BODY, H1),
        (LONG + "。", BODY, Role.BODY),
        ("特此报告", BODY, Role.BODY),
        ("市财政局 张伟", RIGHT, Role.SIGNATURE),
        ("2020年03月20日", RIGHT, Role.DATE),
    ],
    "text only, as from a PDF": [
        ("市财政局局长张伟2019年度履职报告", TEXT, Role.TITLE),
        ("一、履职基本情况", TEXT, H1),
        (LONG + "。", TEXT, Role.BODY),
        ("（一）学法用法", TEXT, H2),
        (LONG + "。", TEXT, Role.BODY),
        ("市财政局 张伟", TEXT, Role.SIGNATURE),
        ("二〇二〇年三月二十日", TEXT, Role.DATE),
        ("- 2 -", FOOTER, Role.PAGE_NUMBER),
    ],
    "official document with 版头, 主送, 附件说明, 附注 and 版记": [
        ("000123", FLUSH, Role.COPY_NUMBER),
        ("特急", FLUSH, Role.URGENCY),
        ("丹江口市人民代表大会常务委员会文件", MARK, Role.ISSUER_MARK),
        ("丹人常发[2020]7号", CENTRED, Role.DOC_NUMBER),
        ("关于2019年度履职报告评阅情况的通报", TITLE, Role.TITLE),
        ("市直各单位：", FLUSH, Role.RECIPIENT),
        (LONG + "。", BODY, Role.BODY),
        ("附件：1. 评阅情况汇总表", BODY, Role.ATTACHMENT_NOTE),
        ("2. 问题清单", BODY, Role.ATTACHMENT_NOTE),
        ("丹江口市人大常委会", RIGHT, Role.SIGNATURE),
        ("2020年4月10日", RIGHT, Role.DATE),
        ("（此件公开发布）", BODY, Role.NOTE),
        ("附件1", FLUSH, Role.ATTACHMENT),
        ("评阅情况汇总表", CENTRED, Role.ATTACHMENT),
        ("单位", CELL, Role.TABLE),
        ("抄送：市委办公室，市政府办公室。", FLUSH, Role.IMPRINT),
        ("丹江口市人大常委会办公室  2020年4月10日印发", FLUSH, Role.IMPRINT),
        ("丹江口市人大常委会", HEADER, Role.HEADER),
    ],
    "report-like opening is body, not 主送": [
        ("关于2019年度履职情况的报告", TITLE, Role.TITLE),
        ("现将本人2019年度履职情况报告如下：", BODY, Role.BODY),
        ("一、主要工作", BODY, H1),
    ],
    "an indented salutation is not a flush-left 主送": [
        ("关于2019年度履职情况的报告", TITLE, Role.TITLE),
        ("主任、各位副主任、各位委员：", BODY, Role.BODY),
        ("一、主要工作", BODY, H1),
    ],
    "doc number in round brackets and a half-width colon 主送": [
        ("某某县人民政府文件", MARK, Role.ISSUER_MARK),
        ("某政发（2020）07号", CENTRED, Role.DOC_NUMBER),
        ("关于开展专题监督的决定", TITLE, Role.TITLE),
        ("县直各单位:", FLUSH, Role.RECIPIENT),
        (LONG + "。", BODY, Role.BODY),
        ("2020-3-20", RIGHT, Role.DATE),
    ],
    "no title: the first paragraph is body text": [
        (LONG + "。", BODY, Role.BODY),
        ("一、主要工作", BODY, H1),
    ],
    "a date inside the text is not the 成文日期": [
        ("关于2019年度履职情况的报告", TITLE, Role.TITLE),
        ("2019年1月1日", BODY, Role.BODY),
        ("一、主要工作", BODY, H1),
        (LONG + "。", BODY, Role.BODY),
        ("二、下一步打算", BODY, H1),
        (LONG + "。", BODY, Role.BODY),
        ("张伟", RIGHT, Role.SIGNATURE),
    ],
    "上行文: the last 签发人 on the 发文字号's line, past 40 characters": [
        ("某县财政局文件", MARK, Role.ISSUER_MARK),
        ("某财呈〔2020〕3号" + " " * 24 + "签发人：张伟", FLUSH, Role.DOC_NUMBER),
        ("关于2019年度履职情况的报告", TITLE, Role.TITLE),
        ("县人大常委会：", FLUSH, Role.RECIPIENT),
        (LONG + "。", BODY, Role.BODY),
    ],
    "several 签发人, one a line, the number on the last one's": [
        ("某县财政局", MARK, Role.ISSUER_MARK),
        ("某县审计局文件", MARK, Role.ISSUER_MARK),
        ("签发人：张伟", RIGHT, Role.SIGNER),
        ("某财呈〔2020〕3号\u3000\u3000\u3000签发人：李明", FLUSH, Role.DOC_NUMBER),
        ("关于联合开展审计的报告", TITLE, Role.TITLE),
    ],
    "信函格式: a name-alone mark in 2号, the number flush right": [
        ("某县人民代表大会常务委员会办公室", {**MARK, "size": 22}, Role.ISSUER_MARK),
        ("某人常办函〔2020〕5号", RIGHT, Role.DOC_NUMBER),
        ("关于报送2019年度履职报告的函", TITLE, Role.TITLE),
        ("县财政局：", FLUSH, Role.RECIPIENT),
    ],
    "纪要: its 期号 and the office and date line": [
        ("某县人大常委会主任会议纪要", MARK, Role.ISSUER_MARK),
        ("第3期", CENTRED, Role.DOC_NUMBER),
        ("某县人大常委会办公室" + " " * 20 + "2020年3月5日", FLUSH, Role.MASTHEAD),
        ("第十次主任会议纪要", TITLE, Role.TITLE),
        (LONG + "。", BODY, Role.BODY),
    ],
    "a placeholder template: blanks read, no 署名 guessed from an instruction": [
        ("XX县人民政府文件", MARK, Role.ISSUER_MARK),
        ("X政发〔20XX〕X号", CENTRED, Role.DOC_NUMBER),
        ("关于XXXX的通知", TITLE, Role.TITLE),
        ("XXXX：", FLUSH, Role.RECIPIENT),
        ("[此处输入正文内容]", BODY, Role.BODY),
        ("20XX年X月X日", RIGHT, Role.DATE),
    ],
    "byline, captions and a remark on an attachment label": [
        ("2019年度履职报告", TITLE, Role.TITLE),
        ("市财政局局长 张伟", CENTRED, Role.BYLINE),
        ("（2020年3月18日）", CENTRED, Role.BYLINE),
        ("市人大常委会：", FLUSH, Role.RECIPIENT),
        ("一、主要工作", BODY, H1),
        ("表1 2019年预算执行情况", CENTRED, Role.CAPTION),
        ("单位", CELL, Role.TABLE),
        ("图2：收入结构", CENTRED, Role.CAPTION),
        ("表1显示，收入增长较快。", BODY, Role.BODY),
        ("张伟", RIGHT, Role.SIGNATURE),
        ("2020年3月20日", RIGHT, Role.DATE),
        ("附件1（可选）", FLUSH, Role.ATTACHMENT),
        ("补充材料", CENTRED, Role.ATTACHMENT),
    ],
    "联合行文: one issuer a line, more than three": [
        ("关于联合开展专项检查的通知", TITLE, Role.TITLE),
        (LONG + "。", BODY, Role.BODY),
        ("某县财政局", RIGHT, Role.SIGNATURE),
        ("某县审计局", RIGHT, Role.SIGNATURE),
        ("某县发展和改革局", RIGHT, Role.SIGNATURE),
        ("某县人力资源和社会保障局", RIGHT, Role.SIGNATURE),
        ("2020年3月20日", RIGHT, Role.DATE),
    ],
    "a level-1 heading over 40 characters, set in Word's heading 1 style": [
        ("关于2019年度履职情况的报告", TITLE, Role.TITLE),
        ("一、" + LONG, {**FLUSH, "style": "heading 1"}, H1),
        ("（一）加强学习", {**FLUSH, "style": "heading 2"}, H2),
        ("一、" + LONG, FLUSH, Role.BODY),
        ("结束语", {**FLUSH, "style": "heading 1"}, Role.HEADING),
        (LONG + "。", {**BODY, "style": "heading 1"}, Role.BODY),
    ],
    "page number from a PAGE field in a footer": [
        ("正文。", BODY, Role.BODY),
        ("第1页", FOOTER, Role.PAGE_NUMBER),
        ("7", {"part": Part.FOOTER, "fields": ("PAGE",)}, Role.PAGE_NUMBER),
        ("内部资料 注意保存", FOOTER, Role.FOOTER),
    ],
}


def make(index: int, text: str, layout: dict[str, Any]) -> Paragraph:
    """A paragraph as ingest would make it, with `layout` given in domain words."""
    size = layout.get("size")
    indent = layout.get("indent")
    run = Run(text=text, size_pt=size, color=layout.get("color"))
    return Paragraph(
        index=index,
        text=text,
        part=layout.get("part", Part.BODY),
        alignment=layout.get("alignment"),
        indent_first_chars=float(indent) if indent else None,
        indent_first=Pt(indent * size) if indent is not None and size else None,
        fields=layout.get("fields", ()),
        style_name=layout.get("style"),
        runs=(run,) if text else (),
    )


@pytest.mark.parametrize("name", list(CASES))
def test_roles(name: str) -> None:
    rows = CASES[name]
    paragraphs = [make(i, text, layout) for i, (text, layout, _) in enumerate(rows)]
    result = assign_roles(paragraphs)
    got = [
        (p.text, p.role if p.heading_level is None else (p.role, p.heading_level)) for p in result
    ]
    expected = [(text, want) for text, _, want in rows]
    assert got == expected


def test_assign_roles_returns_new_values_and_keeps_the_rest() -> None:
    paragraphs = [make(0, "一、主要工作", BODY)]
    (result,) = assign_roles(paragraphs)
    assert paragraphs[0].role == Role.BODY and result.role == Role.HEADING
    assert result.alignment == paragraphs[0].alignment and result.runs == paragraphs[0].runs


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("一、总体情况", 1),
        ("十二、其他", 1),
        ("（十）其他", 2),
        ("(二) 半角括号", 2),
        ("3. 调研", 3),
        ("10．整改", 3),
        ("（12）细则", 4),
        ("一是加强学习", None),
        ("2019年度工作", None),
        ("1.5倍", None),
        ("（2020年3月20日）", None),
    ],
)
def test_heading_level(text: str, level: int | None) -> None:
    assert heading_level(text) == level


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020年3月20日", True),
        ("2020年03月20日", True),
        (" 2020 年 3 月 20 日 ", True),
        ("二〇二〇年三月二十日", True),
        ("2020-3-20", True),
        ("2020.03.20", True),
        ("2020年3月20日印发", False),
        ("截至2020年3月20日", False),
    ],
)
def test_is_date(text: str, expected: bool) -> None:
    assert is_date(text) is expected
