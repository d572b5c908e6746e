"""Automatic keywords: the nouns that set an article apart from the rest of the corpus (TF-IDF).

The taxonomy only knows the subjects it was written for; keywords give any
corpus useful tags.  They need the whole corpus (document frequencies), so
they are computed after the per-article analysis.
"""
from __future__ import annotations

import math
from collections import Counter

from generator.korean.kiwi import split_sentences
from generator.korean.kiwi import tokens as kiwi_tokens

NOUN_TAGS = ("NNG", "NNP", "SL")
KEYWORDS_PER_ARTICLE = 6
STOP_NOUNS = frozenset({"기자", "이날", "가운데", "관계자", "이번", "지난해", "올해", "내년", "경우", "정도", "때문", "대해", "위해", "통해"})


def nouns(text: str) -> list[str]:
    """Nouns of two or more characters (and Latin words), as Kiwi reads them."""
    return [t.form for t in kiwi_tokens(text)
            if t.tag in NOUN_TAGS and len(t.form) >= 2 and t.form not in STOP_NOUNS]


def article_noun_counts(title: str | None, body: list[str]) -> dict[str, int]:
    """Noun counts of headline and body, sentence by sentence.

    The other analysers have already had each sentence read by Kiwi (and the
    reading is remembered), so counting per sentence costs no new analysis,
    where tokenising the whole text again would.
    """
    found = Counter(nouns(title or ""))
    for paragraph in body:
        for sentence in split_sentences(paragraph):
            found.update(nouns(sentence))
    return dict(sorted(found.items()))


def noun_counts(text: str) -> dict[str, int]:
    """How often each noun occurs in one document, alphabetically: the per-article half, cached with the analysis."""
    return dict(sorted(Counter(nouns(text)).items()))


def corpus_keywords(texts: dict[str, str]) -> dict[str, list[str]]:
    """Top TF-IDF nouns per document id; ties broken alphabetically so the output is stable."""
    return keywords_from_counts({doc_id: noun_counts(text) for doc_id, text in texts.items()})


def keywords_from_counts(counts: dict[str, dict[str, int]]) -> dict[str, list[str]]:
    """Top TF-IDF nouns per document id from each document's noun counts: the cross-article half, without Kiwi."""
    document_frequency: Counter[str] = Counter()
    for counter in counts.values():
        document_frequency.update(counter.keys())
    total = len(counts)
    result: dict[str, list[str]] = {}
    for doc_id, counter in counts.items():
        scored = {w: tf * (math.log((1 + total) / (1 + document_frequency[w])) + 1) for w, tf in counter.items() if tf >= 2}
        result[doc_id] = [w for w, _ in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:KEYWORDS_PER_ARTICLE]]
    return result
