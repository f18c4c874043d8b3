"""Build templates/<kind>/template.docx from the numbers in gongwen.gbt9704.

Run `python templates/build_templates.py [KIND ...]` after changing a format
number or a kind's body.py; the built files are committed, so an office can open and edit
them in Word or WPS. Each kind's wording lives in templates/<kind>/body.py; the parts
every document shares (版头, 署名, 版记, page numbers, styles) are here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _blocks as b  # noqa: E402

from gongwen import gbt9704 as g  # noqa: E402
from gongwen.render.kinds import KINDS as DOCUMENT_KINDS  # noqa: E402
from gongwen.writing import reproducible_zip  # noqa: E402

KINDS = tuple(DOCUMENT_KINDS)  # the one list of document kinds: gongwen.render.kinds

# ---- 版头 and 主体 front --------------------------------------------------------------------

MARK_PARA = b.Para(style="GwMark", align="center", line=g.MARK_LINE, before=g.MARK_BEFORE)
NUMBER_PARA = b.Para(
    style="GwDocNumber",
    align="center",
    extra="<w:pBdr>" + b.border("bottom", g.RED_RULE_WIDTH, g.RED, g.RED_RULE_SPACE) + "</w:pBdr>",
)
TITLE_PARA = b.Para(style="GwTitle", align="center")
CAPTION_PARA = b.Para(style="GwCaption", align="center")
RECIPIENT_PARA = b.Para(style="GwRecipient", align="both")


# 上行文 (7.2.5, 7.2.6): each 签发人 one 字 from the right, the last on the 发文字号's line,
# which stands one 字 in from the left over the red rule.
SIGNER_PARA = b.Para(style="GwSigner", align="right", right=g.SIGNER_INSET)
# The number stands one 字 in by a first-line indent and the 签发人 ends one 字 short of the
# right edge by a tab stop: side indents would shorten the red rule, the paragraph's border.
UPWARD_NUMBER_PARA = b.Para(
    style="GwDocNumber",
    align="left",
    first_line=g.SIGNER_INSET,
    extra="<w:pBdr>"
    + b.border("bottom", g.RED_RULE_WIDTH, g.RED, g.RED_RULE_SPACE)
    + "</w:pBdr>"
    + f'<w:tabs><w:tab w:val="right" w:pos="{g.twips(g.TYPE_WIDTH - g.SIGNER_INSET)}"/>'
    "</w:tabs>",
)
SIGNER_NAME = b.Look(g.KAITI)


def _signer_runs(name: str) -> str:
    return b.run("签发人：") + b.run(name, SIGNER_NAME)


def upward_number() -> list[str]:
    """The 签发人 lines and the 发文字号 on the last of them."""
    last = (
        f"<w:p>{UPWARD_NUMBER_PARA.xml()}{b.run('{{ doc.number }}')}"
        f"<w:r>{b.rpr(b.BODY)}<w:tab/></w:r>{_signer_runs('{{ doc.signers[-1] }}')}</w:p>"
    )
    return [
        b.tag("{%p for signer in doc.signers[:-1] %}"),
        f"<w:p>{SIGNER_PARA.xml()}{_signer_runs('{{ signer }}')}</w:p>",
        b.tag("{%p endfor %}"),
        last,
    ]


def front() -> list[str]:
    """The 版头 of the document's form, then the title and 主送 (7.2.4–7.3.2, 10.1).

    文件格式: the mark, two blank lines, the 发文字号 (with the 签发人 of an 上行文) over the
    red rule, two blank lines. 信函格式: the letter head (mark and double rules drawn on
    the page, the number flush right), one blank line. No 版头: the title comes first.
    """
    return [
        b.tag('{%p if doc.form == "file" %}'),
        b.para("{{ issuer.mark }}", MARK_PARA, b.MARK),
        b.blank(),
        b.blank(),
        b.tag("{%p if doc.upward %}"),
        *upward_number(),
        b.tag("{%p else %}"),
        b.para("{{ doc.number }}", NUMBER_PARA),
        b.tag("{%p endif %}"),
        b.blank(),
        b.blank(),
        b.tag('{%p elif doc.form == "letter" %}'),
        letter_head(),
        b.blank(),
        b.tag("{%p endif %}"),
        b.para("{{ doc.title }}", TITLE_PARA, b.TITLE),
        # 题注 of a document adopted at a meeting, centred in 楷体 under the title
        b.tag("{%p if doc.caption %}"),
        b.para("{{ doc.caption }}", CAPTION_PARA, b.HEADING2),
        b.tag("{%p endif %}"),
        b.blank(),
        b.tag("{%p if doc.recipients %}"),
        b.para("{{ doc.recipients }}", RECIPIENT_PARA),
        b.tag("{%p endif %}"),
    ]


# ---- 信函格式 (10.1): drawn on page 1, relative to the paper ---------------------------------


def _anchor(name: str, shape_id: int, x: str, y: int, cx: int, cy: int, body: str) -> str:
    """A floating DrawingML shape on the page: `x` is its positionH, `y` from the paper's top."""
    return (
        f"<w:r>{b.rpr(b.BODY)}"
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{251658240 + shape_id}" behindDoc="0" locked="1" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'{x}<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{shape_id}" name="{name}" descr="{name}"/>'
        "<wp:cNvGraphicFramePr/><a:graphic><a:graphicData "
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"{body}</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def _red_bar(name: str, shape_id: int, top: int, thickness: int) -> str:
    """A red filled bar as long as the letter's rules, centred, `top` from the paper's top."""
    x = (
        '<wp:positionH relativeFrom="page"><wp:posOffset>'
        f"{int((g.PAGE_WIDTH - g.LETTER_RULE_LENGTH) // 2)}</wp:posOffset></wp:positionH>"
    )
    cx, cy = int(g.LETTER_RULE_LENGTH), int(thickness)
    shape = (
        f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" '
        f'cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{g.RED}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        "</wps:spPr><wps:bodyPr/></wps:wsp>"
    )
    return _anchor(name, shape_id, x, int(top), cx, cy, shape)


def _letter_mark() -> str:
    """The issuer's name in a text box whose ink starts LETTER_MARK_TOP below the paper's top."""
    x = '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
    cx, cy = int(g.TYPE_WIDTH), int(g.MARK_LINE)
    inside = b.Para(style="GwMark", align="center", line=g.MARK_LINE, before=g.Mm(0))
    para = b.para("{{ issuer.name }}", inside, b.MARK)
    shape = (
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{para}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
    )
    return _anchor(
        "信函格式发文机关标志", 11, x, int(g.LETTER_MARK_TOP - g.MARK_INK_DROP), cx, cy, shape
    )


# The upper double rule (thick over thin) 4 mm under the mark's foot; the lower one (thin over
# thick) with its bottom LETTER_BOTTOM_GAP above the paper's bottom edge.
UPPER_TOP = g.LETTER_MARK_TOP + g.MARK_INK_HEIGHT + g.LETTER_RULE_GAP
UPPER_BOTTOM = UPPER_TOP + g.LETTER_THICK + g.LETTER_RULE_SPACE + g.LETTER_THIN
LOWER_BOTTOM = g.PAGE_HEIGHT - g.LETTER_BOTTOM_GAP
# The 发文字号 line: its characters' top LETTER_NUMBER_GAP under the upper rule. A 16 pt line
# set at the exact pitch puts the characters' top about 3.5 mm under the line's top.
NUMBER_INK_DROP = g.Mm(3.5)
LETTER_NUMBER_PARA = b.Para(
    style="GwLetterNumber",
    align="right",
    before=g.Length(UPPER_BOTTOM + g.LETTER_NUMBER_GAP - NUMBER_INK_DROP - g.MARGIN_TOP),
)


def letter_head() -> str:
    """The letter head: mark and the two double rules as drawings, the 发文字号 flush right."""
    drawings = "".join(
        [
            _letter_mark(),
            _red_bar("信函格式上双线粗", 12, UPPER_TOP, g.LETTER_THICK),
            _red_bar(
                "信函格式上双线细",
                13,
                UPPER_TOP + g.LETTER_THICK + g.LETTER_RULE_SPACE,
                g.LETTER_THIN,
            ),
            _red_bar(
                "信函格式下双线细",
                14,
                LOWER_BOTTOM - g.LETTER_THICK - g.LETTER_RULE_SPACE - g.LETTER_THIN,
                g.LETTER_THIN,
            ),
            _red_bar("信函格式下双线粗", 15, LOWER_BOTTOM - g.LETTER_THICK, g.LETTER_THICK),
        ]
    )
    return f"<w:p>{LETTER_NUMBER_PARA.xml()}{drawings}{b.run('{{ doc.number }}')}</w:p>"


# ---- 附件说明, 署名, 成文日期, 附注 -------------------------------------------------------

KEPT_BLANK = b.para("", b.Para(keep_next=True))
# 7.3.4: a wrapped attachment name aligns with the first character of the name above it.
# "附件：" starts two 字 in and is three 字 wide, so a single name starts at five 字; with
# several, "1." (two half-width characters, one 字) puts each name at six 字.
ATTACHMENT_NOTE_ONLY = b.Para(
    style="GwAttachmentNote", left=5 * g.CHAR, hanging=3 * g.CHAR, keep_next=True
)
ATTACHMENT_NOTE_FIRST = b.Para(
    style="GwAttachmentNote", left=6 * g.CHAR, hanging=4 * g.CHAR, keep_next=True
)
ATTACHMENT_NOTE_MORE = b.Para(
    style="GwAttachmentNote", left=6 * g.CHAR, hanging=1 * g.CHAR, keep_next=True
)
SIGNATURE_PARA = b.Para(style="GwSignature", align="right", right=2 * g.CHAR, keep_next=True)
# The date is kept with a 附注 under it, not with the 版记: the 版记 goes where printing puts
# it (the back page, when double-sided), the renderer's fitting decides.
DATE_PARA = b.Para(style="GwDate", align="right", right=4 * g.CHAR)
DATE_KEPT = b.Para(style="GwDate", align="right", right=4 * g.CHAR, keep_next=True)
NOTE_PARA = b.Para(style="GwNote", first_line=2 * g.CHAR)


def closing() -> list[str]:
    """附件说明, then 署名 and 成文日期 (sealed or not), then 附注 (7.3.4–7.3.6).

    Every line is kept with the next from the last body paragraph down to the date (and the
    附注): the 署名 never stands on a page without text. The 版记 is not kept with them.
    """
    return [
        b.tag("{%p for line in doc.attachment_notes %}"),
        b.tag("{%p if loop.first %}"),
        KEPT_BLANK,
        b.tag("{%p if loop.last %}"),
        b.para("{{ line }}", ATTACHMENT_NOTE_ONLY),
        b.tag("{%p else %}"),
        b.para("{{ line }}", ATTACHMENT_NOTE_FIRST),
        b.tag("{%p endif %}"),
        b.tag("{%p else %}"),
        b.para("{{ line }}", ATTACHMENT_NOTE_MORE),
        b.tag("{%p endif %}"),
        b.tag("{%p endfor %}"),
        KEPT_BLANK,
        # a seal needs room, but its top stays within one line of the text (7.3.5.1): the
        # 42 mm seal reaches 1.7 lines above the 署名, so one more blank line, not two
        b.tag("{%p if doc.sealed %}"),
        KEPT_BLANK,
        b.tag("{%p endif %}"),
        b.para("{{ doc.signatory }}", SIGNATURE_PARA),
        b.tag("{%p if doc.note %}"),
        b.para("{{ doc.date }}", DATE_KEPT),
        b.para("{{ doc.note }}", NOTE_PARA),
        b.tag("{%p else %}"),
        b.para("{{ doc.date }}", DATE_PARA),
        b.tag("{%p endif %}"),
    ]


ATTACHMENT_LABEL = b.Para(style="GwAttachmentLabel", align="left", page_break_before=True)
ATTACHMENT_TITLE = b.Para(style="GwTitle", align="center")


def attachment_start(label: str, title: str) -> list[str]:
    """附件 on a new page: the label flush left on line 1, the title centred on line 3."""
    return [
        b.para(label, ATTACHMENT_LABEL, b.HEADING1),
        b.blank(),
        b.para(title, ATTACHMENT_TITLE, b.TITLE),
        b.blank(),
    ]


# ---- 版记: a text box anchored to the bottom of the type area ------------------------------


def _rule(width: g.Length) -> str:
    pp = b.Para(
        style="GwImprintRule",
        line=g.RULE_LINE,
        extra="<w:pBdr>" + b.border("bottom", width) + "</w:pBdr>",
    )
    return b.para("", pp, b.Look(g.FANGSONG, g.Pt(1), spacing=None))


def imprint() -> str:
    """The 版记 (7.4): thick rule, 抄送, thin rule, 印发 line, thick rule, at the margin's foot."""
    c = g.IMPRINT_CHAR
    cc = b.Para(style="GwImprint", left=c + 3 * c, right=c, hanging=3 * c, line=g.IMPRINT_LINE)
    tab = g.twips(g.TYPE_WIDTH - c)
    printed = b.Para(
        style="GwImprint",
        left=c,
        right=c,
        line=g.IMPRINT_LINE,
        extra=f'<w:tabs><w:tab w:val="right" w:pos="{tab}"/></w:tabs>',
    )
    printed_xml = (
        f"<w:p>{printed.xml(b.IMPRINT)}"
        + b.run("{{ doc.printed_by }}", b.IMPRINT)
        + f"<w:r>{b.rpr(b.IMPRINT)}<w:tab/></w:r>"
        + b.run("{{ doc.printed_on }}印发", b.IMPRINT)
        + "</w:p>"
    )
    # 信函格式 (10.1): the 版记 has neither the 印发 line nor rules
    content = "".join(
        [
            b.tag('{%p if doc.form != "letter" %}'),
            _rule(g.IMPRINT_THICK),
            b.tag("{%p endif %}"),
            b.tag("{%p if doc.cc %}"),
            b.para("抄送：{{ doc.cc }}。", cc, b.IMPRINT),
            b.tag('{%p if doc.form != "letter" %}'),
            _rule(g.IMPRINT_THIN),
            b.tag("{%p endif %}"),
            b.tag("{%p endif %}"),
            b.tag('{%p if doc.form != "letter" %}'),
            printed_xml,
            _rule(g.IMPRINT_THICK),
            b.tag("{%p endif %}"),
        ]
    )
    cx, cy = int(g.TYPE_WIDTH), int(g.Pt(80))  # the height is set to fit at render time
    box = (
        f"<w:r>{b.rpr(b.BODY)}"
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="0">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapTopAndBottom/><wp:docPr id="1" name="版记" descr="版记"/><wp:cNvGraphicFramePr/>'
        "<a:graphic><a:graphicData "
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        'anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    anchor = b.Para(style="GwImprintAnchor")
    return (
        b.tag('{%p if doc.form != "letter" or doc.cc %}')
        + f"<w:p>{anchor.xml()}{box}</w:p>"
        + b.tag("{%p endif %}")
    )


# ---- the section, footers, styles and package parts ---------------------------------------


def sect_pr() -> str:
    """A4, the GB/T 9704 margins, odd and even footers."""
    return (
        '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        f'<w:pgSz w:w="{g.twips(g.PAGE_WIDTH)}" w:h="{g.twips(g.PAGE_HEIGHT)}"/>'
        f'<w:pgMar w:top="{g.twips(g.MARGIN_TOP)}" w:right="{g.twips(g.MARGIN_RIGHT)}" '
        f'w:bottom="{g.twips(g.MARGIN_BOTTOM)}" w:left="{g.twips(g.MARGIN_LEFT)}" '
        f'w:header="{g.twips(g.HEADER_DISTANCE)}" w:footer="{g.twips(g.FOOTER_DISTANCE)}" '
        'w:gutter="0"/>'
        f'<w:cols w:space="720"/><w:docGrid w:linePitch="{g.twips(g.LINE_PITCH)}"/></w:sectPr>'
    )


def footer(align: str) -> str:
    """A footer with "— N —" (PAGE field), one 字 in from the `align` side (7.5)."""
    c = g.PAGE_NUMBER_SIZE
    side = {"right": {"right": c}, "left": {"left": c}}[align]
    pp = b.Para(style="GwFooter", align=align, line=g.PAGE_NUMBER_LINE, **side)
    r = b.rpr(b.PAGE_NUMBER)
    field = (
        f'<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{r}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{r}<w:t>1</w:t></w:r>"
        f'<w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    paragraph = (
        f"<w:p>{pp.xml(b.PAGE_NUMBER)}{b.run('— ', b.PAGE_NUMBER)}{field}"
        f"{b.run(' —', b.PAGE_NUMBER)}</w:p>"
    )
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f"{head}<w:ftr {b.NAMESPACES}>{paragraph}</w:ftr>"


EMPTY_FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f"<w:ftr {b.NAMESPACES}><w:p>{b.Para(style='GwFooter').xml(b.PAGE_NUMBER)}</w:p></w:ftr>"
)


def _style(sid: str, name: str, pp: b.Para, look: b.Look, kind: str = "paragraph") -> str:
    default = ' w:default="1"' if sid == "Normal" else ""
    based = "" if sid == "Normal" else '<w:basedOn w:val="Normal"/>'
    ppr = pp.xml(look).replace(f'<w:pStyle w:val="{pp.style}"/>', "")
    return (
        f'<w:style w:type="{kind}"{default} w:styleId="{sid}"><w:name w:val="{name}"/>'
        f"{based}<w:qFormat/>{ppr.replace(b.rpr(look), '')}{b.rpr(look)}</w:style>"
    )


STYLES = (
    ("Normal", "Normal", b.INDENTED, b.BODY),
    ("GwMark", "公文 发文机关标志", MARK_PARA, b.MARK),
    ("GwDocNumber", "公文 发文字号", NUMBER_PARA, b.BODY),
    ("GwTitle", "公文 标题", TITLE_PARA, b.TITLE),
    ("GwCaption", "公文 题注", CAPTION_PARA, b.HEADING2),
    ("GwSigner", "公文 签发人", SIGNER_PARA, b.BODY),
    ("GwLetterNumber", "公文 信函发文字号", LETTER_NUMBER_PARA, b.BODY),
    ("GwRecipient", "公文 主送机关", RECIPIENT_PARA, b.BODY),
    ("GwHeading1", "公文 一级标题", b.Para(first_line=2 * g.CHAR, keep_next=True), b.HEADING1),
    ("GwHeading2", "公文 二级标题", b.Para(first_line=2 * g.CHAR, keep_next=True), b.HEADING2),
    ("GwHeading3", "公文 三级标题", b.Para(first_line=2 * g.CHAR, keep_next=True), b.BODY),
    ("GwAttachmentNote", "公文 附件说明", b.INDENTED, b.BODY),
    ("GwSignature", "公文 署名", SIGNATURE_PARA, b.BODY),
    ("GwDate", "公文 成文日期", DATE_PARA, b.BODY),
    ("GwNote", "公文 附注", NOTE_PARA, b.BODY),
    ("GwAttachmentLabel", "公文 附件标识", b.Para(align="left"), b.HEADING1),
    ("GwTableText", "公文 表格文字", b.Para(align="center", line=g.TABLE_LINE), b.TABLE),
    ("GwImprint", "公文 版记", b.Para(line=g.IMPRINT_LINE), b.IMPRINT),
    ("GwImprintRule", "公文 版记分隔线", b.Para(line=g.RULE_LINE), b.IMPRINT),
    ("GwImprintAnchor", "公文 版记锚点", b.FLUSH, b.BODY),
    ("GwFooter", "公文 页码", b.Para(align="right"), b.PAGE_NUMBER),
)


def styles() -> str:
    """styles.xml: no theme fonts anywhere, every style with its eastAsia face and zh-CN."""
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{b.rpr(b.BODY)}</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>'
        '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        f'<w:spacing w:after="0" w:line="{g.twips(g.LINE_PITCH)}" w:lineRule="exact"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    body = "".join(_style(*s) for s in STYLES)
    table = (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
    )
    chars = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/></w:style>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{b.W_NS}">{defaults}{body}{chars}{table}</w:styles>'
    )


SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:settings xmlns:w="{b.W_NS}"><w:zoom w:percent="100"/>'
    '<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
)

_OOXML = "application/vnd.openxmlformats-officedocument"
_OVERRIDES = (
    ("/word/document.xml", f"{_OOXML}.wordprocessingml.document.main+xml"),
    ("/word/styles.xml", f"{_OOXML}.wordprocessingml.styles+xml"),
    ("/word/settings.xml", f"{_OOXML}.wordprocessingml.settings+xml"),
    ("/word/footer1.xml", f"{_OOXML}.wordprocessingml.footer+xml"),
    ("/word/footer2.xml", f"{_OOXML}.wordprocessingml.footer+xml"),
    ("/word/footer3.xml", f"{_OOXML}.wordprocessingml.footer+xml"),
    ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ("/docProps/app.xml", f"{_OOXML}.extended-properties+xml"),
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in _OVERRIDES)
    + "</Types>"
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdStyles" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFooterOdd" Type="{_REL}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rIdFooterEven" Type="{_REL}/footer" Target="footer2.xml"/>'
    # page 1 of a 信函格式 document carries no number; the renderer turns it on (titlePg)
    f'<Relationship Id="rIdFooterFirst" Type="{_REL}/footer" Target="footer3.xml"/>'
    "</Relationships>"
)


