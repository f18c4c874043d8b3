"""Word comments (批注) on a copy of a .docx: one per note, anchored on its paragraph's runs.

python-docx writes the comments part; this module places the range marks around the runs
ingest read the finding's text from (`ingest.anchors`), splitting a run where a finding names
characters inside it: the text stays the same, only its runs are cut. Comments gongwen wrote
before (their last line is the mark: `ingest.comments` reads them) are removed first, with
their entries in Word's extra comment parts, the reviewers' own kept, so a second run over a
marked-up copy gives the same bytes as the first.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path
from typing import Any

from lxml import etree

from gongwen.findings import FileResult, Location
from gongwen.ingest.anchors import Anchor, Piece, body_anchors, run_pieces
from gongwen.ingest.comments import REL_COMMENTS, word_comments
from gongwen.markup.comment_parts import prune
from gongwen.markup.notes import Stamp, plan
from gongwen.model import Document, Role
from gongwen.writing import reproducible_zip, zip_members

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


_MARKS = (_w("commentRangeStart"), _w("commentRangeEnd"))


def annotate_docx(source: Path, document: Document, result: FileResult, stamp: Stamp) -> bytes:
    """The .docx at `source` with a comment for each finding of `result` (its check, read
    into `document`), earlier gongwen comments replaced."""
    import docx

    word = docx.Document(str(source))
    existing = word_comments(source)
    _remove(word, {c.id for c in existing.ours})
    anchors = {a.index: a for a in body_anchors(source, word.element.body)}
    pieces = {i: list(a.pieces) for i, a in anchors.items()}

    def placeable(location: Location) -> bool:
        return (location.paragraph or 0) - 1 in anchors

    title = _title(document, anchors)
    for note in plan(result, stamp, placeable):
        index = title if note.paragraph is None else note.paragraph
        if index is None:  # a document with no paragraph in its body: nowhere to put it
            continue
        comment = word.comments.add_comment(note.lines[0], stamp.author, stamp.initials)
        for line in note.lines[1:]:
            comment.add_paragraph(line)
        number = comment.comment_id
        _date(word, number, stamp.when)
        anchor = anchors[index]
        first, last = _range(pieces[index], note.span if note.paragraph is not None else None)
        _mark(anchor, first, last, number)
    out = io.BytesIO()
    word.save(out)
    # python-docx dates each zip member now: the same content must give the same bytes
    return reproducible_zip(prune(zip_members(out.getvalue()), existing))


def _title(document: Document, anchors: dict[int, Anchor]) -> int | None:
    """The paragraph the whole-report note goes on: the title, else the first with text."""
    for p in document.with_role(Role.TITLE):
        if p.index in anchors:
            return p.index
    texts = [i for i, a in sorted(anchors.items()) if any(x.text.strip() for x in a.pieces)]
    return texts[0] if texts else (min(anchors) if anchors else None)


def _range(
    pieces: list[Piece], span: tuple[int, int] | None
) -> tuple[etree._Element | None, etree._Element | None]:
    """The first and last run of the note's range in a paragraph, cut at the span's ends."""
    runs = [p for p in pieces if p.run is not None and p.text]
    if not runs:
        return None, None
    if span is None or not (runs[0].start <= span[0] < span[1] <= runs[-1].end):
        return runs[0].run, runs[-1].run
    _cut(pieces, span[0])
    _cut(pieces, span[1])
    inside = [p.run for p in pieces if p.run is not None and span[0] <= p.start < span[1]]
    if not inside:
        return runs[0].run, runs[-1].run
    return inside[0], inside[-1]


def _cut(pieces: list[Piece], at: int) -> None:
    """Split the run holding offset `at` so that a run starts there (the list follows)."""
    for number, piece in enumerate(pieces):
        if piece.run is None or not piece.start < at < piece.end:
            continue
        tail = _split(piece.run, at - piece.start)
        if tail is None:
            return
        k = at - piece.start
        pieces[number : number + 1] = [
            Piece(piece.start, piece.text[:k], piece.run),
            Piece(at, piece.text[k:], tail),
        ]
        return


def _split(run: etree._Element, at: int) -> etree._Element | None:
    """Cut `run` at character `at` of its text: it keeps the head, a copy after it the tail."""
    children = list(run)
    for child, start, end in run_pieces(run):
        if not start < at <= end:
            continue
        j = children.index(child)
        tail = copy.deepcopy(run)
        tail_children = list(tail)
        if at < end:  # inside a w:t: both halves keep their part of its text
            if child.tag != _w("t"):
                return None
            text = child.text or ""
            child.text, tail_children[j].text = text[: at - start], text[at - start :]
            child.set(_XML_SPACE, "preserve")
            tail_children[j].set(_XML_SPACE, "preserve")
            keep_tail_from = j
        else:
            keep_tail_from = j + 1
        for element in children[j + 1 :]:
            run.remove(element)
        for element in tail_children[:keep_tail_from]:
            if element.tag != _w("rPr"):
                tail.remove(element)
        run.addnext(tail)
        return tail
    return None


def _mark(
    anchor: Anchor, first: etree._Element | None, last: etree._Element | None, number: int
) -> None:
    """Comment `number`'s range from `first` to `last` (the whole paragraph when None)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ident = {qn("w:id"): str(number)}
    start, end = OxmlElement("w:commentRangeStart", ident), OxmlElement("w:commentRangeEnd", ident)
    reference = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rStyle", {qn("w:val"): "CommentReference"}))
    reference.append(properties)
    reference.append(OxmlElement("w:commentReference", ident))
    if first is None or last is None:
        p = anchor.element
        at = 1 if len(p) and p[0].tag == _w("pPr") else 0
        p.insert(at, start)
        p.append(end)
        p.append(reference)
        return
    first, last = _outside_fields(anchor.element, first, last)
    first.addprevious(start)
    last.addnext(end)
    end.addnext(reference)


