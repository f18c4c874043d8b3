"""The sheet 说明: what each column of the workbook holds and how a clerk fills it in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gongwen.case import Case
from gongwen.i18n import N_, t
from gongwen.workbook.cells import Context
from gongwen.workbook.layout import SHEETS, Column, columns, heading

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet
    from pydantic import BaseModel


HEADER_FILL, READ_ONLY_FILL = "D9E1F2", "E7E6E6"  # blue-grey headings, grey read-only cells


def styled_header(
    ws: Worksheet, headings: list[str], widths: list[float], fills: list[str] | None = None
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    fills = fills or [HEADER_FILL] * len(headings)
    for number, (text, width) in enumerate(zip(headings, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=number, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=fills[number - 1])
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(number)].width = width
    ws.freeze_panes = "B2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def notes(ws: Worksheet, case: Case, lang: str) -> None:
    """说明: what each column means (the case schema's descriptions) and how to fill it in."""
    from openpyxl.styles import Alignment

    headings = [
        t(h, lang)
        for h in (
            N_("Sheet of the workbook"),
            N_("Column of the sheet"),
            N_("What it holds"),
            N_("How to fill it in"),
        )
    ]
    styled_header(ws, headings, [14, 16, 60, 36])
    row = 2
    ctx = Context(lang, tuple(case.scheme.names))
    for sheet in SHEETS:
        for column in columns(sheet, case):
            values = [
                t(sheet.title, lang),
                heading(column, lang),
                meaning(column, lang),
                how(column, ctx),
            ]
            for n, value in enumerate(values, start=1):
                ws.cell(row=row, column=n, value=value).alignment = Alignment(
                    wrap_text=True, vertical="top"
                )
            row += 1


def meaning(column: Column, lang: str) -> str:
    """What the column holds: its model field's description, in `lang`."""
    if column.hidden:
        return t(N_("matches the row back to the case: do not edit it"), lang)
    if column.derived or column.about is None:
        return t(N_("shown for reference; not read back"), lang)
    return "；".join(described(f, lang) for f in (column.about, column.also) if f is not None)


def described(about: tuple[type[BaseModel], str], lang: str) -> str:
    """The description of the field `about` names (its model's docstring for ""), in `lang`."""
    model, name = about
    text = model.model_fields[name].description if name else model.__doc__
    return t(text or name, lang)


def how(column: Column, ctx: Context) -> str:
    """How a clerk fills the column in, with its choices where it has a list."""
    text = t(column.kind.how, ctx.lang)
    choices = column.kind.choices(ctx)
    return f"{text}：{'、'.join(choices)}" if choices else text
