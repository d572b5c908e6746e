"""The `briefing/1` JSON document: the seam between the analysis and its readers."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator import __version__
from generator.model import SCHEMA, Article, Problem


def briefing_document(articles: list[Article], problems: list[Problem]) -> dict[str, Any]:
    """The whole corpus as the contract describes it, in a stable order."""
    return {
        "schema": SCHEMA,
        "generator": f"generator {__version__}",
        "articles": [article.as_dict() for article in articles],
        "warnings": [problem.as_dict() for problem in problems],
    }


def dumps(document: dict[str, Any]) -> str:
    """UTF-8 JSON, Korean kept readable, byte-identical for the same input."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


ARTICLE_INDENT = "    "  # an article object sits two levels deep: document > "articles" list


def article_json(article: Article) -> str:
    """One article's object as it appears inside `dumps`' output (its first line unindented)."""
    return json.dumps(article.as_dict(), ensure_ascii=False, indent=2).replace("\n", "\n" + ARTICLE_INDENT)


def dumps_corpus(articles: list[Article], problems: list[Problem], article_text: Callable[[Article], str] = article_json) -> str:
    """`dumps(briefing_document(articles, problems))`, put together from one piece per article.

    The pieces can then come from a memo (`article_text`), so a corpus where one article
    changed serialises one article, not all of them.  JSON strings escape line breaks, so
    indenting every line of a piece indents exactly its structure.
    """
    text = dumps(briefing_document([], problems))
    if not articles:
        return text
    listed = "[\n" + ",\n".join(ARTICLE_INDENT + article_text(article) for article in articles) + "\n  ]"
    return text.replace('"articles": []', '"articles": ' + listed, 1)
