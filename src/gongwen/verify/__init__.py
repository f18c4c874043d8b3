"""Layout verified by measuring a rendered PDF against GB/T 9704 (rule codes GB7xx).

The pipeline: ingest.pdf_layout reads the geometry → elements are recognised → each rule of
`rules/gbt9704-pdf.yaml` measures → findings in the checker's form.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from gongwen.findings import Finding, Location, Severity
from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.verify.rules import PdfRule, load_rules

__all__ = ["PdfRule", "load_rules", "verify_pdf"]


def verify_pdf(
    path: str | os.PathLike[str],
    *,
    lang: str = DEFAULT_LANG,
    rules: Iterable[PdfRule] | None = None,
) -> list[Finding]:
    """Measure the PDF at `path`; one finding per deviation, errors first.

    A PDF that cannot be read gives one IO finding (as the checker reports it), not a raise.
    """
    from gongwen.ingest import IngestError
    from gongwen.ingest.pdf_layout import read_layout
    from gongwen.verify.elements import Elements
    from gongwen.verify.letter import KINDS as LETTER_KINDS
    from gongwen.verify.measure import KINDS as MEASURES
    from gongwen.verify.measure import Context
    from gongwen.verify.pages import KINDS as PAGE_KINDS
    from gongwen.verify.signature import KINDS as SIGNATURE_KINDS
    from gongwen.verify.tables import KINDS as TABLE_KINDS

    KINDS = {**MEASURES, **LETTER_KINDS, **PAGE_KINDS, **SIGNATURE_KINDS, **TABLE_KINDS}

    name = os.fspath(path)
    selected = list(rules) if rules is not None else list(load_rules().values())
    try:
        layout = read_layout(path)
        ctx = Context(name, layout, Elements(layout))
        findings = [
            _finding(rule, hit, name, lang)
            for rule in selected
            if rule.kind in KINDS
            for hit in KINDS[rule.kind](ctx, rule.params)
        ]
    except IngestError as error:
        return [
            Finding(code=error.code, name=t(N_("unreadable file"), lang), severity=Severity.ERROR,
                    message=error.message(lang), file=name)
        ]
    return sorted(findings, key=lambda f: (f.severity.rank, f.location.page or 0, f.code))


def _finding(rule: PdfRule, hit: object, file: str, lang: str) -> Finding:
    from gongwen.verify.measure import Hit

    assert isinstance(hit, Hit)
    args = {k: t(v, lang) if isinstance(v, str) and k in ("edge", "side") else v
            for k, v in hit.args.items()}
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=t(hit.msgid, lang, **args),
        file=file,
        location=Location(page=hit.page, snippet=hit.snippet),
        expected=hit.expected,
        actual=hit.actual,
        clause=rule.clause,
    )
