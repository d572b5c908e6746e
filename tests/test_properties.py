"""Property tests (Hypothesis): the readers, the cleaner, the numeral parser and the date resolver on arbitrary input.

generator/read/encoding.py, generator/read/clean.py, generator/korean/numerals.py, generator/korean/dates.py.
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.korean.dates import find_time_expressions
from generator.korean.kiwi import split_sentences
from generator.korean.numerals import parse_korean_number
from generator.read import read_corpus
from generator.read.clean import clean
from generator.read.encoding import UnreadableInput, decode

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    """Real Korean prose sentences from the seed articles' bodies (those that end like a sentence)."""
    articles, _ = read_corpus([SEEDS])
    found = {s.strip() for a in articles for p in a.body for s in split_sentences(p)}
    return tuple(sorted(s for s in found if re.search(r"[가-힣][다요]\.$", s) and 20 <= len(s) <= 300))


@SETTINGS
@given(st.binary(max_size=3000))
def test_decoding_arbitrary_bytes_gives_text_or_a_reason(data: bytes):
    try:
        text, codec = decode(data)
    except UnreadableInput as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and codec and text.strip()
    assert "\x00" not in text or codec.startswith(("utf-16", "utf-32"))
    assert "\r" not in text


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n가나다한국어뉴스"), min_size=1, max_size=400)


@SETTINGS
@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_text_survives_a_round_trip_through_its_bytes(text: str, codec: str):
    try:
        decoded, _ = decode(text.encode(codec))
    except UnreadableInput:
        assert not text.strip() or text.lstrip("\ufeff").startswith(("GIF8", "RIFF", "Rar!", "%PDF-", "SQLite format 3"))
        return
    assert decoded == text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(st.lists(st.text(max_size=200), max_size=12))
def test_the_cleaner_never_crashes_on_arbitrary_lines(lines: list[str]):
    cleaned = clean(lines)
    assert all(isinstance(p, str) and p for p in cleaned.body)


@st.composite
def prose_lines(draw) -> list[str]:
    """A plausible article body: paragraphs of one to three real sentences from the seeds."""
    sentences = seed_sentences()
    count = draw(st.integers(2, 8))
    picks = draw(st.lists(st.sampled_from(sentences), min_size=count, max_size=count, unique=True))
    lines, rest = [], list(picks)
    while rest:
        size = draw(st.integers(1, 3))
        lines.append(" ".join(rest[:size]))
        rest = rest[size:]
    return lines


@SETTINGS
@given(prose_lines())
def test_cleaning_keeps_every_prose_paragraph_and_is_idempotent(lines: list[str]):
    cleaned = clean(lines)
    kept = cleaned.body + ([cleaned.title] if cleaned.title else [])
    for line in lines:
        assert line in kept, (line, cleaned.removed)
    again = clean(cleaned.body)
    assert again.body == cleaned.body


def _group_digits(group: int) -> str:
    return str(group)


def _group_units(group: int) -> str:
    """A 만-group (0..9999) with the small place words: 5300 -> 5천3백, 1020 -> 1천20."""
    parts, rest = [], group
    for unit, value in (("천", 1000), ("백", 100)):
        if rest >= value:
            parts.append(f"{rest // value}{unit}")
            rest %= value
    if rest:
        parts.append(str(rest))
    return "".join(parts)


def korean_numeral(value: int, group_style, space: str) -> str:
    """Print `value` the way news copy does: 만-groups with 만/억/조 (`1억2345만6789`, `5천억`, `1만 3000`)."""
    groups, rest = [], value
    for unit, size in (("조", 10**12), ("억", 10**8), ("만", 10**4)):
        if rest >= size:
            groups.append(group_style(rest // size) + unit)
            rest %= size
    if rest:
        groups.append(group_style(rest))
    return space.join(groups)


@SETTINGS
@given(st.integers(1, 10**15 - 1), st.sampled_from([_group_digits, _group_units]), st.sampled_from(["", " "]))
def test_printed_korean_numerals_parse_back_to_their_value(value: int, group_style, space: str):
    printed = korean_numeral(value, group_style, space)
    assert parse_korean_number(printed) == value, printed


@SETTINGS
@given(st.integers(0, 10**15))
def test_digits_with_thousands_commas_parse_back(value: int):
    assert parse_korean_number(f"{value:,}") == value
    assert parse_korean_number(str(value)) == value


@SETTINGS
@given(st.text(max_size=60))
def test_the_numeral_parser_never_crashes(text: str):
    value = parse_korean_number(text)
    assert value is None or isinstance(value, (int, float))


_DATE_WORDS = ["년", "월", "일", "지난", "오는", "내년", "올해", "까지", "초", "말", "2025", "12", "31", "0", " ", "‘", "“"]
_DATE_TEXT = st.lists(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(_DATE_WORDS), max_size=40).map("".join)
_PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.integers(1900, 2100).map(str), st.text(max_size=12))


@SETTINGS
@given(_DATE_TEXT, _PUBLISHED)
def test_the_date_resolver_never_crashes_and_gives_real_dates(text: str, published: str | None):
    for expr in find_time_expressions(text, published):
        assert 0 <= expr.start < expr.end <= len(text) and text[expr.start:expr.end] == expr.text
        assert expr.precision in ("year", "month", "day")
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", expr.date), expr
        parts = [int(p) for p in expr.date.split("-")]
        if len(parts) >= 2:
            assert 1 <= parts[1] <= 12, expr
        if len(parts) == 3:
            datetime.date(*parts)  # raises for 2월 30일
