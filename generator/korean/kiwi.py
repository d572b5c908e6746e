"""One Kiwi morphological analyser per process, loaded on first use.

Loading the model takes about a second and a few hundred MB, so every module
asks for it here instead of building its own.
"""
from __future__ import annotations

from functools import lru_cache

from kiwipiepy import Kiwi


@lru_cache(maxsize=1)
def shared_kiwi() -> Kiwi:
    """The process-wide Kiwi instance."""
    return Kiwi()


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` as Kiwi splits them, quotes kept whole."""
    if not text.strip():
        return []
    return [s.text.strip() for s in shared_kiwi().split_into_sents(text) if s.text.strip()]


def ends_with_final_ending(text: str) -> bool:
    """True when the text closes like a Korean sentence (a final ending, `EF`).

    Headlines and crossheads end in nouns (`…목표`, `…개최`); article
    sentences end in a final ending (`…밝혔다`), even when a scrape lost the
    full stop.
    """
    tokens = [t for t in shared_kiwi().tokenize(text.strip()) if not t.tag.startswith("S")]
    return bool(tokens) and tokens[-1].tag == "EF"
