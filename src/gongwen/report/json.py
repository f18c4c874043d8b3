"""The JSON form of a check run: the versioned `CheckReport` schema."""

from __future__ import annotations

from gongwen.findings import CheckReport


def to_json(report: CheckReport, lang: str = "zh") -> str:
    """The report as JSON (UTF-8 text, Chinese unescaped); `lang` is unused: messages are set."""
    return report.model_dump_json(indent=2) + "\n"
