"""Every list number format of ECMA-376 (`ST_NumberFormat`, 17.18.59) as Word shows it.

`number(fmt, n)` is the text Word sets for counter value `n` in format `fmt`, or None when
the format is not one this table can show (an unknown value, a `custom` pattern it does not
understand): the caller then shows the number in digits, as Word does, and says so. A value
outside what a format can write (㉑ has no character) is shown in digits, as Word does.
Formats after Word where its output is known; the CJK counting forms follow the Microsoft
reference implementation of list text (Open-XML-PowerTools), the Korean ones LibreOffice.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gongwen.numerals import letters, roman

_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_CN = "〇一二三四五六七八九"


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    """Numbers 1…(last − first + 1) as the run of enclosed characters from `first`."""
    return lambda n: chr(first + n - 1) if 1 <= n <= last - first + 1 else str(n)


def _sequence(symbols: str | tuple[str, ...], repeat: bool = True) -> Callable[[int], str]:
    """A list that counts through `symbols`; past the end each repeats (ｱｱ), or digits."""

    def show(n: int) -> str:
        size = len(symbols)
        if n < 1 or n > size * 30 or (not repeat and n > size):
            return str(n)
        return symbols[(n - 1) % size] * ((n - 1) // size + 1)

    return show


def _digits(table: str) -> Callable[[int], str]:
    """`n` digit by digit in the ten symbols of `table` (一〇五)."""
    return lambda n: "".join(table[int(d)] for d in str(n)) if n >= 0 else str(n)


def _units(
    n: int, digits: str, units: str, *, zero: str = "", drop_one: str = "", leading: bool = True
) -> str | None:
    """`n` (1–9999) with place units: `units` is ten, hundred, thousand; `zero` stands for a
    gap (一百〇五); a one before a unit of `drop_one` is left out (十一, 百), only at the
    start of the number when `leading` (一百一十)."""
    if not 1 <= n <= 9999:
        return None
    out, gap = "", False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            gap = bool(out)
            continue
        if gap:
            out, gap = out + zero, False
        if not (d == 1 and unit and unit in drop_one and not (leading and out)):
            out += digits[d]
        out += unit
    return out


def _or_digits(show: Callable[[int], str | None]) -> Callable[[int], str]:
    return lambda n: (show(n) or str(n)) if n > 0 else str(n)


def _chinese_counting(n: int) -> str:
    """一 … 十, 十一, 二十一, then digit by digit from 100 (一〇〇)."""
    if 1 <= n <= 99:
        return _units(n, _CN, "十百千", drop_one="十") or str(n)
    return _digits(_CN)(n) if 100 <= n <= 9999 else str(n)


def _chinese_thousand(zero: str) -> Callable[[int], str]:
    return _or_digits(lambda n: _units(n, _CN, "十百千", zero=zero, drop_one="十"))


def _legal(digits: str, units: str, zero: str) -> Callable[[int], str]:
    return _or_digits(lambda n: _units(n, digits, units, zero=zero))


def _japanese_ten_thousand(n: int) -> str:
    """Digit by digit (一〇), with 万 before the last four digits from 10,000."""
    if n < 10000:
        return _digits(_CN)(n)
    return _digits(_CN)(n // 10000) + "万" + _digits(_CN)(n % 10000).rjust(4, "〇")


_STEMS, _BRANCHES = "甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉戌亥"

# ---- English words ----
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen")  # fmt: skip
_TENS = ("ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth")  # fmt: skip
_TENTHS = ("tenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
           "eightieth", "ninetieth")  # fmt: skip


def _words(n: int, ordinal: bool = False) -> str:
    """`n` (1–9999) in English words, capitalised as Word shows them: Twenty-one, First."""
    if not 1 <= n <= 9999:
        return str(n)
    parts: list[str] = []
    thousands, hundreds = n // 1000, n // 100 % 10
    if thousands:
        parts.append(f"{_ONES[thousands - 1]} thousand")
    if hundreds:
        parts.append(f"{_ONES[hundreds - 1]} hundred")
    rest = n % 100
    if rest:
        ones, tens = (_NTH, _TENTHS) if ordinal else (_ONES, _TENS)
        if rest < 20:
            parts.append(ones[rest - 1])
        elif rest % 10 == 0:
            parts.append(tens[rest // 10 - 1])
        else:
            parts.append(f"{_TENS[rest // 10 - 1]}-{ones[rest % 10 - 1]}")
    elif ordinal:
        parts[-1] += "th"
    text = " ".join(parts)
    return text[0].upper() + text[1:]


def _ordinal(n: int) -> str:
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _chicago(n: int) -> str:
    """*, †, ‡, §, then each doubled (**), tripled …"""
    return _sequence("*†‡§")(n)


# ---- other scripts ----
_KO_SINO = "영일이삼사오육칠팔구"
_KO_NATIVE_ONES = ("하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉")
_KO_NATIVE_TENS = ("열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")


def _korean_legal(n: int) -> str:
    """Native Korean numbers: 하나, 둘 … 열, 스물하나 … 아흔아홉."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    return (_KO_NATIVE_TENS[tens - 1] if tens else "") + (_KO_NATIVE_ONES[ones - 1] if ones else "")


_HEBREW_VALUES = tuple(zip(
    (400, 300, 200, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1),
    "תשרקצפעסנמלכיטחזוהדגבא", strict=True,
))  # fmt: skip


def _hebrew(n: int) -> str:
    """Hebrew numerals (gematria): א … י, יא, טו and טז for 15 and 16, ק, תק."""
    if not 1 <= n <= 999:
        return str(n)
    out = ""
    while n >= 400:
        out, n = out + "ת", n - 400
    for value, letter in _HEBREW_VALUES[1:]:
        if n in (15, 16):
            return out + "ט" + ("ו" if n == 15 else "ז")
        while n >= value:
            out, n = out + letter, n - value
    return out


_THAI_DIGITS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")


def _thai_words(n: int) -> str | None:
    """Thai number words: หนึ่ง … สิบ, สิบเอ็ด, ยี่สิบ, หนึ่งร้อย."""
    if not 1 <= n <= 9999:
        return None
    out = ""
    for power, unit in ((1000, "พัน"), (100, "ร้อย")):
        if n // power % 10:
            out += _THAI_DIGITS[n // power % 10] + unit
    tens, ones = n % 100 // 10, n % 10
    if tens:
        out += {1: "", 2: "ยี่"}.get(tens, _THAI_DIGITS[tens]) + "สิบ"
    if ones:
        out += "เอ็ด" if ones == 1 and (tens or n > 10) else _THAI_DIGITS[ones]
    return out


def _vietnamese(n: int) -> str:
    """Vietnamese number words: một … mười, mười một, hai mươi mốt, một trăm lẻ một."""
    words = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
    if not 1 <= n <= 999:
        return str(n)
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = [words[hundreds], "trăm"] if hundreds else []
    if tens == 1:
        out.append("mười")
    elif tens:
        out += [words[tens], "mươi"]
    elif hundreds and ones:
        out.append("lẻ")
    if ones:
        out.append(
            "mốt" if ones == 1 and tens > 1 else "lăm" if ones == 5 and tens else words[ones]
        )
    return " ".join(out)


_AIUEO = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
_IROHA = (
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
)
_HALF_KANA = str.maketrans(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン",
    "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ",
)  # ヰ and ヱ have no half-width form and stay as they are
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"
_ARABIC_ALPHA = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"
_ARABIC_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
_HINDI_VOWELS = ("अ", "आ", "इ", "ई", "उ", "ऊ", "ऋ", "ए", "ऐ", "ओ", "औ", "अं", "अः")
_HINDI_CONSONANTS = "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह"

FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalEnclosedCircle": _enclosed(0x2460, 0x2473),  # ① … ⑳
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 0x2473),
    "decimalEnclosedFullstop": _enclosed(0x2488, 0x249B),  # ⒈ … ⒛
    "decimalEnclosedParen": _enclosed(0x2474, 0x2487),  # ⑴ … ⒇
    "numberInDash": lambda n: f"- {n} -",
    "hex": lambda n: f"{n:X}",
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "upperLetter": letters,
    "lowerLetter": lambda n: letters(n).lower(),
    "ordinal": _ordinal,
    "cardinalText": _words,
    "ordinalText": lambda n: _words(n, ordinal=True),
    "dollarText": lambda n: f"{_words(n)} and 00/100" if 1 <= n <= 9999 else str(n),
    "chicago": _chicago,
    # Chinese
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_thousand("〇"),
    "chineseLegalSimplified": _legal("零壹贰叁肆伍陆柒捌玖", "拾佰仟", "零"),
    "ideographDigital": _digits(_CN),
    "ideographTraditional": lambda n: _STEMS[n - 1] if 1 <= n <= 10 else str(n),
    "ideographZodiac": lambda n: _BRANCHES[n - 1] if 1 <= n <= 12 else str(n),
    "ideographZodiacTraditional": (
        lambda n: _STEMS[(n - 1) % 10] + _BRANCHES[(n - 1) % 12] if 1 <= n <= 60 else str(n)
    ),
    "ideographEnclosedCircle": _enclosed(0x3220, 0x3229),  # ㈠ … ㈩
    "ideographLegalTraditional": _legal("零壹貳參肆伍陸柒捌玖", "拾佰仟", "零"),
    "taiwaneseCounting": _chinese_counting,
    "taiwaneseCountingThousand": _chinese_thousand("零"),
    "taiwaneseDigital": _digits(_CN),
    # Japanese
    "japaneseCounting": _or_digits(
        lambda n: _units(n, _CN, "十百千", drop_one="十百千", leading=False)
    ),
    "japaneseLegal": _legal("〇壱弐参四伍六七八九", "拾百阡", ""),
    "japaneseDigitalTenThousand": _japanese_ten_thousand,
    "aiueo": _sequence(_AIUEO.translate(_HALF_KANA)),
    "aiueoFullWidth": _sequence(_AIUEO),
    "iroha": _sequence(_IROHA.translate(_HALF_KANA)),
    "irohaFullWidth": _sequence(_IROHA),
    # Korean
    "koreanDigital": _digits(_KO_SINO),  # 일, 일영
    "koreanDigital2": _digits("零一二三四五六七八九"),  # 一, 一零
    "koreanCounting": _or_digits(
        lambda n: _units(n, _KO_SINO, "십백천", drop_one="십백천", leading=False)
    ),  # 일, 십, 십일
    "koreanLegal": _korean_legal,  # 하나, 둘
    "ganada": _sequence("가나다라마바사아자차카타파하"),
    "chosung": _sequence("ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"),
    # other scripts
    "vietnameseCounting": _vietnamese,
    "russianLower": _sequence(_RUSSIAN),
    "russianUpper": _sequence(_RUSSIAN.upper()),
    "hebrew1": _hebrew,
    "hebrew2": _sequence("אבגדהוזחטיכלמנסעפצקרשת"),
    "arabicAlpha": _sequence(_ARABIC_ALPHA),
    "arabicAbjad": _sequence(_ARABIC_ABJAD),
    "hindiVowels": _sequence(_HINDI_VOWELS),
    "hindiConsonants": _sequence(_HINDI_CONSONANTS),
    "hindiNumbers": _digits("०१२३४५६७८९"),
    "thaiLetters": _sequence(_THAI_LETTERS),
    "thaiNumbers": _digits("๐๑๒๓๔๕๖๗๘๙"),
    "thaiCounting": lambda n: _thai_words(n) or str(n),
    "bahtText": lambda n: (_thai_words(n) or str(n)) + "บาทถ้วน",
}

# Values that show no number at all (the level's text stands without one)
NO_NUMBER = frozenset({"bullet", "none"})

# Formats of the list that name a number system this table cannot write: Word shows words
# (hindiCounting: एक, दो …) that are not reproduced here, so the reader is told.
UNSUPPORTED = frozenset({"hindiCounting"})

_CUSTOM_PADDED = re.compile(r"^\s*(0*1)\s*,")  # w:format="001, 002, 003, ..."


def number(fmt: str, n: int, custom: str | None = None) -> str | None:
    """The text of counter value `n` in format `fmt`; None if the format cannot be shown.

    `custom` is the pattern of a `w:numFmt w:val="custom"` (Word 2010's `w:format`); the
    zero-padded decimal patterns (`001, 002, 003, ...`) are shown, others are not.
    """
    if fmt == "custom":
        match = _CUSTOM_PADDED.match(custom or "")
        return str(n).rjust(len(match[1]), "0") if match and n >= 0 else None
    show = FORMATS.get(fmt)
    return show(n) if show is not None else None
