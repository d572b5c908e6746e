"""How much the reader accepts: file size, line length, article count (data/limits.yml).

Scraped input is untrusted, so every limit exists to keep one hostile or
broken file from stalling or swamping a build.  The defaults live in YAML;
the command line overrides them for one run through `use_limits`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LIMITS_FILE = Path(__file__).resolve().parent.parent / "data" / "limits.yml"
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits in force for one run."""

    max_file_bytes: int
    max_line_chars: int
    max_articles: int

    def with_options(self, max_file_mb: float | None = None, max_line_chars: int | None = None,
                     max_articles: int | None = None) -> Limits:
        """These limits with the values given on the command line (None keeps the default)."""
        changed: dict[str, Any] = {}
        if max_file_mb is not None:
            changed["max_file_bytes"] = int(max_file_mb * MB)
        if max_line_chars is not None:
            changed["max_line_chars"] = max_line_chars
        if max_articles is not None:
            changed["max_articles"] = max_articles
        return replace(self, **changed)


@dataclass(frozen=True)
class InputRules:
    """The defaults of data/limits.yml plus what marks a file as binary and which ids are taken."""

    limits: Limits
    binary_signatures: tuple[tuple[bytes, str], ...]
    reserved_ids: re.Pattern[str]


@lru_cache(maxsize=2)
def load_rules(path: Path = LIMITS_FILE) -> InputRules:
    """Read data/limits.yml once; a missing or wrong value names the file and the key."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        limits = Limits(int(float(data["max_file_mb"]) * MB), int(data["max_line_chars"]), int(data["max_articles"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: max_file_mb, max_line_chars and max_articles must be numbers ({exc})") from exc
    # YAML escapes such as "\x89" give one character per byte; latin-1 turns them back into those bytes.
    signatures = tuple((str(magic).encode("latin-1"), str(name)) for magic, name in (data.get("binary_signatures") or {}).items())
    reserved = re.compile("|".join(f"(?:{p})" for p in data.get("reserved_ids") or []) or r"(?!)", re.IGNORECASE)
    return InputRules(limits, signatures, reserved)


_active: Limits | None = None


def active_limits() -> Limits:
    """The limits of this run: those set by `use_limits`, else the defaults of data/limits.yml."""
    return _active if _active is not None else load_rules().limits


def use_limits(limits: Limits | None) -> None:
    """Set the limits for the rest of this process (the command line does, once); None restores the defaults.

    A process-wide setting rather than an argument threaded through every
    stage, because `serve` re-reads the corpus from a watcher thread.
    """
    global _active
    _active = limits
