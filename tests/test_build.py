"""A full build with a real `mkdocs build`: pages, links, escaping, hand-written pages, determinism."""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, SEEDS, write_article
from lxml import html as lxml_html

from generator.site import generate_docs, mkdocs_build

HOSTILE = (
    "<script>alert('title')</script> 제목 {{ config }}\n"
    "[악성매체=홍길동 기자] 본문에 <script>alert('body')</script> 태그가 있다.\n"
    "링크 [눌러](javascript:alert(1)) 와 {{ config.site_name }} 그리고 {% if x %} 도 글자일 뿐이다.\n"
    "# 제목처럼 보이는 문장도 그냥 문장이다.\n"
    "입력 2025.09.20 08:00\n"
)


def build(project: Path) -> Path:
    result = generate_docs([project / "seeds"], project / "docs", project / "templates")
    assert result.articles
    mkdocs_build(project / "mkdocs.yml", strict=True)
    return project / "site"


@pytest.fixture
def built(project: Path) -> Path:
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, project / "seeds" / seed.name)
    write_article(project / "seeds", "zz_hostile.txt", HOSTILE)
    (project / "docs" / "about.md").write_text("# 소개\n\n직접 쓴 페이지.\n", encoding="utf-8")
    return build(project)


def _pages(site: Path) -> dict[Path, lxml_html.HtmlElement]:
    return {p: lxml_html.fromstring(p.read_bytes()) for p in sorted(site.rglob("*.html"))}


def test_every_article_has_a_page_with_anchored_paragraphs(built: Path):
    for seed in sorted(SEEDS.glob("*.txt")):
        page = built / "articles" / f"{seed.stem}.html"
        assert page.is_file(), seed.stem
        tree = lxml_html.fromstring(page.read_bytes())
        paragraphs = tree.xpath('//p[@class="briefing-paragraph"]')
        assert len(paragraphs) >= 5
        assert [p.get("id") for p in paragraphs] == [f"p-{i}" for i in range(len(paragraphs))]
        source = tree.xpath('//a[contains(@href, "sources/")]/@href')
        assert source and (page.parent / source[0]).resolve().is_file()


def test_home_lists_articles_newest_first(built: Path):
    tree = lxml_html.fromstring((built / "index.html").read_bytes())
    links = [a.get("href") for a in tree.xpath('//h2[contains(., "최신 기사")]/following-sibling::ul[1]//a')]
    assert links[0] == "articles/zz_hostile.html"  # 2025-09-20, the newest
    assert links[1] == "articles/000_a7d5f832efe6b661.html"  # 2025-09-18
    assert len(links) == 6


def test_every_local_link_resolves(built: Path):
    pages = _pages(built)
    ids = {path: set(tree.xpath("//@id")) for path, tree in pages.items()}
    broken = []
    for path, tree in pages.items():
        if path.name == "404.html":
            continue  # MkDocs writes the error page with server-root links, for the web server to use
        for ref in tree.xpath("//a/@href | //link/@href | //script/@src | //img/@src"):
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith("//"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((path.relative_to(built), ref))
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids.get(target, set()):
                broken.append((path.relative_to(built), ref))
    assert broken == []


def test_no_request_to_another_host(built: Path):
    for path, tree in _pages(built).items():
        loaded = tree.xpath("//script/@src | //link[@rel='stylesheet' or @rel='preconnect' or @rel='preload']/@href | //img/@src | //iframe/@src")
        assert [u for u in loaded if urlsplit(u).scheme or u.startswith("//")] == [], path
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8")


def test_article_text_cannot_inject_markup(built: Path):
    page = (built / "articles" / "zz_hostile.html").read_text(encoding="utf-8")
    assert "alert('body')</script>" not in page and "<script>alert" not in page
    assert 'href="javascript:' not in page
    tree = lxml_html.fromstring(page)
    text = tree.xpath('string(//p[@id="p-0"])')
    assert "<script>alert('body')</script>" in text
    assert "{{ config.site_name }}" in tree.xpath('string(//p[@id="p-1"])')
    assert "# 제목처럼" in tree.xpath('string(//p[@id="p-2"])')
    assert "<script>alert('title')</script>" in tree.xpath("string(//h1)")
    for other in ("index.html", "articles/index.html"):
        assert "<script>alert" not in (built / other).read_text(encoding="utf-8")


def test_hand_written_page_survives_and_is_published(built: Path):
    assert (built.parent / "docs" / "about.md").read_text(encoding="utf-8") == "# 소개\n\n직접 쓴 페이지.\n"
    assert (built / "about.html").is_file()


def test_briefing_json_is_downloadable(built: Path):
    data = (built / "data" / "briefing.json").read_text(encoding="utf-8")
    assert '"schema": "briefing/1"' in data


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_give_identical_docs(built: Path, tmp_path_factory):
    docs = built.parent / "docs"
    first = _tree_digest(docs)
    again = tmp_path_factory.mktemp("again")
    shutil.copytree(built.parent / "seeds", again / "seeds")
    shutil.copytree(built.parent / "templates", again / "templates")
    (again / "docs" / "assets").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "assets" / "briefing.css", again / "docs" / "assets" / "briefing.css")
    shutil.copy(built.parent / "mkdocs.yml", again / "mkdocs.yml")
    generate_docs([again / "seeds"], again / "docs", again / "templates")
    second = _tree_digest(again / "docs")
    first.pop("about.md")
    assert re.sub(r"\s", "", str(sorted(first.items()))) == re.sub(r"\s", "", str(sorted(second.items())))


def test_timeline_targets_and_their_picture(built: Path):
    timeline = lxml_html.fromstring((built / "timeline.html").read_bytes())
    assert timeline.xpath('//img[@src="assets/timeline.svg"]')
    assert timeline.xpath('//a[contains(@href, "articles/") and contains(@href, "#p-")]')
    targets = (built / "targets.html").read_text(encoding="utf-8")
    assert "2030" in targets and "#p-" in targets
    svg = (built / "assets" / "timeline.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    assert re.findall(r'(?:href|src)="((?:https?:)?//[^"]+)"', svg) == []  # no script or font from another host
