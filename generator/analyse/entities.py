"""People and organisations named in an article.

Korean news introduces a person once with name, affiliation and title, in one of a few
word orders ("배경훈 과학기술정보통신부 장관은", "KAIST 황성주 교수와", "오픈 AI 샘올트먼 CEO와",
"더불어민주당 정동영, 국민의 힘 최형두 의원"), then shortens to surname + title ("배 장관").
Kiwi's tags for rare names are unreliable (the same name comes out NNP in one sentence and
split into pieces in the next), so a person is found from the title pattern: a title word, and
a name-shaped word a few words before it.  Kiwi decides what is NOT a name: a word it knows
as a common noun ("정부", "부처", "신임") is never a person.

All vocabularies (titles, surnames, places, org suffixes and aliases) live in
generator/data/entities.yml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.korean.kiwi import split_sentences
from generator.korean.kiwi import tokens as kiwi_tokens

DATA = Path(__file__).resolve().parent.parent / "data" / "entities.yml"
HANGUL = re.compile(r"^[가-힣]+$")
# Tags that end the noun part of a word: particles, endings, copula, verb/adjective suffixes, punctuation.
OPENERS = "\"'“”‘’([<《「『〈"
STEM_END = ("J", "E", "VCP", "VCN", "XSV", "XSA", "VV", "VA", "VX", "SF", "SS", "SE", "SO", "SW")


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    """The vocabulary file, read once per process."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8")) or {}
    data["titles"] = sorted(set(data.get("titles") or []), key=len, reverse=True)
    data["surname_set"] = set(data.get("surnames") or "")
    data["not_people"] = set(data.get("not_people") or [])
    data["places"] = set(data.get("places") or [])
    data["not_orgs"] = set(data.get("not_orgs") or [])
    data["role_modifiers"] = set(data.get("role_modifiers") or [])
    data["reporter_titles"] = set(data.get("reporter_titles") or [])
    return data


@dataclass
class Word:
    """One space-separated word of a sentence with the noun part (stem) split from its particle."""
    text: str
    stem: str
    rest: str          # what follows the stem: particle, punctuation, "(…"
    tags: list[tuple[str, str, bool]]  # (form, tag, oov) of the stem's morphemes

    @property
    def plain(self) -> bool:
        """No particle or punctuation after the noun: the word can sit inside a name phrase."""
        return self.rest == ""

    @property
    def comma(self) -> bool:
        return self.rest.startswith(",")


def words_of(sentence: str) -> list[Word]:
    """The sentence's words, each cut into stem and rest with Kiwi's morphemes."""
    tokens = kiwi_tokens(sentence)
    out = []
    for m in re.finditer(r"\S+", sentence):
        start, end = m.span()
        lead = len(m.group()) - len(m.group().lstrip(OPENERS))
        if lead == len(m.group()):
            continue
        start += lead
        cut = end
        morphs = []
        for t in tokens:
            if t.start < start or t.start >= end:
                continue
            if t.form == "·":
                continue
            if (t.tag.startswith(STEM_END) or t.tag == "SP") and (morphs or not t.tag.startswith("J")):
                # a "particle" at the very start of a word is Kiwi misreading a name ("과실연" -> 과/JC 실 연)
                cut = min(cut, t.start)
                break
            morphs.append((t.form, t.tag, bool(t.oov)))
        text = m.group()[lead:]
        stem = text[:cut - start]
        # a word that opens a parenthesis keeps only what is before it
        if "(" in stem:
            stem = stem[:stem.index("(")]
        out.append(Word(text, stem, text[len(stem):], morphs))
    return out


def title_of(stem: str) -> str | None:
    """The title a word ends with ("과학기술정책실장" -> "실장"), or None."""
    titles = _titles()
    if not stem.endswith(titles):  # one C-level test first: most words end in no title
        return None
    return next(title for title in titles if stem.endswith(title))


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    """The titles in file order (the first that fits wins), as a tuple `str.endswith` takes."""
    return tuple(vocab()["titles"])


@lru_cache(maxsize=4096)
def kiwi_common_word(stem: str) -> bool:
    """True when Kiwi knows `stem` as one ordinary (not proper) word: then it is no one's name."""
    tokens = kiwi_tokens(stem)
    return len(tokens) == 1 and not tokens[0].oov and tokens[0].tag != "NNP" and tokens[0].form == stem


