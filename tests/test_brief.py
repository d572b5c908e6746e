"""generator/brief.py: the corpus in a few sentences, echoed across articles, no repeats."""
from __future__ import annotations

from generator.brief import top_sentences
from generator.model import Article


def _article(article_id: str, summary: list[str]) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", language="ko", title=article_id, subtitles=[], outlet=None, reporters=[],
                   published="2025-09-01", published_confidence="stated", body=summary, summary=summary)


def test_sentences_several_articles_echo_come_first_and_duplicates_are_dropped():
    shared = "정부는 2030년까지 GPU 20만 장을 확보하기로 했다."
    a = _article("a", [shared, "광주에 새 센터가 들어선다."])
    b = _article("b", ["정부가 2030년까지 GPU 20만 장을 확보하기로 했다고 밝혔다.", "야구장 관중이 늘었다."])
    c = _article("c", ["정부는 2030년까지 GPU 20만 장 확보에 나선다.", "날씨가 맑다."])
    brief = top_sentences([a, b, c], limit=3)
    assert "GPU 20만 장" in brief[0].text
    assert sum("GPU 20만 장" in s.text for s in brief) == 1  # near-duplicates kept once
    assert len(brief) == 3


def test_at_most_two_sentences_per_article():
    a = _article("a", ["광주에 새 센터가 들어선다.", "야구장 관중이 크게 늘었다.", "내일은 전국에 비가 온다."])
    assert len(top_sentences([a], limit=5)) == 2


def test_a_topic_brief_puts_sentences_on_the_topic_first():
    a = _article("a", ["정부가 GPU 확보 계획을 내놓았다.", "광주에 새 센터가 들어선다."])
    b = _article("b", ["광주에 새 센터가 곧 들어선다.", "야구장 관중이 크게 늘었다."])
    assert "GPU" in top_sentences([a, b], limit=2, about=("gpu",))[0].text
    assert "GPU" not in top_sentences([a, b], limit=2)[0].text  # without a topic, the echoed sentence leads
