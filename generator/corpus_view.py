"""Everything the cross-article pages show, computed once from the analysed corpus.

The templates get plain data from here: the merged timeline, the people and
organisation registry, the figures ledger, topic pages, related articles,
story clusters and the corpus brief.  Each part comes from its own module;
this one only puts them together and cuts per-topic slices.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.analyse.topics import load_taxonomy
from generator.brief import BigramSets, BriefSentence, top_sentences
from generator.corpus import TimelineEntry, merge_timeline, split_by_reference
from generator.ledger import Claim, LedgerGroup, Series, build_ledger, build_series
from generator.model import Article, Problem
from generator.registry import OrgEntry, PersonEntry, QuoteRecord, build_orgs, build_people, unique_slug
from generator.related import Neighbour, related_articles, shared_terms, similarities, story_clusters, tfidf_vectors

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


def _mentions_topic(text: str, words: tuple[str, ...]) -> bool:
    lowered = (text or "").lower()
    return any(word in lowered for word in words)


def _topic_views(articles: list[Article], newest_first: list[Article], timeline: list[TimelineEntry], ledger: list[LedgerGroup],
                 people: list[PersonEntry], masks: BigramSets) -> list[TopicView]:
    taxonomy = load_taxonomy()
    counts = Counter(label for a in articles for label in a.topics)
    views = []
    taken: set[str] = set()
    for label in sorted(counts, key=lambda t: (-counts[t], t)):
        words = taxonomy.get(label, (label.lower(),))
        members = [a for a in newest_first if label in a.topics]
        ids = {a.id for a in members}
        view = TopicView(label, unique_slug(label, "t-", taken), members, top_sentences(members, TOPIC_SENTENCES, words, masks))
        view.figures = [(g, c) for g in ledger for c in g.claims if c.source.id in ids and _mentions_topic(c.sentence, words)][:TOPIC_ITEMS]
        quotes = [(p.name, q) for p in people for q in p.quotes if q.source.id in ids and _mentions_topic(q.text, words)]
        view.quotes = sorted(quotes, key=lambda pq: (pq[1].source.published or "", pq[1].source.id, pq[1].paragraph))[:TOPIC_ITEMS]
        view.timeline = [e for e in timeline if any(s.article in ids and _mentions_topic(s.evidence, words) for s in e.sources)][:TOPIC_ITEMS]
        views.append(view)
    return views


def corpus_brief(articles: list[Article], clusters: list[Cluster], limit: int = BRIEF_SENTENCES,
                 masks: BigramSets | None = None) -> list[BriefSentence]:
    """The corpus in a few sentences: one for each of the largest stories when it covers several, else its most echoed ones.

    A corpus of unrelated stories has no sentence that many articles echo; its brief is one line per story.
    """
    masks = masks if masks is not None else BigramSets()
    if len(clusters) < 2:
        return top_sentences(articles, limit, masks=masks)
    brief = [s for cluster in clusters[:limit] for s in top_sentences(cluster.articles, 1, masks=masks)]
    if len(brief) < limit:
        brief += [s for s in top_sentences(articles, limit, masks=masks) if s not in brief][: limit - len(brief)]
    return brief


def build_view(articles: list[Article], noun_counts: dict[str, Counter[str] | dict[str, int]], newest_first: list[Article]) -> CorpusView:
    """The cross-article findings of the corpus, in stable orders."""
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
    masks = BigramSets()
    topics = _topic_views(articles, newest_first, timeline, ledger, people, masks)
    return CorpusView(
        timeline=timeline, past=past, ahead=ahead, reference=reference, people=people, orgs=orgs, ledger=ledger,
        series=build_series(ledger), topics=topics, related=related, clusters=clusters, brief=corpus_brief(articles, clusters, masks=masks),
        problems=problems, person_pages=person_pages, topic_pages={t.label: t.slug for t in topics},
    )
