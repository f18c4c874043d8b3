"""The notes already on a file, and which of them gongwen wrote: a .docx's Word comments
(with the entries Word keeps for each in its extra comment parts) and a PDF's annotations.

For the writers of marked-up copies (gongwen.markup): they replace gongwen's own notes and
keep the reviewers'. Every note gongwen writes ends with the mark line `gongwen · <rule set>`;
its PDF annotations are also named `gongwen-…`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lxml is loaded when a file is read: `gongwen --help` stays light
    from lxml import etree

__all__ = [
    "MARK",
    "PDF_NAME",
    "REL_COMMENTS",
    "REL_COMMENTS_EXTENDED",
    "REL_COMMENTS_EXTENSIBLE",
    "REL_COMMENTS_IDS",
    "PdfNote",
    "WordComment",
    "WordComments",
    "is_ours",
    "pdf_notes",
    "word_comments",
]

MARK = "gongwen · "  # the start of the last line of every note gongwen writes
PDF_NAME = "gongwen-"  # the start of the /NM of every PDF annotation gongwen writes

REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
# the parts Word (2013 on) adds beside comments.xml, keyed by the w14:paraId of a comment's
# last paragraph ([MS-DOCX] 2.3.4, 2.3.6, 2.3.7)
REL_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
REL_COMMENTS_IDS = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"
REL_COMMENTS_EXTENSIBLE = (
    "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible"
)
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID_NS = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
W16CEX_NS = "http://schemas.microsoft.com/office/word/2018/wordml/cex"


def is_ours(lines: Sequence[str]) -> bool:
    """Whether a note with these lines (paragraphs) was written by gongwen."""
    last = [line for line in lines if line.strip()]
    return bool(last) and last[-1].strip().startswith(MARK)


@dataclass(frozen=True, slots=True)
class WordComment:
    """One w:comment of a .docx, and what Word's extra parts say of it."""

    id: str  # its w:id, which the range marks and the reference in the text name
    author: str
    initials: str
    lines: tuple[str, ...]  # the text of each of its paragraphs
    para_ids: tuple[str, ...]  # the w14:paraId of its paragraphs (Word keys it by the last)
    durable_ids: tuple[str, ...]  # what commentsIds maps those paraIds to
    parent: str | None = None  # the paraId of the comment it replies to (commentsExtended)

    @property
    def ours(self) -> bool:
        """Whether gongwen wrote it."""
        return is_ours(self.lines)


@dataclass(frozen=True, slots=True)
class WordComments:
    """The comments of a .docx, and the names of the parts that hold them (None: absent)."""

    comments: tuple[WordComment, ...] = ()
    extended: str | None = None  # commentsExtended.xml: replies (paraIdParent) and done marks
    ids: str | None = None  # commentsIds.xml: paraId → durableId
    extensible: str | None = None  # commentsExtensible.xml: by durableId

    @property
    def ours(self) -> tuple[WordComment, ...]:
        """The comments gongwen wrote."""
        return tuple(c for c in self.comments if c.ours)


def word_comments(path: Path) -> WordComments:
    """The comments of the .docx at `path` (never modified). Raises IngestError for a file
    or a part that cannot be read."""
    from gongwen.ingest.ooxml import REL_OFFICE_DOCUMENT, Package, w

    with Package(path) as package:
        main = package.related("", REL_OFFICE_DOCUMENT) or "word/document.xml"
        parts = {
            kind: package.related(main, kind)
            for kind in (REL_COMMENTS, REL_COMMENTS_EXTENDED, REL_COMMENTS_IDS,
                         REL_COMMENTS_EXTENSIBLE)
        }  # fmt: skip
        present = {k: v for k, v in parts.items() if v is not None and package.has(v)}
        roots = {kind: package.xml(part) for kind, part in present.items()}
    comments = roots.get(REL_COMMENTS)
    if comments is None:
        return WordComments()
    durable = _attributes(roots.get(REL_COMMENTS_IDS), W16CID_NS, "commentId", "durableId")
    parents = _attributes(roots.get(REL_COMMENTS_EXTENDED), W15_NS, "commentEx", "paraIdParent")
    out = []
    for element in comments.iterchildren(w("comment")):
        paragraphs = list(element.iter(w("p")))
        para_ids = tuple(i for p in paragraphs if (i := p.get(f"{{{W14_NS}}}paraId")))
        out.append(
            WordComment(
                id=element.get(w("id"), ""),
                author=element.get(w("author"), ""),
                initials=element.get(w("initials"), ""),
                lines=tuple("".join(t.text or "" for t in p.iter(w("t"))) for p in paragraphs),
                para_ids=para_ids,
                durable_ids=tuple(durable[i] for i in para_ids if i in durable),
                parent=next((parents[i] for i in reversed(para_ids) if i in parents), None),
            )
        )
    return WordComments(
        tuple(out),
        present.get(REL_COMMENTS_EXTENDED),
        present.get(REL_COMMENTS_IDS),
        present.get(REL_COMMENTS_EXTENSIBLE),
    )


def _attributes(root: etree._Element | None, ns: str, tag: str, name: str) -> dict[str, str]:
    """paraId → attribute `name` of each entry `tag` in one of Word's extra comment parts."""
    if root is None:
        return {}
    out = {}
    for entry in root.iter(f"{{{ns}}}{tag}"):
        key, value = entry.get(f"{{{ns}}}paraId"), entry.get(f"{{{ns}}}{name}")
        if key and value:
            out[key] = value
    return out


@dataclass(frozen=True, slots=True)
class PdfNote:
    """One annotation of a PDF page."""

    page: int  # from 0
    position: int  # its place in the page's /Annots
    name: str  # its /NM
    lines: tuple[str, ...]  # its /Contents, a line each
    ours: bool  # gongwen wrote it, or it is the popup of one gongwen wrote


def pdf_notes(path: Path) -> tuple[PdfNote, ...]:
    """The annotations of the PDF at `path` (never modified), page by page. Raises
    IngestError for a PDF that cannot be opened."""
    from gongwen.ingest.pdf_open import open_pdf

    reader = open_pdf(path)
    out = []
    for page_number, page in enumerate(reader.pages):
        annotations = page.get("/Annots")
        for position, ref in enumerate(annotations.get_object() if annotations else ()):
            annotation = ref.get_object()
            name = str(annotation.get("/NM", ""))
            lines = tuple(str(annotation.get("/Contents", "")).splitlines())
            parent = annotation.get("/Parent")
            popup_of_ours = parent is not None and str(
                parent.get_object().get("/NM", "")
            ).startswith(PDF_NAME)
            ours = name.startswith(PDF_NAME) or is_ours(lines) or popup_of_ours
            out.append(PdfNote(page_number, position, name, lines, ours))
    return tuple(out)
