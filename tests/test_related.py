"""generator/related.py: TF-IDF cosine neighbours and story clusters."""
from __future__ import annotations

from collections import Counter

from generator.analyse.keywords import nouns
from generator.related import related_articles, shared_terms, similarities, story_clusters, tfidf_vectors

TEXTS = {
    "gpu1": "정부는 GPU 확보를 위해 컴퓨팅센터를 짓는다. GPU 구매 예산이 늘었다. 컴퓨팅센터 입지는 광주다.",
    "gpu2": "GPU 부족이 심하다. 정부가 컴퓨팅센터 구축과 GPU 구매를 서두른다. 컴퓨팅센터 예산은 2조 원이다.",
    "rain1": "장마가 시작됐다. 폭우로 하천이 넘쳤다. 기상청은 장마 기간 폭우 피해를 경고했다.",
    "rain2": "기상청은 폭우 경보를 내렸다. 장마 전선이 북상하며 하천 범람 우려가 크다.",
    "other": "프로야구 개막전에서 홈런이 터졌다. 관중이 경기장을 가득 메웠다.",
}


def _scores():
    counts = {doc: Counter(nouns(text)) for doc, text in TEXTS.items()}
    vectors = tfidf_vectors(counts)
    return vectors, similarities(vectors)


def test_articles_on_the_same_story_are_each_others_nearest():
    _, scores = _scores()
    related = related_articles(scores)
    assert related["gpu1"][0].article == "gpu2"
    assert related["rain2"][0].article == "rain1"
    assert all(n.article not in ("gpu1", "gpu2") for n in related["rain1"])
    assert abs(scores["gpu1"]["gpu2"] - scores["gpu2"]["gpu1"]) < 1e-9


def test_clusters_group_stories_and_leave_loners_out():
    vectors, scores = _scores()
    clusters = story_clusters(scores)
    assert sorted(map(sorted, clusters)) == [["gpu1", "gpu2"], ["rain1", "rain2"]]
    assert "GPU" in shared_terms(["gpu1", "gpu2"], vectors) or "컴퓨팅센터" in shared_terms(["gpu1", "gpu2"], vectors)


def test_order_of_input_does_not_change_the_result():
    counts = {doc: Counter(nouns(text)) for doc, text in TEXTS.items()}
    forward = related_articles(similarities(tfidf_vectors(counts)))
    backward = related_articles(similarities(tfidf_vectors(dict(reversed(list(counts.items()))))))
    assert forward == backward
