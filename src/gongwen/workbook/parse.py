"""The sheets read back into one case: each sheet's rows put where they belong in the case data.

Departments are matched by name (the 问题清单 and the other sheets name them as offices do);
steps, interviews, supervisions and documents by the hidden key column.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gongwen.case.errors import message
from gongwen.case.model import SCHEMA_VERSION
from gongwen.i18n import LANGS, N_, t
from gongwen.render.kinds import KINDS
from gongwen.workbook.layout import (
    BASICS,
    DEPARTMENTS,
    DOCUMENTS,
    INTERVIEWS,
    ISSUES,
    NOTES,
    SHEETS,
    STEP_KEYS,
    STEPS,
    SUPERVISIONS,
    SURVEY,
    TEAM,
    Sheet,
    step_label,
)
from gongwen.workbook.read import Parsed, Reader, Row
from gongwen.workbook.source import Grid, grids
from gongwen.workbook.where import Place

Data = dict[str, Any]


def parse(path: Path, lang: str) -> Parsed:
    """The case data the workbook at `path` holds; WorkbookError if it is no workbook at all."""
    reader = Reader(lang, ())
    sheets = _sheets(grids(path, lang), reader)
    data: Data = {"version": SCHEMA_VERSION}
    for sheet, owns, put in _ORDER:
        ws = sheets.get(sheet.key)
        if ws is None:
            continue
        for path_ in owns:
            reader.places.sheets[path_] = Place(ws.title)
        put(reader, ws, sheet, data)
    return Parsed(data, reader.places, reader.problems, reader.bad)


def _sheets(found: list[Grid], reader: Reader) -> dict[str, Grid]:
    """The workbook's sheets by the key of the sheet they are; unknown ones are problems."""
    titles = {t(s.title, lang).casefold(): s for s in SHEETS for lang in LANGS}
    notes = {t(NOTES, lang).casefold() for lang in LANGS}
    out: dict[str, Grid] = {}
    for ws in found:
        title = ws.title.strip().casefold()
        sheet = titles.get(title)
        if sheet is not None and sheet.key not in out:
            out[sheet.key] = ws
        elif title not in notes:
            msgid = N_("a sheet gongwen does not know: its content would not be imported")
            reader.problem(Place(ws.title), t(msgid, reader.lang))
    for sheet in SHEETS:
        if sheet.key not in out:
            missing = t(N_("the sheet is missing"), reader.lang)
            reader.problem(Place(t(sheet.title, reader.lang)), missing)
    return out


def _basics(reader: Reader, ws: Grid, sheet: Sheet, data: Data) -> None:
    row = reader.record(ws, sheet)
    reader.put(data, "", row)
    draft = data.pop("is_draft", None)
    if draft and "draft" not in data:
        data["draft"] = {}
    elif not draft and "draft" in data:
        msgid = N_("the case is not marked a draft, yet the draft's source or list is filled in")
        reader.problem(row.places["is_draft"], t(msgid, reader.lang))
        del data["draft"]


def _survey(reader: Reader, ws: Grid, sheet: Sheet, data: Data) -> None:
    survey = data.get("survey", {})  # the rule is on 基本信息
    reader.put(survey, "survey", reader.record(ws, sheet))
    rule = survey.get("rule", {})
    if set(survey) == {"rule"} and all(f"survey.rule.{k}" in reader.cleared for k in rule):
        data.pop("survey", None)  # only the rule's yes/no cells, left empty: a case without a vote
        return
    if survey:
        data["survey"] = survey


def _missing(reader: Reader, row: Row, path: str) -> bool:
    """True, reported, when the cell at `path` is empty (not when it was bad: said already)."""
    place = row.places[path]
    if path in row.values or place.said(reader.lang) in reader.bad:
        return path not in row.values
    reader.problem(place, message("missing", None, reader.lang))
    return True


def _team(reader: Reader, ws: Grid, sheet: Sheet, data: Data) -> None:
    team = data.setdefault("team", {})
    for row in reader.table(ws, sheet):
        if _missing(reader, row, "role"):
            continue
        role = row.values.pop("role")
        if role == "leader" and "leader" in team:
            reader.problem(row.places["role"], t(N_("a second leader"), reader.lang))
        elif role == "leader":
            team["leader"] = {}
            reader.put(team["leader"], "team.leader", row)
        else:
            group = "members" if role == "member" else "deputies"
            people = team.setdefault(group, [])
            people.append({})
            reader.put(people[-1], f"team.{group}[{len(people) - 1}]", row)
    if "leader" not in team:
        reader.problem(Place(ws.title), t(N_("no row has the role of leader"), reader.lang))


def _keyed(reader: Reader, row: Row, known: dict[str, Any], seen: set[str]) -> str | None:
    """The row's key if it names one of `known` not met before; else reported, None."""
    if row.key is None:
        msgid = N_("a row with no key: a row added here needs the key of what it belongs to")
    elif row.key not in known:
        msgid = N_("the key {key} matches nothing of the case: the key column was edited")
    elif row.key in seen:
        msgid = N_("the same key {key} as another row")
    else:
        seen.add(row.key)
        return row.key
    reader.problem(row.place, t(msgid, reader.lang, key=row.key))
    return None


