"""Korean time expressions resolved against the publication date.

News text dates events relative to the day it was published (`지난 8일`, `오는 25일경`, `올 2월`, `내년`), so every
expression is resolved here against `published` and keeps only the precision the publication date honestly supports:
a bare `18일` in an article known only to be from 2025 is dated `2025` at year precision, and with no publication
date at all the relative expressions are dropped.  The words live in generator/data/time.yml; this module only knows
the shape of an expression: [prefix] [year] [month] [day] [part] [marker].
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TIME_FILE = Path(__file__).resolve().parent.parent / "data" / "time.yml"
SPEECH_MARKS = "\"“”"
TITLE_PAIRS = {"‘": "’", "'": "'", "「": "」", "『": "』", "《": "》", "<": ">", "〈": "〉"}


@dataclass
class TimeExpr:
    """One resolved time expression: where it is in the text and what it means."""

    text: str
    start: int
    end: int
    date: str  # 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
    precision: str  # 'year' | 'month' | 'day'
    deadline: bool = False  # an end point: `2030년까지`, `5년 내`, `연내`
    relative: bool = False  # needed the publication date to resolve


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The word lists of generator/data/time.yml (read once per process)."""
    return yaml.safe_load(TIME_FILE.read_text(encoding="utf-8")) or {}


def parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM[:SS]'; missing parts are None."""
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published or "")
    if not m:
        return None, None, None
    return tuple(int(g) if g else None for g in m.groups())  # type: ignore[return-value]


def format_date(year: int, month: int | None = None, day: int | None = None) -> tuple[str, str]:
    """(date string, precision) for the parts that are known."""
    if month is None:
        return f"{year:04d}", "year"
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def _alt(words: list[str]) -> str:
    """A regex alternation, longest word first so `내년도` wins over `내년`; spaces in words match any spacing."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled patterns built from the vocabulary."""
    v = vocabulary()
    prefix = _alt(v["past_prefixes"] + v["future_prefixes"])
    years = _alt(list(v["relative_years"]))
    months = _alt(list(v["relative_months"]))
    parts = _alt(sorted(set(v["year_parts"] + v["month_parts"] + v["day_parts"])))
    duration = f"{_alt(v['duration_after'])}|\\s+(?:{_alt(v['duration_after_spaced'])})"
    starts = rf"(?:19|20)\d\d\s*년|{years}|{_alt(v['year_before_month_only'])}\s*\d|\d{{1,2}}\s*[월일]|{months}"
    main = (
        rf"(?<![\w.,])(?:(?P<pre>{prefix})\s*)?(?=(?:{starts}))"
        rf"(?:(?P<y>(?:19|20)\d\d)\s*년(?!(?:{duration}))|(?P<ry>{years})|(?P<oy>{_alt(v['year_before_month_only'])})(?=\s*\d{{1,2}}\s*월))?"
        rf"(?:\s*(?:(?P<m>\d{{1,2}})\s*월(?!(?:{duration}))|(?P<rm>{months})))?"
        rf"(?:\s*(?<![\d.,])(?P<d>\d{{1,2}})\s*일(?!(?:{duration})))?"
        rf"(?:\s*(?P<part>{parts})(?=[^가-힣]|$|(?:{_alt(v['part_followers'])})))?"
        rf"(?P<mark>{_alt(v['deadline_markers'])})?"
    )
    return {
        "main": re.compile(main),
        "dotted": re.compile(r"(?<![\w.])(?P<y>(?:19|20)\d\d)\s*[.\-/]\s*(?P<m>\d{1,2})\s*[.\-/]\s*(?P<d>\d{1,2})(?![\d])\.?"),
        "within": re.compile(
            rf"(?<![\w.,])(?:(?P<pp>{_alt(v['period_prefixes'])})\s*)?(?:최소한\s*)?(?P<n>\d{{1,2}})\s*년\s*"
            rf"(?:(?P<within>{_alt(v['within_markers'])})|(?P<later>{_alt(v['later_markers'])}))(?![가-힣])"
        ),
        "within_year": re.compile(rf"(?:{_alt(v['within_year'])})"),
        "holiday": re.compile(rf"(?:{_alt(v['holidays'])})"),
        "relative_day": re.compile(rf"(?<![가-힣])(?:{_alt(list(v['relative_days']))})(?![가-힣])"),
        "statistic": re.compile(rf"^\s*(?:말\s*)?(?:{_alt(v['statistic_markers'])})"),
        "count": re.compile(rf"^\s*(?:에는|에|은|는|도)?\s*(?:{'|'.join(v['count_after'])})"),
        "day_count": re.compile(rf"(?:{_alt(v['day_count_before'])})\s*$"),
    }


