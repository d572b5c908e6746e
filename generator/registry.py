"""One registry of the people and organisations of the whole corpus.

Each article names its people under their fullest form with aliases
(`류 차관`).  Across articles the same person must become one entry:

- the same full name is the same person;
- a full-name alias of one article that is another article's name joins them;
- two names one syllable apart with the same surname and a shared role word
  (`류제명` / `류재명`, both `차관`) are read as one person misspelt — merged,
  and reported on the build report, never silently.

Surname-plus-title aliases (`김 장관`) are never used to join articles: the
same title names different people in different articles.  The current role is
the one the newest article gives; earlier roles stay in the history.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from generator.model import Article, Problem

_SAFE_SLUG = re.compile(r"[0-9A-Za-z가-힣]+(?:[ ._·-][0-9A-Za-z가-힣]+)*")
_TITLE_WORD = re.compile(r"[가-힣A-Za-z]+")
_HANGUL_NAME = re.compile(r"[가-힣]{3}")


def slug(name: str, prefix: str) -> str:
    """A file name for a page: the name itself when it is plain letters, else a stable hash."""
    if _SAFE_SLUG.fullmatch(name) and len(name) <= 40:
        return re.sub(r"[ ._·]+", "-", name)
    return prefix + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


@dataclass
class ArticleRef:
    """Where a claim comes from, as the pages show it."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None


def article_ref(article: Article) -> ArticleRef:
    return ArticleRef(article.id, article.title, article.outlet, article.published)


@dataclass
class QuoteRecord:
    text: str
    paragraph: int
    source: ArticleRef


@dataclass
class PersonEntry:
    name: str
    slug: str
    role: str | None = None
    roles: list[tuple[str, ArticleRef]] = field(default_factory=list)  # (role, where), oldest first
    aliases: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)  # other spellings merged into this entry
    articles: list[ArticleRef] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    mentions: int = 0


@dataclass
class OrgEntry:
    name: str
    slug: str
    aliases: list[str] = field(default_factory=list)
    articles: list[ArticleRef] = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # names of registry people whose role names the organisation
    mentions: int = 0


def _chronological(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published or "", a.id))


def _is_full_name_alias(alias: str) -> bool:
    """`류제명` yes; `류 차관`, `배 장관` (surname and title) no."""
    return " " not in alias.strip() and len(alias.strip()) >= 2


def _role_words(role: str | None) -> set[str]:
    return {w for w in _TITLE_WORD.findall(role or "") if len(w) >= 2}


def _same_role(a: str, b: str) -> bool:
    """`과기정통부 제2차관` and `과학기술정보통신부 제 2차관` are one role: same title word at the end."""
    title_a, title_b = _TITLE_WORD.findall(a), _TITLE_WORD.findall(b)
    return "".join(a.split()) == "".join(b.split()) or bool(title_a and title_b and title_a[-1] == title_b[-1])


def _one_syllable_apart(a: str, b: str) -> bool:
    if not (_HANGUL_NAME.fullmatch(a) and _HANGUL_NAME.fullmatch(b)) or a[0] != b[0]:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _add_ref(refs: list[ArticleRef], ref: ArticleRef) -> None:
    if all(r.id != ref.id for r in refs):
        refs.append(ref)


def build_people(articles: list[Article]) -> tuple[list[PersonEntry], list[Problem]]:
    """Every person of the corpus once, with their quotes in date order; merges of near-identical names reported."""
    entries: dict[str, PersonEntry] = {}  # by canonical name
    canonical: dict[str, str] = {}  # any full-name form -> canonical name
    problems: list[Problem] = []
    taken: set[str] = set()

    def new_entry(name: str) -> PersonEntry:
        page = slug(name, "p-")
        while page in taken:  # two names that make the same file name
            page += "-2"
        taken.add(page)
        entries[name] = PersonEntry(name, page)
        canonical[name] = name
        return entries[name]

    for article in _chronological(articles):
        ref = article_ref(article)
        for person in article.people:
            name = (person.get("name") or "").strip()
            if not name:
                continue
            forms = [name, *(a for a in person.get("aliases") or [] if _is_full_name_alias(a))]
            known = next((canonical[f] for f in forms if f in canonical), None)
            if known is None:
                known = _near_identical(name, person.get("role"), entries)
                if known is not None:
                    entry = entries[known]
                    entry.variants.append(name)
                    problems.append(Problem(
                        article.source, f"'{name}' and '{known}' are read as one person (names one syllable apart, shared role "
                        f"'{' '.join(sorted(_role_words(person.get('role')) & _role_words(entry.role)))}'); merged as '{known}'",
                        article=article.id, field="people"))
            entry = entries[known] if known is not None else new_entry(name)
            for form in forms:
                canonical.setdefault(form, entry.name)
            for alias in person.get("aliases") or []:
                if alias != entry.name and alias not in entry.aliases:
                    entry.aliases.append(alias)
            role = (person.get("role") or "").strip()
            if role:
                entry.role = role  # articles are visited oldest first: the last role seen is the current one
                if not entry.roles or not _same_role(entry.roles[-1][0], role):
                    entry.roles.append((role, ref))
            entry.mentions += int(person.get("mentions") or 0)
            _add_ref(entry.articles, ref)
        for quote in article.quotes:
            speaker = quote.get("speaker")
            if not speaker:
                continue
            entry = entries.get(canonical.get(speaker, "")) or new_entry(speaker)
            entry.quotes.append(QuoteRecord(quote.get("text") or "", int(quote.get("paragraph") or 0), ref))
            _add_ref(entry.articles, ref)
    people = sorted(entries.values(), key=lambda e: (-len(e.quotes), -len(e.articles), e.name))
    return people, problems


def _near_identical(name: str, role: str | None, entries: dict[str, PersonEntry]) -> str | None:
    """An existing person whose name is one syllable off and who shares a role word: the same person misspelt."""
    words = _role_words(role)
    if not words:
        return None
    for other in sorted(entries):
        if _one_syllable_apart(name, other) and words & _role_words(entries[other].role):
            return other
    return None


def build_orgs(articles: list[Article], people: list[PersonEntry]) -> list[OrgEntry]:
    """Every organisation once: names and aliases that overlap are one entry (`과기정통부` / `과학기술정보통신부`)."""
    entries: list[OrgEntry] = []
    by_form: dict[str, OrgEntry] = {}
    taken: set[str] = set()
    for article in _chronological(articles):
        ref = article_ref(article)
        for org in article.orgs:
            name = (org.get("name") or "").strip()
            if not name:
                continue
            forms = [name, *(a.strip() for a in org.get("aliases") or [] if a.strip())]
            entry = next((by_form[f.lower()] for f in forms if f.lower() in by_form), None)
            if entry is None:
                page = slug(name, "o-")
                while page in taken:
                    page += "-2"
                taken.add(page)
                entry = OrgEntry(name, page)
                entries.append(entry)
            for form in forms:
                by_form.setdefault(form.lower(), entry)
                if form != entry.name and form not in entry.aliases:
                    entry.aliases.append(form)
            entry.mentions += int(org.get("mentions") or 0)
            _add_ref(entry.articles, ref)
    for entry in entries:
        forms = [entry.name, *entry.aliases]
        entry.people = [p.name for p in people if p.role and any(form in p.role for form in forms)]
    return sorted(entries, key=lambda e: (-len(e.articles), -e.mentions, e.name))
