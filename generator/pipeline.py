"""Read then analyse: the corpus as the renderer and the JSON need it.

Analysis is a pure function of one article, so large corpora are analysed
in a process pool (one Kiwi per worker, loaded once); small ones in-process,
where starting workers would cost more than it saves.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.analyse import analyse
from generator.analyse.keywords import corpus_keywords
from generator.model import Article, Problem
from generator.read import read_corpus

PARALLEL_FROM = 16  # articles


def analyse_all(articles: list[Article], workers: int | None = None) -> list[Article]:
    """Analyse every article, in parallel when it pays; the order is kept."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(articles) < PARALLEL_FROM:
        return [analyse(article) for article in articles]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(analyse, articles, chunksize=4))


def load_corpus(paths: list[Path], workers: int | None = None) -> tuple[list[Article], list[Problem]]:
    """Every readable article under `paths`, cleaned and analysed, and the problems met."""
    articles, problems = read_corpus(paths)
    articles = analyse_all(articles, workers)
    keywords = corpus_keywords({a.id: " ".join([a.title or "", *a.body]) for a in articles})
    for article in articles:
        article.keywords = keywords[article.id]
    return articles, problems
