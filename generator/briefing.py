"""The `briefing/1` JSON document: the seam between the analysis and its readers."""
from __future__ import annotations

import json
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
