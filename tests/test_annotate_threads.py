"""A marked-up copy Word has saved: Word keeps, beside comments.xml, commentsExtended.xml,
commentsIds.xml and commentsExtensible.xml, keyed by each comment's last w14:paraId. When
gongwen replaces its comments, their entries go too; a reviewer's reply to one of them stands
as a comment of its own; the reviewer's own entries stay."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from pdfbuild import require_soffice

from gongwen import annotate, check_file
from gongwen.ingest.comments import word_comments
from gongwen.resources import data_dir

SAMPLES = data_dir("samples")
REPORT = SAMPLES / "reports" / "市自然资源和规划局-周立新-2019年度履职报告.docx"
WHEN = dt.date(2020, 4, 1)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
W16CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# what Word writes for the three parts ([MS-DOCX] 2.3.4, 2.3.6, 2.3.7): part, relationship
# type, content type, root, entry, namespace
PARTS = (
    ("commentsExtended.xml", "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
     CT + "commentsExtended+xml", "commentsEx", "commentEx", W15),
    ("commentsIds.xml", "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
     CT + "commentsIds+xml", "commentsIds", "commentId", W16CID),
    ("commentsExtensible.xml",
     "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
     CT + "commentsExtensible+xml", "commentsExtensible", "commentExtensible", W16CEX),
)  # fmt: skip
REVIEWER, REPLY = "请核实数据来源", "已核实，数据来自统计年鉴"


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _comment(ident: int, author: str, text: str, para_id: str) -> etree._Element:
    stamp = {w("date"): "2020-04-03T10:00:00Z", w("initials"): author[:1]}
    comment = etree.Element(w("comment"), {w("id"): str(ident), w("author"): author, **stamp})
    ids = {f"{{{W14}}}paraId": para_id, f"{{{W14}}}textId": "77777777"}
    p = etree.SubElement(comment, w("p"), ids)
    etree.SubElement(etree.SubElement(p, w("r")), w("t")).text = text
    return comment


def _reference(ident: int) -> etree._Element:
    run = etree.Element(w("r"))
    etree.SubElement(run, w("commentReference"), {w("id"): str(ident)})
    return run


def as_word_saves(copy: bytes, target: Path) -> dict[str, tuple[str, str]]:
    """`copy` (a marked-up copy) as Word saves it after a reviewer added a comment on the
    fourth paragraph and a reply to gongwen's first comment: every comment paragraph with a
    w14:paraId, and Word's three extra comment parts. Returns who → (paraId, durableId)."""
    with zipfile.ZipFile(io.BytesIO(copy)) as package:
        members = {name: package.read(name) for name in package.namelist()}
    comments = etree.fromstring(members["word/comments.xml"])
    ours = [c for c in comments if c.tag == w("comment")]
    first = int(ours[0].get(w("id")))
    top = max(int(c.get(w("id"))) for c in ours)
    ids: dict[str, tuple[str, str]] = {}
    nsmap = {**comments.nsmap, "w14": W14}
    rebuilt = etree.Element(comments.tag, nsmap=nsmap)
    for number, comment in enumerate(ours):
        for k, p in enumerate(comment.iter(w("p"))):
            p.set(f"{{{W14}}}paraId", f"1A2B{number:02X}{k:02X}")
        ids[f"ours{number}"] = (f"1A2B{number:02X}{k:02X}", f"5C6D{number:04X}")
        rebuilt.append(comment)
    ids["reviewer"], ids["reply"] = ("3E000001", "6F000001"), ("3E000002", "6F000002")
    rebuilt.append(_comment(top + 1, "李审阅", REVIEWER, ids["reviewer"][0]))
    rebuilt.append(_comment(top + 2, "王科长", REPLY, ids["reply"][0]))
    members["word/comments.xml"] = xml(rebuilt)
    document = etree.fromstring(members["word/document.xml"])
    body = document.find(w("body"))
    start = next(m for m in body.iter(w("commentRangeStart")) if m.get(w("id")) == str(first))
    end = next(m for m in body.iter(w("commentRangeEnd")) if m.get(w("id")) == str(first))
    reference = next(r for r in body.iter(w("commentReference")) if r.get(w("id")) == str(first))
    # Word anchors a reply on its parent's range
    start.addnext(etree.Element(w("commentRangeStart"), {w("id"): str(top + 2)}))
    end.addnext(etree.Element(w("commentRangeEnd"), {w("id"): str(top + 2)}))
    reference.getparent().addnext(_reference(top + 2))
    paragraph = [p for p in body.iter(w("p")) if "".join(p.itertext()).strip()][3]
    runs = paragraph.findall(w("r"))
    runs[0].addprevious(etree.Element(w("commentRangeStart"), {w("id"): str(top + 1)}))
    runs[-1].addnext(etree.Element(w("commentRangeEnd"), {w("id"): str(top + 1)}))
    paragraph.append(_reference(top + 1))
    members["word/document.xml"] = xml(document)
    rels = etree.fromstring(members["word/_rels/document.xml.rels"])
    types = etree.fromstring(members["[Content_Types].xml"])
    parent_of = {ids["reply"][0]: ids["ours0"][0]}
    for number, (part, rel, content, root_tag, entry_tag, ns) in enumerate(PARTS):
        prefix = {W15: "w15", W16CID: "w16cid", W16CEX: "w16cex"}[ns]
        root = etree.Element(f"{{{ns}}}{root_tag}", nsmap={"mc": MC, prefix: ns})
        root.set(f"{{{MC}}}Ignorable", prefix)
        for para_id, durable in ids.values():
            if ns == W15:
                entry = {"paraId": para_id, "done": "0"}
                if para_id in parent_of:
                    entry["paraIdParent"] = parent_of[para_id]
            elif ns == W16CID:
                entry = {"paraId": para_id, "durableId": durable}
            else:
                entry = {"durableId": durable, "dateUtc": "2020-04-03T02:00:00Z"}
            etree.SubElement(root, f"{{{ns}}}{entry_tag}",
                             {f"{{{ns}}}{k}": v for k, v in entry.items()})  # fmt: skip
        members[f"word/{part}"] = xml(root)
        etree.SubElement(rels, f"{{{rels.nsmap[None]}}}Relationship",
                         Id=f"rIdWord{number}", Type=rel, Target=part)  # fmt: skip
        etree.SubElement(types, f"{{{types.nsmap[None]}}}Override",
                         PartName=f"/word/{part}", ContentType=content)  # fmt: skip
    members["word/_rels/document.xml.rels"] = xml(rels)
    members["[Content_Types].xml"] = xml(types)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return ids


