"""Every document kind of samples/case.json, generated with its pages fitted (render,
convert, measure, adjust: gongwen.fit), verifies with no finding."""

from __future__ import annotations

import pytest
from pdfbuild import require_soffice

from gongwen.case import load_case
from gongwen.fit import generate
from gongwen.resources import data_dir
from gongwen.verify import verify_pdf


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory):
    require_soffice()
    fitted = generate(load_case(data_dir("samples") / "case.json"), tmp_path_factory.mktemp("s"))
    assert fitted.export.ok, [f.message("en") for f in fitted.export.failures]
    assert fitted.export.processes >= 1 and len(fitted.export.pdfs) == len(fitted.docx)
    return {p.name: pdf for p, pdf in zip(fitted.docx, fitted.export.pdfs, strict=True)}


def test_every_document_of_every_kind_is_converted(sample_pdfs):
    from gongwen.render import KINDS

    assert len(sample_pdfs) > len(KINDS)


def test_every_sample_kind_verifies_cleanly(sample_pdfs):
    findings = {name: verify_pdf(pdf, lang="en") for name, pdf in sample_pdfs.items()}
    messages = {
        name: [f"{f.code} p.{f.location.page}: {f.message}" for f in found]
        for name, found in findings.items()
        if found
    }
    assert messages == {}
