"""generator/analyse/summary.py: three to five real sentences of the article, not repeats."""
from __future__ import annotations

from conftest import SEEDS

from generator.analyse.summary import choose, sentences_of, summarise
from generator.read import read_corpus


def test_seed_summaries_are_three_to_five_sentences_of_the_body():
    articles, _ = read_corpus([SEEDS])
    for article in articles:
        summary = summarise(article.body)
        assert 3 <= len(summary) <= 5, article.id
        joined = " ".join(article.body)
        assert all(sentence in joined for sentence in summary), article.id
        assert not any(removed in summary for removed in article.removed)


def test_a_near_duplicate_is_not_chosen_twice():
    body = [
        "정부는 2030년까지 그래픽처리장치 20만 장을 확보하겠다고 밝혔다.",
        "정부는 2030년까지 그래픽처리장치 20만 장을 확보하겠다고 다시 밝혔다.",
        "업계는 그래픽처리장치 확보와 함께 데이터센터 전력 문제 해결을 요구했다.",
        "전문가들은 인재 유출을 막기 위해 연구 환경 개선이 시급하다고 지적했다.",
        "정부는 데이터센터 전력 문제와 인재 유출 대책도 함께 마련하겠다고 밝혔다.",
    ]
    picked = choose(sentences_of(body), 3)
    assert not {0, 1} <= set(picked)


def test_long_articles_get_five_sentences():
    body = [f"{n}번째 문단에서 정부는 인공지능 정책 {n}번 과제를 발표했다." for n in range(80)]
    assert len(summarise(body)) == 5


def test_short_articles_keep_what_they_have():
    assert summarise(["정부는 오늘 새 계획을 발표했다."]) == ["정부는 오늘 새 계획을 발표했다."]
    assert summarise([]) == []
