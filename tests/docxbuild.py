"""Write real .docx files from raw OOXML parts, so a test controls every part exactly."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import escape

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_W = "application/vnd.openxmlformats-officedocument.wordprocessingml."

# A4 with the GB/T 9704 margins: 37/35/28/26 mm as Word stores them in twips
A4_SECT = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
    'w:header="851" w:footer="992" w:gutter="0"/>'
    '<w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>'
)


def run(text: str, rpr: str = "") -> str:
    """A `w:r` with direct run properties `rpr` (inner XML of w:rPr)."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str = "", ppr: str = "", rpr: str = "", runs: str = "") -> str:
    """A `w:p` holding one run of `text` (or the raw `runs`)."""
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{props}{run(text, rpr) if text else ''}{runs}</w:p>"


def document(body: str, sect: str = A4_SECT) -> str:
    """word/document.xml with `body` (block XML) and the final section properties."""
    return f"{DECL}<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"


def styles(inner: str = "", rpr_default: str = "", ppr_default: str = "") -> str:
    """word/styles.xml: docDefaults and the `w:style` elements in `inner`."""
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{rpr_default}</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{ppr_default}</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    return f"{DECL}<w:styles {NS}>{defaults}{inner}</w:styles>"


def style(
    style_id: str,
    kind: str = "paragraph",
    *,
    name: str | None = None,
    based_on: str | None = None,
    ppr: str = "",
    rpr: str = "",
    default: bool = False,
) -> str:
    """One `w:style`."""
    attrs = f'w:type="{kind}" w:styleId="{style_id}"' + (' w:default="1"' if default else "")
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    p = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    r = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:style {attrs}><w:name w:val="{name or style_id}"/>{based}{p}{r}</w:style>'


def theme(
    minor_latin: str = "Calibri",
    minor_ea: str = "",
    minor_scripts: Mapping[str, str] | None = None,
    major_latin: str = "Calibri Light",
    major_ea: str = "",
    major_scripts: Mapping[str, str] | None = None,
) -> str:
    """word/theme/theme1.xml with the given font scheme."""

    def fonts(latin: str, ea: str, scripts: Mapping[str, str] | None) -> str:
        extra = "".join(
            f'<a:font script="{s}" typeface="{face}"/>' for s, face in (scripts or {}).items()
        )
        return f'<a:latin typeface="{latin}"/><a:ea typeface="{ea}"/><a:cs typeface=""/>{extra}'

    return (
        f'{DECL}<a:theme {NS} name="Office Theme"><a:themeElements>'
        '<a:fontScheme name="Office">'
        f"<a:majorFont>{fonts(major_latin, major_ea, major_scripts)}</a:majorFont>"
        f"<a:minorFont>{fonts(minor_latin, minor_ea, minor_scripts)}</a:minorFont>"
        "</a:fontScheme></a:themeElements></a:theme>"
    )


def settings(inner: str = "") -> str:
    """word/settings.xml."""
    return f"{DECL}<w:settings {NS}>{inner}</w:settings>"


def numbering(abstracts: Mapping[str, str], nums: Mapping[str, str]) -> str:
    """word/numbering.xml: abstract id → its w:lvl elements; num id → abstract id, or the
    abstract id and lvlOverride XML as "2|<w:lvlOverride …>"."""
    parts = [
        f'<w:abstractNum w:abstractNumId="{a}">{levels}</w:abstractNum>'
        for a, levels in abstracts.items()
    ]
    for num_id, ref in nums.items():
        abstract, _, overrides = ref.partition("|")
        parts.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'
        )
    return f"{DECL}<w:numbering {NS}>{''.join(parts)}</w:numbering>"


def lvl(
    ilvl: int, fmt: str, text: str, *, start: int = 1, suffix: str = "nothing",
    style: str | None = None,
) -> str:  # fmt: skip
    """One `w:lvl` of a list definition."""
    linked = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{linked}<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/></w:lvl>'
    )


def header_footer(kind: str, body: str) -> str:
    """word/headerN.xml or footerN.xml (`kind` "hdr" or "ftr")."""
    return f"{DECL}<w:{kind} {NS}>{body}</w:{kind}>"


def core(
    title: str = "", creator: str = "", last_modified_by: str = "", created: str = "",
    modified: str = "",
) -> str:  # fmt: skip
    """docProps/core.xml."""
    dates = "".join(
        f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{value}</dcterms:{name}>'
        for name, value in (("created", created), ("modified", modified))
        if value
    )
    return (
        f"{DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(creator)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(last_modified_by)}</cp:lastModifiedBy>{dates}"
        "</cp:coreProperties>"
    )


def build(
    path: Path,
    document_xml: str,
    *,
    styles_xml: str | None = None,
    theme_xml: str | None = None,
    settings_xml: str | None = None,
    numbering_xml: str | None = None,
    core_xml: str | None = None,
    headers: Mapping[str, str] | None = None,
    footers: Mapping[str, str] | None = None,
    extra: Mapping[str, bytes] | None = None,
) -> Path:
    """Write a .docx at `path`; `headers`/`footers` map a relationship id to the part's XML."""
    overrides = [("/word/document.xml", _CT_W + "document.main+xml")]
    doc_rels: list[tuple[str, str, str]] = []
    parts: dict[str, str | bytes] = {"word/document.xml": document_xml}
    for rid, kind, name, xml, ctype in (
        ("rIdStyles", "styles", "styles.xml", styles_xml, "styles+xml"),
        ("rIdTheme", "theme", "theme/theme1.xml", theme_xml, None),
        ("rIdSettings", "settings", "settings.xml", settings_xml, "settings+xml"),
        ("rIdNumbering", "numbering", "numbering.xml", numbering_xml, "numbering+xml"),
    ):
        if xml is not None:
            parts["word/" + name] = xml
            doc_rels.append((rid, kind, name))
            overrides.append(
                ("/word/" + name, _CT_W + ctype if ctype else "application/vnd.openxmlformats-"
                 "officedocument.theme+xml")
            )  # fmt: skip
    for kind, mapping in (("header", headers), ("footer", footers)):
        for n, (rid, xml) in enumerate((mapping or {}).items(), start=1):
            name = f"{kind}{n}.xml"
            parts["word/" + name] = xml
            doc_rels.append((rid, kind, name))
            overrides.append(("/word/" + name, _CT_W + kind + "+xml"))
    package_rels = [("rId1", _REL + "officeDocument", "word/document.xml")]
    if core_xml is not None:
        parts["docProps/core.xml"] = core_xml
        package_rels.append(
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                "core-properties",
                "docProps/core.xml",
            )
        )
        overrides.append(
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
        )
    parts["[Content_Types].xml"] = _content_types(overrides)
    parts["_rels/.rels"] = _rels(package_rels)
    parts["word/_rels/document.xml.rels"] = _rels([(i, _REL + k, t) for i, k, t in doc_rels])
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _rels(rels: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{k}" Target="{t}"/>' for i, k, t in rels)
    return (
        f"{DECL}<Relationships "
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}'
        "</Relationships>"
    )


def _content_types(overrides: list[tuple[str, str]]) -> str:
    body = "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in overrides)
    return (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{body}</Types>"
    )


def without_character_grid(source: Path, target: Path) -> Path:
    """A copy of the .docx with its character grid taken out (`linesAndChars` → `lines`, no
    charSpace): LibreOffice 7.4 lays a negative-charSpace grid out at about 14 characters a
    line (spec/rendering.md), which Word does not, so rendering tests compare without it."""
    import re

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = re.sub(rb'w:type="linesAndChars"([^/]*?) w:charSpace="-?\d+"',
                              rb'w:type="lines"\1', data)  # fmt: skip
            dst.writestr(info, data)
    return target
