"""The corpus in a few sentences: the summary sentences that most articles echo.

Each article's summary already holds its own key sentences.  Across the
corpus, a sentence matters when other articles say something close to it
(centrality, as in LexRank), and a brief must not repeat itself, so near
duplicates are dropped.  Similarity is the Jaccard overlap of character
bigrams: cheap, and indifferent to Korean particles and spacing.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.corpus import bigrams
from generator.model import Article

CANDIDATE_ARTICLES = 50  # the newest articles that compete; the cost grows with their square, so it stays bounded
SAME_SENTENCE = 0.5
PER_ARTICLE = 2


@dataclass(frozen=True)
class BriefSentence:
    text: str
    article: str
    score: float


def bigram_set(text: str) -> frozenset[str]:
    return frozenset(bigrams(text))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def top_sentences(articles: list[Article], limit: int = 5, about: tuple[str, ...] = ()) -> list[BriefSentence]:
    """Up to `limit` summary sentences, most echoed across articles first, no two alike, at most two per article.

    With `about` (lower-case words of a topic), sentences that name one of the words come first, so a
    topic page speaks of its topic even when its articles also cover others.
    """
    chosen_articles = sorted(articles, key=lambda a: (a.published or "", a.id), reverse=True)[:CANDIDATE_ARTICLES]
    candidates = [(a.id, position, sentence, bigram_set(sentence))
                  for a in sorted(chosen_articles, key=lambda a: a.id) for position, sentence in enumerate(a.summary)]
    by_article: dict[str, list[frozenset[str]]] = {}
    for article_id, _, _, grams in candidates:
        by_article.setdefault(article_id, []).append(grams)
    scored = []
    for article_id, position, sentence, grams in candidates:
        echo = sum(max(overlap(grams, other) for other in others) for other_id, others in by_article.items() if other_id != article_id)
        # The article's own ranking breaks ties and lifts its lead when nothing else echoes.
        scored.append(BriefSentence(sentence, article_id, round(echo + 0.01 / (1 + position), 6)))
    scored.sort(key=lambda s: (about != () and not any(word in s.text.lower() for word in about), -s.score, s.article, s.text))
    brief: list[BriefSentence] = []
    kept_grams: list[frozenset[str]] = []
    per_article: dict[str, int] = {}
    for candidate in scored:
        if per_article.get(candidate.article, 0) >= PER_ARTICLE:
            continue
        grams = bigram_set(candidate.text)
        if any(overlap(grams, kept) >= SAME_SENTENCE for kept in kept_grams):
            continue
        brief.append(candidate)
        kept_grams.append(grams)
        per_article[candidate.article] = per_article.get(candidate.article, 0) + 1
        if len(brief) == limit:
            break
    return brief
