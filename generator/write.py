"""The only code that touches docs/: atomic writes that never overwrite a hand-written page.

A manifest (`docs/.briefing-manifest.json`, ignored by MkDocs as a dot file)
records the hash of every file the generator wrote.  A file is ours to
replace or delete only while it is listed there with the hash we wrote; a
file that is not listed, or that someone edited since, is left alone and
reported.  Unchanged pages are not rewritten, so `mkdocs serve` reloads
only what changed.

A run that is killed half-way must not make the generator disown its own
files, so before the first page is written the manifest already lists the
new hash beside the old one for every page about to change.

The built site is replaced whole: MkDocs builds into a staging folder beside
site/ and `replace_folder` swaps it in at the end, so an interrupted build
leaves the previous site as it was.
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.render import Page

MANIFEST = ".briefing-manifest.json"
TEMPORARY_PREFIX = ".briefing-tmp-"  # atomic_write's temporary files; only this module makes them


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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY_PREFIX, suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_manifest(docs: Path) -> dict[str, str | list[str]]:
    """Each generated file and its hash; a list of hashes while a run that was writing it had not finished."""
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(h) for h in v] if isinstance(v, list) else str(v) for k, v in data.items()}


def _hashes(entry: str | list[str] | None) -> list[str]:
    return [] if entry is None else [entry] if isinstance(entry, str) else entry


def _ours(path: Path, manifest: dict[str, str | list[str]], rel: str) -> bool:
    """True when the file on disk is exactly what the generator wrote there (last run, or an interrupted one)."""
    return rel in manifest and path.is_file() and digest(path.read_bytes()) in _hashes(manifest[rel])


def _read_if_there(path: Path) -> tuple[bool, bytes | None]:
    """(whether something is at `path`, its bytes when it is a regular readable file): one read serves both checks of a page.

    Only a regular file is read: a folder, a named pipe or a device in the way is something, never ours.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return True, None
        return True, path.read_bytes()
    except FileNotFoundError:
        return False, None
    except OSError:
        return path.exists(), None


def _write_manifest(docs: Path, manifest: dict[str, str | list[str]]) -> None:
    atomic_write(docs / MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def write_pages(docs: Path, pages: list[Page]) -> WriteReport:
    """Bring docs/ in line with `pages`, leaving hand-written and hand-edited files untouched."""
    docs.mkdir(parents=True, exist_ok=True)
    for stray in sorted(docs.rglob(TEMPORARY_PREFIX + "*")):
        stray.unlink(missing_ok=True)  # left by a run killed between creating and renaming a temporary file
    manifest = load_manifest(docs)
    report = WriteReport()
    new_manifest: dict[str, str | list[str]] = {}
    wanted = {page.path for page in pages}
    pending = dict(manifest)
    encoded = [(page.path, page.content.encode("utf-8")) for page in pages]
    hashes = [digest(data) for _, data in encoded]
    for (rel, _), new_hash in zip(encoded, hashes, strict=True):
        target = docs / rel
        if new_hash not in _hashes(manifest.get(rel)) and (not target.exists() or _ours(target, manifest, rel)):
            pending[rel] = sorted({*_hashes(manifest.get(rel)), new_hash})
    if pending != manifest:
        _write_manifest(docs, pending)
    for (rel, data), new_hash in zip(encoded, hashes, strict=True):
        target = docs / rel
        present, on_disk = _read_if_there(target)
        if present:
            if on_disk is None:
                ours = False  # a folder or an unreadable file in the way
            else:
                ours = new_hash in _hashes(manifest.get(rel)) if on_disk == data else _ours(target, manifest, rel)
            if not ours:
                report.kept_by_hand.append(rel)
                continue
            if on_disk == data:
                new_manifest[rel] = new_hash
                report.unchanged.append(rel)
                continue
        new_manifest[rel] = new_hash
        atomic_write(target, data)
        report.written.append(rel)
    for rel in sorted(set(manifest) - wanted):
        target = docs / rel
        if _ours(target, manifest, rel):
            target.unlink()
            report.removed.append(rel)
            _remove_empty_parents(target.parent, docs)
        elif target.exists():
            report.kept_by_hand.append(rel)
    _write_manifest(docs, new_manifest)
    return report


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


STAGING = ".{name}.building-{pid}"
PREVIOUS = ".{name}.previous"


def staging_folder(target: Path) -> Path:
    """A fresh empty folder beside `target` to build into; staging folders of builds that died are removed first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    previous = target.with_name(PREVIOUS.format(name=target.name))
    if previous.is_dir() and not target.exists():
        os.replace(previous, target)  # a swap was cut between its two renames: the old site goes back
    for stale in target.parent.glob(STAGING.format(name=target.name, pid="*")):
        pid = stale.name.rsplit("-", 1)[-1]
        if stale.is_dir() and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)
    staging = target.with_name(STAGING.format(name=target.name, pid=os.getpid()))
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    return staging


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a folder under our own id is a leftover of an earlier call in this process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def replace_folder(staging: Path, target: Path) -> None:
    """Put the finished `staging` folder in the place of `target`, so readers see the old folder or the new, never half.

    Where the system cannot swap two folders in one step, the old folder is
    moved aside first; `staging_folder` puts it back if the process dies in between.
    """
    if not target.exists():
        os.replace(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)  # it now holds the previous site
        return
    previous = target.with_name(PREVIOUS.format(name=target.name))
    shutil.rmtree(previous, ignore_errors=True)
    os.replace(target, previous)
    os.replace(staging, target)
    shutil.rmtree(previous)
