"""Related articles and story clusters by content: TF-IDF cosine over each article's nouns.

Nouns (counted by Kiwi during the per-article analysis) carry what an article
is about; particles and verbs would make every Korean article look alike.
Each article keeps its strongest terms only, and similarities are summed
through an inverted index, so the cost grows with the articles that share a
term rather than with every pair of the corpus.  In large corpora, terms in
more than half the articles (or more than MAX_POSTINGS of them) say little
about which belong together and are skipped, which keeps the inverted
index's lists short and the cost per article bounded.  Small corpora keep
every term: a handful of articles is often one subject throughout.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

TERMS_PER_ARTICLE = 100
RELATED_PER_ARTICLE = 5
MIN_RELATED = 0.08  # cosine below which two articles are not shown as related
MIN_CLUSTER = 0.15  # cosine two articles need to be told as one story
COMMON_TERM_SHARE = 0.5
COMMON_TERMS_FROM = 50  # articles; below this every term counts
MAX_POSTINGS = 100  # in large corpora, a term in more articles than this is skipped


@dataclass(frozen=True)
class Neighbour:
    article: str
    score: float


def tfidf_vectors(counts: dict[str, Counter[str] | dict[str, int]]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors of each document's strongest terms (sub-linear term frequency, smoothed IDF)."""
    total = len(counts)
    document_frequency: Counter[str] = Counter()
    for counter in counts.values():
        document_frequency.update(counter.keys())
    common = min(int(total * COMMON_TERM_SHARE), MAX_POSTINGS) if total >= COMMON_TERMS_FROM else total
    vectors: dict[str, dict[str, float]] = {}
    for doc, counter in counts.items():
        weights = {term: (1 + math.log(tf)) * (math.log((1 + total) / (1 + document_frequency[term])) + 1)
                   for term, tf in counter.items() if tf > 0 and document_frequency[term] <= common}
        strongest = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS_PER_ARTICLE]
        norm = math.sqrt(sum(w * w for _, w in strongest)) or 1.0
        vectors[doc] = {term: w / norm for term, w in strongest if w > 0}
    return vectors


def similarities(vectors: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Cosine of every pair that shares a term, through an inverted index."""
    index: dict[str, list[tuple[str, float]]] = {}
    for doc in sorted(vectors):
        for term, weight in vectors[doc].items():
            index.setdefault(term, []).append((doc, weight))
    scores: dict[str, dict[str, float]] = {doc: {} for doc in vectors}
    for doc in sorted(vectors):
        row = scores[doc]
        for term, weight in vectors[doc].items():
            for other, other_weight in index[term]:
                if other != doc:
                    row[other] = row.get(other, 0.0) + weight * other_weight
    return scores


def related_articles(scores: dict[str, dict[str, float]]) -> dict[str, list[Neighbour]]:
    """Up to five most similar articles per article, best first; ties by id so the output is stable."""
    result = {}
    for doc, row in scores.items():
        ranked = sorted(((other, round(s, 6)) for other, s in row.items() if s >= MIN_RELATED), key=lambda x: (-x[1], x[0]))
        result[doc] = [Neighbour(other, s) for other, s in ranked[:RELATED_PER_ARTICLE]]
    return result


def story_clusters(scores: dict[str, dict[str, float]], min_size: int = 2) -> list[list[str]]:
    """Groups of articles that tell one story: joined when each is among the other's closest and similar enough.

    Requiring the link both ways keeps one broad article from chaining every story into one.
    """
    top = {doc: {other for other, _ in sorted(row.items(), key=lambda x: (-x[1], x[0]))[:RELATED_PER_ARTICLE]}
           for doc, row in scores.items()}
    parent = {doc: doc for doc in scores}

    def find(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for doc in sorted(scores):
        for other, score in scores[doc].items():
            if score >= MIN_CLUSTER and other in top[doc] and doc in top.get(other, ()):
                a, b = sorted((find(doc), find(other)))
                parent[b] = a
    groups: dict[str, list[str]] = {}
    for doc in sorted(scores):
        groups.setdefault(find(doc), []).append(doc)
    clusters = [members for members in groups.values() if len(members) >= min_size]
    return sorted(clusters, key=lambda members: (-len(members), members[0]))


def shared_terms(members: list[str], vectors: dict[str, dict[str, float]], limit: int = 4) -> list[str]:
    """The terms that weigh most across a cluster: its label."""
    total: Counter[str] = Counter()
    for doc in members:
        for term, weight in vectors.get(doc, {}).items():
            total[term] += weight
    documents = Counter(term for doc in members for term in vectors.get(doc, {}))
    present = {term for term in total if documents[term] >= 2}
    return [term for term, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])) if term in present][:limit]
