"""Facts schema: the facts record of a report (see `checks.facts`) validates against the
cerberus `schema` the rule declares, e.g. `body_chars: {type: integer, min: 1500, max: 8000}`.

Used for the length bounds (AR202) and for the presence of 署名 and 成文日期 (AR303). Each
cerberus error is one hit, worded in the run's language by the catalogue error handler.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cerberus import Validator
from cerberus.schema import SchemaError

from gongwen.checks.context import Context, Hit
from gongwen.checks.facts import KEYS, facts_of
from gongwen.checks.ruleset import Rule
from gongwen.checks.validation import validate as validate_facts
from gongwen.i18n import N_, t
from gongwen.model import Document

PARAMS: dict[str, Any] = {"schema": {"type": "dict", "required": True, "empty": False}}

LABELS = {
    "title": N_("title"),
    "official": N_("official"),
    "department": N_("department"),
    "review_year": N_("year in the title"),
    "sections": N_("sections"),
    "body_chars": N_("body length in characters"),
    "headings": N_("number of headings"),
    "signature": N_("signature"),
    "date_text": N_("date"),
    "date": N_("date"),
    "received": N_("received date"),
    "received_source": N_("source of the received date"),
    "format": N_("file format"),
    "paper": N_("paper"),
    "margins_mm": N_("margins"),
}


def validate(
    params: dict[str, Any], fonts: dict[str, Any]
) -> list[tuple[str, str, dict[str, str]]]:
    """The schema must be a cerberus schema over keys of the facts record."""
    problems = [
        (f"schema.{key}", N_("unknown fact; the facts are {known}"), {"known": ", ".join(KEYS)})
        for key in params["schema"]
        if key not in KEYS
    ]
    try:
        Validator(params["schema"])
    except SchemaError as exc:
        problems.append(
            ("schema", N_("not a valid cerberus schema: {detail}"), {"detail": str(exc)})
        )
    return problems


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    """One hit per way the facts record breaks the schema."""
    schema = rule.params["schema"]
    # the record is built whole by checks.facts; normalising it (6× the cost of validating)
    # only matters when the rule's schema asks for a default, a coercion or a renaming
    _, errors = validate_facts(
        facts_of(ctx), schema, lang=ctx.lang, allow_unknown=True, normalize=_normalises(schema)
    )
    for path, message in errors:
        key = path.split(".")[0].split("[")[0]
        value = facts_of(ctx).get(key)
        yield Hit(
            N_("{fact}: {problem}"),
            {"fact": t(LABELS.get(key, key), ctx.lang), "problem": message},
            expected=_expected(schema.get(key, {}), ctx.lang),
            actual=None if value is None else str(value),
        )


_NORMALISING = frozenset(
    ("default", "default_setter", "coerce", "rename", "rename_handler", "purge_unknown",
     "purge_readonly")
)  # fmt: skip


def _normalises(schema: Any) -> bool:
    """Whether a cerberus schema (at any depth) uses a normalisation rule."""
    if isinstance(schema, dict):
        return any(k in _NORMALISING or _normalises(v) for k, v in schema.items())
    if isinstance(schema, list | tuple):
        return any(_normalises(v) for v in schema)
    return False


def _expected(field: dict[str, Any], lang: str) -> str | None:
    """What the schema asks of one fact, as a finding's expected value (1500–8000)."""
    if "min" in field or "max" in field:
        return f"{field.get('min', '')}–{field.get('max', '')}"
    if field.get("required") or field.get("nullable") is False:
        return t(N_("present"), lang)
    return None
