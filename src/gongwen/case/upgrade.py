"""Case files of schema 1 (no "version") read as schema 2, with what had to be assumed.

Schema 1 had one grading scheme, one deciding body for the whole round, no survey and no
issue ids. `upgrade` fills each new required field by a stated rule and says which; the rule
is the one the old templates followed, so an old case reads as it used to, now in words.
"""

from __future__ import annotations

import copy
from typing import Any

from gongwen.case.grading import LEGACY
from gongwen.case.model import SCHEMA_VERSION
from gongwen.i18n import DEFAULT_LANG, N_, t

REPORTERS = "政府工作部门负责人"  # what the schema-1 templates called every reporter
TEAM_NAME = "评阅专班"
MATERIALS = "书面说明材料"
REPORT_FORM = "书面报告"
LEGACY_VOTERS = "评阅专班成员和常委会组成人员"


def needs_upgrade(data: dict[str, Any]) -> bool:
    """Whether `data` is a case of an older schema (no "version", or version 1)."""
    version: object = data.get("version", 1)
    return version == 1


def upgrade(data: dict[str, Any], lang: str = DEFAULT_LANG) -> tuple[dict[str, Any], list[str]]:
    """`data` (a schema-1 case) as schema 2, and one note per assumption made.

    Data that is not a schema-1 case is returned as it is, for the validation to report.
    """
    if not needs_upgrade(data):
        return data, []
    out = copy.deepcopy(data)
    notes: list[str] = []
    issuer = out.get("issuer") if isinstance(out.get("issuer"), dict) else {}
    short = issuer.get("short_name", "") if isinstance(issuer, dict) else ""

    def note(msgid: str, **values: object) -> None:
        notes.append(t(msgid, lang, **values))

    out["version"] = SCHEMA_VERSION
    out.setdefault("reporters", REPORTERS)
    note(N_("reporters: {value} (what the old templates called them)"), value=out["reporters"])
    out.setdefault("grading", LEGACY)
    note(N_("grading: the preset {value}, the only scheme of schema 1"), value=out["grading"])
    body = out.pop("decided_by", None) or f"{short}主任会议"
    _team(out, note)
    team = out.get("team") if isinstance(out.get("team"), dict) else {}
    office = team.get("office", "") if isinstance(team, dict) else ""
    for key in ("interviews", "supervisions"):
        items = out.get(key)
        if isinstance(items, list) and items:
            out[key] = [_decided(x, body, key, office, short) for x in items]
            note(N_("{key}: decided by {body} on the date of each document"), key=key, body=body)
            if key == "interviews":
                note(
                    N_("interviews: the official brings {what}, due to {office}"),
                    what=MATERIALS,
                    office=office,
                )
            else:
                note(
                    N_("supervisions: reported to {whom} as a {form}"), whom=short, form=REPORT_FORM
                )
    report = out.get("report")
    if isinstance(report, dict) and "upward" not in report:
        report["upward"] = False  # schema 1 laid it out as any other document
        note(N_("report.upward: false (schema 1 gave the report no 签发人)"))
    _departments(out, note)
    past = out.get("last_year")
    if isinstance(past, dict) and isinstance(past.get("departments"), list):
        _number(past["departments"])
    return out, notes


def _number(departments: list[Any]) -> bool:
    """Give each issue without an id its department and issue number; whether any was given."""
    numbered = False
    for i, d in enumerate(departments, start=1):
        issues = d.get("issues") if isinstance(d, dict) else None
        for j, issue in enumerate(issues if isinstance(issues, list) else [], start=1):
            if isinstance(issue, dict) and "id" not in issue:
                issue["id"] = f"{i:02d}-{j:02d}"
                numbered = True
    return numbered


def _team(out: dict[str, Any], note: Any) -> None:
    team = out.get("team")
    if isinstance(team, dict) and "name" not in team:
        out["team"] = {"name": TEAM_NAME, **team}
        note(N_("team.name: {value}"), value=TEAM_NAME)


def _decided(item: Any, body: str, key: str, office: str, short: str) -> Any:
    if not isinstance(item, dict):
        return item
    item = dict(item)
    document = item.get("document")
    day = document.get("date") if isinstance(document, dict) else None
    if day is not None:
        item.setdefault("decided_by", {"body": body, "date": day})
    if key == "interviews":
        item.setdefault("materials", [MATERIALS])
        item.setdefault("materials_to", office)
    else:
        item.setdefault("report_to", short)
        item.setdefault("report_form", REPORT_FORM)
    return item


def _departments(out: dict[str, Any], note: Any) -> None:
    departments = out.get("departments")
    if not isinstance(departments, list):
        return
    numbered, cast = _number(departments), 0
    for d in departments:
        if not isinstance(d, dict):
            continue
        votes = d.get("votes")
        if isinstance(votes, dict):
            cast = max(cast, sum(v for v in votes.values() if isinstance(v, int)))
    if numbered:
        note(N_("issue ids: department number and issue number, e.g. 03-02"))
    if cast and "survey" not in out:
        # schema 1 counted a report as satisfying when 满意 + 基本满意 exceeded half the votes cast
        out["survey"] = {
            "voters": [{"name": LEGACY_VOTERS, "entitled": cast}],
            "rule": {"base": "cast", "threshold": "1/2", "strict": True},
        }
        note(
            N_(
                "survey: {voters}, {n} entitled (the most votes on one report), counted over "
                "the votes cast, more than half (schema 1's rule)"
            ),
            voters=LEGACY_VOTERS,
            n=cast,
        )