def entries(data: bytes) -> dict[str, list[dict[str, str]]]:
    """The entries of Word's three extra comment parts of the package `data`, their
    attributes by local name."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        out = {}
        for part, *_, entry_tag, ns in PARTS:
            root = etree.fromstring(package.read(f"word/{part}"))
            out[part] = [{etree.QName(k).localname: v for k, v in e.attrib.items()}
                         for e in root.iter(f"{{{ns}}}{entry_tag}")]  # fmt: skip
    return out


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """(the copy as Word saved it, who → ids, the copy gongwen makes of it again)."""
    tmp = tmp_path_factory.mktemp("threads")
    first = annotate(REPORT, check_file(REPORT, register=SAMPLES / "register.csv"), when=WHEN)
    path = tmp / "saved.docx"
    ids = as_word_saves(first, path)
    again = annotate(path, check_file(path, register=SAMPLES / "register.csv"), when=WHEN)
    return path, ids, again


def test_the_extra_parts_keep_only_the_reviewers_entries(saved):
    path, ids, again = saved
    before = entries(path.read_bytes())
    assert len(before["commentsIds.xml"]) == len(ids) > 3  # ours were there
    theirs = {ids["reviewer"], ids["reply"]}
    after = entries(again)
    assert {(e["paraId"], e["durableId"]) for e in after["commentsIds.xml"]} == theirs
    assert {e["durableId"] for e in after["commentsExtensible.xml"]} == {d for _, d in theirs}
    extended = {e["paraId"]: e for e in after["commentsExtended.xml"]}
    assert set(extended) == {p for p, _ in theirs}
    assert "paraIdParent" not in extended[ids["reply"][0]]  # its parent was ours: now top-level
    assert extended[ids["reply"][0]]["done"] == "0"


def test_ingest_reads_the_comments_ids_authors_and_the_reply(saved):
    path, ids, _ = saved
    read = word_comments(path)
    by_author = {c.author: c for c in read.comments}
    reply = by_author["王科长"]
    assert reply.lines == (REPLY,) and not reply.ours
    assert (reply.para_ids, reply.durable_ids) == ((ids["reply"][0],), (ids["reply"][1],))
    assert reply.parent == ids["ours0"][0]
    assert by_author["李审阅"].parent is None
    assert len(read.ours) == len(ids) - 2 and all(c.author == "评阅专班" for c in read.ours)
    names = (read.extended, read.ids, read.extensible)
    assert names == tuple(f"word/{part}" for part, *_ in PARTS)


def test_the_copy_opens_and_a_second_run_gives_the_same_bytes(saved, tmp_path):
    _, _, again = saved
    texts = [c.text for c in docx.Document(io.BytesIO(again)).comments]
    assert REVIEWER in texts and REPLY in texts
    assert sum(t.endswith("gongwen · annual-report") for t in texts) == len(texts) - 2
    copy = tmp_path / "copy.docx"
    copy.write_bytes(again)
    result = check_file(copy, register=SAMPLES / "register.csv")
    assert annotate(copy, result, when=WHEN) == again


def test_libreoffice_opens_the_copy_and_shows_the_reviewers_notes(saved, tmp_path):
    from pypdf import PdfReader

    require_soffice()
    _, _, again = saved
    copy = tmp_path / "copy.docx"
    copy.write_bytes(again)
    profile = (tmp_path / "profile").resolve().as_uri()
    notes = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", notes, "--outdir", str(tmp_path), str(copy)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    contents = [
        str(a.get_object().get("/Contents", ""))
        for page in PdfReader(tmp_path / "copy.pdf").pages
        for a in page.get("/Annots", [])
    ]
    assert any(REVIEWER in c for c in contents) and any(REPLY in c for c in contents)
    assert sum("gongwen · annual-report" in c for c in contents) == len(
        docx.Document(io.BytesIO(again)).comments) - 2  # fmt: skip
