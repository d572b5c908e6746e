"""Cross-article pages stay the same size however large the corpus: they are split into pages."""
from __future__ import annotations

from conftest import ROOT

from generator.model import Article
from generator.render import ENTRIES_PER_PAGE, paginate, render_site


def test_paginate_names_pages_in_the_folder_of_the_first():
    pages = paginate("people/index.md", list(range(250)), 100)
    assert [(path, len(items), number) for path, items, number, _ in pages] == [
        ("people/index.md", 100, 1), ("people/page-2.md", 100, 2), ("people/page-3.md", 50, 3)]
    assert [path for path, *_ in paginate("timeline.md", list(range(101)), 100)] == ["timeline.md", "timeline-2.md"]
    assert [path for path, *_ in paginate("figures.md", [], 40)] == ["figures.md"]


def _article(n: int) -> Article:
    name = "가나다라마바사아자차카타파하"[n % 14] + "가나다라마바사아자차카타파하"[n // 14 % 14] + "민"
    return Article(id=f"a{n:04d}", source=f"a{n:04d}.txt", language="ko", title=f"기사 {n}", subtitles=[], outlet="매체", reporters=[],
                   published=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", published_confidence="stated", body=["본문이다."],
                   people=[{"name": name, "role": None, "aliases": [], "mentions": 1}],
                   events=[{"date": f"{2000 + n // 12}-{1 + n % 12:02d}-15", "precision": "day", "kind": "past",
                            "what": f"행사 {n} 개최", "evidence": f"행사 {n}이 열렸다.", "paragraph": 0}])


def test_large_corpus_pages_are_bounded():
    articles = [_article(n) for n in range(180)]
    pages = {p.path: p.content for p in render_site(articles, [], {a.id: "" for a in articles}, ROOT / "templates", "{}", noun_counts={})}
    assert "timeline-2.md" in pages and "people/page-2.md" in pages
    assert pages["timeline.md"].count("- **") <= ENTRIES_PER_PAGE
    assert "[2](timeline-2.md)" in pages["timeline.md"] and "[1](timeline.md)" in pages["timeline-2.md"]
    assert "[2](page-2.md)" in pages["people/index.md"]
    assert pages["people/index.md"].count("](") <= ENTRIES_PER_PAGE + 5


def test_a_much_quoted_person_has_quote_pages_of_bounded_size():
    from generator.render import QUOTES_PER_PAGE

    articles = [_article(n) for n in range(130)]
    for article in articles:
        article.people = [{"name": "홍길동", "role": "장관", "aliases": [], "mentions": 1}]
        article.quotes = [{"text": f"발언 {article.id}입니다", "speaker": "홍길동", "paragraph": 0}]
    pages = {p.path: p.content for p in render_site(articles, [], {a.id: "" for a in articles}, ROOT / "templates", "{}", noun_counts={})}
    quote_pages = sorted(path for path in pages if path.startswith("people/홍길동"))
    assert quote_pages == ["people/홍길동.md", "people/홍길동.page-2.md", "people/홍길동.page-3.md"]
    assert all(pages[path].count("> — ") <= QUOTES_PER_PAGE for path in quote_pages)
    assert sum(pages[path].count("> — ") for path in quote_pages) == 130  # every quote is on one of them
    assert "[2](홍길동.page-2.md)" in pages["people/홍길동.md"] and "[1](홍길동.md)" in pages["people/홍길동.page-3.md"]
    assert "## 기사" in pages["people/홍길동.md"] and "## 기사" not in pages["people/홍길동.page-2.md"]
