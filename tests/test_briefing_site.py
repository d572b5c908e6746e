"""The cross-article pages in a real build: registry, topics, ledger, related articles, downloads, feed."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest
from conftest import ROOT, SEEDS, write_article
from lxml import html as lxml_html

from generator.site import generate_docs, mkdocs_build


def _project(base: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", base / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", base / "templates")
    (base / "docs" / "assets").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "assets" / "briefing.css", base / "docs" / "assets" / "briefing.css")
    (base / "seeds").mkdir()
    return base


def _build(project: Path) -> Path:
    result = generate_docs([project / "seeds"], project / "docs", project / "templates")
    assert result.articles
    mkdocs_build(project / "mkdocs.yml", strict=True)
    return project / "site"


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory) -> Path:
    project = _project(tmp_path_factory.mktemp("seeds"))
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, project / "seeds" / seed.name)
    return _build(project)


def _text(path: Path) -> str:
    return lxml_html.fromstring(path.read_bytes()).xpath("string(//article)")


def test_every_quoted_person_has_a_page_with_their_quotes(seeds_site: Path):
    data = json.loads((seeds_site / "data" / "briefing.json").read_text(encoding="utf-8"))
    speakers = {q["speaker"] for a in data["articles"] for q in a["quotes"] if q["speaker"]}
    index = lxml_html.fromstring((seeds_site / "people" / "index.html").read_bytes())
    pages = {a.text_content(): unquote(a.get("href")) for a in index.xpath("//article//table//a")}
    assert speakers <= set(pages)
    for speaker in speakers:
        page = seeds_site / "people" / pages[speaker]
        quotes = [q for a in data["articles"] for q in a["quotes"] if q["speaker"] == speaker]
        links = lxml_html.fromstring(page.read_bytes()).xpath('//blockquote//a[contains(@href, "#p-")]')
        assert len(links) == len(quotes), speaker
        assert quotes[0]["text"][:15] in _text(page).replace("\\", "")


def test_every_topic_with_an_article_has_a_page(seeds_site: Path):
    data = json.loads((seeds_site / "data" / "briefing.json").read_text(encoding="utf-8"))
    topics = {t for a in data["articles"] for t in a["topics"]}
    index = lxml_html.fromstring((seeds_site / "topics" / "index.html").read_bytes())
    pages = {a.text_content(): unquote(a.get("href")) for a in index.xpath("//article//table//a")}
    assert topics == set(pages)
    for topic, href in pages.items():
        tree = lxml_html.fromstring((seeds_site / "topics" / href).read_bytes())
        members = [a["id"] for a in data["articles"] if topic in a["topics"]]
        linked = {h.split("/")[-1].split(".")[0] for h in tree.xpath('//article//a[contains(@href, "articles/")]/@href')}
        assert set(members) <= linked


def test_gpu_figures_of_the_seed_articles_are_one_series_with_a_chart(seeds_site: Path):
    page = lxml_html.fromstring((seeds_site / "figures.html").read_bytes())
    charts = page.xpath('//img[contains(@src, "assets/figures-")]')
    assert any("GPU" in img.get("alt") for img in charts)
    gpu_chart = next(img.get("src") for img in charts if "GPU" in img.get("alt"))
    svg = (seeds_site / gpu_chart).read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and re.findall(r'(?:href|src)="((?:https?:)?//[^"]+)"', svg) == []
    gpu_section = page.xpath('//h2[contains(., "GPU")]')[0]
    sources = set()
    for node in gpu_section.itersiblings():
        if node.tag == "h2":
            break
        sources |= {h.split("/")[-1].split(".")[0] for h in node.xpath('.//a[contains(@href, "articles/")]/@href')}
    assert len(sources) >= 2  # GPU counts from several articles sit under one heading


def test_home_briefs_the_corpus(seeds_site: Path):
    home = lxml_html.fromstring((seeds_site / "index.html").read_bytes())
    headings = [h.text_content() for h in home.xpath("//article//h2")]
    for wanted in ("한눈에", "최신 기사", "주요 수치", "다가오는 일정과 목표", "주제", "가장 많이 인용된 사람", "내려받기"):
        assert wanted in headings
    hrefs = set(home.xpath("//article//a/@href"))
    assert {"data/briefing.json", "data/figures.csv", "data/events.csv", "data/quotes.csv", "feed.xml", "report.html"} <= hrefs


def test_downloads_and_feed_read_back(seeds_site: Path):
    for name in ("figures", "events", "quotes"):
        rows = list(csv.DictReader(io.StringIO((seeds_site / "data" / f"{name}.csv").read_text(encoding="utf-8"))))
        assert rows and all(r["article"] for r in rows)
    feed = feedparser.parse((seeds_site / "feed.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 5
    assert all(e.link.startswith("articles/") and (seeds_site / e.link).exists() for e in feed.entries)


def test_article_pages_list_related_articles(seeds_site: Path):
    page = lxml_html.fromstring((seeds_site / "articles" / "000_a7d5f832efe6b661.html").read_bytes())
    heading = page.xpath('//h2[contains(., "관련 기사")]')
    assert heading
    links = heading[0].getnext().xpath('.//a/@href')
    assert links and all(h.endswith(".html") and "000_a7d5f832efe6b661" not in h for h in links)


TWO_REPORTS = {
    "first.txt": "정부, 국가AI위원회 출범\n[가매체=김기자 기자]\n"
                 "정부는 지난 8일 국가AI위원회를 출범시켰다고 밝혔다.\n"
                 "위원회는 2030년까지 GPU 20만 장을 확보하겠다는 계획을 내놓았다.\n입력 2025.09.10 09:00\n",
    "second.txt": "국가AI위원회 출범…GPU 확보 계획 발표\n[나매체=이기자 기자]\n"
                  "정부는 지난 8일 국가AI위원회를 출범시켰다고 발표했다.\n"
                  "위원회는 2030년까지 GPU 15만 장을 확보하겠다는 계획을 내놓았다.\n입력 2025.09.11 10:00\n",
}


def test_two_reports_of_one_event_and_one_figure_merge_and_conflict(tmp_path: Path):
    project = _project(tmp_path)
    for name, text in TWO_REPORTS.items():
        write_article(project / "seeds", name, text)
    site = _build(project)
    timeline = lxml_html.fromstring((site / "timeline.html").read_bytes())
    launch = [li for li in timeline.xpath("//article//li") if "2025-09-08" in li.text_content().replace("\\", "")]
    assert len(launch) == 1
    assert {h.split("#")[0] for h in launch[0].xpath(".//a/@href")} == {"articles/first.html", "articles/second.html"}
    ledger = lxml_html.fromstring((site / "figures.html").read_bytes())
    conflict_rows = ledger.xpath('//h3[contains(., "불일치")]/following-sibling::table[1]//tbody/tr')
    assert len(conflict_rows) == 1
    row = conflict_rows[0].text_content()
    assert "200,000" in row and "150,000" in row


def test_listing_pages_stay_out_of_the_search_index(seeds_site: Path):
    index = json.loads((seeds_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "people/index.html" not in locations and "orgs/index.html" not in locations and "articles/index.html" not in locations
    assert "articles/000_a7d5f832efe6b661.html" in locations and any(loc.startswith("people/") for loc in locations)


def test_a_corpus_of_several_stories_is_briefed_one_line_per_story():
    from generator.corpus_view import Cluster, corpus_brief
    from generator.model import Article

    def article(article_id: str, summary: list[str]) -> Article:
        return Article(id=article_id, source=f"{article_id}.txt", language="ko", title=article_id, subtitles=[], outlet=None, reporters=[],
                       published="2025-09-01", published_confidence="stated", body=summary, summary=summary)

    gpu = [article("g1", ["정부가 GPU 20만 장을 확보한다."]), article("g2", ["정부는 GPU 20만 장 확보에 나선다."])]
    rain = [article("r1", ["장마로 하천이 넘쳤다."]), article("r2", ["장마 폭우로 하천이 범람했다."])]
    brief = corpus_brief(gpu + rain, [Cluster(["GPU"], gpu), Cluster(["장마"], rain)], limit=3)
    assert {s.article[0] for s in brief[:2]} == {"g", "r"}
