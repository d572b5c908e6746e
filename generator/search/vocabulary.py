"""The search vocabulary: alias groups, noun tags, skipped sections, fields and limits.

Read from generator/data/search.yml (and the organisation aliases of
generator/data/entities.yml), so that an editor can teach the search a new
name without touching code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class SearchVocabulary:
    alias_groups: tuple[tuple[str, ...], ...]
    noun_tags: frozenset[str]
    min_part_chars: int
    skip_sections: frozenset[str]
    about_sections: frozenset[str]
    about_page_boost: float
    fields: dict[str, float]
    max_parts_per_entry: int
    max_about_terms: int

    @property
    def alias_pattern(self) -> re.Pattern[str] | None:
        """One pattern for every alias form, longest first; a space in a form matches any spacing."""
        return _alias_pattern(self.alias_groups)

    def other_forms(self, form: str) -> list[str]:
        """The forms that name the same thing as `form` (matched without case or spaces), in file order."""
        return list(_other_forms_table(self.alias_groups).get(squeeze(form), ()))


def squeeze(text: str) -> str:
    """The form used to compare names: lower case, no whitespace."""
    return re.sub(r"\s+", "", text).lower()


@lru_cache(maxsize=4)
def _other_forms_table(groups: tuple[tuple[str, ...], ...]) -> dict[str, tuple[str, ...]]:
    """Each squeezed form -> the other forms of its groups, built once: the index asks for every alias it meets."""
    table: dict[str, list[str]] = {}
    for group in groups:
        keys = [squeeze(f) for f in group]
        for key in dict.fromkeys(keys):
            out = table.setdefault(key, [])
            out.extend(f for f, k in zip(group, keys, strict=True) if k != key and f not in out)
    return {key: tuple(forms) for key, forms in table.items()}


@lru_cache(maxsize=4)
def _alias_pattern(groups: tuple[tuple[str, ...], ...]) -> re.Pattern[str] | None:
    forms = sorted({f for g in groups for f in g}, key=lambda f: (-len(squeeze(f)), f))
    if not forms:
        return None
    alternatives = [r"\s*".join(re.escape(ch) for ch in squeeze(f)) for f in forms]
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _merge_groups(groups: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    """Join groups that share a form, so that every form finds every other."""
    merged: list[list[str]] = []
    for group in groups:
        forms = [str(f) for f in group if str(f).strip()]
        keys = {squeeze(f) for f in forms}
        overlapping = [m for m in merged if keys & {squeeze(f) for f in m}]
        target = forms
        for m in overlapping:
            merged.remove(m)
            target = m + [f for f in target if squeeze(f) not in {squeeze(x) for x in m}]
        merged.append(target)
    return tuple(tuple(g) for g in merged if len(g) > 1)


@lru_cache(maxsize=1)
def load_vocabulary() -> SearchVocabulary:
    """The vocabulary of generator/data/search.yml, read once per process."""
    data = yaml.safe_load((DATA / "search.yml").read_text(encoding="utf-8")) or {}
    groups = [list(g) for g in data.get("aliases") or []]
    if data.get("use_entity_aliases"):
        entities = yaml.safe_load((DATA / "entities.yml").read_text(encoding="utf-8")) or {}
        for canonical, others in (entities.get("org_aliases") or {}).items():
            groups.append([canonical, *(others or [])])
    return SearchVocabulary(
        alias_groups=_merge_groups(groups),
        noun_tags=frozenset(data.get("noun_tags") or []),
        min_part_chars=int(data.get("min_part_chars", 2)),
        skip_sections=frozenset(data.get("skip_sections") or []),
        about_sections=frozenset(data.get("about_sections") or []),
        about_page_boost=float(data.get("about_page_boost", 1.0)),
        fields={str(k): float(v) for k, v in (data.get("fields") or {}).items()},
        max_parts_per_entry=int(data.get("max_parts_per_entry", 1500)),
        max_about_terms=int(data.get("max_about_terms", 300)),
    )
