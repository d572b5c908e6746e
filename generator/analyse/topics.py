"""Topic labels from the configured taxonomy."""
from __future__ import annotations


def find_topics(title: str | None, body: list[str]) -> list[str]:
    return []
