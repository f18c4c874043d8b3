"""The GB7xx rule definitions, read from `rules/gbt9704-pdf.yaml` and checked here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongwen.errors import ConfigError
from gongwen.findings import Severity
from gongwen.i18n import N_
from gongwen.resources import data_dir

RULES_FILE = "gbt9704-pdf.yaml"
_STRENGTH = {
    "规定": Severity.ERROR,
    "推算": Severity.ERROR,
    "一般": Severity.WARNING,
    "推荐": Severity.WARNING,
    "可以": Severity.WARNING,
    "实务": Severity.INFO,
}
_REQUIRED = ("code", "kind", "name", "clause", "strength")


@dataclass(frozen=True)
class PdfRule:
    """One measurement rule: what it measures, the clause it rests on, its numbers."""

    code: str
    kind: str
    name: str
    clause: str
    strength: str
    params: dict[str, Any] = field(default_factory=dict)
    why: str = ""
    wrong: str = ""
    right: str = ""

    @property
    def severity(self) -> Severity:
        """From the clause's strength: only 规定 and 推算 are errors."""
        return _STRENGTH[self.strength]


def load_rules(path: str | Path | None = None) -> dict[str, PdfRule]:
    """Code → rule from the YAML file (the shipped one by default), validated."""
    import yaml

    path = Path(path) if path else data_dir("rules") / RULES_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(N_("cannot read the rule file: {reason}"), str(path),
                          reason=str(exc)) from None
    items = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ConfigError(N_("the rule file has no list of rules"), str(path))
    rules: dict[str, PdfRule] = {}
    for item in items:
        missing = [k for k in _REQUIRED if not isinstance(item, dict) or not item.get(k)]
        if missing:
            raise ConfigError(N_("a rule lacks {keys}"), str(path), keys=", ".join(missing))
        if item["strength"] not in _STRENGTH:
            raise ConfigError(N_("rule {code}: unknown strength {strength}"), str(path),
                              code=item["code"], strength=item["strength"])
        if item["code"] in rules:
            raise ConfigError(N_("rule {code} is defined twice"), str(path), code=item["code"])
        params = item.get("params") or {}
        if not isinstance(params, dict):
            raise ConfigError(N_("rule {code}: params must be a mapping"), str(path),
                              code=item["code"])
        rules[item["code"]] = PdfRule(
            code=str(item["code"]), kind=str(item["kind"]), name=str(item["name"]),
            clause=str(item["clause"]), strength=str(item["strength"]), params=dict(params),
            why=str(item.get("why", "")), wrong=str(item.get("wrong", "")),
            right=str(item.get("right", "")),
        )
    return rules
