"""Everything the cross-article pages show, computed once from the analysed corpus.

The templates get plain data from here: the merged timeline, the people and
organisation registry, the figures ledger, topic pages, related articles,
story clusters and the corpus brief.  Each part comes from its own module;
this one only puts them together and cuts per-topic slices.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.analyse.topics import load_taxonomy
from generator.brief import BriefSentence, bigram_sets, competing, top_sentences
from generator.corpus import TimelineEntry, merge_timeline, split_by_reference
from generator.ledger import Claim, LedgerGroup, Series, build_ledger, build_series
from generator.model import Article, Problem
from generator.registry import OrgEntry, PersonEntry, QuoteRecord, build_orgs, build_people, unique_slug
from generator.related import Neighbour, related_articles, shared_terms, similarities, story_clusters, tfidf_vectors

if TYPE_CHECKING:
    from generator.memo import RenderMemo

TOPIC_SENTENCES = 5
BRIEF_SENTENCES = 5
TOPIC_ITEMS = 30  # figures, quotes and dates listed on a topic page; the rest stay on the article pages


@dataclass
class TopicView:
    label: str
    slug: str
    articles: list[Article]
    sentences: list[BriefSentence] = field(default_factory=list)
    figures: list[tuple[LedgerGroup, Claim]] = field(default_factory=list)
    quotes: list[tuple[str, QuoteRecord]] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


@dataclass
class Cluster:
    label: list[str]
    articles: list[Article]


@dataclass
class CorpusView:
    timeline: list[TimelineEntry]
    past: list[TimelineEntry]
    ahead: list[TimelineEntry]
    reference: str | None
    people: list[PersonEntry]
    orgs: list[OrgEntry]
    ledger: list[LedgerGroup]
    series: list[Series]
    topics: list[TopicView]
    related: dict[str, list[tuple[Article, float]]]
    clusters: list[Cluster]
    brief: list[BriefSentence]
    problems: list[Problem]
    person_pages: dict[str, str]  # any name form -> page slug
    topic_pages: dict[str, str]  # label -> page slug


def _mention_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a topic's words: `pattern.search(text.lower())` is true when the text names the topic."""
    return re.compile("|".join(re.escape(word) for word in words) or r"(?!)")


def _topic_views(articles: list[Article], newest_first: list[Article], timeline: list[TimelineEntry], ledger: list[LedgerGroup],
                 people: list[PersonEntry], echoed: Echoed) -> list[TopicView]:
    taxonomy = load_taxonomy()
    lowered = lru_cache(maxsize=None)(lambda text: (text or "").lower())  # one item is checked against every topic
    counts = Counter(label for a in articles for label in a.topics)
    views = []
    taken: set[str] = set()
    for label in sorted(counts, key=lambda t: (-counts[t], t)):
        words = taxonomy.get(label, (label.lower(),))
        mentions = _mention_pattern(words)
        members = [a for a in newest_first if label in a.topics]
        ids = {a.id for a in members}
        view = TopicView(label, unique_slug(label, "t-", taken), members, echoed(members, TOPIC_SENTENCES, words))
        view.figures = [(g, c) for g in ledger for c in g.claims if c.source.id in ids and mentions.search(lowered(c.sentence))][:TOPIC_ITEMS]
        quotes = [(p.name, q) for p in people for q in p.quotes if q.source.id in ids and mentions.search(lowered(q.text))]
        view.quotes = sorted(quotes, key=lambda pq: (pq[1].source.published or "", pq[1].source.id, pq[1].paragraph))[:TOPIC_ITEMS]
        view.timeline = [e for e in timeline if any(s.article in ids and mentions.search(lowered(s.evidence)) for s in e.sources)][:TOPIC_ITEMS]
        views.append(view)
    return views


class Echoed:
    """`top_sentences` for the groups of one corpus: bigrams worked out once, results kept in the memo.

    Only the newest articles of a group compete (`competing`), so a result is reused whenever
    their summaries are unchanged: an edit touches the topics of the edited article, not all.
    """

    def __init__(self, memo: RenderMemo | None = None) -> None:
        self.memo = memo
        self.masks = bigram_sets()

    def __call__(self, articles: list[Article], limit: int, about: tuple[str, ...] = ()) -> list[BriefSentence]:
        def choose() -> list[BriefSentence]:
            return top_sentences(articles, limit, about, self.masks)

        if self.memo is None:
            return choose()
        parts = ["top sentences", limit, list(about), [[a.id, a.published, a.summary] for a in competing(articles)]]
        text = self.memo.text(parts, lambda: json.dumps([asdict(s) for s in choose()], ensure_ascii=False))
        return [BriefSentence(**s) for s in json.loads(text)]


def corpus_brief(articles: list[Article], clusters: list[Cluster], limit: int = BRIEF_SENTENCES,
                 echoed: Echoed | None = None) -> list[BriefSentence]:
    """The corpus in a few sentences: one for each of the largest stories when it covers several, else its most echoed ones.

    A corpus of unrelated stories has no sentence that many articles echo; its brief is one line per story.
    """
    echoed = echoed if echoed is not None else Echoed()
    if len(clusters) < 2:
        return echoed(articles, limit)
    brief = [s for cluster in clusters[:limit] for s in echoed(cluster.articles, 1)]
    if len(brief) < limit:
        brief += [s for s in echoed(articles, limit) if s not in brief][: limit - len(brief)]
    return brief


def build_view(articles: list[Article], noun_counts: dict[str, Counter[str] | dict[str, int]], newest_first: list[Article],
               memo: RenderMemo | None = None) -> CorpusView:
    """The cross-article findings of the corpus, in stable orders (the briefs of unchanged groups from `memo`)."""
    timeline = merge_timeline(articles)
    dates = sorted(a.published[:10] for a in articles if a.published)
    reference = dates[-1] if dates else None
    past, ahead = split_by_reference(timeline, reference)
    people, problems = build_people(articles)
    orgs = build_orgs(articles, people)
    ledger = build_ledger(articles)
    by_id = {a.id: a for a in articles}
    vectors = tfidf_vectors({a.id: noun_counts.get(a.id, {}) for a in articles})
    scores = similarities(vectors)
    neighbours: dict[str, list[Neighbour]] = related_articles(scores)
    related = {doc: [(by_id[n.article], n.score) for n in items] for doc, items in neighbours.items()}
    clusters = [Cluster(shared_terms(members, vectors), sorted((by_id[m] for m in members), key=lambda a: (a.published or "", a.id), reverse=True))
                for members in story_clusters(scores)]
    person_pages = {person.name: person.slug for person in people}  # a person's own name always leads to their page
    for person in people:
        for form in [*person.variants, *(a for a in person.aliases if " " not in a)]:
            person_pages.setdefault(form, person.slug)
    echoed = Echoed(memo)
    topics = _topic_views(articles, newest_first, timeline, ledger, people, echoed)
    return CorpusView(
        timeline=timeline, past=past, ahead=ahead, reference=reference, people=people, orgs=orgs, ledger=ledger,
        series=build_series(ledger), topics=topics, related=related, clusters=clusters, brief=corpus_brief(articles, clusters, echoed=echoed),
        problems=problems, person_pages=person_pages, topic_pages={t.label: t.slug for t in topics},
    )
