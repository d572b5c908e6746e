"""generator/render.py: pages from templates, with article text that can never become markup."""
from __future__ import annotations

import markdown
from conftest import ROOT

from generator.model import Article, Subhead
from generator.render import escape_markdown, listing_pages, render_site, sort_newest_first

HOSTILE = [
    "<script>alert('x')</script>",
    "[클릭](javascript:alert(1))",
    "{{ config.secret }} {% raw %}",
    "# 가짜 제목",
    "| 표 | 깨기 |",
    "* 목록 항목",
    "![이미지](http://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    "&lt;already&gt; escaped & ampersand",
    "{: #id .class onclick=alert(1) }",
]


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list"])


def test_escaped_text_renders_as_the_same_text_and_nothing_else():
    for text in HOSTILE:
        html = _html("앞 " + escape_markdown(text))
        assert "<script" not in html and "<img" not in html and "<a " not in html and "<h1" not in html
        assert "<li" not in html and "<table" not in html and "onclick" not in html.replace("onclick=alert", "")  # noqa: E501
        # what the reader sees is the original text
        from lxml import html as lxml_html
        assert lxml_html.fragment_fromstring(html).text_content() == "앞 " + text


def test_escaped_text_cannot_open_a_block_at_line_start():
    for text in ["# 제목", "- 목록", "1. 번호", "> 인용", "    코드", "---"]:
        html = _html(escape_markdown(text))
        assert html.startswith("<p>"), (text, html)


def _article(**fields) -> Article:
    base = dict(id="a", source="seeds/a.txt", language="ko", title="제목", subtitles=[], outlet="매체",
                reporters=["기자"], published="2025-09-18", published_confidence="stated", body=["본문이다."])
    base.update(fields)
    return Article(**base)


def test_order_is_newest_first_with_undated_last():
    articles = [_article(id="old", published="2024-01-01"), _article(id="none", published=None),
                _article(id="new", published="2025-09-18T10:00"), _article(id="mid", published="2025-02")]
    assert [a.id for a in sort_newest_first(articles)] == ["new", "mid", "old", "none"]


def test_listing_is_paginated():
    assert listing_pages(0) == ["articles/index.md"]
    assert listing_pages(120) == ["articles/index.md", "articles/page-2.md", "articles/page-3.md"]


def test_article_page_has_anchored_paragraphs_subheads_and_escaped_text():
    article = _article(title="<b>굵게</b> 제목", body=["첫 문단 <script>x</script>.", "둘째 [링크](javascript:x) 문단."],
                       subheads=[Subhead(1, "## 중간 제목")])
    pages = {p.path: p.content for p in render_site([article], [], {"a": "원문"}, ROOT / "templates", "{}")}
    page = pages["articles/a.md"]
    assert '<p class="briefing-paragraph" id="p-0">' in page and 'id="p-1"' in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>" not in page
    assert page.index("중간 제목") < page.index('id="p-1"')
    assert pages["sources/a.txt"] == "원문"
    assert "articles/a.md" in pages["index.md"]
    assert {"index.md", "articles/index.md", "articles/a.md", "sources/a.txt", "report.md", "data/briefing.json", "timeline.md", "targets.md",
            "assets/timeline.svg", "figures.md", "people/index.md", "orgs/index.md", "topics/index.md", "feed.xml",
            "data/figures.csv", "data/events.csv", "data/quotes.csv"} <= set(pages)


def test_titles_beyond_the_basic_plane_keep_their_front_matter():
    import yaml

    article = _article(title="로켓 🚀 발사 <b>")
    pages = {p.path: p.content for p in render_site([article], [], {"a": "원문"}, ROOT / "templates", "{}", noun_counts={})}
    front = pages["articles/a.md"].split("---")[1]
    assert yaml.load(front, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)["title"] == "로켓 🚀 발사 &lt;b&gt;"


def test_briefing_json_from_pieces_is_the_document_itself():
    from conftest import SEEDS

    from generator.briefing import briefing_document, dumps, dumps_corpus
    from generator.model import Problem
    from generator.pipeline import load_corpus

    articles, problems = load_corpus([SEEDS], workers=1)
    problems = problems + [Problem("seeds/x.txt", '"articles": [] 같은 글', "x")]
    for chosen, listed in ((articles, problems), (articles[:1], []), ([], problems), ([], [])):
        assert dumps_corpus(chosen, listed) == dumps(briefing_document(chosen, listed))


def test_the_published_json_lists_the_registrys_merges_as_the_report_does():
    import json

    from conftest import ROOT

    from generator.briefing import dumps_corpus
    from generator.model import Article
    from generator.render import render_site

    def article(article_id: str, name: str) -> Article:
        return Article(id=article_id, source=f"seeds/{article_id}.txt", language="ko", title=article_id, subtitles=[], outlet="매체",
                       reporters=[], published="2025-06-01", published_confidence="stated", body=["본문."],
                       people=[{"name": name, "role": "국토교통부 장관", "aliases": [], "mentions": 1}])

    articles = [article("a", "박서준"), article("b", "박서존")]
    pages = {p.path: p.content for p in render_site(articles, [], {"a": "", "b": ""}, ROOT / "templates",
                                                    lambda problems: dumps_corpus(articles, problems), noun_counts={})}
    warnings = json.loads(pages["data/briefing.json"])["warnings"]
    assert [w["field"] for w in warnings] == ["people"] and "박서존" in warnings[0]["message"]
    assert "박서존" in pages["report.md"]
