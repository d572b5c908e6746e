"""One registry of the people and organisations of the whole corpus.

Each article names its people under their fullest form with aliases
(`류 차관`).  Across articles the same person must become one entry:

- the same full name is the same person;
- a full-name alias of one article that is another article's name joins them;
- two names one syllable apart with the same surname and the same role
  (`류제명` / `류재명`, both `과기정통부 2차관`) are read as one person
  misspelt — merged, and reported on the build report, never silently.

Surname-plus-title aliases (`김 장관`) are never used to join articles: the
same title names different people in different articles.  The current role is
the one the newest article gives; earlier roles stay in the history.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from generator.analyse.entities import known_org
from generator.model import Article, Problem
from generator.read import load_rules

_SAFE_SLUG = re.compile(r"[0-9A-Za-z가-힣]+(?:[ ._·-][0-9A-Za-z가-힣]+)*")
_HANGUL_NAME = re.compile(r"[가-힣]{3}")


def slug(name: str, prefix: str) -> str:
    """A file name for a page: the name itself when it is plain letters, else a stable hash.

    Names the site uses for its own pages (`index`, `page-2`) are never a slug as they are.
    """
    if _SAFE_SLUG.fullmatch(name) and len(name) <= 40:
        readable = re.sub(r"[ ._·]+", "-", name)
        if not load_rules().reserved_ids.fullmatch(readable):
            return readable
    return prefix + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def unique_slug(name: str, prefix: str, taken: set[str]) -> str:
    """`slug`, made unique among the pages of one folder (`taken` is updated)."""
    page = slug(name, prefix)
    while page in taken:  # two names that make the same file name
        page += "-2"
    taken.add(page)
    return page


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


def _role_key(role: str | None) -> str:
    """A role as compared: organisation aliases replaced by their canonical name, spaces and `제` before a number dropped."""
    words = [known_org(word) or word for word in (role or "").split()]
    return re.sub(r"제(?=\d)", "", "".join(words))


def _same_role(a: str | None, b: str | None) -> bool:
    """`과기정통부 제2차관` and `과학기술정보통신부 제 2차관` are one role; `서울대 교수` and `고려대 교수` are two."""
    return bool(a and b) and _role_key(a) == _role_key(b)


def _one_syllable_apart(a: str, b: str) -> bool:
    if not (_HANGUL_NAME.fullmatch(a) and _HANGUL_NAME.fullmatch(b)) or a[0] != b[0]:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _add_ref(refs: list[ArticleRef], ref: ArticleRef) -> None:
    """List an article once.  Articles are visited one at a time, so one already listed is the last one."""
    if not refs or refs[-1].id != ref.id:
        refs.append(ref)


def _one_syllable_masks(name: str) -> list[str]:
    """`류제명` -> `?제명`, `류?명`, `류제?`: names one syllable apart share one of these."""
    return [name[:i] + "?" + name[i + 1:] for i in range(len(name))]


def build_people(articles: list[Article]) -> tuple[list[PersonEntry], list[Problem]]:
    """Every person of the corpus once, with their quotes in date order; merges of near-identical names reported."""
    entries: dict[str, PersonEntry] = {}  # by canonical name
    canonical: dict[str, str] = {}  # any full-name form -> canonical name
    by_mask: dict[str, list[str]] = {}  # one-syllable masks of three-syllable names -> the names
    problems: list[Problem] = []
    taken: set[str] = set()

    def new_entry(name: str) -> PersonEntry:
        entries[name] = PersonEntry(name, unique_slug(name, "p-", taken))
        canonical[name] = name
        if _HANGUL_NAME.fullmatch(name):
            for mask in _one_syllable_masks(name)[1:]:  # the surname (first syllable) must be the same
                by_mask.setdefault(mask, []).append(name)
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
                known = _near_identical(name, person.get("role"), entries, by_mask)
                if known is not None:
                    entry = entries[known]
                    entry.variants.append(name)
                    problems.append(Problem(
                        article.source, f"'{name}' and '{known}' are read as one person (names one syllable apart, same role "
                        f"'{entry.role}'); merged as '{known}'", article=article.id, field="people"))
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


def _near_identical(name: str, role: str | None, entries: dict[str, PersonEntry], by_mask: dict[str, list[str]]) -> str | None:
    """An existing person whose name is one syllable off and whose role is the same: the same person misspelt."""
    if not role or not _HANGUL_NAME.fullmatch(name):
        return None
    candidates = sorted({other for mask in _one_syllable_masks(name)[1:] for other in by_mask.get(mask, ())})
    return next((other for other in candidates if _one_syllable_apart(name, other) and _same_role(role, entries[other].role)), None)


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
                entry = OrgEntry(name, unique_slug(name, "o-", taken))
                entries.append(entry)
            for form in forms:
                by_form.setdefault(form.lower(), entry)
                if form != entry.name and form not in entry.aliases:
                    entry.aliases.append(form)
            entry.mentions += int(org.get("mentions") or 0)
            _add_ref(entry.articles, ref)
    _link_people(entries, people)
    return sorted(entries, key=lambda e: (-len(e.articles), -e.mentions, e.name))


def _link_people(orgs: list[OrgEntry], people: list[PersonEntry]) -> None:
    """Each organisation's people: those whose role names it.  One pattern of every form, run once per role."""
    by_form = {form: org for org in orgs for form in [org.name, *org.aliases] if form}
    if not by_form:
        return
    pattern = re.compile("|".join(re.escape(form) for form in sorted(by_form, key=lambda f: (-len(f), f))))
    for person in people:
        named = {id(by_form[m.group(0)]): by_form[m.group(0)] for m in pattern.finditer(person.role or "")}
        for org in named.values():
            org.people.append(person.name)
