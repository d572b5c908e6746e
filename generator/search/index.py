"""Enrich the search index Material wrote with the Korean parts of every section.

What is indexed, and why:

- every section Material indexes (titles, the text of paragraphs and lists),
  except the sections named in `skip_sections` (an article's figures table,
  quotes and events repeat sentences of its own text);
- a `parts` field per section: the inner parts of its compound nouns, nouns
  written apart joined, and the other forms of the aliases it names, at most
  `max_parts_per_entry` of them;
- an `about` field on each page's first entry: the nouns of the page title
  and of the `about_sections` (summary, people, topics), at most
  `max_about_terms`, with a boost, so the article a name belongs to ranks
  above pages that mention it in passing.

The index therefore grows with a page's text by a bounded factor, and not at
all for a page with no Korean compounds or aliases.
"""
from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

from generator.search.segment import index_parts, noun_terms
from generator.search.vocabulary import SearchVocabulary

if TYPE_CHECKING:
    from generator.memo import RenderMemo

_TAG = re.compile(r"<[^>]+>")


def plain_text(markup: str) -> str:
    """The text of an index field: Material keeps a few tags (<p>, <li>, <code>) and escapes the rest."""
    return html.unescape(_TAG.sub("\n", markup))


def page_of(location: str) -> str:
    """The page an entry belongs to (its location without the section anchor)."""
    return location.split("#", 1)[0]


def _terms(kind: str, find, text: str, separator: str, vocabulary: SearchVocabulary, memo: RenderMemo | None) -> list[str]:
    """`find(text, separator, vocabulary)`, kept in `memo` when given: Kiwi's reading is most of a site build's time."""
    if memo is None:
        return find(text, separator, vocabulary)
    return json.loads(memo.text([kind, separator, text], lambda: json.dumps(find(text, separator, vocabulary), ensure_ascii=False)))


def enrich(index: dict, vocabulary: SearchVocabulary, memo: RenderMemo | None = None) -> dict:
    """A new index: skipped sections dropped, `parts` and `about` fields added, their boosts declared.

    With a `memo`, the parts of a text met in an earlier build are taken from it, so a rebuild
    reads with Kiwi only the pages that changed.
    """
    separator = index["config"]["separator"]
    docs: list[dict] = []
    about_text: dict[str, list[str]] = {}
    about_pages: set[str] = set()
    for doc in index["docs"]:
        title = plain_text(doc.get("title", "")).strip()
        is_page = "#" not in doc["location"]
        if not is_page and title in vocabulary.skip_sections:
            continue
        entry = dict(doc)
        text = plain_text(doc.get("text", ""))
        parts = _terms("search parts", index_parts, title + "\n" + text, separator, vocabulary, memo)[: vocabulary.max_parts_per_entry]
        if parts:
            entry["parts"] = " ".join(parts)
        page = page_of(doc["location"])
        if is_page:
            about_text.setdefault(page, []).insert(0, title)
        elif title in vocabulary.about_sections:
            about_text.setdefault(page, []).append(text)
            about_pages.add(page)
        docs.append(entry)
    for entry in docs:
        if vocabulary.about_page_boost != 1.0 and page_of(entry["location"]) in about_pages:
            entry["boost"] = entry.get("boost", 1.0) * vocabulary.about_page_boost
        if "#" in entry["location"] or entry["location"] not in about_text:
            continue
        terms = _terms("search about", noun_terms, "\n".join(about_text[entry["location"]]), separator, vocabulary, memo)
        terms = terms[: vocabulary.max_about_terms]
        if terms:
            entry["about"] = " ".join(terms)
    config = dict(index["config"])
    config["fields"] = {**config.get("fields", {}), **{name: {"boost": boost} for name, boost in vocabulary.fields.items()}}
    return {**index, "config": config, "docs": docs}
