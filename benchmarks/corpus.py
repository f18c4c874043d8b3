"""A corpus of synthetic annual reports written the way Word writes them, for the benchmark.

The text (3–5 pages each, some with one defect) comes from `samples/make_samples.py`; the
package is written here as raw XML because Word's output differs from python-docx's in what
costs time to read: a paragraph is split into several runs (editing sessions, proofing marks),
each carrying the same direct formatting again, Chinese style ids (`a`, `1`, `2`), theme fonts
in docDefaults, a compact styles part with ~370 latent styles, rsids everywhere.
`mode` decides where the formatting lives: `styles` (modified Normal and Heading 1/2),
`direct` (on every run and paragraph mark) or `mixed`.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType
from xml.sax.saxutils import escape

from gongwen.resources import data_dir

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = R_NS
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
ZIP_TIME = (2020, 3, 20, 9, 0, 0)
LINE = 579  # 28.95 pt exact
LATIN = "Times New Roman"


def samples_module() -> ModuleType:
    """`samples/make_samples.py` as a module: its texts, looks and defects."""
    path = data_dir("samples") / "make_samples.py"
    spec = importlib.util.spec_from_file_location("gongwen_make_samples", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _rsid(rng: random.Random) -> str:
    return f"{rng.randrange(16**8):08X}"


def _rpr(face: str, size: float, latin: str, mark: bool = False) -> str:
    half = int(size * 2)
    tag = "w:rPr"
    return (
        f'<{tag}><w:rFonts w:ascii="{latin}" w:eastAsia="{face}" w:hAnsi="{latin}" '
        f'w:cs="{latin}"/><w:color w:val="000000"/><w:sz w:val="{half}"/>'
        f'<w:szCs w:val="{half}"/></{tag}>'
    )


def _ppr_body(look: object, size: float) -> str:
    char = int(size * 20)
    ind = f'w:firstLineChars="{look.first_chars * 100}" w:firstLine="{look.first_chars * char}"'
    if look.right_chars:
        ind += f' w:rightChars="{look.right_chars * 100}" w:right="{look.right_chars * char}"'
    return (
        f'<w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
        f'<w:ind {ind}/><w:jc w:val="{look.align}"/>'
    )


def _pieces(text: str, rng: random.Random) -> list[str]:
    """The text cut where Word would start a new run: edits, proofing, pasted numbers."""
    if len(text) < 12:
        return [text]
    cuts = sorted({rng.randrange(1, len(text)) for _ in range(rng.randint(1, 2 + len(text) // 40))})
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if text[a:b]]


def _paragraph(block: object, look: object, mode: str, rng: random.Random, rsids: list[str]) -> str:
    styled = mode in ("styles", "mixed")
    differs = block.kind in ("title", "signature", "date")
    style = {"h1": "1", "h2": "2"}.get(block.kind) if mode == "styles" else None
    direct_run = not styled or differs or (mode == "mixed" and block.kind in ("h1", "h2"))
    latin = LATIN if styled else look.face
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if not styled or differs:
        ppr += _ppr_body(look, look.size)
    if not styled:
        ppr += _rpr(look.face, look.size, look.face)
    out = [
        f'<w:p w:rsidR="{rng.choice(rsids)}" w:rsidRDefault="{rsids[0]}" '
        f'w:rsidP="{rng.choice(rsids)}">'
    ]
    if ppr:
        out.append(f"<w:pPr>{ppr}</w:pPr>")
    rpr = _rpr(look.face, look.size, latin) if direct_run else ""
    for i, piece in enumerate(_pieces(block.text, rng) if block.text else []):
        if i and rng.random() < 0.25:
            kind = rng.choice(("spellStart", "spellEnd", "gramStart", "gramEnd"))
            out.append(f'<w:proofErr w:type="{kind}"/>')
        hint = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>' if not rpr and i % 2 else rpr
        out.append(
            f'<w:r w:rsidRPr="{rng.choice(rsids)}">{hint}'
            f'<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>'
        )
    out.append("</w:p>")
    return "".join(out)


def _footer(align: str) -> str:
    side = "right" if align == "right" else "left"
    rpr = _rpr("宋体", 14, "宋体")

    def run(inner: str) -> str:
        return f"<w:r>{rpr}{inner}</w:r>"

    return (
        f'{HEAD}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        f'<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:{side}="280" w:{side}Chars="100" w:firstLine="0" w:firstLineChars="0"/>'
        f'<w:jc w:val="{align}"/></w:pPr>'
        + run('<w:t xml:space="preserve">— </w:t>')
        + run('<w:fldChar w:fldCharType="begin"/>')
        + run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
        + run('<w:fldChar w:fldCharType="separate"/>')
        + run("<w:t>1</w:t>")
        + run('<w:fldChar w:fldCharType="end"/>')
        + run('<w:t xml:space="preserve"> —</w:t>')
        + "</w:p></w:ftr>"
    )


_LATENT_BASE = [
    "Normal",
    *(f"heading {i}" for i in range(1, 10)),
    *(f"index {i}" for i in range(1, 10)),
    *(f"toc {i}" for i in range(1, 10)),
    "Normal Indent",
    "footnote text",
    "annotation text",
    "header",
    "footer",
    "caption",
    "Title",
    "Subtitle",
    "Strong",
    "Emphasis",
    "Table Grid",
    "List Paragraph",
    "Quote",
    "Intense Quote",
    "Book Title",
    "TOC Heading",
]
_LATENT_TABLES = [
    f"{kind} Table {n}{light}{accent}"
    for kind in ("Grid", "List")
    for n in range(1, 8)
    for light in (" Light", "")
    for accent in ("", *(f" Accent {a}" for a in range(1, 7)))
]


def _style(kind: str, sid: str, name: str, body: str, default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    return (
        f'<w:style w:type="{kind}"{flag} w:styleId="{sid}"><w:name w:val="{name}"/>{body}</w:style>'
    )


def styles_xml(sample: object, look: dict[str, object], mode: str) -> str:
    """A styles part the size and shape of Word 2016's, restyled as `mode` needs."""
    latent = "".join(
        f'<w:lsdException w:name="{n}" w:uiPriority="{i % 99 + 1}"'
        + (' w:semiHidden="1" w:unhideWhenUsed="1"' if i % 3 else "")
        + ("" if i % 5 else ' w:qFormat="1"')
        + "/>"
        for i, n in enumerate((_LATENT_BASE + _LATENT_TABLES)[:376])
    )
    normal = ""
    headings = {"h1": "", "h2": ""}
    if mode in ("styles", "mixed"):
        b = look["body"]
        normal = f"<w:pPr>{_ppr_body(b, b.size)}</w:pPr>{_rpr(b.face, b.size, LATIN)}"
    if mode == "styles":
        for kind in headings:
            h = look[kind]
            headings[kind] = (
                f"<w:pPr>{_ppr_body(h, h.size)}<w:outlineLvl w:val="
                f'"{int(kind[1]) - 1}"/></w:pPr>{_rpr(h.face, h.size, LATIN)}'
            )
    heading_base = '<w:basedOn w:val="a"/><w:next w:val="a"/><w:uiPriority w:val="9"/><w:qFormat/>'
    styles = [
        _style("paragraph", "a", "Normal", f"<w:qFormat/>{normal}", default=True),
        _style("paragraph", "1", "heading 1", heading_base + headings["h1"]),
        _style("paragraph", "2", "heading 2", heading_base + headings["h2"]),
        _style("character", "a0", "Default Paragraph Font", '<w:uiPriority w:val="1"/>', True),
        _style(
            "table",
            "a1",
            "Normal Table",
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>",
            True,
        ),
        _style("numbering", "a2", "No List", "<w:semiHidden/>", True),
        _style(
            "paragraph",
            "a3",
            "header",
            '<w:basedOn w:val="a"/><w:link w:val="a4"/>'
            '<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/>'
            '</w:pBdr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr>',
        ),
        _style(
            "character",
            "a4",
            "页眉 字符",
            '<w:basedOn w:val="a0"/><w:link w:val="a3"/><w:rPr><w:sz w:val="18"/></w:rPr>',
        ),
        _style(
            "paragraph",
            "a5",
            "footer",
            '<w:basedOn w:val="a"/><w:link w:val="a6"/><w:rPr><w:sz w:val="18"/></w:rPr>',
        ),
        _style(
            "character",
            "a6",
            "页脚 字符",
            '<w:basedOn w:val="a0"/><w:link w:val="a5"/><w:rPr><w:sz w:val="18"/></w:rPr>',
        ),
        _style(
            "character",
            "10",
            "标题 1 字符",
            '<w:basedOn w:val="a0"/><w:link w:val="1"/>'
            '<w:rPr><w:b/><w:bCs/><w:kern w:val="44"/><w:sz w:val="44"/></w:rPr>',
        ),
        _style(
            "character",
            "20",
            "标题 2 字符",
            '<w:basedOn w:val="a0"/><w:link w:val="2"/>'
            '<w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia"/>'
            '<w:b/><w:bCs/><w:sz w:val="32"/></w:rPr>',
        ),
    ]
    return (
        f'{HEAD}<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:docDefaults><w:rPrDefault><w:rPr>'
        '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" '
        'w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:kern w:val="2"/>'
        '<w:sz w:val="21"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" '
        'w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>'
        '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" '
        f'w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376">{latent}</w:latentStyles>'
        + "".join(styles)
        + "</w:styles>"
    )


