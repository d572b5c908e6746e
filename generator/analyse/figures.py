"""Quantities a briefing needs, normalised.

A figure is a number followed by a counter or unit (`1만3000장`, `5천억 달러`, `3%`, `세계 3위권`).  Numbers
without one (`DIC 2025`, `(018260)`, `엑사원4.0`, `32B`) are names, codes or versions and are never figures.
The counters and the shapes that look like figures but are not (floors, ordinals, labels, periods, calendar
years) live in generator/data/figures.yml, so another outlet's habits are a data edit, not a code change.

Kiwi's token boundaries keep a counter from being read out of a longer word (`위원`, `장관`, `점검`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.korean.dates import vocabulary as time_vocabulary
from generator.korean.kiwi import tokens as kiwi_tokens
from generator.korean.numerals import NATIVE_NUMBERS, parse_korean_number

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FIGURES_FILE = DATA_DIR / "figures.yml"

# Digits with optional thousands commas and decimals; then Korean place words, groups optionally spaced
# (`1만 5000`, `5천억`, `3만300`).  Never starts inside another number.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_GROUP = rf"(?:{_DIGITS}[십백천]\s?)*{_DIGITS}[십백천]?"  # below 만: `8천800`, `7천 990`
_NUMBER = rf"(?<![\d.,])(?:{_GROUP}여?[만억조경]\s?)*{_GROUP}(?:여?[만억조경])?"  # `1만8천800`, `6천여만`
_NOUN_TAGS = ("NNG", "NNP", "SL", "SH")
_SENTENCE_END = re.compile(r"(?<=[.!?])(?!\d)")


def _alt(words: list[str]) -> str:
    """A regex alternation, longest first so `개국` wins over `개`."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """generator/data/figures.yml, with the year words of time.yml for dating figures."""
    vocab = yaml.safe_load(FIGURES_FILE.read_text(encoding="utf-8"))
    time_vocab = time_vocabulary()
    vocab["relative_years"] = time_vocab.get("relative_years") or {}
    vocab["within_year"] = time_vocab.get("within_year") or []
    return vocab


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled patterns built from the vocabulary."""
    v = vocabulary()
    counters = _alt(list(v["counters"]))
    approx = _alt(v["approx_marks"])
    suffix = "|".join(rf"(?<={re.escape(unit)}){_alt(words)}" for unit, words in v["counter_suffixes"].items())
    ranges = "".join(re.escape(m) for m in v["range_marks"])
    natives = _alt([w for w, n in NATIVE_NUMBERS.items() if n >= v.get("native_min", 2)])
    years = _alt(list(v["relative_years"]) + list(v["within_year"]))
    return {
        "figure": re.compile(
            rf"(?P<num>{_NUMBER})(?P<approx>{approx})?\s?(?P<unit>{counters})(?P<suffix>{suffix})?"
        ),
        "native": re.compile(rf"(?<![가-힣])(?P<num>{natives})\s?(?P<approx>{approx})?(?P<unit>{_alt(v['native_counters'])})"),
        "range_low": re.compile(rf"(?P<low>{_NUMBER})\s?[{ranges}]\s?$"),
        "not_after": re.compile("|".join(f"(?:{p})" for p in v["not_after"])),
        "not_before": re.compile("|".join(f"(?:{p})" for p in v["not_before"])),
        "year": re.compile(
            rf"(?<![\d.])(?P<y>1[89]\d\d|2[01]\d\d)\s?년(?!\s?(?:간|대|생|째|동안))"
            rf"|(?P<rel>{years})"
            rf"|(?P<past>지난\s?|앞선\s?)?(?<![\d.])(?P<month>1[0-2]|0?[1-9])\s?월(?![가-힣]*(?:간|동안))"
            rf"|(?<![\d.])(?P<n>\d{{1,2}})\s?년\s?(?:내|이내|안|후|뒤)(?:에|엔)?(?![가-힣])"
        ),
    }


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a paragraph; a full stop between digits (`1.3`) does not end one."""
    cuts = [0] + [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _years(sentence: str, offset: int, pub_year: int | None, pub_month: int | None) -> list[tuple[int, int, str]]:
    """(start, end, 'YYYY') of the year references of a sentence: `2030년`, `올해`, `내년`, `연내`, `5년 내`, `7월`."""
    v = vocabulary()
    found = []
    for m in _patterns()["year"].finditer(sentence):
        if m.group("y"):
            year = int(m.group("y"))
        elif pub_year is None:
            continue
        elif m.group("rel"):
            year = pub_year + int(v["relative_years"].get(m.group("rel"), 0))
        elif m.group("n"):
            if re.search(r"(최근|지난|과거)\s*$", sentence[:m.start()]):
                continue  # `최근 5년 내` is a period behind us, not a deadline
            year = pub_year + int(m.group("n"))
        else:
            # a bare month is in the publication year; `지난 10월` written in March is last year's October
            year = pub_year - 1 if m.group("past") and pub_month and int(m.group("month")) >= pub_month else pub_year
        found.append((offset + m.start(), offset + m.end(), str(year)))
    return found


def _when(start: int, end: int, years: list[tuple[int, int, str]]) -> str | None:
    """The year of the nearest reference before the figure in its sentence, else the nearest after it."""
    before = [y for y in years if y[1] <= start]
    if before:
        return before[-1][2]
    after = [y for y in years if y[0] >= end]
    return after[0][2] if after else None


def _noun_run(tokens: list[Any], i: int, step: int, text: str) -> str:
    """Up to three adjacent nouns from token i going in direction `step`, as printed (`AI컴퓨팅자원`, `부처 장관`)."""
    run = [tokens[i]]
    j = i + step
    skip = set(vocabulary()["what_skip"])
    while 0 <= j < len(tokens) and len(run) < 3 and tokens[j].tag in _NOUN_TAGS and tokens[j].form not in skip:
        a, b = (tokens[j], run[-1]) if step < 0 else (run[-1], tokens[j])
        if b.start - (a.start + a.len) > 1:
            break
        run.append(tokens[j])
        j += step
    run.sort(key=lambda t: t.start)
    return text[run[0].start:run[-1].start + run[-1].len]


def _what(tokens: list[Any], text: str, start: int, end: int, sent_start: int, unit: str) -> str:
    """What a figure counts: the noun it qualifies (`34명의 민간위원`, `5개 컨소시엄`), else the nearest noun before it."""
    v = vocabulary()
    skip = set(v["what_skip"])
    after = [t for t in tokens if t.start >= end]
    k = 0
    while k < len(after) and after[k].form in set(v["after_modifiers"]):
        k += 1
    if k < len(after):
        t = after[k]
        if t.tag == "JKG" and k + 1 < len(after) and after[k + 1].tag in _NOUN_TAGS:
            return _noun_run(tokens, tokens.index(after[k + 1]), 1, text)
        gap = text[end:t.start]
        nxt = after[k + 1] if k + 1 < len(after) else None
        classifier = unit in v["classifiers"]
        if classifier and t.tag in _NOUN_TAGS and t.form not in skip and gap.strip() == "" and not (nxt and nxt.tag.startswith("XSV")):
            if k > 0 or gap:
                return _noun_run(tokens, tokens.index(t), 1, text)
    counters = set(v["counters"])
    before = [i for i, t in enumerate(tokens) if sent_start <= t.start and t.start + t.len <= start]
    for i in reversed(before):
        t, prev, nxt = tokens[i], tokens[i - 1] if i else None, tokens[i + 1] if i + 1 < len(tokens) else None
        if t.form == "," and not (prev and (prev.form in counters or prev.tag == "SN")):
            break  # a comma ends the clause, unless it separates figures of one list (`올해 1만3000장, 내년 1만 5000장`)
        if t.tag not in _NOUN_TAGS or t.form in skip:
            continue
        if t.tag == "SL" and prev and prev.tag == "SN" and prev.start + prev.len == t.start:
            continue  # the `B` of a model size `32B` is part of a name, not the thing counted
        if nxt and nxt.tag.startswith(("XSV", "XSA")):
            continue  # a verbal noun used as a verb (`확보하고`)
        return _noun_run(tokens, i, -1, text)
    return ""


def _unit(printed: str) -> str:
    """The reported unit of a printed counter (`퍼센트` -> `%`)."""
    return vocabulary()["counters"].get(printed, printed)


def _is_figure(text: str, m: re.Match[str], value: float, token_ends: set[int]) -> bool:
    """False for the shapes that only look like figures: see `not_after`, `not_before`, `not_values` and `year_abbreviation_before` in figures.yml."""
    pats = _patterns()
    if pats["not_before"].search(text[:m.start()]):
        return False
    after = text[m.end("approx") if m.group("approx") else m.end("num"):].lstrip()
    if pats["not_after"].match(after):
        return False
    unit_end = m.end("unit")
    if unit_end not in token_ends and unit_end < len(text) and re.match(r"[가-힣]", text[unit_end]) and not m.groupdict().get("suffix"):
        return False  # the counter is the start of a longer word (`위원`, `장관`)
    v = vocabulary()
    for unit, rule in v["not_values"].items():
        if m.group("unit") == unit and float(value).is_integer() and rule["min"] <= value <= rule["max"] and value % rule.get("step", 1) == 0:
            if not re.search(r"[만억조경]", m.group("num")):
                return False  # `2025년` is a date, `30대` an age group
    if m.group("unit") == "년" and re.search(v["year_abbreviation_before"], text[:m.start()]):
        return False  # `’06년`: a year written short
    return True


def find_figures(body: list[str], published: str | None) -> list[dict[str, Any]]:
    """Figures as {text, value, unit, what, when, paragraph}.

    Every occurrence is kept (the same number may count different things in different sentences); a range
    (`90∼95%`) gives one figure per bound, both with the printed range as text.
    """
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    pub_month = int(published[5:7]) if published and published[5:7].isdigit() else None
    pats = _patterns()
    figures: list[dict[str, Any]] = []
    for index, text in enumerate(body):
        if not re.search(r"\d|[두세네섯곱덟홉열무]\s?[가-힣]", text):
            continue
        tokens = list(kiwi_tokens(text))
        token_ends = {t.start + t.len for t in tokens}
        bounds = _sentence_bounds(text)
        years = [y for a, b in bounds for y in _years(text[a:b], a, pub_year, pub_month)]
        matches = sorted(list(pats["figure"].finditer(text)) + list(pats["native"].finditer(text)), key=lambda m: m.start())
        taken: list[tuple[int, int]] = []
        for m in matches:
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = parse_korean_number(m.group("num"))
            if value is None or not _is_figure(text, m, value, token_ends):
                continue
            taken.append((m.start(), m.end()))
            unit = _unit(m.group("unit"))
            values = [value]
            start = m.start()
            low = pats["range_low"].search(text[:m.start()])
            if low and not pats["not_before"].search(text[:low.start()]):
                low_text = low.group("low")
                shared = re.search(r"[만억조경]$", m.group("num"))
                if shared and not re.search(r"[만억조경]", low_text):
                    low_text += shared.group(0)  # `12~13조 원`: the low end shares the place word of the high end
                low_value = parse_korean_number(low_text)
                if low_value is not None:
                    values.insert(0, low_value)
                    start = low.start()
            sent_start, sent_end = next(((a, b) for a, b in bounds if a <= m.start() < b), (0, len(text)))
            sentence_years = [y for y in years if sent_start <= y[0] and y[1] <= sent_end and not (y[0] < m.end() and start < y[1])]
            for val in values:
                figures.append({
                    "text": text[start:m.end()],
                    "value": val,
                    "unit": unit,
                    "what": _what(tokens, text, start, m.end(), sent_start, m.group("unit")),
                    "when": _when(start, m.end(), sentence_years),
                    "paragraph": index,
                })
    return figures
