"""Word's extra comment parts on a marked-up copy: when gongwen's earlier comments are removed,
their entries go too, so no entry names a comment that is gone.

Word (2013 on) keeps, beside comments.xml, commentsExtended.xml (w15:commentEx: done marks and
replies, by w15:paraId and w15:paraIdParent), commentsIds.xml (w16cid:commentId: paraId →
durableId) and commentsExtensible.xml (w16cex:commentExtensible, by durableId), each keyed by
the w14:paraId of a comment's last paragraph. A reviewer's reply to one of gongwen's comments
loses its parent and stands as a comment of its own.
"""

from __future__ import annotations

from lxml import etree

from gongwen.ingest.comments import W15_NS, W16CEX_NS, W16CID_NS, WordComments

# the parts were read (and any DOCTYPE refused) by ingest before; this parses them to rewrite
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def prune(members: list[tuple[str, bytes]], existing: WordComments) -> list[tuple[str, bytes]]:
    """The package `members` (name, bytes) with the entries of the gongwen comments that
    `existing` lists dropped from Word's extra comment parts, and replies to them unparented."""
    ours = existing.ours
    para_ids = {i for c in ours for i in c.para_ids}
    durable_ids = {i for c in ours for i in c.durable_ids}
    if not para_ids and not durable_ids:
        return members
    edits = {
        existing.extended: lambda root: _extended(root, para_ids),
        existing.ids: lambda root: _drop(root, W16CID_NS, "commentId", "paraId", para_ids),
        existing.extensible: lambda root: _drop(
            root, W16CEX_NS, "commentExtensible", "durableId", durable_ids
        ),
    }
    out = []
    for name, data in members:
        edit = edits.get(name)
        if edit is not None:
            root = etree.fromstring(data, _PARSER)
            edit(root)
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out.append((name, data))
    return out


def _drop(root: etree._Element, ns: str, tag: str, key: str, values: set[str]) -> None:
    """Remove each entry `tag` whose attribute `key` is one of `values`."""
    for entry in list(root.iter(f"{{{ns}}}{tag}")):
        if entry.get(f"{{{ns}}}{key}") in values:
            parent = entry.getparent()
            if parent is not None:
                parent.remove(entry)


def _extended(root: etree._Element, para_ids: set[str]) -> None:
    """commentsExtended without the removed comments, their replies made top-level."""
    _drop(root, W15_NS, "commentEx", "paraId", para_ids)
    parent = f"{{{W15_NS}}}paraIdParent"
    for entry in root.iter(f"{{{W15_NS}}}commentEx"):
        if entry.get(parent) in para_ids:
            del entry.attrib[parent]