def speech_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted speech; any double mark closes any other, since scraped text mixes `“` with `"`."""
    marks = [i for i, ch in enumerate(text) if ch in SPEECH_MARKS]
    return [(marks[k], marks[k + 1] + 1) for k in range(0, len(marks) - 1, 2)]


def quoted_spans(text: str, pairs: dict[str, str]) -> list[tuple[int, int]]:
    """(start, end) of the short spans between an opening mark of `pairs` and its closing mark (quoted titles)."""
    spans, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch in pairs:
            close = text.find(pairs[ch], i + 1)
            if close > i and close - i < 60:
                spans.append((i, close + 1))
                i = close + 1
                continue
        i += 1
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _resolve(m: re.Match[str], pub: tuple[int | None, int | None, int | None]) -> tuple[str, str, bool] | None:
    """(date, precision, relative) of a `main` match, or None when the publication date cannot support it."""
    v = vocabulary()
    py, pm, pd = pub
    pre = m.group("pre") or ""
    past, future = pre in v["past_prefixes"], pre in v["future_prefixes"]
    year = month = day = None
    relative = False
    if m.group("y"):
        year = int(m.group("y"))
    elif m.group("ry") or m.group("oy"):
        if py is None:
            return None
        year, relative = py + v["relative_years"].get(re.sub(r"\s+", "", m.group("ry") or ""), 0), True
    if m.group("rm"):
        if py is None:
            return None
        relative = True
        if pm is None:  # `지난달` in an article known only by its year: the year is all we can say
            return format_date(year or py) + (True,)
        offset = next(o for w, o in v["relative_months"].items() if re.sub(r"\s+", "", w) == re.sub(r"\s+", "", m.group("rm")))
        year, month = _shift_month(year or py, pm, offset)
    elif m.group("m"):
        month = int(m.group("m"))
        if not 1 <= month <= 12:
            return None
        if year is None:
            if py is None:
                return None
            relative, year = True, py
            if pm is not None and past and month > pm:
                year -= 1
            elif pm is not None and future and month < pm:
                year += 1
    if m.group("d"):
        day = int(m.group("d"))
        if not 1 <= day <= 31:
            return None
        if month is None:
            if year is not None:  # `2025년 18일` is not a date
                return None
            if py is None:
                return None
            relative = True
            if pm is None:
                return format_date(py) + (True,)
            year, month = py, pm
            if pd is not None and past and day > pd:
                year, month = _shift_month(py, pm, -1)
            elif pd is not None and future and day < pd:
                year, month = _shift_month(py, pm, 1)
    if year is None:
        return None
    return format_date(year, month, day) + (relative,)


def find_time_expressions(text: str, published: str | None) -> list[TimeExpr]:
    """Every datable time expression of `text`, resolved against `published`, in text order.

    Left out on purpose: years that are part of a name inside title quotes (`‘DIC 2025년’`), numbers without
    `년/월/일` (`DIC 2025`, `엑사원4.0`), periods (`최근 5년간`), counts of days (`취임 50일`), statistics snapshots
    (`2024년 현재`, `작년 기준`), edition counts (`올해 3회차`) and anything relative when `published` is unknown.
    """
    pub = parse_published(published)
    pats = _patterns()
    titles = quoted_spans(text, TITLE_PAIRS)
    speech = speech_spans(text)
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []

    def add(expr: TimeExpr) -> None:
        if any(a < expr.end and expr.start < b for a, b in taken):
            return
        taken.append((expr.start, expr.end))
        found.append(expr)

    for m in pats["dotted"].finditer(text):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            add(TimeExpr(m.group(0), m.start(), m.end(), *format_date(y, mo, d)))
    for m in pats["within"].finditer(text):
        if m.group("pp") or pub[0] is None:
            continue  # `최근 5년 내` is a period; with no publication year there is nothing to count from
        date, precision = format_date(pub[0] + int(m.group("n")))
        add(TimeExpr(m.group(0), m.start(), m.end(), date, precision, deadline=bool(m.group("within")), relative=True))
    if pub[0] is not None:
        for m in pats["within_year"].finditer(text):
            add(TimeExpr(m.group(0), m.start(), m.end(), *format_date(pub[0]), deadline=True, relative=True))
        for m in pats["holiday"].finditer(text):
            add(TimeExpr(m.group(0), m.start(), m.end(), *format_date(pub[0]), relative=True))
        for m in pats["relative_day"].finditer(text):
            if _inside(m.start(), speech):
                continue  # `오늘` in a quotation is the day of the speech, not the day of publication
            offset = vocabulary()["relative_days"][m.group(0)]
            if pub[2] is None:
                add(TimeExpr(m.group(0), m.start(), m.end(), *format_date(pub[0], pub[1]), relative=True))
            else:
                day = datetime.date(pub[0], pub[1], pub[2]) + datetime.timedelta(days=offset)
                add(TimeExpr(m.group(0), m.start(), m.end(), *format_date(day.year, day.month, day.day), relative=True))
    for m in pats["main"].finditer(text):
        if not any(m.group(g) for g in ("y", "ry", "oy", "m", "rm", "d")):
            continue
        if _inside(m.start(), titles) and not m.group("mark"):
            continue  # a year inside a quoted title is part of the name; `‘2030년까지 …’` is still a deadline
        if m.group("d") and not any(m.group(g) for g in ("y", "ry", "m", "rm")) and pats["day_count"].search(text[:m.start()]):
            continue  # `취임 50일`
        rest = text[m.end():]
        if not m.group("mark") and (pats["statistic"].match(rest) or pats["count"].match(rest)):
            continue
        resolved = _resolve(m, pub)
        if resolved is None:
            continue
        date, precision, relative = resolved
        add(TimeExpr(m.group(0).strip(), m.start(), m.end(), date, precision, deadline=bool(m.group("mark")), relative=relative))
    found.sort(key=lambda e: e.start)
    return found


def compare(date: str, published: str | None) -> int | None:
    """-1, 0 or 1 as `date` is before, within or after the publication date, at the coarser of the two precisions."""
    pub = [p for p in parse_published(published) if p is not None]
    if not pub:
        return None
    mine = [int(p) for p in date.split("-")]
    n = min(len(pub), len(mine))
    a, b = mine[:n], pub[:n]
    return (a > b) - (a < b)
