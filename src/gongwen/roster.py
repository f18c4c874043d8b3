"""The roster (who must submit) and the receipt register (收文登记): configuration as data."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One official who must submit a report."""

    department: str  # 单位
    official: str  # 姓名
    post: str = ""  # 职务


@dataclass(frozen=True, slots=True)
class Receipt:
    """One line of the receipt register: which file came from whom, and when."""

    file: str  # file name as received
    department: str
    received: dt.date


class TableError(ValueError):
    """A roster or register that cannot be used; the message names file, row and column."""


ROSTER_COLUMNS = {"department": ("单位", "部门", "department"), "official": ("姓名", "负责人", "official"), "post": ("职务", "post")}
REGISTER_COLUMNS = {"file": ("文件", "文件名", "file"), "department": ("单位", "部门", "department"), "received": ("收文日期", "报送日期", "received")}
