"""`gongwen rules [CODE] [--rules NAME|FILE]`: list the rules of a rule set, or explain one."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from typing import TYPE_CHECKING, Any

from gongwen.i18n import N_, t

if TYPE_CHECKING:
    from gongwen.checks import Rule, RuleSet

EXIT_OK, EXIT_USAGE = 0, 2

SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
# A rule's declared category (findings.Category) and what it counts against.
CATEGORIES = {
    "input": N_("the file could not be read; the file counts as unreadable"),
    "submission": N_("submission: deadline, roster, duplicates"),
    "content": N_("report content; an error fails the report's content"),
    "format": N_("document format; an error fails the report's format"),
}


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The `rules` subcommand's parser."""
    p = subparsers.add_parser(
        "rules",
        help=t(N_("list the rules, or explain one")),
        description=t(N_("List every rule (code, name, severity, clause), or explain one rule.")),
    )
    p.add_argument(
        "code", nargs="?", help=t(N_("a rule code such as GB308, or a prefix such as GB3"))
    )
    p.add_argument(
        "--rules",
        default="annual-report",
        metavar="NAME|FILE",
        help=t(N_("rule set: a name in rules/ or a YAML file (default: annual-report)")),
    )
    return p


def width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    """`text` padded with spaces to `columns` display columns."""
    return text + " " * max(0, columns - width(text))


def table(rules: tuple[Rule, ...] | list[Rule], lang: str) -> str:
    """The rules as an aligned table: code, name, severity, clause."""
    header = [
        t(N_("code"), lang),
        t(N_("name"), lang),
        t(N_("severity"), lang),
        t(N_("clause"), lang),
    ]
    rows = [header] + [
        [r.code, r.name, t(SEVERITIES[r.severity.value], lang), r.clause] for r in rules
    ]
    widths = [max(width(row[i]) for row in rows) for i in range(3)]
    lines = []
    for row in rows:
        cells = [pad(cell, w) for cell, w in zip(row[:3], widths, strict=True)]
        lines.append("  ".join([*cells, row[3]]).rstrip())
    return "\n".join(lines)


def explain(rule: Rule, rule_set: RuleSet, lang: str) -> str:
    """What a rule checks, why, a wrong and a right example, its clause and strength."""
    from gongwen.checks import registry
    from gongwen.checks.kinds.elements import NAMES

    lines = [
        f"{rule.code} {rule.name}",
        "",
        t(N_("Checks: {what}"), lang, what=t(registry.summary(rule.kind), lang)),
        t(N_("Kind: {kind}"), lang, kind=rule.kind),
        t(
            N_("Category: {category} ({meaning})"),
            lang,
            category=rule.category.value,
            meaning=t(CATEGORIES[rule.category.value], lang),
        ),
    ]
    if rule.applies_to:
        element = t(NAMES.get(rule.applies_to, rule.applies_to), lang)
        lines.append(
            t(N_("Applies to: {element} (only when the document has it)"), lang, element=element)
        )
    if rule.params:
        lines.append(t(N_("Parameters:"), lang))
        lines += [f"  {key}: {_show(value)}" for key, value in rule.params.items()]
    for label, text in (
        (N_("Why: {text}"), rule.why),
        (N_("Wrong: {text}"), rule.wrong),
        (N_("Right: {text}"), rule.right),
    ):
        if text:
            lines.append(t(label, lang, text=text))
    lines.append(
        t(
            N_("Clause: {clause}; strength {strength}, so a finding is {severity}"),
            lang,
            clause=rule.clause,
            strength=rule.strength.value,
            severity=t(SEVERITIES[rule.severity.value], lang),
        )
    )
    lines.append(t(N_("Defined in: {file}"), lang, file=rule.source))
    return "\n".join(lines)


def _show(value: Any) -> str:
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return "; ".join(
            "、".join([v.get("name", ""), *v.get("synonyms", ())]).strip("、") for v in value
        )
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_show(v)}" for k, v in value.items())
    return str(value)


def run(args: argparse.Namespace) -> int:
    """List the rules, or explain the one `args.code` names; 2 for a bad code or rule file."""
    from gongwen.checks import RuleSetError, load_rule_set

    lang = args.lang
    try:
        rule_set = load_rule_set(args.rules)
    except RuleSetError as error:
        print(t(N_("The rule set cannot be used:"), lang), file=sys.stderr)
        print(error.message(lang), file=sys.stderr)
        return EXIT_USAGE
    if not args.code:
        print(f"{rule_set.title}（{' → '.join(rule_set.files)}）")
        print(table(rule_set.rules, lang))
        return EXIT_OK
    code = args.code.strip().upper()
    matches = [r for r in rule_set.rules if r.code == code] or [
        r for r in rule_set.rules if r.code.startswith(code)
    ]
    if not matches:
        print(
            t(N_("No rule {code} in {rules}; `gongwen rules` lists them."), lang,
              code=args.code, rules=rule_set.name),
            file=sys.stderr,
        )  # fmt: skip
        return EXIT_USAGE
    print(explain(matches[0], rule_set, lang) if len(matches) == 1 else table(matches, lang))
    return EXIT_OK
