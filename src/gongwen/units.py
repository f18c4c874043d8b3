"""Lengths as value types, and the 字号 (Chinese font size) table."""

from __future__ import annotations

from typing import Any

EMU_PER_MM = 36_000
EMU_PER_PT = 12_700
EMU_PER_TWIP = 635
EMU_PER_INCH = 914_400


class Length(int):
    """A length in EMU (English Metric Units), as OOXML counts them."""

    __slots__ = ()

    @property
    def mm(self) -> float:
        """The length in millimetres."""
        return self / EMU_PER_MM

    @property
    def pt(self) -> float:
        """The length in points."""
        return self / EMU_PER_PT

    @property
    def twips(self) -> float:
        """The length in twentieths of a point."""
        return self / EMU_PER_TWIP

    def __repr__(self) -> str:
        return f"Length({self.mm:.2f} mm)"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(cls, core_schema.int_schema())


def Mm(value: float) -> Length:  # reads like a unit, as in python-docx
    """A length of `value` millimetres."""
    return Length(round(value * EMU_PER_MM))


def Pt(value: float) -> Length:
    """A length of `value` points."""
    return Length(round(value * EMU_PER_PT))


def Twips(value: float) -> Length:
    """A length of `value` twips (1/20 pt), the unit of most OOXML attributes."""
    return Length(round(value * EMU_PER_TWIP))


# 号 → pt (GB/T 9704 uses 号 throughout; Word and WPS show the same table).
ZIHAO: dict[str, float] = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
    "小五": 9,
}


def zihao(name: str) -> float:
    """The size in points of the 字号 `name` (such as 三号)."""
    try:
        return ZIHAO[name]
    except KeyError:
        raise ValueError(f"unknown 字号: {name!r}") from None


def zihao_name(size_pt: float | None) -> str | None:
    """The 字号 whose size is `size_pt`, or None when there is none."""
    if size_pt is None:
        return None
    for name, pt in ZIHAO.items():
        if abs(pt - size_pt) < 0.01:
            return name
    return None


def describe_size(size_pt: float | None) -> str:
    """A size as an office worker says it: 三号 (16 pt), or 13 pt when it has no 号."""
    if size_pt is None:
        return "?"
    name = zihao_name(size_pt)
    shown = f"{size_pt:g} pt"
    return f"{name}（{shown}）" if name else shown
