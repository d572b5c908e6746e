"""The built site in a real Chromium: served over http and opened from file:// out of the offline bundle.

Pages render their real content, nothing is logged as an error, search finds articles, and no request
leaves the page's own origin. Screenshots of both palettes go to build/screenshots/ for people to look at.
"""
from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SEEDS

from generator.bundle import build_bundle, unpack
from generator.search.probe import serve
from generator.site import generate_docs, mkdocs_build

SCREENSHOTS = ROOT / "build" / "screenshots"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SEARCH_INPUT = "input[data-md-component=search-query]"
SEARCH_HIT = ".md-search-result__item > a"
# Material's palettes, chosen here through the browser's colour-scheme preference (mkdocs.yml keys them to it).
PALETTES = {"default": "light", "slate": "dark"}
QUERIES = 3


@dataclass
class Built:
    site: Path
    bundle: Path
    articles: list[dict]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    """The seeds built once: the normal site, and the offline bundle unzipped elsewhere."""
    project = tmp_path_factory.mktemp("browser-project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    shutil.copytree(SEEDS, project / "seeds")
    generated = generate_docs([project / "seeds"], project / "docs", project / "templates")
    assert generated.articles
    mkdocs_build(project / "mkdocs.yml", strict=True)
    zip_path = build_bundle(project / "mkdocs.yml", project / "briefing-offline.zip").zip_path
    bundle = unpack(zip_path, tmp_path_factory.mktemp("unzipped"))
    articles = json.loads((project / "docs" / "data" / "briefing.json").read_text(encoding="utf-8"))["articles"]
    return Built(project / "site", bundle, articles)


@pytest.fixture(scope="module")
def http_root(built: Built) -> Iterator[str]:
    """The normal site served over http on 127.0.0.1, from a thread of this process."""
    with serve(built.site) as root:
        yield root


@pytest.fixture(params=["http", "file"])
def origin(request, built: Built) -> tuple[str, str]:
    """(kind, root URL): the served site, or the unzipped bundle opened from the file system."""
    if request.param == "http":
        return "http", request.getfixturevalue("http_root")
    return "file", built.bundle.as_uri() + "/"


@dataclass
class Watched:
    """A browser page with everything it requested and every error it logged."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside(self, root: str) -> list[str]:
        """Requests that left the page's own origin: another host over http, anything but file: from a file."""
        scheme, netloc = urlsplit(root)[:2]
        return [url for url in self.requests if urlsplit(url).scheme != scheme or urlsplit(url).netloc != netloc]


@pytest.fixture
def open_page(browser) -> Iterator:
    contexts = []

    def opener(url: str, colour: str = "light") -> Watched:
        context = browser.new_context(color_scheme=colour, viewport={"width": 1280, "height": 900}, locale="ko-KR")
        contexts.append(context)
        page = context.new_page()
        watched = Watched(page)
        context.on("request", lambda request: watched.requests.append(request.url))
        page.on("console", lambda message: watched.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: watched.errors.append(str(error)))
        page.goto(url, wait_until="load")
        return watched

    yield opener
    for context in contexts:
        context.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _search(watched: Watched, query: str) -> list[str]:
    page = watched.page
    box = page.locator(SEARCH_INPUT)
    box.click()
    # Material reads the query on key-up; an empty query clears the previous hits, so the hits waited for are this query's.
    box.fill("")
    box.press("End")
    page.wait_for_function(f"document.querySelectorAll({SEARCH_HIT!r}).length === 0")
    box.fill(query)
    box.press("End")
    page.wait_for_selector(SEARCH_HIT, timeout=15_000)
    return [page.evaluate("(a) => new URL(a.href).pathname", hit) for hit in page.query_selector_all(SEARCH_HIT)]


def _distinctive_names(articles: list[dict]) -> list[tuple[str, str]]:
    """(name, article id) for people or organisations named in exactly one article's text: a search for
    such a name has one right answer."""
    bodies = {a["id"]: " ".join(a["body"]) for a in articles}
    picked: list[tuple[str, str]] = []
    for article in articles:
        names = sorted(article["people"] + article["orgs"], key=lambda entity: -entity["mentions"])
        for entity in names:
            name = entity["name"]
            if len(name) >= 2 and [aid for aid, body in bodies.items() if name in body] == [article["id"]]:
                picked.append((name, article["id"]))
                break
    return picked[:QUERIES]


def test_home_and_an_article_render_with_no_error_and_no_outside_request(open_page, origin, built: Built):
    kind, root = origin
    home = open_page(root + "index.html")
    assert home.page.locator("h1").first.inner_text().strip() == "브리핑"
    linked = {home.page.evaluate("(a) => new URL(a.href).pathname.split('/').pop()", a) for a in home.page.query_selector_all("article a")}
    assert {f"{a['id']}.html" for a in built.articles} <= linked

    article = max(built.articles, key=lambda a: len(a["summary"]))
    page = open_page(root + f"articles/{article['id']}.html")
    assert _flat(page.page.locator("article h1").first.inner_text()) == _flat(article["title"])
    text = _flat(page.page.locator("article").first.inner_text())
    assert "요약" in text
    assert all(_flat(sentence) in text for sentence in article["summary"])
    for watched in (home, page):
        assert watched.errors == []
        assert watched.requests and watched.outside(root) == [], kind


def test_search_finds_the_article_that_names_it(open_page, origin, built: Built):
    kind, root = origin
    queries = _distinctive_names(built.articles)
    assert len(queries) >= 2, "the seeds should name someone only one article mentions"
    watched = open_page(root + "index.html")
    for name, article_id in queries:
        hits = _search(watched, name)
        assert any(path.endswith(f"/articles/{article_id}.html") for path in hits), (kind, name, hits)
    assert watched.errors == []
    assert watched.outside(root) == [], kind


def _shoot(watched: Watched, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    watched.page.screenshot(path=str(path), full_page=False)
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 5_000, path
    return path


@pytest.mark.parametrize("scheme", sorted(PALETTES))
def test_screenshots_in_both_palettes(open_page, origin, built: Built, scheme: str):
    kind, root = origin
    article = built.articles[0]
    query = _distinctive_names(built.articles)[0][0]
    pages = {
        "home": open_page(root + "index.html", PALETTES[scheme]),
        "article": open_page(root + f"articles/{article['id']}.html", PALETTES[scheme]),
        "search": open_page(root + "index.html", PALETTES[scheme]),
    }
    _search(pages["search"], query)
    backgrounds = set()
    for what, watched in pages.items():
        assert watched.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        backgrounds.add(watched.page.evaluate("getComputedStyle(document.body).backgroundColor"))
        _shoot(watched, f"{kind}-{what}-{scheme}")
        assert watched.errors == [] and watched.outside(root) == []
    # The slate palette is dark and the default one light: the page background says which is which.
    (background,) = backgrounds
    red, green, blue = (int(v) for v in re.findall(r"\d+", background)[:3])
    assert (red + green + blue < 3 * 128) == (scheme == "slate"), background
