"""Topic labels from the configured taxonomy (generator/data/topics.yml).

A topic's score is how often its words occur per thousand characters, with
the headline counted three times; an article gets every topic whose score
clears a floor, strongest first, so a passing mention does not make a topic.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

TAXONOMY_FILE = Path(__file__).resolve().parent.parent / "data" / "topics.yml"
MIN_HITS = 3
MIN_DENSITY = 1.0  # hits per 1,000 characters
MAX_TOPICS = 6


@lru_cache(maxsize=2)
def load_taxonomy(path: Path = TAXONOMY_FILE) -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(label): tuple(str(w).lower() for w in words) for label, words in (data.get("topics") or {}).items()}


def topic_scores(title: str | None, body: list[str]) -> dict[str, int]:
    """Keyword hits per topic, headline words weighing three times."""
    text = " ".join(body).lower()
    head = (title or "").lower()
    scores: dict[str, int] = {}
    for label, words in load_taxonomy().items():
        # Longer words first, so "AI 반도체" is not also counted as "반도체".
        hits = 0
        remaining_text, remaining_head = text, head
        for word in sorted(words, key=len, reverse=True):
            hits += remaining_text.count(word) + 3 * remaining_head.count(word)
            remaining_text = remaining_text.replace(word, " ")
            remaining_head = remaining_head.replace(word, " ")
        scores[label] = hits
    return scores


def find_topics(title: str | None, body: list[str]) -> list[str]:
    """Labels whose words are frequent enough in this article, strongest first."""
    length = max(1, sum(len(p) for p in body))
    scores = topic_scores(title, body)
    chosen = [label for label, hits in scores.items() if hits >= MIN_HITS and hits * 1000 / length >= MIN_DENSITY]
    return sorted(chosen, key=lambda label: (-scores[label], label))[:MAX_TOPICS]
