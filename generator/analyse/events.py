"""Dated events and targets, with relative dates resolved against the publication date."""
from __future__ import annotations

from typing import Any


def find_events(body: list[str], published: str | None) -> list[dict[str, Any]]:
    """Events as {date, precision, kind, what, evidence, paragraph}."""
    return []
