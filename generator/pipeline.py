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
from generator.read import discover, drop_duplicates, input_bytes, plan_ids, read_input
from generator.read.encoding import UnreadableInput
from generator.read.limits import active_limits

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
    fingerprints: dict[str, str] = field(default_factory=dict)  # article id -> cache key: the article's findings are a function of it


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


@dataclass
class _Input:
    """One readable input on its way through `load`: its cache key, its article, and its analysis once there is one."""

    key: str | None
    article: Article
    problems: list[Problem]
    analysed: Analysed | None = None


def load(paths: list[Path], workers: int | None = None, cache: AnalysisCache | None = None, timings: Timings | None = None) -> Loaded:
    """Every readable article under `paths`, cleaned and analysed; an unchanged input is taken whole from the cache.

    Only inputs the cache does not hold are read, cleaned and analysed, so a run after one
    edit costs a hash of each input's bytes plus the work on that one input.
    """
    timings = timings if timings is not None else Timings()
    limits = active_limits()
    with timings.stage("read"):
        files, problems = discover(paths, limits)
        planned, id_problems = plan_ids(files)
        problems += id_problems
        inputs: list[_Input] = []
        for item, article_id in planned:
            try:
                data: bytes | None = input_bytes(item, limits) if cache else None
            except UnreadableInput:
                data = None  # read_input says why
            key = cache.key(item, article_id, limits, data) if cache and data is not None else None
            stored = cache.get(key) if cache and key else None
            if stored is not None:
                inputs.append(_Input(key, stored.article, stored.problems, stored))
            else:
                article, read_problems = read_input(item, article_id, limits, data)  # the very bytes the key was made from
                if article is not None:
                    inputs.append(_Input(key, article, read_problems))
                else:
                    problems += read_problems
                    continue
            problems += inputs[-1].problems
        kept, duplicate_problems = drop_duplicates([i.article for i in inputs])
        problems += duplicate_problems
        kept_ids = {id(a) for a in kept}
        inputs = [i for i in inputs if id(i.article) in kept_ids]
    with timings.stage("analyse"):
        missing = [i for i in inputs if i.analysed is None]
        for entry, result in zip(missing, analyse_each([i.article for i in missing], workers), strict=True):
            result.problems = entry.problems
            entry.analysed = result
            if cache and entry.key:
                cache.put(entry.key, result)
    results = [i.analysed for i in inputs if i.analysed is not None]
    with timings.stage("merge"):
        nouns = {r.article.id: r.nouns for r in results}
        keywords = keywords_from_counts(nouns)
        for result in results:
            result.article.keywords = keywords[result.article.id]
    analysed = {i.article.id for i in missing}
    return Loaded([r.article for r in results], problems, nouns,
                  [r.article.id for r in results if r.article.id in analysed], [r.article.id for r in results if r.article.id not in analysed],
                  {i.analysed.article.id: i.key for i in inputs if i.key and i.analysed})


def load_corpus(paths: list[Path], workers: int | None = None) -> tuple[list[Article], list[Problem]]:
    """Every readable article under `paths`, cleaned and analysed, and the problems met."""
    loaded = load(paths, workers)
    return loaded.articles, loaded.problems
