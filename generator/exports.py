"""Downloads for people who work in spreadsheets: figures, events and quotes as CSV, and an Atom feed.

CSV cells that start like a formula (`=`, `+`, `-`, `@`) are prefixed with a
quote mark, so opening scraped text in a spreadsheet cannot run anything.
The feed is written with feedgen; its dates come from the articles, never
from the clock, so the same corpus gives the same bytes.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from feedgen.feed import FeedGenerator

from generator.corpus import TimelineEntry
from generator.model import Article

FEED_ENTRIES = 50
# Korean news prints local time without a zone; the feed says so (+09:00) rather than call it UTC.
KOREA = timezone(timedelta(hours=9))
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: list[str], rows: list[dict[str, object]], with_header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if with_header:
        writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in header])
    return out.getvalue()


FIGURE_COLUMNS = ["article", "published", "outlet", "text", "value", "unit", "what", "when", "paragraph"]
QUOTE_COLUMNS = ["article", "published", "outlet", "speaker", "text", "paragraph"]


def figure_rows(article: Article) -> str:
    """One article's lines of figures.csv (CSV lines stand alone, so the file is its articles' lines in id order)."""
    return to_csv(FIGURE_COLUMNS, [{"article": article.id, "published": article.published, "outlet": article.outlet, **f}
                                   for f in article.figures], with_header=False)


def quote_rows(article: Article) -> str:
    """One article's lines of quotes.csv."""
    return to_csv(QUOTE_COLUMNS, [{"article": article.id, "published": article.published, "outlet": article.outlet, **q}
                                  for q in article.quotes], with_header=False)


def figures_csv(articles: list[Article], rows: Callable[[Article], str] = figure_rows) -> str:
    """Every figure of the corpus; `rows` may take an article's lines from a memo."""
    return to_csv(FIGURE_COLUMNS, []) + "".join(rows(a) for a in sorted(articles, key=lambda a: a.id))


def quotes_csv(articles: list[Article], rows: Callable[[Article], str] = quote_rows) -> str:
    """Every quote of the corpus; `rows` may take an article's lines from a memo."""
    return to_csv(QUOTE_COLUMNS, []) + "".join(rows(a) for a in sorted(articles, key=lambda a: a.id))


def events_csv(timeline: list[TimelineEntry]) -> str:
    rows = []
    for entry in timeline:
        for source in entry.sources:
            rows.append({"date": entry.date, "precision": entry.precision, "kind": entry.kind, "what": entry.what,
                         "conflicting_dates": " ".join(entry.conflicts), "article": source.article, "published": source.published,
                         "outlet": source.outlet, "paragraph": source.paragraph, "evidence": source.evidence})
    return to_csv(["date", "precision", "kind", "what", "conflicting_dates", "article", "published", "outlet", "paragraph", "evidence"], rows)


def _timestamp(published: str | None, fallback: datetime | None = None) -> datetime:
    """A publication date as an aware datetime in Korean time; an undated article takes `fallback` (the feed's date)."""
    text = (published or "")[:19]
    for fmt, length in (("%Y-%m-%dT%H:%M:%S", 19), ("%Y-%m-%dT%H:%M", 16), ("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text[:length], fmt).replace(tzinfo=KOREA)
        except ValueError:
            continue
    return fallback or datetime(1970, 1, 1, tzinfo=KOREA)


def _xml_text(text: str) -> str:
    """Text an XML document can hold: control characters a scrape let through are dropped."""
    return _NOT_XML.sub("", text)


def atom_feed(articles: list[Article], site_name: str, site_url: str | None) -> str:
    """The newest articles as an Atom feed; links are absolute when the site's URL is configured, else relative."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    newest = sorted(articles, key=lambda a: (a.published or "", a.id), reverse=True)[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(base + "feed.xml" if base else "urn:briefing:feed")
    feed.title(_xml_text(site_name))
    feed.link(href=base + "index.html", rel="alternate")
    feed.link(href=base + "feed.xml", rel="self")
    feed.language("ko")
    updated = _timestamp(newest[0].published) if newest else _timestamp(None)
    feed.updated(updated)
    for article in reversed(newest):  # feedgen puts the last added entry first
        entry = feed.add_entry()
        link = f"{base}articles/{article.id}.html"
        entry.id(link if base else f"urn:briefing:article:{article.id}")
        entry.title(_xml_text(article.title or article.id))
        entry.link(href=link)
        entry.updated(_timestamp(article.published, updated))
        entry.published(_timestamp(article.published, updated))
        if article.outlet or article.reporters:
            entry.author({"name": _xml_text(" · ".join(filter(None, [article.outlet, ", ".join(article.reporters)])))})
        if article.summary:
            entry.summary(_xml_text(" ".join(article.summary)))
    return feed.atom_str(pretty=True).decode("utf-8")
