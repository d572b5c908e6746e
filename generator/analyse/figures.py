"""Quantities a briefing needs, normalised."""
from __future__ import annotations

from typing import Any


def find_figures(body: list[str], published: str | None) -> list[dict[str, Any]]:
    """Figures as {text, value, unit, what, when, paragraph}."""
    return []
