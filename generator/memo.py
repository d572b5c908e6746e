"""Rendered text kept between runs: what belongs to an unchanged article is not made again.

Most of what a build writes belongs to one article: its page, its part of
briefing.json, its lines of the CSV downloads.  Each is a function of the
article's cache key (its input and the analysis configuration) and of a few
cross-article facts (its keywords, its related articles, the page names of
its people and topics).  The caller names all of those as the entry's parts,
and a salt covers the code, data and templates that turn them into text, so
an entry is reused only when the text made now would be the same.  Topic
briefs are kept the same way, under the summaries that compete for them.

Entries live in one folder per salt, one file each, written atomically; an
entry whose first line is not its key is a miss.  Other salts' folders are
removed when they carry the cache's marker, and entries not used by a run
that stored new ones are removed, so the folder holds about one corpus worth
of text.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator import __version__
from generator.cache import forget_marked_folders, make_marked_folder
from generator.write import atomic_write

PACKAGE = Path(__file__).resolve().parent
HEX = frozenset("0123456789abcdef")


def _digest_tree(digest: Any, root: Path) -> None:
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")


def render_salt(templates: Path | None, code: Path = PACKAGE) -> str:
    """Everything besides an entry's parts that shapes its text: the generator's code and data, and the templates (if any).

    Kiwi's version counts too: the search index keeps Kiwi's segmentation here.
    """
    digest = hashlib.sha256(f"briefing {__version__} jinja2 {version('jinja2')} kiwipiepy {version('kiwipiepy')}\0".encode())
    _digest_tree(digest, code)
    if templates is not None:
        _digest_tree(digest, templates)
    return digest.hexdigest()


class RenderMemo:
    """Text made from named parts, kept on disk under a hash of the parts and the salt."""

    def __init__(self, folder: Path, templates: Path | None, salt: str | None = None) -> None:
        self.salt = salt or render_salt(templates)
        self.root = folder
        self.folder = folder / self.salt[:16]
        self.used: set[str] = set()
        self.hits = 0
        self.stored = 0
        self._forget_other_salts()

    def _forget_other_salts(self) -> None:
        forget_marked_folders(self.root, self.folder)

    def key(self, parts: Any) -> str:
        digest = hashlib.sha256(f"{self.salt}\0".encode())
        digest.update(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        return digest.hexdigest()

    def text(self, parts: Any, make: Callable[[], str]) -> str:
        """The text made from `parts`: from disk when a run made it before, else `make()` (and kept)."""
        key = self.key(parts)
        self.used.add(key)
        path = self.folder / key
        try:
            stored = path.read_bytes().decode("utf-8")  # not read_text: it would turn a kept "\r" into "\n"
            if stored.startswith(key + "\n"):
                self.hits += 1
                return stored[len(key) + 1:]
        except (OSError, UnicodeDecodeError):
            pass
        made = make()
        try:
            make_marked_folder(self.folder)
            atomic_write(path, f"{key}\n{made}".encode())
            self.stored += 1
        except OSError:
            pass  # a memo that cannot be written only costs time
        return made

    def per_article(self, kind: str, make: Callable[[Any], str], fingerprints: dict[str, str],
                    also: Callable[[Any], Any] = lambda article: None) -> Callable[[Any], str]:
        """`make(article)`, kept under the article's cache key (and `also(article)`: cross-article facts `make` reads).

        An article without a cache key is made every time.
        """
        def text(article: Any) -> str:
            fingerprint = fingerprints.get(article.id)
            if fingerprint is None:
                return make(article)
            return self.text([kind, fingerprint, also(article)], lambda: make(article))
        return text

    def prune(self) -> None:
        """Remove entries this run did not use, once it stored new ones (so the folder does not grow with every edit)."""
        if not self.stored or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in self.used and len(path.name) == 64 and all(c in HEX for c in path.name):
                path.unlink(missing_ok=True)