def korean_name(stem: str) -> bool:
    """A 2-3 syllable word starting with a surname (3-4 with a two-syllable surname) that is not a known word or place."""
    v = vocab()
    if not HANGUL.match(stem) or stem in v["not_people"] or stem in v["places"]:
        return False
    if stem[:2] in v.get("compound_surnames", []) and 3 <= len(stem) <= 4:
        pass
    elif not (stem[0] in v["surname_set"] and 2 <= len(stem) <= 3):
        return False
    if kiwi_common_word(stem) or title_of(stem) or is_org_word(stem, loose=False):
        return False
    return True


def foreign_name_part(word: Word) -> bool:
    """A Hangul proper noun (or unknown word) that could be part of a transliterated name."""
    v = vocab()
    if not word.plain or not HANGUL.match(word.stem) or word.stem in v["places"] or word.stem in v["not_people"]:
        return False
    if is_org_word(word.stem) or title_of(word.stem) or known_org(word.stem):
        return False
    return bool(word.tags) and all(tag == "NNP" or oov for _, tag, oov in word.tags)


@lru_cache(maxsize=4)
def _word_endings(key: str) -> tuple[str, ...]:
    """A list of word endings from the vocabulary as a tuple, so one `str.endswith` call tests them all."""
    return tuple(vocab().get(key) or ())


def known_org(text: str) -> str | None:
    """Canonical name of an organisation the alias list knows by `text`."""
    return _org_lookup().get(text)


@lru_cache(maxsize=1)
def _org_lookup() -> dict[str, str]:
    """Every name and alias of the alias list -> its canonical name (the first group that names it wins, as in the file)."""
    lookup: dict[str, str] = {}
    for canon, aliases in (vocab().get("org_aliases") or {}).items():
        for form in [canon, *(aliases or [])]:
            lookup.setdefault(form, canon)
    return lookup


def is_org_word(stem: str, loose: bool = True) -> bool:
    """An organisation-looking word: known, or a proper-noun stem with an org suffix.

    With `loose` False the one-syllable suffixes are not used: "노경원" may be a person, "중기청" an agency,
    and only the title after it tells which.
    """
    v = vocab()
    if not stem or stem in v["not_orgs"]:
        return False
    if known_org(stem):
        return True
    if stem.endswith(_word_endings("generic_endings")):
        return False
    if not stem.endswith(_word_endings("org_suffixes")):
        return False
    for suffix in v.get("org_suffixes") or []:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            if len(suffix) >= 2:
                # "정책포럼", "해당포럼", "AI대학원": a common word plus the suffix names no one organisation
                head = stem[:-len(suffix)]
                return not kiwi_common_word(head) and head.upper() not in {"AI", "IT", "ICT"}
            if not loose:
                return False
            # one-syllable suffixes (부, 처, 청, 원, 당) are common in ordinary words: need a proper noun inside
            tokens = kiwi_tokens(stem)
            return len(stem) >= 3 and any(t.tag in ("NNP", "SL") or t.oov for t in tokens)
    return False


def affiliation_word(word: Word) -> bool:
    """A word that may form part of an affiliation before a name: proper noun, Latin, or organisation."""
    if not word.plain or not word.stem:
        return False
    if word.stem in vocab()["places"] or is_org_word(word.stem) or known_org(word.stem):
        return True
    return any(tag in ("NNP", "SL", "SH") for _, tag, _ in word.tags) and not korean_name(word.stem)


