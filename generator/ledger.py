"""The figures ledger: every figure of the corpus grouped by what it counts, its unit and its year.

A reader wants to see at a glance whether sources agree.  Within a group
(`GPU 수량`, `장`, 2030) each claim is one row with its source; the same
value from several articles is agreement, and different values whose
sentences speak of the same thing (by character-bigram overlap) are a
conflict shown side by side.  Different values about different things in
one group (the GPUs bought this year and the GPUs planned) are neither.
What counts as which category is data: generator/data/ledger.yml.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from generator.corpus import bigrams, dice_counts
from generator.model import Article
from generator.registry import ArticleRef, article_ref

LEDGER_FILE = Path(__file__).resolve().parent / "data" / "ledger.yml"
MIN_SERIES_POINTS = 3
CLAIMS_COMPARED = 5  # claims of each value compared when looking for a conflict; one pair is enough to show it
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")
_NUMBER = re.compile(r"[\d.,]+\s*(?:만|천|억|조)?")


@dataclass(frozen=True)
class Category:
    label: str
    units: tuple[str, ...]
    words: tuple[str, ...]
    chart: bool = False


@lru_cache(maxsize=2)
def load_ledger_config(path: Path = LEDGER_FILE) -> tuple[tuple[Category, ...], float]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    categories = tuple(
        Category(str(c["label"]), tuple(str(u) for u in c.get("units") or ()), tuple(str(w).lower() for w in c.get("words") or ()),
                 bool(c.get("chart")))
        for c in data.get("categories") or ()
    )
    return categories, float(data.get("same_subject", 0.35))


@dataclass
class Claim:
    source: ArticleRef
    text: str
    value: float
    unit: str
    what: str
    year: str | None
    paragraph: int
    sentence: str


@dataclass
class ValueRow:
    """One value of a group and every claim that gives it."""

    value: float
    claims: list[Claim] = field(default_factory=list)

    @property
    def sources(self) -> int:
        return len({c.source.id for c in self.claims})


@dataclass
class LedgerGroup:
    category: str
    unit: str
    year: str | None
    rows: list[ValueRow] = field(default_factory=list)
    conflicts: list[tuple[Claim, Claim]] = field(default_factory=list)  # one example pair per two values that conflict

    @property
    def claims(self) -> list[Claim]:
        return [c for row in self.rows for c in row.claims]

    @property
    def status(self) -> str:
        """`conflict`, `agree` (one value from two or more sources), `single` or `several` (different things)."""
        if self.conflicts:
            return "conflict"
        if len(self.rows) == 1:
            return "agree" if self.rows[0].sources >= 2 else "single"
        return "several"

    @property
    def sources(self) -> int:
        return len({c.source.id for c in self.claims})


@dataclass
class Series:
    """A category drawn as a chart: (year, value, claim) points."""

    category: str
    unit: str
    points: list[tuple[int, float, Claim]]

    @property
    def id(self) -> str:
        return f"{self.category} ({self.unit})"


def _sentence_of(paragraph: str, text: str) -> str:
    for sentence in _SENTENCE_END.split(paragraph):
        if text in sentence:
            return sentence.strip()
    return paragraph.strip()


def categorise(unit: str, sentence: str, what: str) -> str | None:
    """The first configured category the figure fits, by unit and the words of its sentence."""
    categories, _ = load_ledger_config()
    context = f"{sentence} {what}".lower()
    for category in categories:
        if unit in category.units and (not category.words or any(w in context for w in category.words)):
            return category.label
    return None


def _claims(article: Article) -> list[tuple[str, Claim]]:
    ref = article_ref(article)
    found = []
    for figure in article.figures:
        paragraph = int(figure.get("paragraph") or 0)
        text = figure.get("text") or ""
        sentence = _sentence_of(article.body[paragraph] if paragraph < len(article.body) else "", text)
        unit = figure.get("unit") or ""
        category = categorise(unit, sentence, figure.get("what") or "")
        if category is None or figure.get("value") is None:
            continue
        found.append((category, Claim(ref, text, float(figure["value"]), unit, figure.get("what") or "", figure.get("when"), paragraph, sentence)))
    return found


def _subject(claim: Claim) -> Counter[str]:
    """The sentence without its numbers, as character bigrams: what the figure is about."""
    return Counter(bigrams(_NUMBER.sub(" ", claim.sentence)))


def _find_conflicts(rows: list[ValueRow], threshold: float) -> list[tuple[Claim, Claim]]:
    """For each two values of a group, the first pair of claims from different articles that speak of the same thing."""
    subjects = {id(c): _subject(c) for row in rows for c in row.claims[:CLAIMS_COMPARED]}
    conflicts = []
    for i, row in enumerate(rows):
        for other in rows[i + 1:]:
            pair = next(((a, b) for a in row.claims[:CLAIMS_COMPARED] for b in other.claims[:CLAIMS_COMPARED]
                         if a.source.id != b.source.id and dice_counts(subjects[id(a)], subjects[id(b)]) >= threshold), None)
            if pair is not None:
                conflicts.append(pair)
    return conflicts


def build_ledger(articles: list[Article]) -> list[LedgerGroup]:
    """Groups in category order, then year (undated last), then unit; rows by value."""
    categories, threshold = load_ledger_config()
    order = {c.label: i for i, c in enumerate(categories)}
    groups: dict[tuple[str, str, str | None], LedgerGroup] = {}
    rows: dict[tuple[str, str, str | None, float], ValueRow] = {}
    for article in sorted(articles, key=lambda a: (a.published or "", a.id)):
        for category, claim in _claims(article):
            key = (category, claim.unit, claim.year)
            group = groups.setdefault(key, LedgerGroup(category, claim.unit, claim.year))
            row = rows.get((*key, claim.value))
            if row is None:
                row = rows[(*key, claim.value)] = ValueRow(claim.value)
                group.rows.append(row)
            # The same figure repeated in one article is one claim; articles come one at a time, so a repeat is the last claim.
            if not row.claims or row.claims[-1].source.id != claim.source.id:
                row.claims.append(claim)
    for group in groups.values():
        group.rows.sort(key=lambda r: r.value)
        group.conflicts = _find_conflicts(group.rows, threshold)
    return sorted(groups.values(), key=lambda g: (order.get(g.category, len(order)), g.year is None, g.year or "", g.unit))


def build_series(groups: list[LedgerGroup]) -> list[Series]:
    """Per charted category and unit, the dated points; kept when there are at least three."""
    charted = {c.label for c in load_ledger_config()[0] if c.chart}
    by_key: dict[tuple[str, str], list[tuple[int, float, Claim]]] = {}
    for group in groups:
        if group.category not in charted or group.year is None or not group.year[:4].isdigit():
            continue
        for row in group.rows:
            by_key.setdefault((group.category, group.unit), []).append((int(group.year[:4]), row.value, row.claims[0]))
    return [Series(category, unit, sorted(points, key=lambda p: (p[0], p[1])))
            for (category, unit), points in by_key.items() if len(points) >= MIN_SERIES_POINTS]


def by_category(groups: list[LedgerGroup]) -> list[tuple[str, list[LedgerGroup]]]:
    """Groups under their category, in the configured category order (the order `build_ledger` gives)."""
    sections: list[tuple[str, list[LedgerGroup]]] = []
    for group in groups:
        if not sections or sections[-1][0] != group.category:
            sections.append((group.category, []))
        sections[-1][1].append(group)
    return sections


def key_groups(groups: list[LedgerGroup], limit: int) -> list[LedgerGroup]:
    """What the home page shows: where sources agree or conflict first, then dated figures several sources give."""
    settled = sorted((g for g in groups if g.status in ("conflict", "agree")), key=lambda g: (g.status != "conflict", -g.sources))
    others = sorted((g for g in groups if g.status not in ("conflict", "agree") and g.year and g.sources >= 2), key=lambda g: -g.sources)
    return (settled + others)[:limit]


def format_value(value: float, unit: str) -> str:
    """13000.0 -> `13,000 장`; 1.3 -> `1.3 년`."""
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{number} {unit}".strip()
