"""generator/read/metadata.py: bylines, outlets, timestamps and year inference."""
from __future__ import annotations

import pytest

from generator.read.metadata import (
    copyright_outlet,
    extract,
    find_timestamps,
    infer_published,
    parse_byline_line,
    split_byline_tag,
    split_date_prefix,
)


@pytest.mark.parametrize(
    "line, outlet, reporters, rest",
    [
        ("[헤럴드경제=박혜림 기자] “많은 분들이 묻습니다.”", "헤럴드경제", ["박혜림"], "“많은 분들이 묻습니다.”"),
        ("[녹색경제신문 = 박성진 기자] 6일 오후 포럼이 열렸다.", "녹색경제신문", ["박성진"], "6일 오후 포럼이 열렸다."),
        ("[뉴스토마토 박재연 기자]\u00a0류 차관이 방문했습니다.", "뉴스토마토", ["박재연"], "류 차관이 방문했습니다."),
        ("(서울=연합뉴스) 홍길동 기자 = 정부가 발표했다.", "연합뉴스", ["홍길동"], "정부가 발표했다."),
        ("[한국일보=김철수·이영희 기자] 두 기자가 썼다.", "한국일보", ["김철수", "이영희"], "두 기자가 썼다."),
        ("[워싱턴=김민준 특파원] 미국 정부는 밝혔다.", None, ["김민준"], "미국 정부는 밝혔다."),
    ],
)
def test_byline_tags(line, outlet, reporters, rest):
    byline, after = split_byline_tag(line)
    assert byline is not None
    assert byline.outlet == outlet and byline.reporters == reporters
    assert after == rest


def test_bracketed_text_that_is_not_a_byline_is_left_alone():
    line = "[DIC 2025] 류제명 차관 발언"
    assert split_byline_tag(line) == (None, line)


@pytest.mark.parametrize(
    "line, outlet, reporters",
    [
        ("디지털데일리 김문기 기자", "디지털데일리", ["김문기"]),
        ("박재연 기자 damgomi@etomato.com", None, ["박재연"]),
        ("홍길동 기자", None, ["홍길동"]),
    ],
)
def test_byline_lines(line, outlet, reporters):
    byline = parse_byline_line(line)
    assert byline is not None and byline.outlet == outlet and byline.reporters == reporters


def test_a_sentence_about_a_reporter_is_not_a_byline():
    assert parse_byline_line("배경훈 장관은 취임 50일 기자간담회에서 이같이 말했다.") is None


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("- Copyright ⓒ 디지털데일리. 무단전재 및 재배포 금지 -", "디지털데일리"),
        ("ⓒ 맛있는 뉴스토마토, 무단 전재 - 재배포 금지", "뉴스토마토"),
        ("<저작권자 © 연합뉴스, 무단 전재-재배포 금지>", "연합뉴스"),
    ],
)
def test_copyright_owner(line, outlet):
    assert copyright_outlet(line) == outlet


@pytest.mark.parametrize(
    "line, expected",
    [
        ("2025-07-08 17:29:50 2025-07-08 18:42:31", [("published", "2025-07-08T17:29:50"), ("modified", "2025-07-08T18:42:31")]),
        ("입력 2025.09.18 10:00", [("published", "2025-09-18T10:00")]),
        ("입력 2025.09.18. 오후 3:05 수정 2025.09.19. 오전 9:10", [("published", "2025-09-18T15:05"), ("modified", "2025-09-19T09:10")]),
        ("기사입력 : 2024/01/05", [("published", "2024-01-05")]),
        ("등록 2025년 3월 2일", [("published", "2025-03-02")]),
        ("정부는 2025년 9월 18일 열린 회의에서 계획을 발표했다며 앞으로 추진하겠다고 밝혔다.", []),
    ],
)
def test_timestamps(line, expected):
    assert find_timestamps(line) == expected


def test_date_prefix_of_the_first_line():
    assert split_date_prefix(' date 2025-09-18 "인용문입니다."') == ("2025-09-18", '"인용문입니다."')
    assert split_date_prefix("데이터 2025") == (None, "데이터 2025")


def test_extract_prefers_the_byline_tag_over_the_copyright_line():
    meta = extract([
        "제목 줄",
        "2025-07-08 17:29:50",
        "[뉴스토마토 박재연 기자] 본문입니다.",
        "ⓒ 맛있는 뉴스토마토, 무단 전재 - 재배포 금지",
    ])
    assert meta.outlet == "뉴스토마토" and meta.provenance["outlet"] == "byline tag"
    assert meta.reporters == ["박재연"]
    assert meta.published == "2025-07-08T17:29:50"


def test_extract_finds_nothing_in_plain_prose():
    meta = extract(["정부는 지난 8일 위원회를 출범시켰다.", "이날 10개 부처 장관이 참석했다."])
    assert meta.outlet is None and meta.reporters == [] and meta.published is None


def test_year_is_inferred_only_from_an_event_that_took_place():
    value, evidence = infer_published("행사 소식", ["장관은 18일 열린 ‘DIC 2025’ 행사에서 발표했다."])
    assert value == "2025" and "DIC 2025" in evidence
    # A target year is not a publication date.
    assert infer_published("목표", ["정부는 2030년까지 20만 장을 확보하겠다고 밝혔다."]) == (None, None)
    # Two different event years: no honest single answer.
    assert infer_published(None, ["‘엑스포 2024’ 행사가 열렸고 ‘엑스포 2025’ 행사도 열린다."]) == (None, None)
