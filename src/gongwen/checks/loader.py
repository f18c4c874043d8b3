"""Read a rule set: YAML → validated values, following `extends:` and applying `overrides:`.

Every problem names the file and the key (`rules/x.yaml: rules[3].parms: 未知的键`), so a
yearly edit cannot go silently wrong.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from cerberus.errors import ValidationError

from gongwen.checks import registry
from gongwen.checks.ruleset import Elements, Rule, RuleSet, Strength
from gongwen.checks.schema import FILE
from gongwen.checks.validation import check_document, describe, path_text
from gongwen.errors import GongwenError
from gongwen.findings import Category
from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.resources import data_dir


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a rule-set file: where, and what (a cerberus error or a msgid)."""

    file: str
    path: str = ""
    error: ValidationError | None = None
    msgid: str = ""
    args: tuple[tuple[str, Any], ...] = ()
    code: str | None = None  # the rule the path is in, to help the reader

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """`file: path (CODE): message` in `lang`."""
        what = describe(self.error, lang) if self.error else t(self.msgid, lang, **dict(self.args))
        where = self.path + (f" ({self.code})" if self.code else "")
        return f"{self.file}: {where}: {what}" if where else f"{self.file}: {what}"


class RuleSetError(GongwenError, ValueError):
    """A rule set that cannot be used; the message names the file and the key."""

    code = "RS001"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        ValueError.__init__(self, self.message())

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """Every problem, one a line, in `lang`."""
        return "\n".join(p.text(lang) for p in self.problems)

    def __str__(self) -> str:
        return self.message()


def _problem(file: str, path: str, msgid: str, code: str | None = None, **args: Any) -> Problem:
    if code is not None:
        args = {"code": code, **args}
    return Problem(file, path, msgid=msgid, args=tuple(args.items()), code=code)


class _Loader(yaml.SafeLoader):
    """Safe YAML that refuses duplicate keys and keeps an impossible date as text."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def display_name(path: Path) -> str:
    """How a message names a rule file: `rules/<name>.yaml` for a shipped one."""
    try:
        shipped = data_dir("rules").resolve()
        if path.resolve().parent == shipped:
            return f"rules/{path.name}"
    except FileNotFoundError:
        pass
    return str(path)


def resolve(name_or_path: str | Path, relative_to: Path | None = None) -> Path:
    """The file of a rule set: a path as given, else `<name>.yaml` beside or in rules/."""
    text = str(name_or_path)
    candidate = Path(text)
    if candidate.suffix in (".yaml", ".yml") or "/" in text or "\\" in text:
        if not candidate.is_absolute() and relative_to is not None:
            beside = relative_to / candidate
            if beside.is_file():
                return beside
        return candidate
    if relative_to is not None and (relative_to / f"{text}.yaml").is_file():
        return relative_to / f"{text}.yaml"
    return data_dir("rules") / f"{text}.yaml"


def read_file(path: Path) -> dict[str, Any]:
    """One rule-set file as a validated mapping (not yet merged with what it extends)."""
    name = display_name(path)
    if not path.is_file():
        raise RuleSetError([_problem(name, "", N_("no such rule-set file"))])
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except UnicodeDecodeError:
        raise RuleSetError([_problem(name, "", N_("not UTF-8 text"))]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        detail = getattr(exc, "problem", None) or str(exc)
        raise RuleSetError(
            [
                _problem(
                    name, "", N_("line {line}: not valid YAML: {detail}"), line=line, detail=detail
                )
            ]
        ) from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise RuleSetError([_problem(name, "", N_("must be a mapping of keys such as rules:"))])
    document, errors = check_document(raw, FILE)
    problems = [
        Problem(name, _path(e), error=e, code=_code_at(raw, e.document_path)) for e in errors
    ]
    problems += _rule_problems(name, document)
    if problems:
        raise RuleSetError(problems)
    document["_file"] = name
    return document


def _path(error: ValidationError) -> str:
    return path_text(error.document_path)


def _code_at(raw: Mapping[str, Any], path: tuple[Any, ...]) -> str | None:
    """The code of the rule a document path points into, if any."""
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        rules = raw.get("rules")
        if isinstance(rules, list) and path[1] < len(rules) and isinstance(rules[path[1]], dict):
            code = rules[path[1]].get("code")
            return code if isinstance(code, str) else None
    return None


def _rule_problems(name: str, raw: Mapping[str, Any]) -> list[Problem]:
    """Duplicate codes, a category for each rule and its params checked against its kind's."""
    problems: list[Problem] = []
    seen: set[str] = set()
    rules = raw.get("rules")
    for i, rule in enumerate(rules if isinstance(rules, list) else []):
        if not isinstance(rule, dict):
            continue  # the file schema has said so
        code = rule.get("code") if isinstance(rule.get("code"), str) else None
        if "category" not in rule and "category" in raw:
            rule["category"] = raw["category"]  # the file's default: its own rules only
        elif "category" not in rule:
            problems.append(
                _problem(
                    name,
                    f"rules[{i}].category",
                    N_(
                        "no category: write category: (input, submission, content or format) "
                        "in the rule or at the top of the file"
                    ),
                    code=code,
                )
            )
        if code is not None:
            if code in seen:
                problems.append(
                    _problem(name, f"rules[{i}].code", N_("duplicate code {code}"), code=code)
                )
            seen.add(code)
        if rule.get("kind") not in registry.KINDS or not isinstance(rule.get("params") or {}, dict):
            continue
        params, errors = params_errors(rule["kind"], rule.get("params") or {})
        problems += [
            Problem(name, f"rules[{i}].params" + _sub(e), error=e, code=code) for e in errors
        ]
        rule["params"] = params
    return problems


