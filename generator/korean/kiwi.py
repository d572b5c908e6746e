"""One Kiwi morphological analyser per process, loaded on first use.

Loading the model takes about a second and a few hundred MB, so every module
asks for it here instead of building its own.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from kiwipiepy import Kiwi, Token


@lru_cache(maxsize=1)
def shared_kiwi() -> Kiwi:
    """The process-wide Kiwi instance."""
    return Kiwi()


# Texts whose analysis is remembered: more than one article's sentences, so the analysers that read
# the same sentence (entities, quotes, events, summary) share one Kiwi call.
REMEMBERED = 4096


@dataclass(frozen=True)
class SentenceToken:
    """A token read while splitting a paragraph, with its offset moved to the sentence it belongs to.

    It has the attributes the analysers use of Kiwi's own Token (`form`, `tag`, `start`, `len`, `oov`).
    """

    form: str
    tag: str
    start: int
    len: int
    oov: bool


# Sentences met while splitting paragraphs, with their tokens: Kiwi reads each sentence once, when it
# splits the paragraph, instead of once to split and again for every analyser that looks at the sentence.
_split_readings: OrderedDict[str, tuple[SentenceToken, ...]] = OrderedDict()


@lru_cache(maxsize=REMEMBERED)
def tokens(text: str) -> tuple[Token | SentenceToken, ...]:
    """Kiwi's tokens of `text`, computed once per process for a text seen again."""
    known = _split_readings.get(text)
    return known if known is not None else tuple(shared_kiwi().tokenize(text))


@lru_cache(maxsize=REMEMBERED)
def _sentences(text: str) -> tuple[str, ...]:
    found = []
    whole: list[SentenceToken] = []  # the paragraph's own reading, for analysers that read a paragraph at once
    for sentence in shared_kiwi().split_into_sents(text, return_tokens=True):
        whole.extend(SentenceToken(t.form, t.tag, t.start, t.len, bool(t.oov)) for t in sentence.tokens)
        stripped = sentence.text.strip()
        if not stripped:
            continue
        offset = sentence.start + sentence.text.index(stripped)
        _split_readings[stripped] = tuple(SentenceToken(t.form, t.tag, t.start - offset, t.len, bool(t.oov)) for t in sentence.tokens)
        _split_readings.move_to_end(stripped)
        found.append(stripped)
    _split_readings[text] = tuple(whole)
    _split_readings.move_to_end(text)
    while len(_split_readings) > REMEMBERED:
        _split_readings.popitem(last=False)
    return tuple(found)


def forget_texts() -> None:
    """Drop the remembered analyses (benchmarks time Kiwi from a cold start this way)."""
    tokens.cache_clear()
    _sentences.cache_clear()
    _split_readings.clear()


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