def find_people_in(sentence: str, reporters: set[str]) -> list[dict[str, Any]]:
    """People introduced with a title in one sentence, as {name, role, title, affiliation}."""
    v = vocab()
    words = words_of(sentence)
    found: list[dict[str, Any]] = []
    for i, w in enumerate(words[:-1]):
        # "데이터진흥과 과장": a department ending in 과 before a title is not the particle 과
        if w.rest == "과" and title_of(words[i + 1].stem):
            w.stem, w.rest = w.text, ""
    for i, w in enumerate(words):
        title = title_of(w.stem)
        paren = re.match(r"\(([^()]+)\)", w.rest)
        if not title and paren and title_of(paren.group(1)) == paren.group(1):
            # "노경원 교육과학기술부 전략기술개발관(국장)도": the rank in parentheses is the title
            title = paren.group(1)
            w = Word(w.text, w.stem + paren.group(0), w.rest[len(paren.group(0)):], w.tags)
        if not title:
            continue
        if w.stem in v["reporter_titles"] or any(w.stem.endswith(r) for r in v["reporter_titles"]):
            continue
        hit = name_before(words, i)
        if not hit:
            continue
        start, end = hit  # words[start:end] is the name
        name = " ".join(x.stem for x in words[start:end])
        between = [x.stem for x in words[end:i]]
        before = prefix_affiliation(words, start) if not between or all(b in v["role_modifiers"] for b in between) else []
        role_words = before + between + [w.stem]
        role = " ".join(role_words)
        if w.rest.startswith("(") and title_of(w.stem):  # "포럼회장(전 과기정통부 실장)": the aside belongs to the role
            aside = paren_text(words, i)
            if aside:
                role += aside
        if not before and not between and found and start > 0 and title_of(words[start - 1].stem) and words[start - 1].rest in ("와", "과", ","):
            # "KAIST 황성주 교수와 신진우 교수": the second shares the first one's affiliation
            prev = found[-1]
            if prev["title"] == title and prev["affiliation"]:
                before = prev["affiliation"].split()
                role = " ".join(before + [w.stem])
        person = {"name": name, "role": role, "title": title, "affiliation": " ".join(before + between)}
        found.append(person)
        found.extend(comma_list(words, start - len(before), title, w.stem, person))
        # "TITLE NAME" inside a parenthesis after an organisation: "포럼(회장 석호익)"
    found.extend(paren_people(words))
    return [p for p in found if p["name"] not in reporters and p["name"].replace(" ", "") not in reporters]


def name_before(words: list[Word], i: int) -> tuple[int, int] | None:
    """Span of the name that the title at words[i] belongs to, looking back over at most four affiliation words."""
    v = vocab()
    for j in range(i - 1, max(-1, i - 6), -1):
        w = words[j]
        if not w.plain and not (j == i - 1 and w.text.endswith(")")):
            # a particle or comma between name and title breaks the link, except on the name itself
            return None
        if korean_name(w.stem):
            return j, j + 1
        if foreign_name_part(w):
            # a transliterated name is two words ("마이클 크라치우스") or one Kiwi knows as a full name ("샘올트먼")
            start = j
            while start > 0 and foreign_name_part(words[start - 1]):
                start -= 1
            if start < j or any(" " in form for form, _, _ in w.tags):
                return start, j + 1
            continue
        plain_noun = w.tags and not any(t[1].startswith(("V", "E", "XSV", "XSA", "MAG")) for t in w.tags)
        if w.stem in v["role_modifiers"] or affiliation_word(w) or plain_noun:
            continue
        return None
    return None


def prefix_affiliation(words: list[Word], start: int) -> list[str]:
    """Organisation words right before a name ("KAIST 황성주", "오픈 AI 샘올트먼"), at most three."""
    out: list[str] = []
    j = start - 1
    while j >= 0 and len(out) < 3:
        w = words[j]
        if not w.plain:
            break
        if affiliation_word(w):
            out.insert(0, w.stem)
        elif out or (j > 0 and words[j - 1].plain and affiliation_word(words[j - 1])):
            # a common noun inside a multi-word name ("오픈 AI") only next to a proper one
            if w.tags and all(t[1] in ("NNG", "NNP", "SL") for t in w.tags) and not kiwi_stopword(w.stem):
                out.insert(0, w.stem)
            else:
                break
        else:
            break
        j -= 1
    return out


def kiwi_stopword(stem: str) -> bool:
    """Time and discourse words that never belong to an organisation's name."""
    return stem in {"이날", "당시", "현재", "최근", "올해", "지난해", "작년", "오늘", "이번", "또", "한편", "특히", "이어", "앞서"}


