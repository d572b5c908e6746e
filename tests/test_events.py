"""Dated events from article paragraphs (real Kiwi)."""
from __future__ import annotations

from generator.analyse.events import find_events

PUB = "2025-09-18"


def dates(body: list[str], published: str | None = PUB) -> list[tuple[str, str]]:
    return [(e["date"], e["kind"]) for e in find_events(body, published)]


def test_past_event_with_relative_day() -> None:
    events = find_events(["정부는 지난 8일 AI총괄 컨트롤타워 역할을 할 국가AI전략위원회를 출범시켰다."], PUB)
    assert len(events) == 1
    e = events[0]
    assert (e["date"], e["precision"], e["kind"], e["paragraph"]) == ("2025-09-08", "day", "past", 0)
    assert "국가AI전략위원회" in e["what"] and "출범" in e["what"]
    assert e["evidence"].startswith("정부는 지난 8일")


def test_scheduled_event() -> None:
    body = ["이런 정부와 여당의 정부조직법은 오는 25일경 국회 본회의에서 통과될 전망이다."]
    assert dates(body) == [("2025-09-25", "scheduled")]
    body = ['그는 "내년도 예산에 1만 5천 장의 GPU 구매 예산도 편성해 놓고 있다"고 말했다.']
    assert dates(body, "2025") == [("2026", "scheduled")]


def test_targets_one_per_date() -> None:
    body = ["과기정통부는 GPU를 올해 1만3000장, 내년 1만 5000장을 확보, 당초 2028년까지 5만장을 확보하려했는데, "
            "최근 장관은 오는 2030년까지 20만장을 확보하겠다고 밝힌 바 있다."]
    assert dates(body) == [("2025", "target"), ("2026", "target"), ("2028", "target"), ("2030", "target")]


def test_goal_inside_quotes_is_a_target() -> None:
    events = find_events(['배 장관은 “2030년까지 20만 장을 확보하겠다”고 말했다.'], "2025-09-14")
    assert [(e["date"], e["kind"]) for e in events] == [("2030", "target")]
    assert "20만 장" in events[0]["what"]


def test_within_years_and_within_the_year() -> None:
    assert dates(["기술 격차를 5년 내 0.5년 수준으로 줄인다는 계획이다."], "2025-09-14") == [("2030", "target")]
    assert dates(["연내에 세계 10위권 수준의 LLM을 공개한다."], "2025-09-14") == [("2025", "target")]


def test_name_year_is_not_an_event() -> None:
    assert dates(["DIC 2025는 저전력 인프라 혁신을 주제로 구성됐다."], "2025") == []
    assert dates(["‘2025 디지털 정책포럼’에서 의견을 나눴다."], "2025") == []
    # the day on which the named event happened is an event, dated as precisely as the publication date allows
    events = find_events(["류 차관은 18일 서울 여의도 전경련회관에서 열린 ‘DIC 2025’ 행사에서 발언했다."], "2025")
    assert [(e["date"], e["precision"]) for e in events] == [("2025", "year")]
    assert "DIC 2025" in events[0]["what"]


def test_periods_and_statistics_are_not_events() -> None:
    assert dates(["류 차관은 최근 5년간 머신러닝 톱 학회의 논문 수로 선정된 연구자를 거론했다."]) == []
    assert dates(["이 숫자가 미국은 2024년 현재 3만300여명이다."]) == []
    assert dates(["AI사이언티스트가 작년 기준 5562명이다."]) == []
    assert dates(["배 장관은 취임 50일 기자간담회에서 이같이 말했다."]) == []


def test_past_year_figure_is_a_statistic_but_the_goal_year_counts() -> None:
    body = ['류 차관은 "역량 순위를 2024년 13위에서 2030년 5위 수준으로 높이는 걸 목표로 하고 있다"고 말했다.']
    assert dates(body) == [("2030", "target")]


def test_repeated_sentence_gives_one_event() -> None:
    sentence = "정부는 지난 8일 국가AI전략위원회를 출범시켰다."
    assert len(find_events([sentence, sentence], PUB)) == 1


def test_several_dates_in_one_sentence() -> None:
    body = ["미국은 올 2월 '스타게이트 프로젝트'를 발표한데 이어 7월에는 'AI액션플랜'도 내놨다."]
    assert dates(body) == [("2025-02", "past"), ("2025-07", "past")]


def test_unknown_publication_date() -> None:
    assert dates(["지난 8일 위원회가 출범했다."], None) == []
    assert dates(["1996년 행정고시에 합격했다."], None) == [("1996", "past")]
