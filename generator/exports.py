"""Downloads for people who work in spreadsheets: figures, events and quotes as CSV, and an Atom feed.

CSV cells that start like a formula (`=`, `+`, `-`, `@`) are prefixed with a
quote mark, so opening scraped text in a spreadsheet cannot run anything.
The feed is written with feedgen; its dates come from the articles, never
from the clock, so the same corpus gives the same bytes.
"""
from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from generator.corpus import TimelineEntry
from generator.model import Article

FEED_ENTRIES = 50
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: list[str], rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in header])
    return out.getvalue()


def figures_csv(articles: list[Article]) -> str:
    rows = [{"article": a.id, "published": a.published, "outlet": a.outlet, **f} for a in sorted(articles, key=lambda a: a.id) for f in a.figures]
    return to_csv(["article", "published", "outlet", "text", "value", "unit", "what", "when", "paragraph"], rows)


def quotes_csv(articles: list[Article]) -> str:
    rows = [{"article": a.id, "published": a.published, "outlet": a.outlet, **q} for a in sorted(articles, key=lambda a: a.id) for q in a.quotes]
    return to_csv(["article", "published", "outlet", "speaker", "text", "paragraph"], rows)


def events_csv(timeline: list[TimelineEntry]) -> str:
    rows = []
    for entry in timeline:
        for source in entry.sources:
            rows.append({"date": entry.date, "precision": entry.precision, "kind": entry.kind, "what": entry.what,
                         "conflicting_dates": " ".join(entry.conflicts), "article": source.article, "published": source.published,
                         "outlet": source.outlet, "paragraph": source.paragraph, "evidence": source.evidence})
    return to_csv(["date", "precision", "kind", "what", "conflicting_dates", "article", "published", "outlet", "paragraph", "evidence"], rows)


def _timestamp(published: str | None) -> datetime:
    """A publication date as an aware datetime (KST is not assumed: dates without a zone are read as UTC)."""
    text = (published or "1970-01-01")[:19]
    for fmt, length in (("%Y-%m-%dT%H:%M:%S", 19), ("%Y-%m-%dT%H:%M", 16), ("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text[:length], fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return datetime(1970, 1, 1, tzinfo=UTC)


def atom_feed(articles: list[Article], site_name: str, site_url: str | None) -> str:
    """The newest articles as an Atom feed; links are absolute when the site's URL is configured, else relative."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    newest = sorted(articles, key=lambda a: (a.published or "", a.id), reverse=True)[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(base + "feed.xml" if base else "urn:briefing:feed")
    feed.title(site_name)
    feed.link(href=base + "index.html", rel="alternate")
    feed.link(href=base + "feed.xml", rel="self")
    feed.language("ko")
    feed.updated(_timestamp(newest[0].published) if newest else _timestamp(None))
    for article in reversed(newest):  # feedgen puts the last added entry first
        entry = feed.add_entry()
        link = f"{base}articles/{article.id}.html"
        entry.id(link if base else f"urn:briefing:article:{article.id}")
        entry.title(article.title or article.id)
        entry.link(href=link)
        entry.updated(_timestamp(article.published))
        entry.published(_timestamp(article.published))
        if article.outlet or article.reporters:
            entry.author({"name": " · ".join(filter(None, [article.outlet, ", ".join(article.reporters)]))})
        if article.summary:
            entry.summary(" ".join(article.summary))
    return feed.atom_str(pretty=True).decode("utf-8")