def comma_list(words: list[Word], start: int, title: str, title_word: str, later: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Earlier names sharing the title: "더불어민주당 정동영, 국민의 힘 최형두 의원"."""
    out = []
    j = start - 1
    while j >= 0:
        # step back over up to two affiliation words of the later name
        k = j
        while k >= 0 and k > j - 3 and not words[k].comma:
            if not words[k].tags or not all(t[1].startswith("N") or t[1] in ("SL", "JKG") for t in words[k].tags):
                return out
            k -= 1
        if k < 0 or not words[k].comma or not korean_name(words[k].stem):
            return out
        if out == [] and later is not None and not later["affiliation"]:
            # the words between this name's comma and the later name are the later name's affiliation ("국민의 힘")
            between = [w.text for w in words[k + 1:j + 1]]
            later["affiliation"] = " ".join(between)
            later["role"] = " ".join(between + [later["role"]])
        before = prefix_affiliation(words, k)
        out.append({"name": words[k].stem, "role": " ".join(before + [title_word]), "title": title, "affiliation": " ".join(before)})
        j = k - len(before) - 1
    return out


def paren_text(words: list[Word], i: int) -> str:
    """The "(…)" that starts inside words[i], through the word that closes it."""
    text = words[i].text[len(words[i].stem):]
    j = i
    while ")" not in text and j + 1 < len(words) and j < i + 6:
        j += 1
        text += " " + words[j].text
    if ")" not in text:
        return ""
    return text[:text.index(")") + 1]


def paren_people(words: list[Word]) -> list[dict[str, Any]]:
    """"동북아공동체ICT포럼(회장 석호익)": a title and a name in parentheses after an organisation."""
    out = []
    for i, w in enumerate(words[:-1]):
        if not w.rest.startswith("(") or not w.stem:
            continue
        inner = w.text[len(w.stem) + 1:]
        title = title_of(inner)
        nxt = words[i + 1].text
        m = re.match(r"([가-힣]{2,4})\)", nxt)
        if title and inner == title and m and korean_name(m.group(1)):
            out.append({"name": m.group(1), "role": f"{w.stem} {title}", "title": title, "affiliation": w.stem})
    return out


def surname_of(name: str) -> str:
    return name[:2] if name[:2] in vocab().get("compound_surnames", []) else name[:1]


def merge_people(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per person: the fullest role wins; a one-syllable misprint of a name becomes an alias."""
    people: dict[str, dict[str, Any]] = {}
    for p in found:
        cur = people.get(p["name"])
        if cur is None:
            people[p["name"]] = {"name": p["name"], "role": p["role"], "title": p["title"], "affiliation": p["affiliation"], "aliases": []}
        elif len(p["role"]) > len(cur["role"]):
            cur.update(role=p["role"], title=p["title"], affiliation=p["affiliation"])
    # "최영두 의원" with no affiliation, one syllable off "국민의 힘 최형두 의원": the same person misprinted
    for name in list(people):
        p = people[name]
        if p["affiliation"] or " " in name:
            continue
        for other in people.values():
            if other is p or not other["affiliation"] or len(other["name"]) != len(name) or other["title"] != p["title"]:
                continue
            if surname_of(other["name"]) == surname_of(name) and sum(a != b for a, b in zip(name, other["name"], strict=False)) == 1:
                other["aliases"].append(name)
                del people[name]
                break
    return list(people.values())


def count(text: str, form: str, longer: list[str] | tuple[str, ...] = ()) -> int:
    """Occurrences of `form` not glued to a longer Hangul word before it, nor inside one of the `longer` names."""
    for other in sorted(longer, key=len, reverse=True):
        if form in other and form != other:
            text = text.replace(other, "\0")
    return len(re.findall(r"(?<![가-힣A-Za-z])" + re.escape(form), text))


@lru_cache(maxsize=1)
def _surname_title() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in vocab()["titles"])
    return re.compile(r"(?<![가-힣])([가-힣]{1,2}) ?(" + titles + r")(?=님|[은는이가도과와의을를에,.]|\s|$)")


def add_aliases(people: list[dict[str, Any]], sentences: list[str]) -> None:
    """Surname + title forms ("류 차관", "배 장관") for the person with that surname and title."""
    v = vocab()
    pattern = _surname_title()
    for s in sentences:
        for m in pattern.finditer(s):
            sur, title = m.group(1), m.group(2)
            if sur not in v["surname_set"] and sur not in v.get("compound_surnames", []):
                continue
            same = [p for p in people if surname_of(p["name"]) == sur]
            best = [p for p in same if p["role"].endswith(title) or p["title"] == title] or (same if len(same) == 1 else [])
            if len(best) == 1:
                alias = f"{sur} {title}" if " " in m.group(0) else f"{sur}{title}"
                if alias not in best[0]["aliases"]:
                    best[0]["aliases"].append(alias)


