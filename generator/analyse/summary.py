"""The article in three to five sentences: TextRank over content morphemes, tuned for news.

A plain TextRank picks the most central sentences.  News puts the story in
its first paragraphs, so the random walk restarts with a mild position prior
(earlier sentences weigh more); very short sentences and sentences that are
mostly direct quotation are down-weighted; and a
sentence too similar to one already chosen is skipped so three sentences say
three things.  `benchmarks/summary.py` measures each of these choices.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from generator.korean.kiwi import split_sentences
from generator.korean.kiwi import tokens as kiwi_tokens

CONTENT_TAGS = ("NNG", "NNP", "VV", "VA", "XR", "SL", "SH", "SN")
SUMMARY_LENGTH = 3
LONG_ARTICLE = 60  # sentences; longer articles get up to five summary sentences
DAMPING = 0.85
REDUNDANCY = 0.5


@dataclass
class Candidate:
    index: int
    text: str
    tokens: frozenset[str]


def content_tokens(text: str) -> frozenset[str]:
    """Content morphemes (nouns, verb and adjective stems, foreign words, numbers)."""
    return frozenset(f"{t.form}/{t.tag[:2]}" for t in kiwi_tokens(text) if t.tag.startswith(CONTENT_TAGS))


def sentences_of(body: list[str]) -> list[str]:
    return [s for paragraph in body for s in split_sentences(paragraph)]


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """TextRank's overlap normalised by sentence lengths (Mihalcea & Tarau, 2004)."""
    if len(a) < 2 or len(b) < 2:
        return 0.0
    return len(a & b) / (math.log(len(a)) + math.log(len(b)))


def pagerank(weights: list[list[float]], prior: list[float], iterations: int = 50) -> list[float]:
    """Power iteration of a weighted PageRank that restarts according to `prior`."""
    n = len(weights)
    out_sums = [sum(row) for row in weights]
    linked = [i for i in range(n) if out_sums[i]]
    # Each column's shares (weight over its row's sum) computed once, not once per iteration.
    shares = [[(i, weights[i][j] / out_sums[i]) for i in linked] for j in range(n)]
    scores = list(prior)
    for _ in range(iterations):
        scores = [(1 - DAMPING) * prior[j] + DAMPING * sum(share * scores[i] for i, share in shares[j]) for j in range(n)]
    return scores


def rank(candidates: list[Candidate], position_prior: bool) -> list[float]:
    n = len(candidates)
    weights = [[0.0 if i == j else similarity(a.tokens, b.tokens) for j, b in enumerate(candidates)] for i, a in enumerate(candidates)]
    if position_prior:
        raw = [1 / math.sqrt(1 + c.index) for c in candidates]
    else:
        raw = [1.0] * n
    total = sum(raw)
    return pagerank(weights, [r / total for r in raw])


def quoted_share(text: str) -> float:
    """Share of the characters inside double quotes: a summary should mostly report, not cite."""
    inside, quoted = False, 0
    for ch in text:
        if ch in "\"“”":
            inside = not inside
        elif inside:
            quoted += 1
    return quoted / max(1, len(text))


def choose(sentences: list[str], count: int, position_prior: bool = True, redundancy: bool = True) -> list[int]:
    """Indices (in document order) of the `count` sentences that best summarise."""
    candidates = [Candidate(i, s, content_tokens(s)) for i, s in enumerate(sentences)]
    if len(candidates) <= count:
        return [c.index for c in candidates]
    scores = rank(candidates, position_prior)
    if position_prior:
        scores = [s * (0.5 if len(c.text) < 25 else 1.0) * (0.9 if quoted_share(c.text) > 0.5 else 1.0)
                  for s, c in zip(scores, candidates, strict=True)]
    order = sorted(range(len(candidates)), key=lambda i: (-scores[i], i))
    chosen: list[Candidate] = []
    for i in order:
        c = candidates[i]
        if redundancy and any(len(c.tokens & d.tokens) / max(1, len(c.tokens | d.tokens)) > REDUNDANCY for d in chosen):
            continue
        chosen.append(c)
        if len(chosen) == count:
            break
    # When everything left repeats what was chosen, still give `count` sentences.
    for i in order:
        if len(chosen) >= count:
            break
        if candidates[i] not in chosen:
            chosen.append(candidates[i])
    return sorted(c.index for c in chosen)


def summarise(body: list[str]) -> list[str]:
    """Three to five sentences that a reader can take as the article in brief."""
    sentences = sentences_of(body)
    count = 5 if len(sentences) > LONG_ARTICLE else SUMMARY_LENGTH
    return [sentences[i] for i in choose(sentences, count)]
