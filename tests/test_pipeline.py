"""generator/pipeline.py: parallel analysis gives exactly what serial analysis gives."""
from __future__ import annotations

import copy

from conftest import SEEDS

from generator.pipeline import analyse_all
from generator.read import read_corpus


def test_parallel_and_serial_analysis_agree():
    articles, _ = read_corpus([SEEDS])
    many = [copy.deepcopy(a) for a in articles * 4]
    for n, article in enumerate(many):
        article.id = f"{article.id}-{n}"
    serial = analyse_all(copy.deepcopy(many), workers=1)
    parallel = analyse_all(copy.deepcopy(many), workers=2)
    assert [a.as_dict() for a in parallel] == [a.as_dict() for a in serial]


def test_seeds_end_to_end_fill_every_finding():
    from generator.pipeline import load_corpus

    articles, _ = load_corpus([SEEDS], workers=1)
    assert len(articles) == 5
    for article in articles:
        assert 3 <= len(article.summary) <= 5, article.id
        assert article.people and article.quotes and article.figures and article.events and article.topics, article.id
        for item in [*article.quotes, *article.figures, *article.events]:
            assert 0 <= item["paragraph"] < len(article.body), (article.id, item)
        assert all(q["text"].replace(" ", "")[:10] in article.body[q["paragraph"]].replace(" ", "") for q in article.quotes), article.id


def test_english_article_is_analysed_without_error(tmp_path):
    from generator.pipeline import load_corpus

    (tmp_path / "en.txt").write_text(
        "Ministry launches AI committee\n"
        "The ministry launched a national AI committee on Monday, naming 34 civilian members.\n"
        "\"The framework is now in place,\" the minister said, adding that 200,000 GPUs would be secured by 2030.\n",
        encoding="utf-8",
    )
    [article], _ = load_corpus([tmp_path], workers=1)
    assert article.language == "en" and article.summary