_SCRIPT_FONTS = {
    "Jpan": "游明朝",
    "Hang": "맑은 고딕",
    "Hans": "等线",
    "Hant": "新細明體",
    "Arab": "Times New Roman",
    "Hebr": "Times New Roman",
    "Thai": "Angsana New",
    "Ethi": "Nyala",
    "Beng": "Vrinda",
    "Gujr": "Shruti",
    "Khmr": "MoolBoran",
    "Knda": "Tunga",
    "Guru": "Raavi",
    "Cans": "Euphemia",
    "Cher": "Plantagenet Cherokee",
    "Yiii": "Microsoft Yi Baiti",
    "Tibt": "Microsoft Himalaya",
    "Thaa": "MV Boli",
    "Deva": "Mangal",
    "Telu": "Gautami",
    "Taml": "Latha",
    "Syrc": "Estrangelo Edessa",
    "Orya": "Kalinga",
    "Mlym": "Kartika",
    "Laoo": "DokChampa",
    "Sinh": "Iskoola Pota",
    "Mong": "Mongolian Baiti",
    "Viet": "Times New Roman",
    "Uigh": "Microsoft Uighur",
}


def theme_xml() -> str:
    """A theme with the font scheme Word ships (Office, with the script fonts)."""
    scripts = "".join(f'<a:font script="{s}" typeface="{f}"/>' for s, f in _SCRIPT_FONTS.items())
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    colours = "".join(
        f'<a:{n}><a:srgbClr val="{v}"/></a:{n}>'
        for n, v in (
            ("dk2", "44546A"),
            ("lt2", "E7E6E6"),
            ("accent1", "4472C4"),
            ("accent2", "ED7D31"),
            ("accent3", "A5A5A5"),
            ("accent4", "FFC000"),
            ("accent5", "5B9BD5"),
            ("accent6", "70AD47"),
            ("hlink", "0563C1"),
            ("folHlink", "954F72"),
        )
    )
    return (
        f'{HEAD}<a:theme xmlns:a="{a}" name="Office 主题"><a:themeElements>'
        '<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
        f'<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>{colours}</a:clrScheme>'
        '<a:fontScheme name="Office"><a:majorFont>'
        '<a:latin typeface="等线 Light" panose="020F0302020204030204"/>'
        f'<a:ea typeface=""/><a:cs typeface=""/>{scripts}</a:majorFont><a:minorFont>'
        '<a:latin typeface="等线" panose="020F0502020204030204"/><a:ea typeface=""/>'
        f'<a:cs typeface=""/>{scripts}</a:minorFont></a:fontScheme>'
        '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/>'
        "</a:solidFill></a:fillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    )


def document_xml(
    blocks: list[object], look: dict[str, object], sample: object, mode: str, rng: random.Random
) -> str:
    """The main part: every block, then a section with the sample's page setup."""
    rsids = [_rsid(rng) for _ in range(rng.randint(4, 12))]
    body = "".join(_paragraph(b, look[b.kind], mode, rng, rsids) for b in blocks)
    body = body.replace(
        "</w:p>", '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/></w:p>', 1
    )
    if sample.defect == "word_margins":
        top, bottom, left, right = 1440, 1440, 1800, 1800
    else:
        top, bottom, left, right = 2098, 1984, 1588, 1474
    return (
        f'{HEAD}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}'
        f'<w:sectPr w:rsidR="{rsids[0]}"><w:footerReference w:type="even" r:id="rId8"/>'
        '<w:footerReference w:type="default" r:id="rId9"/>'
        f'<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{top}" w:right="{right}" '
        f'w:bottom="{bottom}" w:left="{left}" w:header="851" w:footer="1417" w:gutter="0"/>'
        f'<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="{LINE}"/>'
        "</w:sectPr></w:body></w:document>"
    )


def _settings(rng: random.Random) -> str:
    rsids = "".join(f'<w:rsid w:val="{_rsid(rng)}"/>' for _ in range(24))
    return (
        f'{HEAD}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
        "<w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/>"
        '<w:proofState w:spelling="clean" w:grammar="clean"/><w:defaultTabStop w:val="420"/>'
        '<w:evenAndOddHeaders/><w:drawingGridVerticalSpacing w:val="156"/>'
        '<w:displayHorizontalDrawingGridEvery w:val="0"/><w:characterSpacingControl '
        f'w:val="compressPunctuation"/><w:compat/><w:rsids><w:rsidRoot w:val="{_rsid(rng)}"/>'
        f'{rsids}</w:rsids><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _content_types() -> str:
    over = {
        "/word/document.xml": f"{_TYPES}.document.main+xml",
        "/word/styles.xml": f"{_TYPES}.styles+xml",
        "/word/settings.xml": f"{_TYPES}.settings+xml",
        "/word/footer1.xml": f"{_TYPES}.footer+xml",
        "/word/footer2.xml": f"{_TYPES}.footer+xml",
        "/word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    }
    return (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in over.items())
        + "</Types>"
    )


def _rels(items: list[tuple[str, str, str]]) -> str:
    return (
        f'{HEAD}<Relationships xmlns="{PR_NS}">'
        + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{p}"/>' for i, t, p in items)
        + "</Relationships>"
    )


def _core(title: str, author: str, signed: dt.date) -> str:
    created = dt.datetime.combine(signed - dt.timedelta(days=6), dt.time(9, 0))
    modified = dt.datetime.combine(signed, dt.time(16, 30))
    return (
        f'{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><cp:revision>3</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created.isoformat()}Z</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified.isoformat()}Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def build(ms: ModuleType, sample: object, rng: random.Random, own: int | None = None) -> bytes:
    """One report as .docx bytes; `own`: a styles part no other report has (a style of its own)."""
    blocks = ms.blocks_for(sample)
    look = ms.looks(sample)
    mode = sample.mode
    base = R_NS + "/"
    parts = {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _rels(
            [
                ("rId1", base + "officeDocument", "word/document.xml"),
                (
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/"
                    "relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
            ]
        ),
        "docProps/core.xml": _core(blocks[0].text, sample.dept.head, sample.signed),
        "word/document.xml": document_xml(blocks, look, sample, mode, rng),
        "word/_rels/document.xml.rels": _rels(
            [
                ("rId1", base + "styles", "styles.xml"),
                ("rId2", base + "settings", "settings.xml"),
                ("rId8", base + "footer", "footer1.xml"),
                ("rId9", base + "footer", "footer2.xml"),
                ("rId10", base + "theme", "theme/theme1.xml"),
            ]
        ),
        "word/styles.xml": styles_xml(sample, look, mode),
        "word/settings.xml": _settings(rng),
        "word/footer1.xml": _footer("left"),
        "word/footer2.xml": _footer("right"),
        "word/theme/theme1.xml": theme_xml(),
    }
    if own is not None:
        parts["word/styles.xml"] = parts["word/styles.xml"].replace(
            "</w:styles>",
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="Own{own}">'
            f'<w:name w:val="Own {own}"/></w:style></w:styles>',
        )
    from gongwen.writing import reproducible_zip

    return reproducible_zip(((n, t.encode("utf-8")) for n, t in parts.items()), ZIP_TIME)


def make(folder: Path, count: int, seed: int = 2019, own_styles: bool = False) -> list[Path]:
    """`count` reports in `folder` (made once: existing files are kept), sorted by name.

    Reports made from one sample share a byte-identical styles.xml, as reports saved by one
    Word version or made from one template do; `own_styles` gives each report its own.
    """
    folder.mkdir(parents=True, exist_ok=True)
    ms = samples_module()
    chosen = [s for s in ms.SAMPLES if s.fmt == "docx"]
    paths = []
    for i in range(count):
        sample = chosen[i % len(chosen)]
        path = folder / f"{i:05d}-{sample.dept.name}-{sample.dept.head}.docx"
        if not path.exists():
            rng = random.Random(seed * 100003 + i)
            path.write_bytes(build(ms, sample, rng, own=i if own_styles else None))
        paths.append(path)
    return paths
