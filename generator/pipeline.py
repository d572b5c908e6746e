"""Read then analyse: the corpus as the renderer and the JSON need it.

Analysis is a pure function of one article, so large corpora are analysed
in a process pool (one Kiwi per worker, loaded once by the pool's
initializer); small ones in-process, where starting workers would cost more
than it saves.  With a cache, an article whose text, metadata and analysis
configuration are unchanged is not analysed again.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from generator.analyse import analyse
from generator.analyse.keywords import article_noun_counts, keywords_from_counts
from generator.cache import Analysed, AnalysisCache
from generator.korean.kiwi import forget_texts, shared_kiwi
from generator.model import Article, Problem
from generator.read import read_corpus

PARALLEL_FROM = 16  # articles
PROGRESS_FROM = 50  # articles; shorter runs finish before a bar would help


class Timings(dict[str, float]):
    """Seconds spent per named stage of a run, in the order the stages ran."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + time.perf_counter() - start


@dataclass
class Loaded:
    """The analysed corpus, the problems met, and which articles had to be analysed this run."""

    articles: list[Article]
    problems: list[Problem]
    noun_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # article id -> noun -> count
    analysed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)


def _start_worker() -> None:
    """Pool initializer: load Kiwi once per worker, before the first article arrives."""
    shared_kiwi().tokenize("준비")


def analyse_one(article: Article) -> Analysed:
    """Everything found in one article alone: its findings and its noun counts.

    The analysers share Kiwi's reading of each sentence within the article; it is forgotten
    afterwards, so memory stays flat and no article's cost depends on the ones before it.
    """
    article = analyse(article)
    result = Analysed(article, article_noun_counts(article.title, article.body))
    forget_texts()
    return result


def _progress(total: int) -> tqdm:
    """A progress bar on stderr for long runs at a terminal; silent in logs, pipes and tests."""
    quiet = total < PROGRESS_FROM or not sys.stderr.isatty()
    return tqdm(total=total, desc="analysing", unit="article", file=sys.stderr, disable=quiet, leave=False)


def analyse_each(articles: list[Article], workers: int | None = None) -> list[Analysed]:
    """`analyse_one` for every article, in parallel when it pays; the order is kept."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    results: list[Analysed] = []
    with _progress(len(articles)) as bar:
        if workers <= 1 or len(articles) < PARALLEL_FROM:
            for article in articles:
                results.append(analyse_one(article))
                bar.update()
            return results
        chunksize = max(1, min(8, len(articles) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker) as pool:
            for result in pool.map(analyse_one, articles, chunksize=chunksize):
                results.append(result)
                bar.update()
    return results


def analyse_all(articles: list[Article], workers: int | None = None) -> list[Article]:
    """Analyse every article, in parallel when it pays; the order is kept."""
    return [result.article for result in analyse_each(articles, workers)]


def load(paths: list[Path], workers: int | None = None, cache: AnalysisCache | None = None, timings: Timings | None = None) -> Loaded:
    """Every readable article under `paths`, cleaned and analysed (taken from the cache where it is unchanged)."""
    timings = timings if timings is not None else Timings()
    with timings.stage("read"):
        articles, problems = read_corpus(paths, merge_duplicates=True)
    with timings.stage("analyse"):
        keys = [cache.key(article) if cache else "" for article in articles]
        done: list[Analysed | None] = [cache.get(key) if cache else None for key in keys]
        missing = [n for n, hit in enumerate(done) if hit is None]
        for n, result in zip(missing, analyse_each([articles[n] for n in missing], workers), strict=True):
            done[n] = result
            if cache:
                cache.put(keys[n], result)
    results = [r for r in done if r is not None]
    with timings.stage("merge"):
        nouns = {r.article.id: r.nouns for r in results}
        keywords = keywords_from_counts(nouns)
        for result in results:
            result.article.keywords = keywords[result.article.id]
    analysed = {articles[n].id for n in missing}
    return Loaded([r.article for r in results], problems, nouns,
                  [r.article.id for r in results if r.article.id in analysed], [r.article.id for r in results if r.article.id not in analysed])


def load_corpus(paths: list[Path], workers: int | None = None) -> tuple[list[Article], list[Problem]]:
    """Every readable article under `paths`, cleaned and analysed, and the problems met."""
    loaded = load(paths, workers)
    return loaded.articles, loaded.problems
