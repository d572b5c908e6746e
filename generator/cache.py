"""The analysis cache: an unchanged article is never analysed twice.

An entry is keyed by a hash of the article as read (id, source, metadata,
paragraphs and raw text: so an edited file or sidecar gives a new key) and
of the analysis configuration: the generator version, the vocabularies in
generator/data/, the source of the code that analyses, and the Kiwi version.
Any change to one of those gives new keys, so a stale entry is simply never
asked for.  Entries live under one folder per configuration; folders of
other configurations are removed when the cache is opened, so the cache does
not grow with every change of code or vocabulary.

An entry is the analysed Article as JSON (raw text included) and its noun
counts.  A corrupt, unreadable or foreign entry counts as a miss.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass, field, fields
from importlib import metadata
from pathlib import Path
from typing import Any

from generator import __version__
from generator.model import Article, Subhead
from generator.write import atomic_write

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
# The code whose output the cache stores: the Korean layer, the analysers, the domain objects.
ANALYSIS_CODE = ("model.py", "korean/*.py", "analyse/*.py")
DEFAULT_FOLDER = ".briefing-cache"
ENTRY_FORMAT = 1
HEX = frozenset("0123456789abcdef")


def _digest_files(digest: Any, root: Path, patterns: tuple[str, ...]) -> None:
    for pattern in patterns:
        for path in sorted(root.glob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def configuration_hash(data: Path = DATA, code: Path = PACKAGE) -> str:
    """Everything besides the input itself that can change what the analysis finds."""
    digest = hashlib.sha256()
    digest.update(f"briefing {__version__} entry {ENTRY_FORMAT}\0".encode())
    digest.update(f"kiwipiepy {_version('kiwipiepy')} model {_version('kiwipiepy-model')}\0".encode())
    _digest_files(digest, data, ("*.yml", "*.yaml"))
    _digest_files(digest, code, ANALYSIS_CODE)
    return digest.hexdigest()


@dataclass
class Analysed:
    """One article's analysis: the article with its findings, and its noun counts."""

    article: Article
    nouns: dict[str, int] = field(default_factory=dict)  # noun counts of headline and body, for keywords and related articles


def _article_from(data: dict[str, Any]) -> Article:
    known = {f.name for f in fields(Article)}
    if set(data) != known:
        raise ValueError("the entry's fields are not the Article's")
    values = dict(data)
    values["subheads"] = [Subhead(**sub) for sub in data["subheads"]]
    return Article(**values)


class AnalysisCache:
    """Analysed articles on disk, one JSON file per input and configuration."""

    def __init__(self, folder: Path, configuration: str | None = None) -> None:
        self.configuration = configuration or configuration_hash()
        self.root = folder
        self.folder = folder / self.configuration[:16]
        self.hits = 0
        self.misses = 0
        self._forget_other_configurations()

    def _forget_other_configurations(self) -> None:
        if not self.root.is_dir():
            return
        for other in self.root.iterdir():
            if other.is_dir() and other != self.folder and len(other.name) == 16 and all(c in HEX for c in other.name) \
                    and all(f.suffix == ".json" and f.is_file() for f in other.iterdir()):
                shutil.rmtree(other, ignore_errors=True)  # only a folder of cache entries, never a user's folder that looks like one

    def key(self, article: Article) -> str:
        """The entry's key: the article as read (id, source, metadata, paragraphs, raw text) and the configuration."""
        digest = hashlib.sha256(f"{self.configuration}\0".encode())
        digest.update(json.dumps(asdict(article), ensure_ascii=False, sort_keys=True).encode("utf-8"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> Analysed | None:
        """The stored outcome for `key`, or None when there is none or it cannot be trusted."""
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if entry.get("key") != key:
                raise ValueError("the entry belongs to another key")
            result = Analysed(_article_from(entry["article"]), dict(entry["nouns"]))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: Analysed) -> None:
        """Store an outcome; a cache that cannot be written only costs time, never the build."""
        entry = {"key": key, "article": asdict(result.article), "nouns": result.nouns}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write(self._path(key), json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass
