"""Safe access to the parts of an OOXML package: size-capped, no DTDs, no entities.

A .docx is a zip of XML parts. A hostile file may hold a zip bomb or an XML entity
bomb; the part count and declared sizes are checked against the `Limits` before anything
is inflated, parts are inflated by streaming under a cap (IO006 past it), and any DOCTYPE
is refused before anything is expanded. Namespace constants and `w()` live here so that
OOXML spellings stay inside ingest.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from gongwen.i18n import N_
from gongwen.ingest import IngestError
from gongwen.limits import DEFAULT_LIMITS, MB, Limits

_CHUNK = 1024 * 1024

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CP_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"

REL_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
REL_STYLES = _REL_BASE + "styles"
REL_THEME = _REL_BASE + "theme"
REL_SETTINGS = _REL_BASE + "settings"
REL_HEADER = _REL_BASE + "header"
REL_FOOTER = _REL_BASE + "footer"
REL_NUMBERING = _REL_BASE + "numbering"

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def w(name: str) -> str:
    """The Clark name `{w-namespace}name` of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{name}"


def a(name: str) -> str:
    """The Clark name of a DrawingML element."""
    return f"{{{A_NS}}}{name}"


def parse_xml(data: bytes, name: str, file: str | None = None) -> etree._Element:
    """Parse one part; a DOCTYPE or malformed XML is IngestError IO001."""
    # libxml2 would read the internal subset (entity declarations) before we could look
    # at docinfo, so a DOCTYPE is refused on the raw bytes first; the check after parsing
    # catches encodings (UTF-16) where the bytes do not show it.
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise _refused(name, file)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise IngestError(
            "IO001",
            N_("the part {part} is not well-formed XML: {reason}"),
            {"part": name, "reason": str(exc)},
            file=file,
        ) from None
    if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]  # not in lxml-stubs
        raise _refused(name, file)
    return root


def _refused(name: str, file: str | None) -> IngestError:
    return IngestError(
        "IO001",
        N_("the part {part} declares a DOCTYPE, which a Word file never does: refused"),
        {"part": name},
        file=file,
    )


class Package:
    """An opened OOXML package: parts by name, read under the limits."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.file = path.name
        self.limits = limits
        self._inflated = 0
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise IngestError(
                "IO001",
                N_("the file is a damaged zip archive: {reason}"),
                {"reason": str(exc)},
                file=self.file,
            ) from None
        try:
            infos = self._zip.infolist()
            if len(infos) > limits.docx_parts:
                raise self._over(
                    N_("the file holds {count} parts, more than the limit of {limit}: refused"),
                    count=len(infos),
                    limit=limits.docx_parts,
                )
            # Declared sizes bound the inflation (zipfile stops at them); a sum past the limit
            # is a bomb, possibly of entries that overlap, and nothing of it is inflated.
            declared = sum(info.file_size for info in infos)
            if declared > limits.docx_bytes:
                raise self._over(
                    N_("the file unpacks to {size} MB, more than the limit of {limit} MB: refused"),
                    size=f"{declared / MB:.0f}",
                    limit=f"{limits.docx_bytes / MB:g}",
                )
        except IngestError:
            self._zip.close()
            raise
        self._names = {info.filename.lstrip("/"): info for info in infos}
        self._rels: dict[str, dict[str, tuple[str, str]]] = {}

    def close(self) -> None:
        """Close the archive."""
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, name: str) -> bool:
        """Whether the package holds the part `name`."""
        return name in self._names

    def read(self, name: str) -> bytes:
        """The bytes of part `name`, refused (IO006) past the limits without inflating more."""
        info = self._names[name]
        cap = min(self.limits.part_bytes, self.limits.docx_bytes - self._inflated)
        if info.file_size > cap:
            raise self._too_big(name)
        chunks: list[bytes] = []
        total = 0
        try:
            with self._zip.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    total += len(chunk)
                    # the declared size may lie; count what actually comes out
                    if total > cap:
                        raise self._too_big(name)
                    chunks.append(chunk)
        # RuntimeError: a zip-level password; NotImplementedError: an unknown compression
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
            raise IngestError(
                "IO001",
                N_("the part {part} cannot be unpacked: {reason}"),
                {"part": name, "reason": str(exc)},
                file=self.file,
            ) from None
        self._inflated += total
        return b"".join(chunks)

    def _too_big(self, name: str) -> IngestError:
        return self._over(
            N_("the part {part} is larger than {limit} MB unpacked: refused"),
            part=name,
            limit=f"{min(self.limits.part_bytes, self.limits.docx_bytes) / MB:g}",
        )

    def _over(self, msgid: str, **args: object) -> IngestError:
        return IngestError("IO006", msgid, args, file=self.file)

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part `name`, or None when the package does not hold it."""
        if name not in self._names:
            return None
        return parse_xml(self.read(name), name, self.file)

    def relationships(self, source: str) -> dict[str, tuple[str, str]]:
        """The relationships of part `source` ("" for the package): id → (type, target part)."""
        if source in self._rels:
            return self._rels[source]
        folder, base = posixpath.split(source)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        result: dict[str, tuple[str, str]] = {}
        self._rels[source] = result
        if rels is None:
            return result
        for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            if target.startswith("/"):
                part = target.lstrip("/")
            else:
                part = posixpath.normpath(posixpath.join(folder, target))
            result[rel.get("Id", "")] = (rel.get("Type", ""), part)
        return result

    def related(self, source: str, rel_type: str) -> str | None:
        """The first part related to `source` by `rel_type`, if the package holds it."""
        for kind, part in self.relationships(source).values():
            if kind == rel_type and part in self._names:
                return part
        return None
