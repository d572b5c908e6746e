"""The corpus in a few sentences: the summary sentences that most articles echo.

Each article's summary already holds its own key sentences.  Across the
corpus, a sentence matters when other articles say something close to it
(centrality, as in LexRank), and a brief must not repeat itself, so near
duplicates are dropped.  Similarity is the Jaccard overlap of character
bigrams: cheap, and indifferent to Korean particles and spacing.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.corpus import BigramMasks
from generator.model import Article

CANDIDATE_ARTICLES = 50  # the newest articles that compete; the cost grows with their square, so it stays bounded
SAME_SENTENCE = 0.5
PER_ARTICLE = 2


@dataclass(frozen=True)
class BriefSentence:
    text: str
    article: str
    score: float


def bigram_sets() -> BigramMasks:
    """Sentences' character-bigram sets as bit masks over one vocabulary (share one across calls of `top_sentences`)."""
    return BigramMasks(repeats=False)


def overlap(a: int, b: int) -> float:
    """Jaccard overlap of two bigram-set masks."""
    return (a & b).bit_count() / (a | b).bit_count() if a and b else 0.0


def competing(articles: list[Article]) -> list[Article]:
    """The articles whose summary sentences compete in `top_sentences`: the newest ones; nothing else counts."""
    return sorted(articles, key=lambda a: (a.published or "", a.id), reverse=True)[:CANDIDATE_ARTICLES]


def top_sentences(articles: list[Article], limit: int = 5, about: tuple[str, ...] = (), masks: BigramMasks | None = None) -> list[BriefSentence]:
    """Up to `limit` summary sentences, most echoed across articles first, no two alike, at most two per article.

    With `about` (lower-case words of a topic), sentences that name one of the words come first, so a
    topic page speaks of its topic even when its articles also cover others.  Callers that ask about
    many groups of the same articles pass one `masks`, so each sentence is turned into bigrams once.
    """
    masks = masks if masks is not None else bigram_sets()
    chosen_articles = competing(articles)
    candidates = [(a.id, position, sentence, masks(sentence)[0])
                  for a in sorted(chosen_articles, key=lambda a: a.id) for position, sentence in enumerate(a.summary)]
    by_article: dict[str, list[int]] = {}
    for article_id, _, _, grams in candidates:
        by_article.setdefault(article_id, []).append(grams)
    scored = []
    for article_id, position, sentence, grams in candidates:
        echo = sum(max(overlap(grams, other) for other in others) for other_id, others in by_article.items() if other_id != article_id)
        # The article's own ranking breaks ties and lifts its lead when nothing else echoes.
        scored.append(BriefSentence(sentence, article_id, round(echo + 0.01 / (1 + position), 6)))
    scored.sort(key=lambda s: (about != () and not any(word in s.text.lower() for word in about), -s.score, s.article, s.text))
    brief: list[BriefSentence] = []
    kept_grams: list[int] = []
    per_article: dict[str, int] = {}
    for candidate in scored:
        if per_article.get(candidate.article, 0) >= PER_ARTICLE:
            continue
        grams = masks(candidate.text)[0]
        if any(overlap(grams, kept) >= SAME_SENTENCE for kept in kept_grams):
            continue
        brief.append(candidate)
        kept_grams.append(grams)
        per_article[candidate.article] = per_article.get(candidate.article, 0) + 1
        if len(brief) == limit:
            break
    return brief
