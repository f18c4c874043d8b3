"""Cerberus validation with messages from the catalogue (Chinese by default).

The same error handler serves the rule-set files and the facts record of a report.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from cerberus import Validator
from cerberus.errors import BasicErrorHandler, ValidationError

from gongwen.i18n import DEFAULT_LANG, N_, t

# Cerberus type names as an office worker says them.
_TYPES = {
    "integer": N_("an integer"),
    "string": N_("a text"),
    "list": N_("a list"),
    "dict": N_("a mapping (key: value)"),
    "date": N_("a date such as 2020-03-31"),
    "boolean": N_("true or false"),
    "number": N_("a number"),
    "float": N_("a number"),
}


class CatalogueErrorHandler(BasicErrorHandler):  # type: ignore[misc]  # cerberus: no types
    """Cerberus errors as catalogue messages in one language (English msgids, zh by default)."""

    messages: ClassVar[dict[int, str]] = {
        0x00: "{0}",
        0x01: N_("document is missing"),
        0x02: N_("required key is missing"),
        0x03: N_("unknown key"),
        0x04: N_("needs the key '{0}' as well"),
        0x05: N_("depends on these values: {constraint}"),
        0x06: N_("must not be present together with '{0}'"),
        0x21: N_("must be a mapping (key: value)"),
        0x22: N_("must not be empty"),
        0x23: N_("must not be empty (null)"),
        0x24: N_("must be {constraint}"),
        0x25: N_("must be a mapping (key: value)"),
        0x26: N_("must have {0} items, it has {1}"),
        0x27: N_("must have at least {constraint} items or characters"),
        0x28: N_("must have at most {constraint} items or characters"),
        0x41: N_("does not have the required form ({constraint})"),
        0x42: N_("must be at least {constraint}"),
        0x43: N_("must be at most {constraint}"),
        0x44: N_("value {value} is not allowed; allowed: {allowed}"),
        0x45: N_("values {0} are not allowed"),
        0x46: N_("value {value} is not allowed"),
        0x47: N_("values {0} are not allowed"),
        0x48: N_("misses the members {0}"),
        0x61: N_("cannot be converted: {0}"),
        0x62: N_("cannot be renamed: {0}"),
        0x63: N_("is read-only"),
        0x64: N_("its default cannot be set: {0}"),
        0x81: N_("does not match its definition"),
        0x82: N_("some items are not valid"),
        0x83: N_("some keys are not valid"),
        0x84: N_("some values are not valid"),
        0x85: N_("some items are not valid"),
        0x91: N_("one or more definitions validate"),
        0x92: N_("none or more than one rule validate"),
        0x93: N_("no definition validates"),
        0x94: N_("one or more definitions do not validate"),
    }

    def __init__(self, tree: Any = None, lang: str = DEFAULT_LANG) -> None:
        super().__init__(tree)
        self.lang = lang

    def _format_message(self, field: Any, error: ValidationError) -> str:
        template = t(self.messages[error.code], self.lang)
        constraint = error.constraint
        if error.rule == "type":
            names: list[str] = (
                list(constraint) if isinstance(constraint, list | tuple) else [constraint]
            )
            constraint = t(N_(" or "), self.lang).join(
                t(_TYPES.get(n, n), self.lang) for n in names
            )
        allowed = ", ".join(str(a) for a in constraint) if error.rule == "allowed" else ""
        return template.format(
            *error.info, constraint=constraint, field=field, value=error.value, allowed=allowed
        )

    def __call__(self, errors: Iterable[ValidationError]) -> list[tuple[str, str]]:
        """Every leaf error as (path such as rules[3].parms, message), in document order."""
        return [(path_text(e.document_path), self.describe(e)) for e in leaves(errors)]

    def describe(self, error: ValidationError) -> str:
        """One error's message in this handler's language."""
        return self._format_message(None, error)


class _LeafHandler(BasicErrorHandler):  # type: ignore[misc]  # cerberus: no types
    """Hands back the leaf errors themselves, so they can be worded later in any language."""

    def __call__(self, errors: Iterable[ValidationError]) -> list[ValidationError]:
        return leaves(errors)


def leaves(errors: Iterable[ValidationError]) -> list[ValidationError]:
    """The errors that say what is wrong (group errors opened up), in document order."""
    out: list[ValidationError] = []
    for error in errors:
        if error.is_group_error and not error.is_logic_error and error.child_errors:
            out.extend(leaves(error.child_errors))
        else:
            out.append(error)
    return out


def describe(error: ValidationError, lang: str = DEFAULT_LANG) -> str:
    """The message of one cerberus error in `lang`."""
    return CatalogueErrorHandler(lang=lang).describe(error)


def path_text(path: Iterable[Any]) -> str:
    """A document path as a reader writes it: rules[3].params.size_pt."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def check_document(
    document: Mapping[str, Any], schema: Mapping[str, Any], *, allow_unknown: bool = False
) -> tuple[dict[str, Any], list[ValidationError]]:
    """The normalised document (defaults filled in) and its leaf errors."""
    validator = Validator(dict(schema), allow_unknown=allow_unknown, error_handler=_LeafHandler)
    if validator.validate(dict(document)):
        return validator.document, []
    return dict(document), list(validator.errors)


def validate(
    document: Mapping[str, Any],
    schema: Mapping[str, Any],
    *,
    lang: str = DEFAULT_LANG,
    allow_unknown: bool = False,
    normalize: bool = True,
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The normalised document and its errors as (path, message), through the catalogue.

    `normalize=False` skips cerberus' normalisation (defaults, coercion): about six times
    faster, for a document that is built whole and only needs checking.
    """
    validator = _validator(schema, lang, allow_unknown)
    if validator.validate(dict(document), normalize=normalize):
        return validator.document, []
    return dict(document), list(validator.errors)


# id(schema) → (schema, lang, allow_unknown, validator). Building a Validator checks the schema,
# which costs more than validating a facts record, and the same two schemas serve every report
# of a batch. The entry holds the schema, so its id cannot be reused while it is cached. A
# validator keeps state while it validates, so each thread has its own.
_LOCAL = threading.local()
_MAX_CACHED = 64


def _validator(schema: Mapping[str, Any], lang: str, allow_unknown: bool) -> Validator:
    """The catalogue validator for `schema` in `lang`, built once per schema object."""
    cache: dict[int, tuple[Mapping[str, Any], str, bool, Validator]] = _LOCAL.__dict__.setdefault(
        "validators", {}
    )
    cached = cache.get(id(schema))
    if cached is not None and cached[0] is schema and cached[1:3] == (lang, allow_unknown):
        return cached[3]
    validator = Validator(
        dict(schema),
        allow_unknown=allow_unknown,
        error_handler=(CatalogueErrorHandler, {"lang": lang}),
    )
    if len(cache) >= _MAX_CACHED:
        cache.clear()
    cache[id(schema)] = (schema, lang, allow_unknown, validator)
    return validator
