"""generator/exports.py: CSV downloads that spreadsheets cannot execute, and an Atom feed a parser reads."""
from __future__ import annotations

import csv
import io

import feedparser

from generator.corpus import merge_timeline
from generator.exports import atom_feed, events_csv, figures_csv, quotes_csv
from generator.model import Article


def _article(article_id: str, published: str | None, **fields) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", language="ko", title=f"제목 {article_id}", subtitles=[], outlet="매체",
                   reporters=["홍길동"], published=published, published_confidence="stated", body=["본문."], summary=["요약 문장이다."], **fields)


def test_csv_rows_and_formula_cells_are_neutralised():
    figure = {"text": "20만 장", "value": 200000, "unit": "장", "what": "=HYPERLINK(\"x\")", "when": "2030", "paragraph": 1}
    a = _article("a", "2025-09-01", figures=[figure],
                 quotes=[{"speaker": "김민수", "text": "@SUM(1)", "paragraph": 2}],
                 events=[{"date": "2030", "precision": "year", "kind": "target", "what": "GPU 확보 목표", "evidence": "-2+3", "paragraph": 1}])
    figures = list(csv.DictReader(io.StringIO(figures_csv([a]))))
    assert figures[0]["value"] == "200000" and figures[0]["what"].startswith("'=")
    quotes = list(csv.DictReader(io.StringIO(quotes_csv([a]))))
    assert quotes[0]["speaker"] == "김민수" and quotes[0]["text"] == "'@SUM(1)"
    events = list(csv.DictReader(io.StringIO(events_csv(merge_timeline([a])))))
    assert events[0]["date"] == "2030" and events[0]["evidence"] == "'-2+3"


def test_feed_is_read_back_by_a_feed_parser_and_is_stable():
    articles = [_article("a", "2025-09-01"), _article("b", "2025-09-03T10:00"), _article("c", None)]
    text = atom_feed(articles, "브리핑", "https://example.org/briefing/")
    parsed = feedparser.parse(text)
    assert not parsed.bozo and parsed.feed.title == "브리핑"
    assert [e.link for e in parsed.entries] == ["https://example.org/briefing/articles/b.html", "https://example.org/briefing/articles/a.html",
                                                "https://example.org/briefing/articles/c.html"]
    assert parsed.entries[0].title == "제목 b" and parsed.entries[0].summary == "요약 문장이다."
    assert atom_feed(list(reversed(articles)), "브리핑", "https://example.org/briefing/") == text


def test_feed_without_a_site_url_uses_relative_links():
    parsed = feedparser.parse(atom_feed([_article("a", "2025-09-01")], "브리핑", None))
    assert not parsed.bozo and parsed.entries[0].link.endswith("articles/a.html")


def test_feed_drops_control_characters_and_dates_in_korean_time():
    article = _article("a", "2025-09-01T10:00", )
    article.title = "제목\x1b 깨짐"
    parsed = feedparser.parse(atom_feed([article, _article("b", None)], "브리핑", None))
    assert not parsed.bozo and parsed.entries[0].title == "제목 깨짐"
    assert parsed.entries[0].updated.startswith("2025-09-01T10:00:00+09:00")
    assert parsed.entries[1].updated == parsed.feed.updated  # an undated article takes the feed's date