def _sub(error: ValidationError) -> str:
    sub = path_text(error.document_path)
    return ("" if sub.startswith("[") else ".") + sub if sub else ""


def params_errors(
    kind: str, params: Mapping[str, Any]
) -> tuple[dict[str, Any], list[ValidationError]]:
    """The params of a rule of `kind` with defaults filled in, and what is wrong with them."""
    return check_document(params, registry.kind(kind).PARAMS)


def merge(chain: list[dict[str, Any]]) -> dict[str, Any]:
    """Files from the most general to the most specific, merged into one raw rule set."""
    merged: dict[str, Any] = {"rules": [], "fonts": {}, "elements": {}, "files": []}
    for doc in chain:
        file = doc["_file"]
        merged["files"].append(file)
        for key in ("title", "review_year", "deadline", "grace_days"):
            if key in doc:
                merged[key] = doc[key]
        merged["fonts"].update(doc.get("fonts") or {})
        merged["elements"].update(doc.get("elements") or {})
        problems: list[Problem] = []
        codes = {r["code"]: r for r in merged["rules"]}
        for i, rule in enumerate(doc.get("rules") or []):
            if rule["code"] in codes:
                problems.append(
                    _problem(
                        file,
                        f"rules[{i}].code",
                        N_("{code} is already defined in {other}; change it under overrides:"),
                        code=rule["code"],
                        other=codes[rule["code"]]["_file"],
                    )
                )
            merged["rules"].append({**rule, "_file": file, "_index": i})
        problems += _apply_overrides(file, doc.get("overrides") or {}, merged["rules"])
        if problems:
            raise RuleSetError(problems)
    return merged


def _apply_overrides(
    file: str, overrides: Mapping[str, Any], rules: list[dict[str, Any]]
) -> list[Problem]:
    problems: list[Problem] = []
    by_code = {r["code"]: r for r in rules}
    for code, change in overrides.items():
        rule = by_code.get(code)
        if rule is None:
            problems.append(_problem(file, f"overrides.{code}", N_("no rule has this code")))
            continue
        if change.get("enabled") is False:
            rules.remove(rule)
            continue
        if "params" in change:
            params, errors = params_errors(rule["kind"], {**rule["params"], **change["params"]})
            problems += [
                Problem(file, f"overrides.{code}.params" + _sub(e), error=e) for e in errors
            ]
            rule["params"] = params
        rule.update({k: v for k, v in change.items() if k not in ("params", "enabled")})
    return problems


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def build(
    merged: Mapping[str, Any], name: str, year: int | None, deadline: dt.date | None
) -> RuleSet:
    """The RuleSet value of a merged raw rule set, with the run's year and deadline."""
    base_year, base_deadline = merged.get("review_year"), merged.get("deadline")
    if isinstance(base_deadline, dt.datetime):
        base_deadline = base_deadline.date()
    if deadline is None and year is not None and base_year and base_deadline:
        # A new review year moves the deadline by the same number of years.
        deadline = _shift_year(base_deadline, year - base_year)
    rules = tuple(
        Rule(
            code=r["code"],
            name=r["name"],
            kind=r["kind"],
            clause=r["clause"],
            strength=Strength(r["strength"]),
            category=Category(r["category"]),
            params=dict(r.get("params") or {}),
            applies_to=r.get("applies_to"),
            why=(r.get("why") or "").strip(),
            wrong=(r.get("wrong") or "").strip(),
            right=(r.get("right") or "").strip(),
            source=r["_file"],
        )
        for r in merged["rules"]
    )
    elements = merged.get("elements") or {}
    return RuleSet(
        name=name,
        title=merged.get("title") or name,
        review_year=year if year is not None else base_year,
        deadline=deadline if deadline is not None else base_deadline,
        grace_days=merged.get("grace_days", 0),
        fonts={k: tuple(v) for k, v in (merged.get("fonts") or {}).items()},
        elements=Elements(
            required=tuple(elements.get("required") or ()),
            optional=tuple(elements.get("optional") or ()),
            absent=tuple(elements.get("absent") or ()),
        ),
        rules=rules,
        files=tuple(merged["files"]),
    )


def chain(path: Path) -> list[dict[str, Any]]:
    """The file at `path` and every file it extends, the most general first."""
    out: list[dict[str, Any]] = []
    seen: list[Path] = []
    current: Path | None = path
    while current is not None:
        if current.resolve() in seen:
            raise RuleSetError(
                [_problem(display_name(current), "extends", N_("extends itself in a loop"))]
            )
        seen.append(current.resolve())
        doc = read_file(current)
        out.insert(0, doc)
        parent = doc.get("extends")
        current = resolve(parent, current.parent) if parent else None
    return out


@functools.lru_cache(maxsize=32)
def load_cached(path: str, mtime_ns: int, year: int | None, deadline: dt.date | None) -> RuleSet:
    """The rule set at `path` (a changed file has another mtime, so it is read again)."""
    file = Path(path)
    merged = merge(chain(file))
    problems = _kind_problems(merged)
    if problems:
        raise RuleSetError(problems)
    return build(merged, file.stem, year, deadline)


def _kind_problems(merged: Mapping[str, Any]) -> list[Problem]:
    """What a kind's own `validate(params, fonts)` finds once the whole chain is known."""
    problems: list[Problem] = []
    for rule in merged["rules"]:
        hook = getattr(registry.kind(rule["kind"]), "validate", None)
        if hook is None:
            continue
        for sub, msgid, args in hook(rule["params"], merged.get("fonts") or {}):
            path = f"rules[{rule['_index']}].params.{sub}"
            problems.append(_problem(rule["_file"], path, msgid, code=rule["code"], **args))
    return problems
