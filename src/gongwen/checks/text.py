"""Shared reading of the document model for the kinds: elements, faces, sizes, merging hits."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from gongwen.checks.context import Context, Hit
from gongwen.checks.dates import YEAR
from gongwen.faces import east_asian_count
from gongwen.forms import DATE_LINE
from gongwen.i18n import N_
from gongwen.model import Document, Paragraph, Part, Role
from gongwen.units import describe_size

# Element names a rule set may use: the roles of `model.Role` that are document elements.
ELEMENTS: tuple[str, ...] = (
    "copy_number",
    "secrecy",
    "urgency",
    "issuer_mark",
    "doc_number",
    "signer",
    "title",
    "recipient",
    "heading",
    "body",
    "attachment_note",
    "signature",
    "date",
    "note",
    "attachment",
    "imprint",
    "page_number",
)

ALIGNMENTS = {
    "left": N_("left-aligned"),
    "center": N_("centred"),
    "right": N_("right-aligned"),
    "justify": N_("justified"),
    "distribute": N_("distributed"),
}


def in_text(doc: Document) -> list[Paragraph]:
    """The paragraphs of the main text flow (body and tables, not headers or footers)."""
    return [p for p in doc.paragraphs if p.part in (Part.BODY, Part.TABLE) and p.text.strip()]


def date_paragraphs(doc: Document) -> list[Paragraph]:
    """The 成文日期 paragraphs; for a file without roles (a PDF) a trailing line that is a date."""
    found = doc.with_role(Role.DATE)
    if found:
        return found
    if doc.format != "pdf":
        return []
    tail = in_text(doc)[-6:]
    return [p for p in tail if DATE_LINE.match(p.text)][-1:]


def present_elements(doc: Document) -> frozenset[str]:
    """The element names the document has."""
    names = {p.role.value for p in doc.paragraphs if p.text.strip() or p.role == Role.PAGE_NUMBER}
    if any(s.page_number_field for s in doc.sections):
        names.add("page_number")
    if date_paragraphs(doc):
        names.add("date")
    return frozenset(names) & frozenset(ELEMENTS)


def cjk_faces(paragraph: Paragraph) -> Counter[str]:
    """How many characters of the paragraph each eastAsia face sets (CJK ideographs and
    punctuation, and the shared marks a `w:hint="eastAsia"` gives it: see gongwen.faces)."""
    counts: Counter[str] = Counter()
    for run in paragraph.runs:
        if run.font_east_asia:
            n = east_asian_count(run)
            if n:
                counts[run.font_east_asia] += n
    return counts


def dominant_face(paragraph: Paragraph) -> str | None:
    """The eastAsia face of most of the characters set in an eastAsia face, if known; the
    digits and Latin letters (ascii and hAnsi faces) are not judged by it."""
    if len(paragraph.runs) == 1:  # most paragraphs: nothing to count
        run = paragraph.runs[0]
        return run.font_east_asia if run.font_east_asia and east_asian_count(run) else None
    counts = cjk_faces(paragraph)
    return counts.most_common(1)[0][0] if counts else None


def first_face(paragraph: Paragraph) -> str | None:
    """The eastAsia face of the first character set in one (a heading's own words)."""
    for run in paragraph.runs:
        if run.font_east_asia and east_asian_count(run):
            return run.font_east_asia
    return None


def first_size(paragraph: Paragraph) -> float | None:
    """The size in pt of the first visible character, if known."""
    for run in paragraph.runs:
        if run.size_pt is not None and run.text.strip():
            return run.size_pt
    return None


def merged(hits: Iterable[Hit], limit: int) -> Iterator[Hit]:
    """The first `limit` hits; the last one shown counts the rest, so one bad file stays short."""
    hits = list(hits)
    if len(hits) <= limit:
        yield from hits
        return
    shown, rest = hits[:limit], hits[limit:]
    yield from shown[:-1]
    last = shown[-1]
    places = (x for hit in rest for x in (replace(hit, also=()), *hit.also))
    yield replace(last, more=len(rest), also=(*last.also, *places))


def faces_of(categories: dict[str, tuple[str, ...]], category: str) -> str:
    """The accepted faces of `category`, for a finding's expected value."""
    faces = categories.get(category, ())
    shown = "、".join(faces[:3])
    return f"{category}（{shown}…）" if faces else category


def unknown_category(
    sub: str, category: str | None, fonts: Mapping[str, object]
) -> list[tuple[str, str, dict[str, str]]]:
    """A problem for a `validate` hook when `category` is not in the rule set's fonts table."""
    if category is None or category in fonts:
        return []
    msgid = N_("unknown font category {category}; the fonts: table has {known}")
    return [(sub, msgid, {"category": category, "known": "、".join(fonts)})]


def face_problem(ctx: Context, paragraph: Paragraph, face: str | None, category: str) -> Hit | None:
    """A hit when `face` is known and not of `category` (by the rule set's alias table)."""
    if face is None or ctx.rule_set.font_category(face) == category:
        return None
    return Hit(
        N_("font is {actual}, expected {expected}"),
        {"actual": face, "expected": category},
        paragraph=paragraph,
        expected=faces_of(dict(ctx.rule_set.fonts), category),
        actual=face,
    )


def size_problem(paragraph: Paragraph, size: float | None, want: float, tol: float) -> Hit | None:
    """A hit when `size` is known and differs from `want` by more than `tol` pt."""
    if size is None or abs(size - want) <= tol:
        return None
    return Hit(
        N_("size is {actual}, expected {expected}"),
        {"actual": describe_size(size), "expected": describe_size(want)},
        paragraph=paragraph,
        expected=describe_size(want),
        actual=describe_size(size),
    )


def title_text(doc: Document) -> str | None:
    """The title, its paragraphs joined; None when the document has none."""
    text = "".join(p.text.strip() for p in doc.with_role(Role.TITLE))
    return text or None


def section_names(doc: Document, sections: list[dict[str, Any]], level: int = 1) -> list[str]:
    """The canonical names of `sections` whose name or a synonym stands in a heading."""
    headings = [p.text for p in doc.with_role(Role.HEADING) if p.heading_level in (level, None)]
    return [
        s["name"]
        for s in sections
        if any(word in h for h in headings for word in (s["name"], *s.get("synonyms", ())))
    ]


def official_in_title(title: str, posts: Sequence[str]) -> str | None:
    """The 2–4 character name after a post word before the year in `title`, if any."""
    head = title[: m.start()] if (m := YEAR.search(title)) else title
    for post in sorted(posts, key=len, reverse=True):
        found = re.search(re.escape(post) + r"([\u4e00-\u9fff]{2,4})$", head)
        if found:
            return found.group(1)
    return None


def elements_of(ctx: Context) -> frozenset[str]:
    """The element names present in the run's document, found once per run."""
    return ctx.memo("elements", lambda: present_elements(ctx.doc))
