"""Cross-article merging: one timeline from the events of every article.

The same event reported by several sources becomes one entry listing every
source: events merge when their dates agree and their wording overlaps
(character-bigram Dice of `what`, or one evidence sentence sharing most of
the other's bigrams).  Dates that disagree are never merged silently.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from generator.model import Article

SAME_EVENT = 0.6


def bigrams(text: str) -> list[str]:
    squashed = "".join((text or "").split())
    return [squashed[i:i + 2] for i in range(len(squashed) - 1)]


def dice(a: str, b: str) -> float:
    """Dice overlap of the character bigrams of two texts (repeated bigrams count as often as both have them)."""
    return dice_counts(Counter(bigrams(a)), Counter(bigrams(b)))


def dice_counts(x: Counter[str], y: Counter[str]) -> float:
    """`dice` of two bigram multisets, in time linear in their size."""
    total = x.total() + y.total()
    if not x or not y:
        return 0.0
    hits = sum(min(count, y[gram]) for gram, count in x.items() if gram in y)
    return 2 * hits / total


class BigramMasks:
    """The character bigrams of texts as bit masks over one shared vocabulary, worked out once per text.

    Comparing two texts is then an AND and a bit count.  With `repeats`, the k-th repeat of a
    bigram is its own bit, so the overlap is the multiset overlap `dice` counts; without, a set.
    """

    def __init__(self, repeats: bool = True) -> None:
        self.repeats = repeats
        self.bits: dict[tuple[str, int], int] = {}
        self.known: dict[str, tuple[int, int]] = {}

    def __call__(self, text: str) -> tuple[int, int]:
        """(mask, number of bigrams in it) of `text`."""
        found = self.known.get(text)
        if found is None:
            seen: dict[str, int] = {}
            mask = 0
            for gram in bigrams(text):
                repeat = seen.get(gram, 0)
                if repeat and not self.repeats:
                    continue
                seen[gram] = repeat + 1
                mask |= 1 << self.bits.setdefault((gram, repeat), len(self.bits))
            found = self.known[text] = (mask, mask.bit_count())
        return found


def dice_masks(x: tuple[int, int], y: tuple[int, int]) -> float:
    """`dice` of two texts from their `BigramMasks` (with repeats)."""
    return 2 * (x[0] & y[0]).bit_count() / (x[1] + y[1]) if x[1] and y[1] else 0.0


@dataclass
class Source:
    article: str
    title: str | None
    outlet: str | None
    published: str | None
    paragraph: int
    evidence: str
    quantity: str | None = None
    who: str | None = None


@dataclass
class TimelineEntry:
    date: str
    precision: str
    kind: str
    what: str
    sources: list[Source] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # other dates given for the same event

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def month(self) -> str | None:
        return self.date[:7] if len(self.date) >= 7 else None


@lru_cache(maxsize=65536)
def quantities(text: str) -> frozenset[str]:
    """Numbers as written in a short description ("20만", "5만"), spaces removed."""
    return frozenset(re.findall(r"\d[\d,.]*(?:만|천|억|조)?", "".join((text or "").split())))


def _could_reach(x: tuple[int, int], y: tuple[int, int], threshold: float) -> bool:
    """False when the sizes alone rule out `dice >= threshold` (Dice is at most 2·min / (min + max))."""
    small, large = (x[1], y[1]) if x[1] <= y[1] else (y[1], x[1])
    return small > 0 and 2 * small >= threshold * (small + large) - 1e-9


def _same_event(entry_what: str, evidences: dict[str, tuple[int, int]], what: str, evidence: str, masks: BigramMasks) -> bool:
    """The same quantity, near-identical wording, or a near-identical evidence sentence (date and kind already agree).

    `evidences` holds the entry's distinct evidence sentences with their bigrams: a story many
    sources repeat word for word is compared once, not once per source.
    """
    if quantities(entry_what) & quantities(what):
        return True  # same date, same announced quantity: "20만장 확보 목표" / "20만 장 확보 목표"
    entry_grams, grams = masks(entry_what), masks(what)
    if _could_reach(entry_grams, grams, SAME_EVENT) and dice_masks(entry_grams, grams) >= SAME_EVENT:
        return True
    if evidence in evidences:
        return bool(evidences[evidence][1])  # the same sentence word for word: Dice 1 whenever it has a bigram
    evidence_grams = masks(evidence)
    return any(_could_reach(other, evidence_grams, 0.7) and dice_masks(other, evidence_grams) >= 0.7 for other in evidences.values())


def _quantity(article: Article, event: dict[str, Any]) -> str | None:
    """The figure the statement announces: one in the same paragraph dated to the event's year, or one named in `what`."""
    for figure in article.figures:
        if figure["paragraph"] == event["paragraph"] and figure.get("when") == event["date"][:4] and figure["text"] in (event.get("evidence") or ""):
            return figure["text"]
    found = sorted(quantities(event.get("what") or ""))
    return found[0] if found else None


def _who(article: Article, event: dict[str, Any]) -> str | None:
    """Who announced it: the speaker quoted in that paragraph, if the article says."""
    return next((q["speaker"] for q in article.quotes if q["paragraph"] == event["paragraph"] and q.get("speaker")), None)


