"""The kinds of cell the workbook's columns are, each with how a clerk fills it in (for 说明)."""

from __future__ import annotations

from gongwen.case.documents import Form
from gongwen.i18n import N_
from gongwen.ledger.sheet import DATE_FORMAT, STATUS_LABELS
from gongwen.workbook.cells import (
    TEXT_FORMAT,
    TIME_FORMAT,
    YES_NO,
    Choice,
    Day,
    Grade,
    Grading,
    Headed,
    Kind,
    Lines,
    Moment,
    Names,
    Persons,
    Share,
    Voters,
    Whole,
)

TEXT = Kind(N_("text"))
NUMBER = Whole(N_("a whole number"))
DATE = Day(N_("a date, e.g. 2025年6月18日"), DATE_FORMAT)
TIME = Moment(N_("a date and time, e.g. 2025年6月18日 9:30"), TIME_FORMAT)
YES = Choice(N_("是 or 否, from the list; a cell left empty is 否"), labels=YES_NO)
NAMES = Names(N_("names separated by 、 (， ； and spaces are read too)"))
LINES = Lines(N_("one item a line (Alt+Enter starts a new line in a cell)"))
PERSONS = Persons(N_("姓名（职务）, separated by 、"))
HEADED = Headed(N_("one item a line, written 标题：内容"))
SHARE = Share(N_("a fraction such as 1/2 or 2/3"), TEXT_FORMAT)
GRADE = Grade(N_("a grade of the case's scheme, from the list"))
STATUS = Choice(N_("a status, from the list"), labels=STATUS_LABELS)
FORM = Choice(
    N_("a form, from the list"),
    labels={
        Form.FILE: N_("文件格式"),
        Form.LETTER: N_("信函格式"),
        Form.PLAIN: N_("no 版头"),
    },
)
BASE = Choice(
    N_("a base, from the list"),
    labels={"entitled": N_("those entitled (应到)"), "cast": N_("ballots cast (实到)")},
)
GRADING = Grading(
    N_("grades best first: 优秀/良好/合格/不合格, or each with its class: 甲（表扬）/乙（不通过）")
)
VOTERS = Voters(N_("名称（21人）, separated by 、"))
ROLE = Choice(
    N_("a role, from the list"),
    labels={
        "leader": N_("team leader"),
        "deputy": N_("deputy team leader"),
        "member": N_("team member"),
    },
)
