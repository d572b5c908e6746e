"""The editable boilerplate vocabulary (data/boilerplate.yml), compiled once.

Kept apart from the cleaner so the metadata extractor and the cleaner read
the same definitions of a byline, a sign-off and a copyright line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "boilerplate.yml"


_ENDS_LIKE_SENTENCE = re.compile(r"[다요죠까][.!?][\"'”’)]*$")


@dataclass(frozen=True)
class LinePattern:
    """A regular expression that only applies to lines up to `max_length` characters."""

    regex: re.Pattern[str]
    max_length: int | None = None
    max_words: int | None = None
    sentences: bool = False

    def matches(self, line: str) -> bool:
        if self.max_length is not None and len(line) > self.max_length:
            return False
        if self.max_words is not None and len(line.split()) > self.max_words:
            return False
        if not self.sentences and _ENDS_LIKE_SENTENCE.search(line):
            return False
        return bool(self.regex.search(line))


@dataclass(frozen=True)
class Vocabulary:
    chrome: tuple[LinePattern, ...]
    end_markers: tuple[re.Pattern[str], ...]
    captions: tuple[re.Pattern[str], ...]
    caption_neighbours: tuple[re.Pattern[str], ...]
    reporter_titles: tuple[str, ...]
    sections: frozenset[str]

    def is_chrome(self, line: str) -> bool:
        return any(p.matches(line) for p in self.chrome)

    def is_end_marker(self, line: str) -> bool:
        return len(line) <= 200 and any(p.search(line) for p in self.end_markers)

    def looks_like_caption(self, line: str) -> bool:
        return any(p.search(line) for p in self.captions)

    def describes_scene(self, line: str) -> bool:
        return any(p.search(line) for p in self.caption_neighbours)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = DATA_FILE) -> Vocabulary:
    """Read and compile the vocabulary; a broken pattern names the file and the entry."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        chrome = tuple(
            LinePattern(_compile(entry["pattern"]), entry.get("max_length"), entry.get("max_words"), bool(entry.get("sentences")))
            if isinstance(entry, dict) else LinePattern(_compile(entry))
            for entry in data.get("chrome", [])
        )
        end_markers = tuple(_compile(p) for p in data.get("end_markers", []))
        captions = tuple(_compile(p) for p in data.get("captions", []))
        neighbours = tuple(_compile(p) for p in data.get("caption_neighbours", []))
    except re.error as exc:
        raise ValueError(f"{path}: bad pattern {exc.pattern!r}: {exc}") from exc
    titles = tuple(sorted(data.get("reporter_titles", ["기자"]), key=len, reverse=True))
    sections = frozenset(s.lower() for s in data.get("sections", []))
    return Vocabulary(chrome, end_markers, captions, neighbours, titles, sections)
