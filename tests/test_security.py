"""Hostile articles build into a site where their text is only text: a real `mkdocs build`, every page parsed.

Scripts, event handlers, frames and links may only be the theme's own: a
build of one plain article gives the theme's set, and the hostile build may
have nothing beyond it.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, write_article
from lxml import html as lxml_html

from generator.site import generate_docs, mkdocs_build

PLAIN = (
    "정부, 인공지능 전략위원회 출범\n"
    "[한빛일보=이서준 기자] 정부는 지난 8일 국가인공지능전략위원회를 출범시키고 민간위원 34명을 위촉했다.\n"
    "위원장은 \"인공지능 정책의 틀이 이제 잡혔다\"고 말했다.\n"
    "입력 2025.09.10 09:30\n"
)

# Each is written into a sentence of the hostile article and must come out as visible text.
HOSTILE_SNIPPETS = [
    "<script>alert('body')</script>",
    "<img src=x onerror=alert(2)>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "[눌러](javascript:alert(3))",
    "<a href=\"javascript:alert(4)\">링크</a>",
    "[참조][악성]",
    "<!-- 숨은 주석 -->",
    "{{ config.site_name }}",
    "{% include 'base.html' %}",
    "{: .evil onclick=alert(5) }",
    "<svg onload=alert(6)>",
    "**굵게** _기울임_ `코드`",
]
# Whole lines whose Markdown meaning (heading, admonition, snippet, table, reference, front matter) must not apply.
HOSTILE_LINES = [
    "---",
    "title: 가짜 머리말",
    "---",
    "# 제목처럼 보이는 이 문장도 그냥 문장이다.",
    "!!! note \"경고 상자처럼 보이는 문장도 글자일 뿐이다.\"",
    "--8<-- \"/etc/passwd\" 줄도 글자일 뿐이다.",
    "| 표 | 처럼 | 보이는 | 줄도 글자일 뿐이다. |",
    "[악성]: javascript:alert(7) 참조 정의처럼 보이는 줄도 글자일 뿐이다.",
    "<script>alert('line')</script> 줄 전체가 태그인 문장도 글자일 뿐이다.",
]


def hostile_text() -> str:
    sentences = [f"본문의 {snippet} 표현도 그대로 보이는 글자일 뿐이다." for snippet in HOSTILE_SNIPPETS]
    return (
        "<script>alert('title')</script> 제목 {{ config }} <img src=x onerror=alert(1)>\n"
        "[악성매체=홍길동 기자] " + sentences[0] + "\n"
        + "\n".join(sentences[1:]) + "\n"
        + "\n".join(HOSTILE_LINES) + "\n"
        "입력 2025.09.20 08:00\n"
    )


HOSTILE_MARKDOWN = """---
title: "<iframe src='https://evil.example/'></iframe> 머리말 제목 {{ config.site_name }}"
outlet: "<script>alert('outlet')</script>"
reporters: ["<img src=x onerror=alert(8)>", "[이름](javascript:alert(9))"]
published: 2025-09-19
---

<script>alert('markdown-html')</script>

<iframe src="https://evil.example/"></iframe>

정부는 [여기](javascript:alert(10))를 눌러 보라는 문장을 담은 마크다운 기사를 발표했다.

<img src="x" onerror="alert(11)"> 이미지 태그 다음의 문장도 글자로만 남아야 한다.

<!-- 주석 안의 <script>alert('comment')</script> -->

[악성]: javascript:alert(12)

이 문단은 참조 [링크][악성]를 담고 있지만 글자일 뿐이다.
"""

HOSTILE_HTML = """<!doctype html><html><head><title>악성 웹페이지 기사 제목입니다</title>
<meta name="author" content="&lt;script&gt;alert(13)&lt;/script&gt; 기자">
<script>alert('head')</script></head>
<body onload="alert(14)"><article><h1>악성 웹페이지 기사 제목입니다</h1>
<p>정부는 오늘 &lt;script&gt;alert('escaped')&lt;/script&gt; 라는 글자가 담긴 기사를 웹페이지로 발표했다고 밝혔다.</p>
<p onclick="alert(15)">두 번째 문단에는 <a href="javascript:alert(16)">자바스크립트 링크</a>가 있지만 글자만 남아야 한다고 설명했다.</p>
<iframe src="https://evil.example/"></iframe>
<p>세 번째 문단은 <img src="x" onerror="alert(17)"> 이미지 뒤에 이어지는 평범한 문장이라고 덧붙였다.</p>
<script>document.write('injected')</script>
</article></body></html>
"""

HOSTILE_SIDECAR = """title: "<script>alert('sidecar')</script> 사이드카 제목 {% raw %}"
outlet: "[매체](javascript:alert(18))"
reporters: ["<img src=x onerror=alert(19)>", "{{ 7*7 }}"]
subtitles: ["!!! danger \\"상자\\"", "--8<-- 'mkdocs.yml'"]
"""


def _build(project: Path) -> Path:
    result = generate_docs([project / "seeds"], project / "docs", project / "templates")
    assert result.articles
    mkdocs_build(project / "mkdocs.yml", strict=True)
    return project / "site"


def _new_project(base: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", base / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", base / "templates")
    shutil.copytree(ROOT / "docs" / "assets", base / "docs" / "assets")
    (base / "seeds").mkdir()
    return base


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    """(a build of one plain article, a build of hostile articles in every format plus a hostile sidecar)."""
    clean = _new_project(tmp_path_factory.mktemp("clean"))
    write_article(clean / "seeds", "plain.txt", PLAIN)
    hostile = _new_project(tmp_path_factory.mktemp("hostile"))
    seeds = hostile / "seeds"
    write_article(seeds, "plain.txt", PLAIN)
    write_article(seeds, "hostile.txt", hostile_text())
    write_article(seeds, "hostile_md.md", HOSTILE_MARKDOWN)
    write_article(seeds, "hostile_html.html", HOSTILE_HTML)
    write_article(seeds, "sidecar.txt", PLAIN.replace("34명", "35명"))
    write_article(seeds, "sidecar.yml", HOSTILE_SIDECAR)
    return _build(clean), _build(hostile)


def _pages(site: Path) -> dict[Path, lxml_html.HtmlElement]:
    return {p: lxml_html.fromstring(p.read_bytes()) for p in sorted(site.rglob("*.html"))}


def _script_signature(script: lxml_html.HtmlElement) -> str:
    """A theme script, told apart from content: its file name, or its code with the page's relative base removed."""
    src = script.get("src")
    if src:
        return "src:" + urlsplit(src).path.rsplit("/", 1)[-1]
    return "inline:" + re.sub(r"(\.\./)+|\"\.\.?\"|\"\./?\"", "", script.text or "")


def _theme_baseline(site: Path) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    scripts: set[str] = set()
    external: set[str] = set()
    handlers: set[tuple[str, str]] = set()
    for tree in _pages(site).values():
        scripts |= {_script_signature(s) for s in tree.iter("script")}
        external |= {h for h in tree.xpath("//@href | //@src") if urlsplit(h).scheme or h.startswith("//")}
        handlers |= {(e.tag, a) for e in tree.iter() if isinstance(e.tag, str) for a in e.attrib if a.lower().startswith("on")}
    return scripts, external, handlers


def test_no_script_frame_handler_or_foreign_link_comes_from_content(sites):
    clean, hostile = sites
    theme_scripts, theme_external, theme_handlers = _theme_baseline(clean)
    pages = _pages(hostile)
    assert len(pages) >= 8
    for path, tree in pages.items():
        where = path.relative_to(hostile)
        assert {_script_signature(s) for s in tree.iter("script")} <= theme_scripts, where
        assert not tree.xpath("//iframe | //frame | //object | //embed | //svg//script | //base | //meta[@http-equiv]"), where
        handlers = {(e.tag, a) for e in tree.iter() if isinstance(e.tag, str) for a in e.attrib if a.lower().startswith("on")}
        assert handlers <= theme_handlers, where
        for url in tree.xpath("//@href | //@src | //@action | //@formaction | //@data"):
            compact = re.sub(r"[\s\x00-\x1f]", "", url).lower()
            assert not compact.startswith(("javascript:", "vbscript:", "data:text/html")), (where, url)
            if urlsplit(url).scheme or url.startswith("//"):
                assert url in theme_external, (where, url)
        assert not tree.xpath("//img[not(ancestor::*[contains(@class, 'md-header') or contains(@class, 'md-footer')])]"
                              "[not(contains(@src, 'assets/'))]"), where


def test_hostile_text_is_visible_as_text(sites):
    _, hostile = sites
    tree = lxml_html.fromstring((hostile / "articles" / "hostile.html").read_bytes())
    title = tree.xpath("string(//article//h1)")
    assert "<script>alert('title')</script>" in title and "{{ config }}" in title and "onerror=alert(1)" in title
    body = " ".join(p.text_content() for p in tree.xpath("//p[@class='briefing-paragraph']"))
    for snippet in HOSTILE_SNIPPETS:
        assert snippet in body, snippet
    for line in ("# 제목처럼 보이는", "!!! note", "--8<--", "| 표 | 처럼 |", "[악성]: javascript:alert(7)"):
        assert line in body, line
    head_title = tree.xpath("string(//title)")
    assert "<script>" in head_title and "가짜 머리말" not in head_title
    assert not tree.xpath("//article//div[contains(@class, 'admonition')] | //article//h1[contains(., '제목처럼')]")


def test_hostile_metadata_from_front_matter_html_and_sidecar_is_text(sites):
    _, hostile = sites
    md = lxml_html.fromstring((hostile / "articles" / "hostile_md.html").read_bytes())
    text = md.xpath("string(//article)")
    assert "<iframe src='https://evil.example/'></iframe>" in md.xpath("string(//article//h1)")
    assert "<script>alert('outlet')</script>" in text and "<img src=x onerror=alert(8)>" in text
    sidecar = lxml_html.fromstring((hostile / "articles" / "sidecar.html").read_bytes())
    text = sidecar.xpath("string(//article)")
    for value in ("<script>alert('sidecar')</script> 사이드카 제목 {% raw %}", "[매체](javascript:alert(18))", "{{ 7*7 }}", "!!! danger", "--8<--"):
        assert value in text, value
    html_page = lxml_html.fromstring((hostile / "articles" / "hostile_html.html").read_bytes())
    assert "<script>alert('escaped')</script>" in html_page.xpath("string(//article)")
    assert "injected" not in html_page.xpath("string(//article)")


def test_no_page_holds_a_live_tag_from_content(sites):
    """The raw HTML, not only the parsed tree: a tag from content would start with a bare `<`, escaped text with `&lt;`."""
    _, hostile = sites
    for path in sorted(hostile.rglob("*.html")):
        raw = path.read_text(encoding="utf-8")
        assert not re.search(r"<(script|iframe|svg)[\s>][^<]*(alert|evil\.example)", raw, re.IGNORECASE), path
        assert not re.search(r"<[a-z]+\s[^<>]*\bon(error|load|click)\s*=", raw, re.IGNORECASE), path
