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
)


@functools.cache
def kind(name: str) -> ModuleType:
    """The module of kind `name`; KeyError for a kind that does not exist."""
    if name not in KINDS:
        raise KeyError(name)
    return importlib.import_module(f"gongwen.checks.kinds.{name}")


def scope(name: str) -> str:
    """Where kind `name` runs: "document", "batch" or "input"."""
    return getattr(kind(name), "SCOPE", "document")


def summary(name: str) -> str:
    """The first paragraph of the kind's docstring, on one line: what it checks."""
    doc = (kind(name).__doc__ or "").strip()
    first = doc.split("\n\n")[0]
    return " ".join(line.strip() for line in first.splitlines()) or name
