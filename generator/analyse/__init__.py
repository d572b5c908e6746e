"""Analysis: what a reader scans in thirty seconds, found in a cleaned article.

Each module finds one kind of thing and is a pure function of the article's
paragraphs (and its publication date where time matters), so articles can be
analysed in any order, in parallel, and cached by content.
"""
from __future__ import annotations

from generator.analyse.entities import find_entities
from generator.analyse.events import find_events
from generator.analyse.figures import find_figures
from generator.analyse.quotes import find_quotes
from generator.analyse.summary import summarise
from generator.analyse.topics import find_topics
from generator.model import Article


def analyse(article: Article) -> Article:
    """Fill the findings of one article in place and return it."""
    body = article.body
    article.people, article.orgs = find_entities(body, article.reporters)
    article.quotes = find_quotes(body, article.people)
    article.figures = find_figures(body, article.published)
    article.events = find_events(body, article.published)
    article.summary = summarise(body)
    article.topics = find_topics(article.title, body)
    return article
