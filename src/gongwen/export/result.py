"""The values a PDF export returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gongwen.errors import GongwenError
from gongwen.i18n import DEFAULT_LANG, t


class SofficeMissing(GongwenError):
    """LibreOffice is not installed (or GONGWEN_SOFFICE points nowhere): no PDF can be made."""

    code = "EX001"


@dataclass(frozen=True, slots=True)
class ExportFailure:
    """One input that gave no PDF, and why."""

    file: str
    code: str  # EX002 conversion failed, EX003 timed out, EX004 name clash
    msgid: str
    args: Mapping[str, object] = field(default_factory=dict)

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """The failure in `lang`, with its code and file."""
        return f"{self.code} {self.file}: {t(self.msgid, lang, **self.args)}"


@dataclass(frozen=True, slots=True)
class Substitution:
    """An official face the documents asked for, rendered with a free stand-in."""

    official: str
    used: str
    files: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What one conversion run produced."""

    pdfs: tuple[Path, ...]
    failures: tuple[ExportFailure, ...]
    substitutions: tuple[Substitution, ...]
    processes: int  # soffice processes launched: one a batch, or one per core with jobs > 1
    seconds: float
    fonts_conf: Path | None  # the alias file used, None when the system's fonts were used

    @property
    def ok(self) -> bool:
        """Whether every input gave a PDF."""
        return not self.failures