def _outside_fields(
    p: etree._Element, first: etree._Element, last: etree._Element
) -> tuple[etree._Element, etree._Element]:
    """`first` and `last` moved out to the whole field each stands in, if any: a program that
    updates a field (a DATE, a PAGE) rewrites its result, and marks inside it are lost."""
    for element in (first, last):
        parent = element.getparent()
        if parent is not None and parent.tag == _w("fldSimple"):
            first, last = (parent, last) if element is first else (first, parent)
    begins: list[etree._Element] = []
    opened: dict[int, etree._Element] = {}  # a run inside a field → its begin run
    ends: dict[int, etree._Element] = {}  # a begin run → its end run
    for run in p.iter(_w("r")):
        kinds = [c.get(_w("fldCharType")) for c in run.iter(_w("fldChar"))]
        if "begin" in kinds:
            begins.append(run)
        if begins:
            opened[id(run)] = begins[0]  # the outermost field: nested ones are inside it
        if "end" in kinds and begins:
            ends[id(begins.pop())] = run
    if id(first) in opened:
        first = opened[id(first)]
    if id(last) in opened and id(opened[id(last)]) in ends:
        last = ends[id(opened[id(last)])]
    return first, last


def _date(word: Any, number: int, when: dt.datetime) -> None:
    """Date comment `number` `when` (python-docx dates it now)."""
    comments = word.part.part_related_by(REL_COMMENTS).element
    for element in comments.iterchildren(_w("comment")):
        if element.get(_w("id")) == str(number):
            element.set(_w("date"), when.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _remove(word: Any, ours: set[str]) -> None:
    """Remove the comments `ours` (their ids) with their range marks and reference runs."""
    if not ours:
        return
    comments = word.part.part_related_by(REL_COMMENTS).element
    for element in list(comments.iterchildren(_w("comment"))):
        if element.get(_w("id")) in ours:
            comments.remove(element)
    body = word.element.body
    for tag in _MARKS:
        for mark in list(body.iter(tag)):
            if mark.get(_w("id")) in ours:
                mark.getparent().remove(mark)
    for reference in list(body.iter(_w("commentReference"))):
        if reference.get(_w("id")) not in ours:
            continue
        run = reference.getparent()
        run.remove(reference)
        if all(child.tag == _w("rPr") for child in run):
            run.getparent().remove(run)
