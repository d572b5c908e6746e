"""The only code that touches docs/: atomic writes that never overwrite a hand-written page.

A manifest (`docs/.briefing-manifest.json`, ignored by MkDocs as a dot file)
records the hash of every file the generator wrote.  A file is ours to
replace or delete only while it is listed there with the hash we wrote; a
file that is not listed, or that someone edited since, is left alone and
reported.  Unchanged pages are not rewritten, so `mkdocs serve` reloads
only what changed.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.render import Page

MANIFEST = ".briefing-manifest.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_by_hand: list[str] = field(default_factory=list)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_manifest(docs: Path) -> dict[str, str]:
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _ours(path: Path, manifest: dict[str, str], rel: str) -> bool:
    """True when the file on disk is exactly what the generator last wrote there."""
    return rel in manifest and path.is_file() and digest(path.read_bytes()) == manifest[rel]


def write_pages(docs: Path, pages: list[Page]) -> WriteReport:
    """Bring docs/ in line with `pages`, leaving hand-written and hand-edited files untouched."""
    docs.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(docs)
    report = WriteReport()
    new_manifest: dict[str, str] = {}
    wanted = {page.path for page in pages}
    for page in pages:
        target = docs / page.path
        data = page.content.encode("utf-8")
        if target.exists() and not _ours(target, manifest, page.path):
            report.kept_by_hand.append(page.path)
            continue
        new_manifest[page.path] = digest(data)
        if target.is_file() and target.read_bytes() == data:
            report.unchanged.append(page.path)
            continue
        atomic_write(target, data)
        report.written.append(page.path)
    for rel in sorted(set(manifest) - wanted):
        target = docs / rel
        if _ours(target, manifest, rel):
            target.unlink()
            report.removed.append(rel)
            _remove_empty_parents(target.parent, docs)
        elif target.exists():
            report.kept_by_hand.append(rel)
    atomic_write(docs / MANIFEST, (json.dumps(new_manifest, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return report


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
