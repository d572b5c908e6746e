"""Domain objects shared by every stage: what was read, what was found, what is wrong.

They are plain dataclasses so the analysis can be pickled across worker
processes and turned into the `briefing/1` JSON without a mapping layer.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "briefing/1"
SKIPPED = "skipped:"  # how a Problem's message starts when an input, or part of one, was left out


@dataclass
class Problem:
    """A warning or error about one input, shown on the build report and in the JSON."""

    source: str
    message: str
    article: str | None = None
    field: str | None = None

    @property
    def skipped(self) -> bool:
        """True when an input, or part of one, was left out; the command's exit status says so."""
        return self.message.startswith(SKIPPED)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "article": self.article, "field": self.field, "message": self.message}


@dataclass
class RawDocument:
    """One input file as decoded text plus what its format already told us.

    `blocks` are the text blocks in reading order (lines of a text file,
    paragraphs of Markdown or HTML); `stated` holds metadata the format gave
    explicitly (front matter, HTML meta tags), which beats anything guessed.
    """

    id: str
    source: str
    format: str
    encoding: str
    blocks: list[str]
    text: str = ""
    stated: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what reading repaired or left out, for the build report


@dataclass
class Subhead:
    """A crosshead inside the article, shown before body paragraph `paragraph`."""

    paragraph: int
    text: str


@dataclass
class Article:
    """A cleaned article with its metadata and, once analysed, its findings."""

    id: str
    source: str
    language: str
    title: str | None
    subtitles: list[str]
    outlet: str | None
    reporters: list[str]
    published: str | None
    published_confidence: str
    body: list[str]
    subheads: list[Subhead] = field(default_factory=list)
    encoding: str = "utf-8"
    format: str = "text"
    removed: list[str] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    orgs: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    raw_text: str = field(default="", repr=False)

    def as_dict(self) -> dict[str, Any]:
        """The article as the contract's JSON object (contract fields first)."""
        data = asdict(self)
        data.pop("raw_text")  # the source text is published as its own file, not inside the JSON
        ordered = {key: data.pop(key) for key in CONTRACT_FIELDS}
        ordered.update(data)
        return ordered


CONTRACT_FIELDS = (
    "id", "source", "language", "title", "subtitles", "outlet", "reporters",
    "published", "published_confidence", "body", "summary", "people", "orgs",
    "quotes", "figures", "events", "topics",
)