def _steps(reader: Reader, ws: Grid, sheet: Sheet, data: Data) -> None:
    steps: Data = data.setdefault("steps", {})
    seen: set[str] = set()
    for row in reader.table(ws, sheet):
        key = _keyed(reader, row, dict.fromkeys(STEP_KEYS), seen)
        if key is None:
            continue
        steps[key] = {}
        reader.put(steps[key], f"steps.{key}", row)
        labels = {step_label(key, name, lang) for lang in LANGS for name in ("", "named")}
        _shown(reader, row, "step", labels)
        start, end = row.values.get("start"), row.values.get("end")
        if start is not None and end is not None and end < start:
            # said at the cell, and not again at the row as the case's validation says it
            reader.problem(row.places["end"], t(N_("the end is before the start"), reader.lang))
            reader.bad.add(row.place.said(reader.lang))
    for key in STEP_KEYS:
        if key not in seen:
            step = step_label(key, None, reader.lang)
            text = t(N_("no row for the step {step}"), reader.lang, step=step)
            reader.problem(Place(ws.title), text)


def _departments(reader: Reader, ws: Grid, sheet: Sheet, data: Data) -> None:
    departments: list[Data] = data.setdefault("departments", [])
    for row in reader.table(ws, sheet):
        departments.append({})
        reader.put(departments[-1], f"departments[{len(departments) - 1}]", row)


def _issues(reader: Reader, ws: Grid, sheet: Sheet, data: Data) -> None:
    departments: list[Data] = data.get("departments", [])
    index = {d.get("name"): i for i, d in reversed(list(enumerate(departments)))}
    for row in reader.table(ws, sheet):
        if _missing(reader, row, "department"):
            continue
        name = row.values.pop("department")
        if name not in index:
            text = message("unknown_department", {"value": name}, reader.lang)
            reader.problem(row.places["department"], text)
            continue
        official = departments[index[name]].get("official", {}).get("name")
        _shown(reader, row, "official", {official})
        issues = departments[index[name]].setdefault("issues", [])
        issues.append({})
        row.places.pop("department")
        reader.put(issues[-1], f"departments[{index[name]}].issues[{len(issues) - 1}]", row)


def _items(reader: Reader, ws: Grid, sheet: Sheet, data: Data) -> None:
    """Interviews or supervisions, in the sheet's order, each remembered by its key."""
    items: list[Data] = data.setdefault(sheet.key, [])
    for row in reader.table(ws, sheet):
        items.append({})
        base = f"{sheet.key}[{len(items) - 1}]"
        reader.put(items[-1], base, row)
        if row.key is None:
            msgid = N_("a row with no key: copy the key of a row you copied, and make it new")
        elif row.key in reader.keys:
            msgid = N_("the same key {key} as another row")
        else:
            reader.keys[row.key] = (base, items[-1], row.place)
            continue
        reader.problem(row.place, t(msgid, reader.lang, key=row.key))


_POINTS = {"report": "proposals", "circular": "requirements"}
_OWN = ("report", "circular", "feedback")  # the documents of the round, not of an item


def _documents(reader: Reader, ws: Grid, sheet: Sheet, data: Data) -> None:
    """Each document row under its key: the three of the round, each interview's and decision's."""
    known: dict[str, tuple[str, Data, Place | None]] = {key: (key, data, None) for key in _OWN}
    known.update(
        {k: (f"{base}.document", item, place) for k, (base, item, place) in reader.keys.items()}
    )
    seen: set[str] = set()
    for row in reader.table(ws, sheet):
        key = _keyed(reader, row, known, seen)
        if key is None:
            continue
        path, owner, _ = known[key]
        label = KINDS[key if key in _OWN else _KIND[key.partition("-")[0]]].label
        _shown(reader, row, "document", {label}, prefix=True)
        msgid = N_("only the review report and the circular have proposals or requirements")
        _only(reader, row, "points", key in _POINTS, msgid)
        msgid = N_("only the feedback letters have a rectification deadline")
        _only(reader, row, "rectify_by", key == "feedback", msgid)
        document: Data = {}
        reader.put(document, path, row, {"points": _POINTS.get(key, "points")})
        owner[key if key in _OWN else "document"] = document
    for key, (_, _, place) in known.items():
        if key in seen:
            continue
        if place is None:
            text = t(N_("no row for the {document}"), reader.lang, document=KINDS[key].label)
        else:
            text = t(N_("no row in the sheet of documents for this one's document"), reader.lang)
        reader.problem(place or Place(ws.title), text)


_KIND = {"interview": "interview", "supervision": "decision"}


def _shown(reader: Reader, row: Row, path: str, allowed: set[Any], *, prefix: bool = False) -> None:
    """A read-only cell changed from what it shows is said: what is typed there is read nowhere."""
    if path not in row.shown:
        return
    value, place = row.shown[path]
    text = str(value).strip()
    if text in allowed or (prefix and any(text.startswith(str(a)) for a in allowed)):
        return
    msgid = N_("a read-only column, shown for reference and not read back: change {what} instead")
    what = {
        "official": t(N_("the responsible official on the sheet of departments"), reader.lang),
        "step": t(N_("the name used for the step"), reader.lang),
        "document": t(N_("the columns of the document's row"), reader.lang),
    }[path]
    reader.problem(place, t(msgid, reader.lang, what=what))


def _only(reader: Reader, row: Row, path: str, allowed: bool, msgid: str) -> None:
    if not allowed and path in row.values:
        reader.problem(row.places[path], t(msgid, reader.lang))
        del row.values[path]


_ORDER: tuple[tuple[Sheet, tuple[str, ...], Callable[[Reader, Any, Sheet, Data], None]], ...] = (
    (BASICS, ("",), _basics),
    (TEAM, ("team",), _team),
    (STEPS, ("steps",), _steps),
    (DEPARTMENTS, ("departments",), _departments),
    (ISSUES, (), _issues),
    (SURVEY, ("survey",), _survey),
    (INTERVIEWS, ("interviews",), _items),
    (SUPERVISIONS, ("supervisions",), _items),
    (DOCUMENTS, ("report", "circular", "feedback"), _documents),
)
