"""Render the corpus into Markdown pages with the Jinja templates in `templates/`.

Article text is untrusted.  Two filters make it inert wherever it lands:
`md` for Markdown context (every Markdown and HTML special character is
escaped, so no heading, link, list or tag can come out of it) and Jinja's own
`e` for HTML blocks.  Templates never call analysis code; they get data.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.charts import timeline_svg
from generator.corpus import merge_timeline, split_by_reference
from generator.model import Article, Problem

ARTICLES_PER_PAGE = 50
LATEST_ON_HOME = 20
CONFIDENCE_LABELS = {"stated": "기사에 표기", "inferred": "본문에서 추정", "unknown": "알 수 없음"}

# Python-Markdown's backslash escapes (its ESCAPED_CHARS, plus `|` of the tables extension).
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape_markdown(value: Any) -> str:
    """Make text safe and literal inside Markdown: no markup, no HTML, no links."""
    text = "" if value is None else str(value)
    text = re.sub(r"\s+", " ", text).strip()
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    # HTML last: entities are not Markdown, and `<` `&` can no longer open a tag or entity.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_html(value: Any) -> str:
    """Text for an HTML element or attribute (quotes included)."""
    return html.escape("" if value is None else re.sub(r"\s+", " ", str(value)).strip(), quote=True)


@dataclass(frozen=True)
class Page:
    """One generated file: its path under docs/ and its content."""

    path: str
    content: str


def article_path(article: Article) -> str:
    return f"articles/{article.id}.md"


def source_path(article: Article) -> str:
    return f"sources/{article.id}.txt"


def sort_newest_first(articles: list[Article]) -> list[Article]:
    """Newest first; undated articles last; ties broken by id so the order is stable."""
    dated = sorted((a for a in articles if a.published), key=lambda a: (a.published, a.id), reverse=True)
    undated = sorted((a for a in articles if not a.published), key=lambda a: a.id)
    return dated + undated


def make_environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["e"] = escape_html
    env.filters["confidence"] = lambda value: CONFIDENCE_LABELS.get(value, value)
    return env


def listing_pages(count: int) -> list[str]:
    """Paths of the article index pages: articles/index.md, articles/page-2.md, ..."""
    pages = max(1, -(-count // ARTICLES_PER_PAGE))
    return ["articles/index.md"] + [f"articles/page-{n}.md" for n in range(2, pages + 1)]


def render_site(articles: list[Article], problems: list[Problem], raw_texts: dict[str, str],
                templates: Path, briefing_json: str) -> list[Page]:
    """Every generated file of docs/, as Page objects, in a stable order."""
    env = make_environment(templates)
    ordered = sort_newest_first(articles)
    pages: list[Page] = []
    listing = listing_pages(len(ordered))
    dates = sorted(a.published[:10] for a in articles if a.published)
    outlets = sorted({a.outlet for a in articles if a.outlet})
    pages.append(Page("index.md", env.get_template("index.md.j2").render(
        latest=ordered[:LATEST_ON_HOME], total=len(ordered), first=dates[0] if dates else None,
        last=dates[-1] if dates else None, outlets=outlets, warnings=len(problems), listing=listing,
    )))
    for number, path in enumerate(listing, start=1):
        chunk = ordered[(number - 1) * ARTICLES_PER_PAGE: number * ARTICLES_PER_PAGE]
        pages.append(Page(path, env.get_template("articles.md.j2").render(
            articles=chunk, number=number, pages=listing, total=len(ordered),
        )))
    article_template = env.get_template("article.md.j2")
    for article in ordered:
        subheads: dict[int, list[str]] = {}
        for sub in article.subheads:
            subheads.setdefault(sub.paragraph, []).append(sub.text)
        pages.append(Page(article_path(article), article_template.render(
            article=article, subheads=subheads, source=source_path(article),
        )))
        pages.append(Page(source_path(article), raw_texts[article.id]))
    timeline = merge_timeline(articles)
    reference = dates[-1] if dates else None
    past, ahead = split_by_reference(timeline, reference)
    pages.append(Page("timeline.md", env.get_template("timeline.md.j2").render(past=past, ahead=ahead, reference=reference, total=len(ordered))))
    pages.append(Page("assets/timeline.svg", timeline_svg(timeline)))
    pages.append(Page("targets.md", env.get_template("targets.md.j2").render(targets=[e for e in timeline if e.kind == "target"])))
    pages.append(Page("report.md", env.get_template("report.md.j2").render(problems=problems, total=len(ordered))))
    pages.append(Page("data/briefing.json", briefing_json))
    return pages
