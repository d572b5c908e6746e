"""Render the corpus into Markdown pages with the Jinja templates in `templates/`.

Article text is untrusted.  Two filters make it inert wherever it lands:
`md` for Markdown context (every Markdown and HTML special character is
escaped, so no heading, link, list or tag can come out of it) and Jinja's own
`e` for HTML blocks.  Templates never call analysis code; they get data.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, Template

from generator.charts import series_svg, timeline_svg
from generator.corpus_view import CorpusView, build_view
from generator.exports import atom_feed, events_csv, figure_rows, figures_csv, quote_rows, quotes_csv
from generator.ledger import by_category, format_value, key_groups
from generator.model import Article, Problem

if TYPE_CHECKING:
    from generator.memo import RenderMemo

ARTICLES_PER_PAGE = 50
LATEST_ON_HOME = 10
HOME_ITEMS = 8  # key figures, upcoming dates, people and clusters shown on the home page
# Cross-article pages are split into pages of bounded size, so no page grows with the corpus.
ENTRIES_PER_PAGE = 100  # timeline entries, targets, people, organisations
QUOTES_PER_PAGE = 50  # a person's quotes: a much-quoted official's continue on `<slug>.page-2.md`, ...
GROUPS_PER_PAGE = 20  # figures-ledger groups (each shows at most 10 values and 3 claims a value)
KIND_LABELS = {"past": "지난 일", "scheduled": "예정", "target": "목표"}
STATUS_LABELS = {"conflict": "불일치", "agree": "일치", "single": "단일 출처", "several": "서로 다른 대상"}
CONFIDENCE_LABELS = {"stated": "기사에 표기", "inferred": "본문에서 추정", "unknown": "알 수 없음"}

# Python-Markdown's backslash escapes (its ESCAPED_CHARS, plus `|` of the tables extension).
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape_markdown(value: Any) -> str:
    """Make text safe and literal inside Markdown: no markup, no HTML, no links."""
    return _escaped("" if value is None else str(value))


@lru_cache(maxsize=65536)
def _escaped(text: str) -> str:
    """`escape_markdown` of a string; names, outlets and dates recur on many pages, so results are kept."""
    text = " ".join(text.split())  # whitespace runs (str.isspace, as re's \s) become one space, ends trimmed
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    # HTML last: entities are not Markdown, and `<` `&` can no longer open a tag or entity.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_html(value: Any) -> str:
    """Text for an HTML element or attribute (quotes included)."""
    return html.escape("" if value is None else re.sub(r"\s+", " ", str(value)).strip(), quote=True)


def front_matter_string(value: Any) -> str:
    """A page title for YAML front matter: HTML-escaped (themes print it unescaped in <title>), then a quoted string.

    Characters beyond the Basic Multilingual Plane stay as they are: JSON would write them as surrogate
    pairs (`\\ud83d\\ude80`), which MkDocs' YAML reader rejects, silently dropping the whole front matter.
    """
    return json.dumps(escape_html(value), ensure_ascii=False)


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


def make_environment(templates: Path, compiled: Path | None = None) -> Environment:
    """The Jinja environment of the templates; with `compiled`, compiled templates are kept there (keyed by their source)."""
    try:
        if compiled is not None:
            compiled.mkdir(parents=True, exist_ok=True)
    except OSError:
        compiled = None  # a cache that cannot be written only costs time
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled is not None else None,
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["e"] = escape_html
    env.filters["confidence"] = lambda value: CONFIDENCE_LABELS.get(value, value)
    env.filters["kind"] = lambda value: KIND_LABELS.get(value, value)
    env.filters["status"] = lambda value: STATUS_LABELS.get(value, value)
    env.filters["amount"] = format_value
    env.filters["basename"] = lambda path: path.rsplit("/", 1)[-1]
    env.filters["front_matter_string"] = front_matter_string
    return env


def paginate(first: str, items: list[Any], per_page: int, continued: str | None = None) -> list[tuple[str, list[Any], int, list[str]]]:
    """(path, items on it, page number, every page's path) for a list split into pages.

    `people/index.md` continues as `people/page-2.md`; `timeline.md` as `timeline-2.md`,
    so every page of one list sits in one folder and links to the others by file name.
    `continued` names later pages otherwise, from the first page's `{stem}` and the number `{n}`.
    """
    count = max(1, -(-len(items) // per_page))
    stem = first[: -len(".md")]
    if continued is not None:
        paths = [first] + [continued.format(stem=stem, n=n) for n in range(2, count + 1)]
    elif first.endswith("index.md"):
        paths = [first] + [first[: -len("index.md")] + f"page-{n}.md" for n in range(2, count + 1)]
    else:
        paths = [first] + [f"{stem}-{n}.md" for n in range(2, count + 1)]
    return [(path, items[(n - 1) * per_page: n * per_page], n, paths) for n, path in enumerate(paths, start=1)]


def listing_pages(count: int) -> list[str]:
    """Paths of the article index pages: articles/index.md, articles/page-2.md, ..."""
    pages = max(1, -(-count // ARTICLES_PER_PAGE))
    return ["articles/index.md"] + [f"articles/page-{n}.md" for n in range(2, pages + 1)]


def _noun_counts(articles: list[Article]) -> dict[str, dict[str, int]]:
    """Noun counts for articles whose analysis did not bring them, counted as the pipeline counts them."""
    from generator.analyse.keywords import article_noun_counts

    return {a.id: article_noun_counts(a.title, a.body) for a in articles}


def render_site(articles: list[Article], problems: list[Problem], raw_texts: dict[str, str],
                templates: Path, briefing_json: str | Callable[[list[Problem]], str], noun_counts: dict[str, Any] | None = None,
                site_name: str = "브리핑", site_url: str | None = None,
                memo: RenderMemo | None = None, fingerprints: dict[str, str] | None = None) -> list[Page]:
    """Every generated file of docs/, as Page objects, in a stable order.

    The cross-article findings (registry, ledger, topics, related articles) are
    computed here once; the merges they make are appended to `problems`, so the
    build report and the console list them.  With a `memo` and the articles'
    cache keys (`fingerprints`), an article page whose inputs are unchanged is
    taken from the memo instead of rendered.  `briefing_json` is the text of
    data/briefing.json, or a function making it from the problems.
    """
    env = make_environment(templates, memo.root / "templates" if memo else None)
    ordered = sort_newest_first(articles)
    view = build_view(articles, noun_counts if noun_counts is not None else _noun_counts(articles), ordered, memo)
    problems.extend(view.problems)
    pages: list[Page] = []
    listing = listing_pages(len(ordered))
    dates = sorted(a.published[:10] for a in articles if a.published)
    outlets = sorted({a.outlet for a in articles if a.outlet})
    common = {"view": view, "person_pages": view.person_pages, "topic_pages": view.topic_pages}
    pages.append(Page("index.md", env.get_template("index.md.j2").render(
        latest=ordered[:LATEST_ON_HOME], total=len(ordered), first=dates[0] if dates else None,
        last=dates[-1] if dates else None, outlets=outlets, warnings=len(problems), listing=listing,
        key_figures=key_groups(view.ledger, HOME_ITEMS),
        upcoming=view.ahead[:HOME_ITEMS], quoted=[p for p in view.people if p.quotes][:HOME_ITEMS],
        clusters=view.clusters[:HOME_ITEMS], **common,
    )))
    for number, path in enumerate(listing, start=1):
        chunk = ordered[(number - 1) * ARTICLES_PER_PAGE: number * ARTICLES_PER_PAGE]
        pages.append(Page(path, env.get_template("articles.md.j2").render(
            articles=chunk, number=number, pages=listing, total=len(ordered),
        )))
    article_template = env.get_template("article.md.j2")
    for article in ordered:
        pages.append(Page(article_path(article), _article_page(article_template, article, view, memo, (fingerprints or {}).get(article.id))))
        pages.append(Page(source_path(article), raw_texts[article.id]))
    timeline = env.get_template("timeline.md.j2")
    sequence = [("ahead", e) for e in view.ahead] + [("past", e) for e in reversed(view.past)]  # upcoming first, then newest past
    for path, chunk, number, paths in paginate("timeline.md", sequence, ENTRIES_PER_PAGE):
        pages.append(Page(path, timeline.render(
            ahead=[e for section, e in chunk if section == "ahead"], past=[e for section, e in chunk if section == "past"],
            reference=view.reference, total=len(ordered), events=len(view.timeline), number=number, pages=paths)))
    pages.append(Page("assets/timeline.svg", timeline_svg(view.timeline)))
    targets = env.get_template("targets.md.j2")
    for path, chunk, number, paths in paginate("targets.md", [e for e in view.timeline if e.kind == "target"], ENTRIES_PER_PAGE):
        pages.append(Page(path, targets.render(targets=chunk, number=number, pages=paths)))
    pages.extend(_registry_pages(env, view, common))
    pages.extend(_topic_pages(env, view, common))
    ledger = env.get_template("figures.md.j2")
    for path, chunk, number, paths in paginate("figures.md", view.ledger, GROUPS_PER_PAGE):
        pages.append(Page(path, ledger.render(sections=by_category(chunk), number=number, pages=paths, total=len(view.ledger),
                                              conflicts=sum(1 for g in view.ledger if g.conflicts),
                                              series=[(n, s) for n, s in enumerate(view.series, start=1)], **common)))
    for number, series in enumerate(view.series, start=1):
        points = [(year, value, claim.source.outlet or claim.source.id) for year, value, claim in series.points]
        pages.append(Page(f"assets/figures-{number}.svg", series_svg(series.id, series.unit, points)))
    pages.append(Page("report.md", env.get_template("report.md.j2").render(problems=problems, total=len(ordered))))
    # Made from the problems as they stand now, so the JSON lists the registry's merges as the report does.
    pages.append(Page("data/briefing.json", briefing_json(problems) if callable(briefing_json) else briefing_json))
    figure_lines = memo.per_article("figures csv", figure_rows, fingerprints or {}) if memo else figure_rows
    quote_lines = memo.per_article("quotes csv", quote_rows, fingerprints or {}) if memo else quote_rows
    pages.append(Page("data/figures.csv", figures_csv(articles, figure_lines)))
    pages.append(Page("data/events.csv", events_csv(view.timeline)))
    pages.append(Page("data/quotes.csv", quotes_csv(articles, quote_lines)))
    pages.append(Page("feed.xml", atom_feed(articles, site_name, site_url)))
    return pages


def _article_page(template: Template, article: Article, view: CorpusView, memo: RenderMemo | None, fingerprint: str | None) -> str:
    """An article's page.  It sees only the article and the cross-article facts named here, so those
    (with the article's cache key) are all the memo needs to know the page is unchanged."""
    related = view.related.get(article.id, [])
    names = sorted({p["name"] for p in article.people} | {q["speaker"] for q in article.quotes if q.get("speaker")})
    person_pages = {name: view.person_pages[name] for name in names if name in view.person_pages}
    topic_pages = {topic: view.topic_pages[topic] for topic in article.topics if topic in view.topic_pages}

    def render() -> str:
        subheads: dict[int, list[str]] = {}
        for sub in article.subheads:
            subheads.setdefault(sub.paragraph, []).append(sub.text)
        return template.render(article=article, subheads=subheads, source=source_path(article), related=related,
                               person_pages=person_pages, topic_pages=topic_pages)

    if memo is None or fingerprint is None:
        return render()
    parts = ["article page", fingerprint, article.keywords, person_pages, topic_pages,
             [[other.id, other.title, other.outlet, other.published, score] for other, score in related]]
    return memo.text(parts, render)


def _registry_pages(env: Environment, view: CorpusView, common: dict[str, Any]) -> list[Page]:
    pages = []
    people = env.get_template("people.md.j2")
    for path, chunk, number, paths in paginate("people/index.md", view.people, ENTRIES_PER_PAGE):
        pages.append(Page(path, people.render(people=chunk, total=len(view.people), number=number, pages=paths, **common)))
    person = env.get_template("person.md.j2")
    for p in view.people:
        # Slugs hold no dots, so `<slug>.page-2.md` never meets another person's page.
        for path, chunk, number, paths in paginate(f"people/{p.slug}.md", p.quotes, QUOTES_PER_PAGE, continued="{stem}.page-{n}.md"):
            pages.append(Page(path, person.render(person=p, quotes=chunk, number=number, pages=paths, **common)))
    orgs = env.get_template("orgs.md.j2")
    for path, chunk, number, paths in paginate("orgs/index.md", view.orgs, ENTRIES_PER_PAGE):
        pages.append(Page(path, orgs.render(orgs=chunk, total=len(view.orgs), number=number, pages=paths, **common)))
    org = env.get_template("org.md.j2")
    pages += [Page(f"orgs/{o.slug}.md", org.render(org=o, **common)) for o in view.orgs]
    return pages


def _topic_pages(env: Environment, view: CorpusView, common: dict[str, Any]) -> list[Page]:
    pages = [Page("topics/index.md", env.get_template("topics.md.j2").render(topics=view.topics, **common))]
    topic = env.get_template("topic.md.j2")
    pages += [Page(f"topics/{t.slug}.md", topic.render(topic=t, **common)) for t in view.topics]
    return pages