def org_candidates(sentence: str) -> list[tuple[str, list[str]]]:
    """Organisations in one sentence: known names, suffixed proper nouns, and "이름(ABBR)" definitions."""
    out: list[tuple[str, list[str]]] = []
    words = words_of(sentence)
    for i, w in enumerate(words):
        stem = w.stem
        if not stem:
            continue
        # "LG AI연구원", "오픈 AI": try two-word names from the alias list first
        if i + 1 < len(words) and w.plain:
            pair = f"{stem} {words[i + 1].stem}"
            canon = known_org(pair)
            if canon:
                out.append((canon, [pair]))
                continue
        canon = known_org(stem)
        if canon:
            out.append((canon, [stem]))
        elif is_org_word(stem) and not title_of(stem) and not korean_name(stem):
            out.append((stem, [stem]))
        # defined abbreviation or second name in parentheses: "경제협력개발기구(OECD)", "삼성에스디에스(018260)(삼성SDS)"
        if w.rest.startswith("(") and (canon or is_org_word(stem)):
            for inner in re.findall(r"\(([^()]+)\)", w.text):
                inner = inner.strip()
                if re.fullmatch(r"[A-Za-z가-힣][A-Za-z0-9가-힣&+·\- ]{1,20}", inner) and not title_of(inner):
                    out.append((canon or stem, [stem, inner]))
    return out


def find_orgs(sentences: list[str], text: str, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Organisations with their printed forms; the fullest name is the entry's name."""
    v = vocab()
    groups: dict[str, set[str]] = {}
    for s in sentences:
        for canon, forms in org_candidates(s):
            groups.setdefault(canon, set()).update(forms)
    # affiliations of people are organisations too ("솔트룩스 대표", "서울대 전기정보공학부 교수")
    for p in people:
        aff = [a for a in p["affiliation"].split() if a not in v["role_modifiers"]]
        while len(aff) > 1 and aff[0] in v["places"]:
            aff.pop(0)
        while len(aff) > 1 and any(aff[-1].endswith(d) for d in v.get("department_endings") or []):
            aff.pop()
        if not aff:
            continue
        name = " ".join(aff)
        if known_org(name) or not any(known_org(a) for a in aff) and name not in v["places"] and name.replace(" ", "") in text.replace(" ", ""):
            groups.setdefault(known_org(name) or name, set()).add(name)
    # merge groups that share a form
    merged: list[set[str]] = []
    for canon, forms in groups.items():
        forms = set(forms) | {canon}
        for m in merged:
            if m & forms:
                m |= forms
                break
        else:
            merged.append(forms)
    every = [f for forms in merged for f in forms]
    orgs = []
    for forms in merged:
        printed = [f for f in forms if f in text]
        if not printed:
            continue
        canon = next((known_org(f) for f in forms if known_org(f)), None)
        name = canon if canon and canon in text else max(printed, key=lambda f: (len(f.replace(" ", "")), f))
        aliases = sorted({f for f in forms if f != name and (f in text or f == canon)})
        # a definition "이름(ABBR)" is one mention, not two
        plain = text
        for f in forms:
            plain = plain.replace(f"({f})", "")
        mentions = sum(count(plain, f, every) for f in {name, *aliases} if f in plain)
        if name.replace(" ", "") in {p["name"].replace(" ", "") for p in people}:
            continue
        orgs.append({"name": name, "aliases": aliases, "mentions": mentions})
    # a shorter org whose every mention is inside a longer one ("네이버" in "네이버클라우드") is not separate
    orgs = [o for o in orgs if o["mentions"] > 0]
    orgs.sort(key=lambda o: -o["mentions"])
    return orgs


def find_entities(body: list[str], reporters: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(people, orgs) as the contract shapes them; reporters are not people of the story."""
    reporter_set = {r.replace(" ", "") for r in reporters or []}
    sentences = [s for para in body for s in split_sentences(para)]
    found: list[dict[str, Any]] = []
    for s in sentences:
        found.extend(find_people_in(s, reporter_set))
    people = merge_people(found)
    add_aliases(people, sentences)
    text = "\n".join(body)
    out = []
    for p in people:
        forms = [p["name"], *p["aliases"]]
        mentions = sum(count(text, f) for f in forms)
        out.append({"name": p["name"], "role": p["role"], "aliases": p["aliases"], "mentions": max(mentions, 1),
                    "title": p["title"], "affiliation": p["affiliation"]})
    orgs = find_orgs(sentences, text, out)
    for p in out:
        del p["title"], p["affiliation"]
    out.sort(key=lambda p: -p["mentions"])
    return out, orgs
