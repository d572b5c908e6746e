"""generator/analyse/topics.py: taxonomy labels for what an article is about, not what it mentions once."""
from __future__ import annotations

from generator.analyse.topics import find_topics, load_taxonomy


def test_taxonomy_is_data():
    taxonomy = load_taxonomy()
    assert "GPU·컴퓨팅 인프라" in taxonomy and all(words for words in taxonomy.values())


def test_frequent_topic_words_give_the_topic():
    body = ["정부는 GPU 20만 장을 확보해 국가AI컴퓨팅센터를 세운다.", "GPU 확보 예산도 편성했다. 컴퓨팅 자원이 부족하다."]
    assert find_topics("GPU 확보 계획", body)[0] == "GPU·컴퓨팅 인프라"


def test_a_passing_mention_is_not_a_topic():
    body = ["시장은 오늘 새 공원을 열었다. 공원에는 나무 300그루를 심었다. 주민들은 산책로를 반겼다." * 3, "딥시크 이야기도 잠깐 나왔다."]
    assert "딥시크" not in find_topics("새 공원 개장", body)


def test_english_text_does_not_break():
    assert isinstance(find_topics("GPU supply", ["The government will buy 10,000 GPU units and expand GPU computing."]), list)
