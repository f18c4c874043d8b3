"""The marked-up copies keep the layers: ingest reads (the notes already on a file, the runs
behind each paragraph, through the one setup `load` uses), markup writes; neither reaches
into another module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import gongwen.ingest.comments
import gongwen.markup

SRC = Path(gongwen.markup.__file__).parent.parent
MODULES = [SRC / "ingest" / "anchors.py", SRC / "ingest" / "comments.py",
           *sorted((SRC / "markup").glob("*.py"))]  # fmt: skip


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_private_name_of_another_module_is_imported(path):
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gongwen")
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []


def test_markup_reads_no_notes_itself():
    """Which notes are gongwen's is told by ingest, in one place; markup only writes."""
    assert gongwen.markup.is_ours is gongwen.ingest.comments.is_ours
    for path in sorted((SRC / "markup").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "PdfReader" not in text and '"/Contents", ""' not in text, path.name


def test_anchors_and_load_share_one_setup(monkeypatch):
    """Both walks of a .docx take its formats and numbering from `word_setup`."""
    from gongwen import load
    from gongwen.ingest import anchors, docx
    from gongwen.resources import data_dir

    path = data_dir("samples") / "reports" / "市财政局-张伟-2019年度履职报告.docx"
    calls = []
    real = docx.word_setup

    def counting(package):
        calls.append(package.file)
        return real(package)

    monkeypatch.setattr(docx, "word_setup", counting)
    monkeypatch.setattr(anchors, "word_setup", counting)
    document = load(path)
    import docx as python_docx

    body = python_docx.Document(str(path)).element.body
    found = anchors.body_anchors(path, body)
    assert calls == [path.name, path.name]
    texts = {a.index: "".join(p.text for p in a.pieces) for a in found}
    assert texts == {p.index: p.text for p in document.paragraphs if p.index in texts}