def core(title: str) -> str:
    """Core properties with fixed dates: the template's, replaced at render time."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>gongwen</dc:creator>"
        "<cp:lastModifiedBy>gongwen</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>gongwen</Application></Properties>"
)


def document(blocks: list[str]) -> str:
    """document.xml around the body blocks."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {b.NAMESPACES}><w:body>{''.join(blocks)}{sect_pr()}</w:body></w:document>"
    )


def package(blocks: list[str], title: str) -> bytes:
    """The template .docx: fixed member order and timestamps, so a rebuild is identical."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "docProps/core.xml": core(title),
        "docProps/app.xml": APP,
        "word/document.xml": document(blocks),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": styles(),
        "word/settings.xml": SETTINGS,
        "word/footer1.xml": footer("right"),
        "word/footer2.xml": footer("left"),
        "word/footer3.xml": EMPTY_FOOTER,
    }
    return reproducible_zip((name, text.encode("utf-8")) for name, text in parts.items())


def _body_module(kind: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"_gw_{kind}_body", HERE / kind / "body.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(kind: str) -> bytes:
    """The template of `kind`: shared front, the kind's body, closing, attachment, 版记."""
    body = _body_module(kind)
    blocks = [*front(), *body.BODY, *closing(), *body.ATTACHMENT, imprint()]
    return package(blocks, body.NAME)


def main(argv: list[str] | None = None) -> int:
    """Build every kind's template (or those named) into templates/<kind>/template.docx."""
    kinds = (argv if argv is not None else sys.argv[1:]) or list(KINDS)
    for kind in kinds:
        (HERE / kind / "template.docx").write_bytes(build(kind))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
