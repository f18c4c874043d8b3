"""The cerberus schema of a rule-set file (`rules/*.yaml`): every key an office may write."""

from __future__ import annotations

from typing import Any

from gongwen.checks.registry import KINDS
from gongwen.checks.ruleset import Strength
from gongwen.checks.text import ELEMENTS
from gongwen.findings import Category

CODE = r"^[A-Z]{2}[0-9]{3}$"
STRENGTHS = [s.value for s in Strength]
CATEGORIES = [c.value for c in Category]

_TEXT = {"type": "string"}
_ELEMENT_LIST = {"type": "list", "schema": {"type": "string", "allowed": list(ELEMENTS)}}

RULE: dict[str, Any] = {
    "code": {"type": "string", "required": True, "regex": CODE},
    "name": {"type": "string", "required": True, "empty": False},
    "kind": {"type": "string", "required": True, "allowed": list(KINDS)},
    "clause": {"type": "string", "required": True, "empty": False},
    "strength": {"type": "string", "required": True, "allowed": STRENGTHS},
    "category": {"type": "string", "allowed": CATEGORIES},  # else the file's `category:`
    "applies_to": {"type": "string", "nullable": True, "allowed": list(ELEMENTS)},
    "params": {"type": "dict", "nullable": True},
    "why": _TEXT,
    "wrong": _TEXT,
    "right": _TEXT,
}

OVERRIDE: dict[str, Any] = {
    "enabled": {"type": "boolean"},
    "name": {"type": "string", "empty": False},
    "clause": {"type": "string", "empty": False},
    "strength": {"type": "string", "allowed": STRENGTHS},
    "category": {"type": "string", "allowed": CATEGORIES},
    "applies_to": {"type": "string", "nullable": True, "allowed": list(ELEMENTS)},
    "params": {"type": "dict"},
    "why": _TEXT,
    "wrong": _TEXT,
    "right": _TEXT,
}

FILE: dict[str, Any] = {
    "title": {"type": "string", "empty": False},
    "extends": {"type": "string", "empty": False},
    "review_year": {"type": "integer", "min": 1990, "max": 2100},
    "deadline": {"type": "date"},
    "grace_days": {"type": "integer", "min": 0, "max": 366},
    "category": {"type": "string", "allowed": CATEGORIES},  # of this file's rules that name none
    "fonts": {
        "type": "dict",
        "keysrules": {"type": "string", "empty": False},
        "valuesrules": {"type": "list", "minlength": 1, "schema": {"type": "string"}},
    },
    "elements": {
        "type": "dict",
        "schema": {"required": _ELEMENT_LIST, "optional": _ELEMENT_LIST, "absent": _ELEMENT_LIST},
    },
    "rules": {"type": "list", "schema": {"type": "dict", "schema": RULE}},
    "overrides": {
        "type": "dict",
        "keysrules": {"type": "string", "regex": CODE},
        "valuesrules": {"type": "dict", "schema": OVERRIDE},
    },
}
