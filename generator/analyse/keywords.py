"""Automatic keywords: the nouns that set an article apart from the rest of the corpus (TF-IDF).

The taxonomy only knows the subjects it was written for; keywords give any
corpus useful tags.  They need the whole corpus (document frequencies), so
they are computed after the per-article analysis.
"""
from __future__ import annotations

import math
from collections import Counter

from generator.korean.kiwi import shared_kiwi

NOUN_TAGS = ("NNG", "NNP", "SL")
KEYWORDS_PER_ARTICLE = 6
STOP_NOUNS = frozenset({"기자", "이날", "가운데", "관계자", "이번", "지난해", "올해", "내년", "경우", "정도", "때문", "대해", "위해", "통해"})


def nouns(text: str) -> list[str]:
    """Nouns of two or more characters (and Latin words), as Kiwi reads them."""
    return [t.form for t in shared_kiwi().tokenize(text)
            if t.tag in NOUN_TAGS and len(t.form) >= 2 and t.form not in STOP_NOUNS]


def corpus_keywords(texts: dict[str, str]) -> dict[str, list[str]]:
    """Top TF-IDF nouns per document id; ties broken alphabetically so the output is stable."""
    counts = {doc_id: Counter(nouns(text)) for doc_id, text in texts.items()}
    document_frequency: Counter[str] = Counter()
    for counter in counts.values():
        document_frequency.update(counter.keys())
    total = len(counts)
    result: dict[str, list[str]] = {}
    for doc_id, counter in counts.items():
        scored = {w: tf * (math.log((1 + total) / (1 + document_frequency[w])) + 1) for w, tf in counter.items() if tf >= 2}
        result[doc_id] = [w for w, _ in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:KEYWORDS_PER_ARTICLE]]
    return result
