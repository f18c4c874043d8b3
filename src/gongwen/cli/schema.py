"""`gongwen schema`: print the JSON Schema of a file format gongwen reads or writes."""

from __future__ import annotations

import argparse
import importlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

# Schema name → "module:Model"; imported only when asked for.
SCHEMAS = {
    "check-result": "gongwen.findings:CheckReport",
    "case": "gongwen.case:Case",
}


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The arguments of `gongwen schema`."""
    p = sub.add_parser("schema", help="输出 JSON Schema（check-result 或 case）")
    p.add_argument("name", choices=sorted(SCHEMAS), help="which schema")
    return p


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of the format `name`."""
    module, _, attr = SCHEMAS[name].partition(":")
    model: type[BaseModel] = getattr(importlib.import_module(module), attr)
    return model.model_json_schema()


def run(args: argparse.Namespace) -> int:
    """Print the schema as JSON."""
    print(json.dumps(schema(args.name), ensure_ascii=False, indent=2))
    return 0
