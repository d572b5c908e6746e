"""Resolution rules for Korean time expressions against the publication date."""
from __future__ import annotations

import pytest

from generator.korean.dates import compare, find_time_expressions, parse_published


def resolved(text: str, published: str | None) -> list[tuple[str, str]]:
    return [(e.date, e.precision) for e in find_time_expressions(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    # absolute dates need no publication date
    ("2025년 9월 18일 열렸다", None, [("2025-09-18", "day")]),
    ("2025.9.18 발표", None, [("2025-09-18", "day")]),
    ("2030년 목표", None, [("2030", "year")]),
    ("2028년까지 확보", None, [("2028", "year")]),
    # a day without a month takes the publication month
    ("18일 열린 행사", "2025-09-18", [("2025-09-18", "day")]),
    ("18일 열린 행사", "2025-07-08T17:29:50", [("2025-07-18", "day")]),
    ("6일 오후 국회에서", "2025-02", [("2025-02-06", "day")]),
    # `지난` with a later day is last month, `오는` with an earlier day is next month
    ("지난 8일 출범", "2025-09-18", [("2025-09-08", "day")]),
    ("지난 28일 출범", "2025-03-05", [("2025-02-28", "day")]),
    ("오는 25일경 통과", "2025-09-18", [("2025-09-25", "day")]),
    ("오는 2일 개최", "2025-12-20", [("2026-01-02", "day")]),
    ("지난 28일 출범", "2025-01-03", [("2024-12-28", "day")]),
    ("내년 예산 편성", "2025-12-20", [("2026", "year")]),
    # a month without a year takes the publication year; `지난 N월` after the publication month is last year
    ("7월에는 발표", "2025-09-18", [("2025-07", "month")]),
    ("지난 8월 4일 열린", "2025-09-18", [("2025-08-04", "day")]),
    ("지난 11월 발표", "2025-03-01", [("2024-11", "month")]),
    ("지난 6월말 임명된", "2025-09-18", [("2025-06", "month")]),
    ("올 2월 발표", "2025-09-18", [("2025-02", "month")]),
    ("이달 말 출시", "2025-09-18", [("2025-09", "month")]),
    ("지난달 발표", "2025-01-10", [("2024-12", "month")]),
    # year words
    ("올해 1만장", "2025-09-18", [("2025", "year")]),
    ("작년 조사에 따르면", "2025-09-18", [("2024", "year")]),
    ("지난해부터", "2025", [("2024", "year")]),
    ("내년 1만장", "2025-09-18", [("2026", "year")]),
    ("내년도 예산에", "2025", [("2026", "year")]),
    ("연내에 공개", "2025-09-14", [("2025", "year")]),
    ("5년 내 줄인다", "2025-09-14", [("2030", "year")]),
    ("최소한 5년 내에 확보", "2025", [("2030", "year")]),
])
def test_resolution(text: str, published: str | None, expected: list[tuple[str, str]]) -> None:
    assert resolved(text, published) == expected


def test_year_only_publication_keeps_only_the_year() -> None:
    """A bare day in an article known only by its year is dated to that year, at year precision."""
    assert resolved("18일 서울에서 열린", "2025") == [("2025", "year")]
    assert resolved("지난 8월 발표", "2025") == [("2025-08", "month")]


def test_unknown_publication_drops_relative_expressions() -> None:
    assert resolved("지난 8일 올해 내년 18일 5년 내", None) == []
    assert resolved("2030년까지 확보", None) == [("2030", "year")]


@pytest.mark.parametrize("text", [
    "최근 5년간 논문 수",  # a period
    "지난 5년 내 발생한",  # a period, not a deadline
    "취임 50일 기자간담회",  # a count of days
    "취임 30일 기자간담회",
    "DIC 2025는",  # a year that is part of a name
    "'2025 디지털 정책포럼'이 열렸다",
    "엑사원4.0(32B)",
    "2024년 현재 3만명",  # a statistic snapshot
    "작년 기준 5562명",
    "올해 3회차 개최됐다",  # an edition number
    "2020년대 들어",
    "1996년생",
    "3일 동안",
    "중국과 말씀",
])
def test_not_dates(text: str) -> None:
    assert resolved(text, "2025-09-18") == []


def test_deadline_marker() -> None:
    expr = find_time_expressions("오는 2030년까지 20배 확충", "2025-09-18")[0]
    assert (expr.date, expr.deadline) == ("2030", True)
    assert find_time_expressions("2030년 5위", "2025-09-18")[0].deadline is False


def test_today_in_quotes_is_not_the_publication_day() -> None:
    assert resolved('그는 "오늘 감사드린다"고 말했다', "2025-09-18") == []
    assert resolved("오늘 비가 온다", "2025-09-18") == [("2025-09-18", "day")]


def test_parse_and_compare() -> None:
    assert parse_published("2025-07-08T17:29:50") == (2025, 7, 8)
    assert parse_published("2025") == (2025, None, None)
    assert parse_published(None) == (None, None, None)
    assert compare("2025", "2025-09-18") == 0
    assert compare("2025-06", "2025-09-18") == -1
    assert compare("2030", "2025") == 1
    assert compare("2030", None) is None
