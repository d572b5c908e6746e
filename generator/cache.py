"""The analysis cache: an unchanged input is never read, cleaned or analysed twice.

An entry is keyed by a hash of the input as it sits on disk (its bytes, its
sidecar's bytes, the name and id it is read under, the reading limits) and
of the configuration: the generator version, the vocabularies in
generator/data/, the source of the code that reads and analyses, and the
Kiwi version.  Any change to one of those gives new keys, so a stale entry
is simply never asked for; an unchanged input costs one hash of its bytes.  Entries live under one folder per configuration; folders of
other configurations are removed when the cache is opened, so the cache does
not grow with every change of code or vocabulary.  Only folders that carry
the cache's marker file are ever removed, so `--cache` pointed at a folder of
one's own costs nothing in it.

An entry is the analysed Article as JSON (raw text included), its noun
counts and the problems met reading it (so the build report is the same
whether an article came from the cache or not).  A corrupt, unreadable or foreign entry counts as a miss.
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
from generator.model import Article, Problem, Subhead
from generator.read import Input, sidecar_bytes
from generator.read.limits import Limits
from generator.write import atomic_write

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
# The code whose output the cache stores: the readers, the Korean layer, the analysers, the domain objects.
ANALYSIS_CODE = ("model.py", "read/*.py", "korean/*.py", "analyse/*.py")
# The libraries whose output the cache stores: Kiwi and its model, and the readers' decoding and extraction.
READING_PACKAGES = ("kiwipiepy", "kiwipiepy-model", "charset-normalizer", "trafilatura", "lxml", "lxml-html-clean", "pyyaml")
DEFAULT_FOLDER = ".briefing-cache"
ENTRY_FORMAT = 2


MARKER = ".briefing-cache-folder"  # in every folder the caches made, and only in those


def make_marked_folder(folder: Path) -> None:
    """Create `folder` (and its marker): a folder the caches may remove again."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / MARKER
    if not marker.exists():
        marker.write_bytes(b"made by briefing; removed with its folder when the configuration changes\n")


def forget_marked_folders(root: Path, keep: Path) -> None:
    """Remove the folders under `root` that the caches made, except `keep`."""
    if not root.is_dir():
        return
    for other in root.iterdir():
        if other != keep and other.is_dir() and not other.is_symlink() and (other / MARKER).is_file():
            shutil.rmtree(other, ignore_errors=True)


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
    for package in READING_PACKAGES:
        digest.update(f"{package} {_version(package)}\0".encode())
    _digest_files(digest, data, ("*.yml", "*.yaml"))
    _digest_files(digest, code, ANALYSIS_CODE)
    return digest.hexdigest()


@dataclass
class Analysed:
    """One article's analysis: the article with its findings, its noun counts, and the problems met reading it."""

    article: Article
    nouns: dict[str, int] = field(default_factory=dict)  # noun counts of headline and body, for keywords and related articles
    problems: list[Problem] = field(default_factory=list)


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
        forget_marked_folders(self.root, self.folder)

    def key(self, item: Input, article_id: str, limits: Limits, data: bytes) -> str | None:
        """The entry's key: the input's bytes (`data`, as they will be read), its sidecar's, its name, id and limits, and the configuration.

        None when the sidecar is there but cannot be read: such an input is read every time, never cached.
        """
        try:
            sidecar = sidecar_bytes(item)
        except OSError:
            return None
        reading = f"{item.name}\0{article_id}\0{limits.max_file_bytes}\0{limits.max_line_chars}\0"
        digest = hashlib.sha256(f"{self.configuration}\0{reading}".encode())
        digest.update(len(data).to_bytes(8, "big") + data)
        digest.update(sidecar or b"no sidecar")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> Analysed | None:
        """The stored outcome for `key`, or None when there is none or it cannot be trusted."""
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if entry.get("key") != key:
                raise ValueError("the entry belongs to another key")
            result = Analysed(_article_from(entry["article"]), dict(entry["nouns"]), [Problem(**p) for p in entry["problems"]])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: Analysed) -> None:
        """Store an outcome; a cache that cannot be written only costs time, never the build."""
        entry = {"key": key, "article": asdict(result.article), "nouns": result.nouns, "problems": [asdict(p) for p in result.problems]}
        try:
            make_marked_folder(self.folder)
            atomic_write(self._path(key), json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass
