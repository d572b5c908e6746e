"""Korean numerals: turn printed numbers such as `1만 5천`, `5천억`, `3만300`, `1,200`, `1.3` or `두` into values.

News copy mixes Arabic digits with the Korean place words (십 백 천 below 만, and 만 억 조 경 in steps of
10^4), puts spaces between the groups (`1만 5000`) and uses native numerals before some counters
(`두 차례`).  The parser reads all of these the way a reader does, group by group.
"""
from __future__ import annotations

import re

SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
SINO_DIGITS = {"영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
# Native numerals as they stand before a counter (`두 차례`, `세 곳`); the counting forms (`둘`, `셋`) as well.
NATIVE_NUMBERS = {
    "한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4, "다섯": 5, "여섯": 6,
    "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스무": 20, "스물": 20,
}

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[십백천만억조경영공일이삼사오육칠팔구]")


def tidy(value: float) -> int | float:
    """An int when the value is whole (`15000`, not `15000.0`), else the float rounded past float noise."""
    if abs(value - round(value)) < 1e-9 * max(1.0, abs(value)):
        return int(round(value))
    return round(value, 10)


def parse_korean_number(text: str) -> int | float | None:
    """The value of a printed number, or None when `text` is not one number.

    Handles digits with thousands commas and decimals (`1,200`, `1.3`), Korean place words after digits or alone
    (`1만 5천` -> 15000, `3만300여` -> 30300, `5천억` -> 5*10^11, `200조` -> 2*10^14, `3만300` -> 30300, `천만` -> 10^7), Sino-Korean
    digit words (`삼십` -> 30) and native numerals (`두` -> 2).  Spaces between groups are ignored.
    """
    if re.search(r"\d\s+\d", text or ""):
        return None  # `3 4` is two numbers
    s = re.sub(r"[\s,]", "", text or "")
    if not s:
        return None
    if s in NATIVE_NUMBERS:
        return NATIVE_NUMBERS[s]
    s = s.replace("여", "")  # `3만300여`, `6천여만`: "some", the printed value is the claim
    tokens = _TOKEN.findall(s)
    if "".join(tokens) != s:
        return None
    total = 0.0  # everything above the current 만-group
    section = 0.0  # the current group below 만 (0..9999)
    current: float | None = None  # the digits not yet multiplied
    for tok in tokens:
        if tok in SMALL_UNITS:
            section += (1 if current is None else current) * SMALL_UNITS[tok]
            current = None
        elif tok in BIG_UNITS:
            section += 0 if current is None else current
            total += (section or 1) * BIG_UNITS[tok]
            section, current = 0.0, None
        else:
            if current is not None:
                return None  # two digit runs in a row (`3 4`) are two numbers, not one
            current = float(SINO_DIGITS[tok]) if tok in SINO_DIGITS else float(tok)
    section += 0 if current is None else current
    return tidy(total + section)
