"""Run a rule set over a document (or a roster, or an input error) and return findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from gongwen.checks import registry
from gongwen.checks.context import Context, Hit, Submission
from gongwen.checks.ruleset import Elements, Rule, RuleSet
from gongwen.checks.text import elements_of
from gongwen.findings import Finding, Location
from gongwen.i18n import DEFAULT_LANG, N_, t
from gongwen.model import Document
from gongwen.roster import RosterEntry


def is_on_time(received: dt.date, deadline: dt.date, grace_days: int = 0) -> bool:
    """Whether `received` is on or before `deadline` plus `grace_days`."""
    return received <= deadline + dt.timedelta(days=grace_days)


def applies(rule: Rule, present: frozenset[str], elements: Elements) -> bool:
    """Whether `rule` runs on a document that has the elements `present`.

    A rule about an element the rule set marks absent never runs; a rule about an element
    the document lacks is skipped (a required one is reported once, by the elements rule).
    """
    if rule.applies_to is None:
        return True
    if rule.applies_to in elements.absent:
        return False
    return rule.applies_to in present


def run_checks(
    doc: Document, rule_set: RuleSet, submission: Submission, *, lang: str = DEFAULT_LANG
) -> list[Finding]:
    """Every document-scope rule of `rule_set` that applies, as findings sorted by place, code."""
    ctx = Context(doc, rule_set, submission, lang)
    findings: list[Finding] = []
    for rule in rule_set.rules:
        if (
            registry.scope(rule.kind) != "document"
            or not registry.for_format(rule.kind, doc.format)
            or not applies(rule, elements_of(ctx), rule_set.elements)
        ):
            continue
        for hit in registry.kind(rule.kind).check(doc, rule, ctx):
            findings.append(to_finding(hit, rule, submission.file, lang))
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[int, int, str]:
    loc = finding.location
    return (loc.page or 0, loc.paragraph or 0, finding.code)


def to_finding(hit: Hit, rule: Rule, file: str, lang: str = DEFAULT_LANG) -> Finding:
    """A hit of `rule` as a finding with its message in `lang`."""
    message = t(hit.msgid, lang, **hit.args)
    if hit.more:
        message += t(N_(" (and {n} more paragraphs like this)"), lang, n=hit.more)
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        category=rule.category,
        message=message,
        file=file,
        location=_location(hit),
        expected=hit.expected,
        actual=hit.actual,
        clause=rule.clause,
        more=hit.more,
        also=tuple(_location(place) for place in hit.also),
    )


def _location(hit: Hit) -> Location:
    """Where `hit` stands, as a finding says it."""
    p = hit.paragraph
    return Location(
        paragraph=p.index + 1 if p is not None else None,
        page=hit.page if hit.page is not None else (p.page if p is not None else None),
        section=hit.section + 1 if hit.section is not None else None,
        snippet=p.snippet() if p is not None else hit.snippet,
        span=hit.span if p is not None else None,
    )


def roster_findings(
    missing: Sequence[RosterEntry], rule_set: RuleSet, *, lang: str = DEFAULT_LANG
) -> list[Finding]:
    """One AR102 未报送 finding per roster entry with no report; `file` is the department."""
    rules = _batch_rules(rule_set, "missing")
    findings: list[Finding] = []
    for rule in rules:
        for entry in missing:
            hit = Hit(
                N_("{department} {official} submitted no report"),
                {"department": entry.department, "official": entry.official or ""},
                expected=t(N_("a report"), lang),
                actual=t(N_("none received"), lang),
            )
            findings.append(to_finding(hit, rule, entry.department, lang))
    return findings


def duplicate_findings(
    files_by_department: Mapping[str, Sequence[str]],
    rule_set: RuleSet,
    *,
    lang: str = DEFAULT_LANG,
) -> dict[str, list[Finding]]:
    """AR104 重复报送 on each file of a department that sent more than one: file → findings."""
    findings: dict[str, list[Finding]] = {}
    for rule in _batch_rules(rule_set, "duplicate"):
        for department, files in files_by_department.items():
            if len(files) < 2:
                continue
            for file in files:
                others = "、".join(Path(f).name for f in files if f != file)
                hit = Hit(
                    N_(
                        "{department} sent {count} reports; the others: {others}. Decide "
                        "which one counts and withdraw the rest"
                    ),
                    {"department": department, "count": len(files), "others": others},
                    expected=t(N_("one report"), lang),
                    actual=t(N_("{count} reports"), lang, count=len(files)),
                )
                findings.setdefault(file, []).append(to_finding(hit, rule, file, lang))
    return findings


def _batch_rules(rule_set: RuleSet, when: str) -> list[Rule]:
    return [
        r
        for r in rule_set.rules
        if registry.scope(r.kind) == "batch" and r.params.get("when", "missing") == when
    ]


def input_finding(
    code: str, message: str, file: str, rule_set: RuleSet, *, lang: str = DEFAULT_LANG
) -> Finding:
    """An ingest error (IO001–IO005) as a finding; it is reported even if the run left it out."""
    try:
        rule = rule_set.get(code)
    except KeyError:
        from gongwen.checks.loader import load_cached, resolve

        path = resolve("input")
        rule = load_cached(str(path), path.stat().st_mtime_ns, None, None).get(code)
    return to_finding(Hit("{message}", {"message": message}), rule, file, lang)
