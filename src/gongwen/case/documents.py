"""The documents of a round as a case sets them: form, numbers, recipients, 版记 and
signature, with what the review report, the circular and the feedback letters add."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

from pydantic import Field

from gongwen.values import Frozen, Text


class Form(StrEnum):
    """How a document's first page is laid out (GB/T 9704 7.2, 10.1)."""

    FILE = "file"  # 文件格式: the mark with 文件, the 发文字号 and the red rule (7.2)
    LETTER = "letter"  # 信函格式: the name alone, red double rules, number flush right (10.1)
    PLAIN = "plain"  # no 版头: a paper laid before a meeting, the title first


class DocumentSettings(Frozen):
    """What one document needs beyond the case: number, recipients, 版记, signature."""

    form: Form = Field(
        Form.FILE,
        description="file (文件格式, the 版头 of 7.2), letter (信函格式, 10.1; the default of the "
        "feedback letters, a 函) or plain (no 版头, e.g. a report handed to a meeting)",
    )
    upward: bool = Field(
        False,
        description="an 上行文 to a higher body: the 发文字号 flush left and the 签发人 on its "
        "line (7.2.5, 7.2.6); the default of the review report",
    )
    signers: list[Text] = Field(
        default_factory=list, description="签发人 of an 上行文, one line each (7.2.6)"
    )
    number: int | None = Field(None, ge=1, description="序号 of the 发文字号 (no leading zeros)")
    code: Text | None = Field(None, description="机关代字 for this document, e.g. 丹人常函")
    year: int | None = Field(None, description="year of the 发文字号; the date's year if absent")
    recipients: list[Text] = Field(default_factory=list, description="主送机关")
    cc: list[Text] = Field(default_factory=list, description="抄送机关")
    printed_by: Text | None = Field(None, description="印发机关; the issuer's office if absent")
    printed_on: dt.date | None = Field(None, description="印发日期; the 成文日期 if absent")
    signatory: Text | None = Field(None, description="署名; the issuer's name if absent")
    sealed: bool = Field(True, description="the document bears the issuer's seal")
    seal_image: Path | None = Field(None, description="PNG of the seal, laid over the 署名")
    date: dt.date = Field(description="成文日期")
    note: Text | None = Field(None, description="附注, without its parentheses")


class FeedbackSettings(DocumentSettings):
    """The feedback letters: one per department, numbered from `number` upwards."""

    form: Form = Form.LETTER
    rectify_by: dt.date = Field(description="rectification deadline stated in the letters")


class Titled(Frozen):
    """A heading with its paragraph (a proposal, a requirement, a step)."""

    title: Text
    text: Text


class Report(DocumentSettings):
    """The review report (评阅报告): a 报告 to the committee, an 上行文 unless said otherwise."""

    upward: bool = True
    proposals: list[Titled] = Field(
        min_length=1, description="the report's proposals (建议): each a heading and its paragraph"
    )


class Circular(DocumentSettings):
    """The circular (情况通报)."""

    requirements: list[Titled] = Field(
        min_length=1,
        description="the circular's requirements (要求): each a heading and its paragraph",
    )
