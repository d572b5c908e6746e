"""One Kiwi morphological analyser per process, loaded on first use.

Loading the model takes about a second and a few hundred MB, so every module
asks for it here instead of building its own.
"""
from __future__ import annotations

from functools import lru_cache

from kiwipiepy import Kiwi, Token


@lru_cache(maxsize=1)
def shared_kiwi() -> Kiwi:
    """The process-wide Kiwi instance."""
    return Kiwi()


# Texts whose analysis is remembered: more than one article's sentences, so the analysers that read
# the same sentence (entities, quotes, events, summary) share one Kiwi call.
REMEMBERED = 4096


@lru_cache(maxsize=REMEMBERED)
def tokens(text: str) -> tuple[Token, ...]:
    """Kiwi's tokens of `text`, computed once per process for a text seen again."""
    return tuple(shared_kiwi().tokenize(text))


@lru_cache(maxsize=REMEMBERED)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.text.strip() for s in shared_kiwi().split_into_sents(text) if s.text.strip())


def forget_texts() -> None:
    """Drop the remembered analyses (benchmarks time Kiwi from a cold start this way)."""
    tokens.cache_clear()
    _sentences.cache_clear()


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` as Kiwi splits them, quotes kept whole."""
    if not text.strip():
        return []
    return list(_sentences(text))


def ends_with_final_ending(text: str) -> bool:
    """True when the text closes like a Korean sentence (a final ending, `EF`).

    Headlines and crossheads end in nouns (`…목표`, `…개최`); article
    sentences end in a final ending (`…밝혔다`), even when a scrape lost the
    full stop.
    """
    found = [t for t in tokens(text.strip()) if not t.tag.startswith("S")]
    return bool(found) and found[-1].tag == "EF"
