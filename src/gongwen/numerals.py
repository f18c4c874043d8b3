"""Numbers as Chinese official documents write them: 一, 十一, 二十三; and list counters.

Shared by generation (headings of the documents gongwen writes) and ingest (the numbers
Word shows for an automatically numbered heading of a submitted report).
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def cn_numeral(n: int) -> str:
    """`n` (0–9999) in Chinese numerals as headings count: 一, 十, 十一, 二十三, 一百零五."""
    if not 0 <= n <= 9999:
        raise ValueError(f"no Chinese numeral for {n}")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if zero and out else "") + _DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def cn_digits(n: int) -> str:
    """`n` (0 or more) digit by digit in Chinese numerals: 一〇五 (as years are written)."""
    if n < 0:
        return str(n)
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))


def cn_legal(n: int) -> str:
    """`n` (0–9999) in the financial numerals: 壹, 拾壹 (大写)."""
    return cn_numeral(n).translate(str.maketrans(_DIGITS + "十百千", _LEGAL + "拾佰仟"))


def roman(n: int) -> str:
    """`n` (1–3999) in upper-case Roman numerals; other numbers as digits."""
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def letters(n: int) -> str:
    """`n` as list letters count: A … Z, then AA … ZZ (Word's way: the letter repeated).

    Past 780 (30 letters) the number is given in digits.
    """
    if not 0 < n <= 780:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