def _conflict(a: TimelineEntry, b: TimelineEntry, masks: BigramMasks) -> bool:
    """The same event (same quantity, or near-identical wording) under different dates, from different articles."""
    if a.date == b.date or a.kind != b.kind:
        return False
    if {s.article for s in a.sources} & {s.article for s in b.sources}:
        return False  # one article giving two dates is a sequence of steps, not a disagreement
    wording = dice_masks(masks(a.what), masks(b.what))
    return (bool(quantities(a.what) & quantities(b.what)) and wording >= 0.5) or wording >= 0.8


def _bigram_tokens(text: str) -> list[tuple[str, int]]:
    """The bigrams of `text` as a set: the k-th repeat of a bigram is its own element, so set overlap is `dice`'s multiset overlap."""
    seen: dict[str, int] = {}
    out = []
    for gram in bigrams(text):
        out.append((gram, seen.get(gram, 0)))
        seen[gram] = seen.get(gram, 0) + 1
    return out


def _conflict_candidates(entries: list[TimelineEntry]) -> list[set[int]]:
    """For each entry, the entries that can reach `dice >= 0.5` with it (prefix filtering, so no pair is missed).

    Both conflict rules need `dice >= 0.5`, which needs an overlap of at least a third of the
    longer bigram list; two lists with that much in common share an element among the first
    `n - ceil(n / 3) + 1` of each, when both are ordered the same way (rarest first).  Only
    those prefixes are indexed, so common bigrams do not make every pair a candidate.
    """
    tokens = [_bigram_tokens(e.what) for e in entries]
    frequency: dict[tuple[str, int], int] = {}
    for toks in tokens:
        for tok in toks:
            frequency[tok] = frequency.get(tok, 0) + 1
    index: dict[tuple[str, str, int], list[int]] = {}
    prefixes: list[list[tuple[str, int]]] = []
    for n, toks in enumerate(tokens):
        ordered = sorted(toks, key=lambda tok: (frequency[tok], tok))
        prefix = ordered[: len(ordered) - -(-len(ordered) // 3) + 1] if ordered else []
        prefixes.append(prefix)
        for gram, repeat in prefix:
            index.setdefault((entries[n].kind, gram, repeat), []).append(n)
    return [{m for gram, repeat in prefixes[n] for m in index[(entries[n].kind, gram, repeat)] if m != n} for n in range(len(entries))]


def _mark_conflicts(entries: list[TimelineEntry], masks: BigramMasks) -> None:
    """The same event (same quantity, or near-identical wording) under different dates is a conflict, shown on both."""
    candidates = _conflict_candidates(entries)
    for n, a in enumerate(entries):
        for m in sorted(candidates[n]):
            b = entries[m]
            if _conflict(a, b, masks) and b.date not in a.conflicts:
                a.conflicts.append(b.date)


def merge_timeline(articles: list[Article]) -> list[TimelineEntry]:
    """Every event of every article, merged across sources, in date order; disagreeing dates flagged.

    Events only merge with entries of the same date and kind, so entries are looked up in
    (date, kind) buckets, in the order they were made.
    """
    entries: list[TimelineEntry] = []
    buckets: dict[tuple[str, str], list[TimelineEntry]] = {}
    masks = BigramMasks()
    evidences: dict[int, dict[str, tuple[int, int]]] = {}  # per entry (by id): its distinct evidence sentences
    articles_of: dict[int, set[str]] = {}  # per entry: the articles already listed as its sources
    for article in sorted(articles, key=lambda a: a.id):
        for event in article.events:
            source = Source(article.id, article.title, article.outlet, article.published, event["paragraph"], event.get("evidence") or "",
                            _quantity(article, event), _who(article, event))
            bucket = buckets.setdefault((event["date"], event["kind"]), [])
            what = event.get("what") or ""
            match = next((e for e in bucket if _same_event(e.what, evidences[id(e)], what, source.evidence, masks)), None)
            if match is None:
                match = TimelineEntry(event["date"], event["precision"], event["kind"], what)
                entries.append(match)
                bucket.append(match)
                evidences[id(match)] = {}
                articles_of[id(match)] = set()
            if article.id not in articles_of[id(match)]:
                articles_of[id(match)].add(article.id)
                match.sources.append(source)
                if source.evidence not in evidences[id(match)]:
                    evidences[id(match)][source.evidence] = masks(source.evidence)
    _mark_conflicts(entries, masks)
    return sorted(entries, key=lambda e: (e.date, e.kind, e.what))


def split_by_reference(entries: list[TimelineEntry], reference: str | None) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(what happened, what is still ahead) as of the newest publication date in the corpus."""
    if not reference:
        return [e for e in entries if e.kind == "past"], [e for e in entries if e.kind != "past"]
    past = [e for e in entries if e.kind == "past" or e.date[: len(reference)] < reference[: len(e.date)]]
    done = {id(e) for e in past}
    ahead = [e for e in entries if id(e) not in done]
    return past, ahead
