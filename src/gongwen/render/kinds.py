"""The document kinds: each is a template folder plus a context module."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from gongwen.resources import data_dir

if TYPE_CHECKING:
    from gongwen.case import Case
    from gongwen.render.contexts.common import Prepared


class Context(Protocol):
    """What each module of gongwen.render.contexts defines (an item is a kind's own type)."""

    def items(self, case: Case) -> Sequence[Any]: ...

    def name(self, case: Case, item: Any) -> str: ...

    def build(self, case: Case, item: Any) -> Prepared: ...


@dataclass(frozen=True, slots=True)
class Kind:
    """A document kind: its name, its label, its context module."""

    name: str
    label: str  # the document's name in Chinese, as offices say it
    per: str | None  # what one document is made for: None (one per case) or the item's kind

    @property
    def module(self) -> Context:
        """The context module, imported on first use."""
        # a module imported by name is a ModuleType to mypy: the Protocol says what it holds
        return cast("Context", importlib.import_module(f"gongwen.render.contexts.{self.name}"))

    @property
    def template(self) -> Path:
        """The template file."""
        return data_dir("templates") / self.name / "template.docx"

    @property
    def items(self) -> Callable[[Case], Sequence[Any]]:
        """The items of a case this kind makes one document for."""
        return self.module.items


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("report", "评阅报告", None),
        Kind("circular", "情况通报", None),
        Kind("interview", "约谈通知", "interview"),
        Kind("decision", "专题监督决定", "supervision"),
        Kind("feedback", "评阅意见反馈函", "department"),
    )
}
