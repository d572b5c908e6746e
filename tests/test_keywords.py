"""generator/analyse/keywords.py: nouns that set an article apart, for any subject."""
from __future__ import annotations

from generator.analyse.keywords import corpus_keywords


def test_distinctive_nouns_rank_first_and_shared_ones_fall():
    texts = {
        "a": "정부는 반도체 공장을 짓는다. 반도체 수출이 늘었다. 정부 발표에 따르면 반도체 투자가 늘었다.",
        "b": "정부는 공원을 만든다. 공원 산책로가 길다. 정부는 공원 나무를 심었다.",
    }
    keywords = corpus_keywords(texts)
    assert keywords["a"][0] == "반도체"
    assert keywords["b"][0] == "공원"
    assert keywords["a"].index("반도체") < keywords["a"].index("정부") if "정부" in keywords["a"] else True


def test_output_is_stable():
    texts = {"x": "사과 사과 배 배 감 감", "y": "사과 배"}
    assert corpus_keywords(texts) == corpus_keywords(dict(reversed(list(texts.items()))))
