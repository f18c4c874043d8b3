"""Kind name → the module under `gongwen.checks.kinds` that checks it, imported on first use."""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

# Every kind a rule set may name. A kind is one module; its docstring is its documentation,
# `PARAMS` its cerberus parameter schema, `check(doc, rule, ctx)` yields `Hit`s, and `SCOPE`
# (default "document") says whether it runs per file, per batch or on input errors.
KINDS: tuple[str, ...] = (
    "input",
    "number_format",
    "template",
    "page_size",
    "margin",
    "body_font",
    "body_size",
    "line_pitch",
    "chars_per_line",
    "text_color",
    "issuer_mark",
    "doc_number",
    "title_format",
    "recipient",
    "first_line_indent",
    "heading_font",
    "heading_sequence",
    "attachment_note",
    "signature_date_placement",
    "date_format",
    "note",
    "imprint",
    "page_number",
    "punctuation",
    "deadline",
    "roster",
    "required_sections",
    "rectification",
    "elements",
    "title_content",
    "review_year",
    "facts",
    # measured on a rendered PDF (rules/gbt9704-pdf.yaml), FORMAT = "pdf"
    "pdf_page_size",
    "pdf_type_area",
    "pdf_lines_per_page",
    "pdf_chars_per_line",
    "pdf_issuer_mark",
    "pdf_red_rule_position",
    "pdf_red_rule_width",
    "pdf_title_position",
    "pdf_page_number_position",
    "pdf_page_number_side",
    "pdf_imprint_page_number",
    "pdf_imprint_position",
    "pdf_imprint_rule_width",
    "pdf_imprint_rule_length",
    "pdf_left_margin",
    "pdf_letter_mark",
    "pdf_letter_rules",
    "pdf_letter_number",
    "pdf_letter_first_page",
    "pdf_signer_line",
    "pdf_signature_with_text",
    "pdf_page_ends_early",
    "pdf_imprint_back_page",
    "pdf_blank_page_number",
    "pdf_signature_placement",
    "pdf_table_orphans",
)


@functools.cache
def kind(name: str) -> ModuleType:
    """The module of kind `name`; KeyError for a kind that does not exist."""
    if name not in KINDS:
        raise KeyError(name)
    return importlib.import_module(f"gongwen.checks.kinds.{name}")


def for_format(name: str, fmt: str) -> bool:
    """Whether kind `name` reads a document of format `fmt` (a kind declares FORMAT when it
    reads one format only: the PDF layout kinds read a rendered page)."""
    wanted = getattr(kind(name), "FORMAT", None)
    return wanted is None or wanted == fmt


def scope(name: str) -> str:
    """Where kind `name` runs: "document", "batch" or "input"."""
    return getattr(kind(name), "SCOPE", "document")


def summary(name: str) -> str:
    """The first paragraph of the kind's docstring, on one line: what it checks."""
    doc = (kind(name).__doc__ or "").strip()
    first = doc.split("\n\n")[0]
    return " ".join(line.strip() for line in first.splitlines()) or name
