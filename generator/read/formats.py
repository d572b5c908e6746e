"""One reader per input format; each turns decoded text into a RawDocument.

Like Pelican's readers, each returns the text blocks in reading order plus
the metadata the format states outright (front matter, HTML meta tags).
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from typing import Any

import markdown as markdown_lib
import yaml
from lxml import html as lxml_html

from generator.read.encoding import UnreadableInput

_TERMINAL = re.compile(r"[.!?。…\"'”’)\]]\s*$")


def unwrap_hard_breaks(lines: list[str]) -> list[str]:
    """Join lines that a scraper wrapped at a fixed width back into paragraphs.

    Only when the file looks wrapped -- blank lines between paragraphs, and the
    inner lines of multi-line paragraphs stop mid-sentence at nearly the same
    width -- are lines joined.  One-paragraph-per-line files and header blocks
    (headline, deck, timestamp lines of uneven width) are left alone.
    """
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    multi_line = [b for b in blocks if len(b) > 1]
    inner = [ln for b in multi_line for ln in b[:-1]]
    if len(blocks) >= 2 and len(multi_line) >= 2 and len(inner) >= 4:
        median = statistics.median(len(ln) for ln in inner)
        even = sum(abs(len(ln) - median) <= 0.2 * median for ln in inner) / len(inner)
        open_ended = sum(not _TERMINAL.search(ln) for ln in inner) / len(inner)
        if even >= 0.8 and open_ended >= 0.6:
            return [" ".join(b) for b in blocks]
    return [ln for b in blocks for ln in b]


def read_text(text: str) -> tuple[list[str], dict[str, Any]]:
    """Plain text as scraped: one block per non-empty line (hard wraps undone)."""
    lines = text.split("\n")
    return unwrap_hard_breaks(lines), {}


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between `---` lines, and the text after it."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group("yaml")) or {}
    except yaml.YAMLError as exc:
        raise UnreadableInput(f"the front matter is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise UnreadableInput("the front matter is not a mapping of field names to values")
    return data, text[m.end():]


_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd"}


def _element_blocks(root: Any) -> list[str]:
    """Visible text of each block element, innermost blocks only, in order."""
    blocks: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCK_TAGS:
            continue
        if any(isinstance(child.tag, str) and child.tag in _BLOCK_TAGS for child in element.iterdescendants()):
            continue
        text = re.sub(r"[ \t\r\f\v]+", " ", element.text_content()).strip()
        blocks.extend(part.strip() for part in text.split("\n") if part.strip())
    return blocks


def read_markdown(text: str) -> tuple[list[str], dict[str, Any]]:
    """Markdown with optional YAML front matter; markup is reduced to its text."""
    stated, body = split_front_matter(text)
    rendered = markdown_lib.markdown(body, output_format="html")
    if not rendered.strip():
        return [], stated
    root = lxml_html.fragment_fromstring(rendered, create_parent="div")
    return _element_blocks(root), stated


def read_html(text: str) -> tuple[list[str], dict[str, Any]]:
    """An HTML page: main text and metadata through trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
    )
    if document is None:
        raise UnreadableInput("no article text could be extracted from the HTML")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    stated: dict[str, Any] = {}
    if data.get("title"):
        stated["title"] = data["title"].strip()
    if data.get("sitename"):
        stated["outlet"] = data["sitename"].strip()
    if data.get("author"):
        names = [re.sub(r"\s*(기자|특파원)$", "", a.strip()) for a in re.split(r"[;,]", data["author"])]
        stated["reporters"] = [n for n in names if n]
    if data.get("date"):
        stated["published"] = str(data["date"])
    blocks = [ln.strip() for ln in (data.get("text") or "").split("\n") if ln.strip()]
    if not blocks or sum(len(b) for b in blocks) < 20:
        raise UnreadableInput("no article text could be extracted from the HTML")
    return blocks, stated


READERS: dict[str, tuple[str, Callable[[str], tuple[list[str], dict[str, Any]]]]] = {
    ".txt": ("text", read_text),
    ".text": ("text", read_text),
    ".md": ("markdown", read_markdown),
    ".markdown": ("markdown", read_markdown),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
}
