"""Direct quotations and who said them."""
from __future__ import annotations

from typing import Any


def find_quotes(body: list[str], people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes as {speaker, text, paragraph}."""
    return []
