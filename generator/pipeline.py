"""Read then analyse: the corpus as the renderer and the JSON need it."""
from __future__ import annotations

from pathlib import Path

from generator.analyse import analyse
from generator.model import Article, Problem
from generator.read import read_corpus


def load_corpus(paths: list[Path]) -> tuple[list[Article], list[Problem]]:
    """Every readable article under `paths`, cleaned and analysed, and the problems met."""
    articles, problems = read_corpus(paths)
    return [analyse(article) for article in articles], problems
