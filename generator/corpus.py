"""Cross-article merging: one timeline from the events of every article.

The same event reported by several sources becomes one entry listing every
source: events merge when their dates agree and their wording overlaps
(character-bigram Dice of `what`, or one evidence sentence sharing most of
the other's bigrams).  Dates that disagree are never merged silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.model import Article

SAME_EVENT = 0.6


def bigrams(text: str) -> list[str]:
    squashed = "".join((text or "").split())
    return [squashed[i:i + 2] for i in range(len(squashed) - 1)]


def dice(a: str, b: str) -> float:
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 0.0
    pool = list(y)
    hits = 0
    for gram in x:
        if gram in pool:
            pool.remove(gram)
            hits += 1
    return 2 * hits / (len(x) + len(y))


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


def quantities(text: str) -> set[str]:
    """Numbers as written in a short description ("20만", "5만"), spaces removed."""
    return set(re.findall(r"\d[\d,.]*(?:만|천|억|조)?", "".join((text or "").split())))


def _same_event(entry: TimelineEntry, event: dict[str, Any]) -> bool:
    if entry.date != event["date"] or entry.kind != event["kind"]:
        return False
    what = event.get("what") or ""
    if quantities(entry.what) & quantities(what):
        return True  # same date, same announced quantity: "20만장 확보 목표" / "20만 장 확보 목표"
    return dice(entry.what, what) >= SAME_EVENT or any(
        dice(s.evidence, event.get("evidence") or "") >= 0.7 for s in entry.sources
    )


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


def _mark_conflicts(entries: list[TimelineEntry]) -> None:
    """The same event (same quantity, or near-identical wording) under different dates is a conflict, shown on both."""
    for a in entries:
        for b in entries:
            if a is b or a.date == b.date or a.kind != b.kind:
                continue
            if {s.article for s in a.sources} & {s.article for s in b.sources}:
                continue  # one article giving two dates is a sequence of steps, not a disagreement
            same_quantity = bool(quantities(a.what) & quantities(b.what)) and dice(a.what, b.what) >= 0.5
            if (same_quantity or dice(a.what, b.what) >= 0.8) and b.date not in a.conflicts:
                a.conflicts.append(b.date)


def merge_timeline(articles: list[Article]) -> list[TimelineEntry]:
    """Every event of every article, merged across sources, in date order; disagreeing dates flagged."""
    entries: list[TimelineEntry] = []
    for article in sorted(articles, key=lambda a: a.id):
        for event in article.events:
            source = Source(article.id, article.title, article.outlet, article.published, event["paragraph"], event.get("evidence") or "",
                            _quantity(article, event), _who(article, event))
            match = next((e for e in entries if _same_event(e, event)), None)
            if match is None:
                match = TimelineEntry(event["date"], event["precision"], event["kind"], event.get("what") or "")
                entries.append(match)
            if all(s.article != article.id for s in match.sources):
                match.sources.append(source)
    _mark_conflicts(entries)
    return sorted(entries, key=lambda e: (e.date, e.kind, e.what))


def split_by_reference(entries: list[TimelineEntry], reference: str | None) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(what happened, what is still ahead) as of the newest publication date in the corpus."""
    if not reference:
        return [e for e in entries if e.kind == "past"], [e for e in entries if e.kind != "past"]
    past = [e for e in entries if e.kind == "past" or e.date[: len(reference)] < reference[: len(e.date)]]
    ahead = [e for e in entries if e not in past]
    return past, ahead
