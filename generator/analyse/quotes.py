"""Direct quotations and who said them.

Korean press quotes speech in double marks, straight or curly, often mismatched (“…" ) and
sometimes with a closing mark missing; single marks (‘…’) hold titles and names, not speech.
A straight mark's direction is read from its surroundings: after a space it opens, glued
to the text before it closes.  An opening mark met while a quote is open closes the open one
(the missing-mark case), so one broken mark costs one boundary, not the rest of the paragraph.

The speaker is the subject of the quote's sentence ("X는 …"라며", "류 차관은 …"고 말했다"),
else the last named subject before it (Korean drops a repeated subject: "또 …"고 역설했다"),
else, for a lead quote standing alone, the subject of the paragraph that refers back to it
("X는 … 이같이 말했다").  A generic subject ("업계 관계자는") gives speaker null, never a guess.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from generator.analyse.entities import surname_of, title_of, vocab
from generator.korean.kiwi import ends_with_final_ending

OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "“", "”", '"'
MIN_CHARS = 15
PLACEHOLDER = "\u241f"  # stands for a quote while the text around it is read


def quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each double-quoted span's inner text, marks excluded."""
    spans = []
    open_at = None
    for i, ch in enumerate(paragraph):
        if ch not in (OPEN_CURLY, CLOSE_CURLY, STRAIGHT):
            continue
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        if ch == OPEN_CURLY:
            opening = True
        elif ch == CLOSE_CURLY:
            opening = False
        else:
            opening = before.isspace() or before in "([<,·…" or (i == 0) or (open_at is None and not after.isspace() and before in "“‘")
        if opening:
            if open_at is not None:  # a missing closing mark: the open quote ends here
                spans.append((open_at, i))
            open_at = i + 1
        elif open_at is not None:
            spans.append((open_at, i))
            open_at = None
    if open_at is not None and len(paragraph) - open_at >= MIN_CHARS:
        spans.append((open_at, len(paragraph)))
    return spans


def names_a_term(paragraph: str, end: int) -> bool:
    """"…"라는 표현을 사용했다": the quote marks hold a phrase being named, not someone's words."""
    nouns = "|".join(map(re.escape, vocab().get("term_nouns") or []))
    return bool(nouns) and re.match(r"[”\"]\s?(이?라는|이?란)\s?(" + nouns + ")", paragraph[end:end + 12]) is not None


def is_speech(text: str) -> bool:
    """Long enough to be speech, or a short clause that ends like a sentence; short names and terms are not quotes."""
    squashed = re.sub(r"\s+", "", text)
    if len(squashed) >= MIN_CHARS:
        return True
    return len(squashed) >= 4 and ends_with_final_ending(text)




@lru_cache(maxsize=1)
def _title_in_brackets() -> re.Pattern[str]:
    """A word followed by a bracketed title (`개발관(국장)`); compiled once, it is tried on every word of every sentence."""
    return re.compile(r"^(\S+?)\((" + "|".join(map(re.escape, vocab()["titles"])) + r")\)")
class Resolver:
    """Maps the words of a sentence to people: full names, printed variants and aliases, surname + title."""

    def __init__(self, people: list[dict[str, Any]]) -> None:
        v = vocab()
        self.people = people
        self.forms: dict[str, str] = {}
        for p in people:
            self.forms[p["name"]] = p["name"]
            self.forms[p["name"].replace(" ", "")] = p["name"]
            for alias in p.get("aliases") or []:
                self.forms[alias] = p["name"]
                self.forms[alias.replace(" ", "")] = p["name"]
        self.generic = set(v.get("generic_speakers") or [])
        self.pronouns = set(v.get("pronouns") or [])
        particles = sorted(v.get("subject_particles") or [], key=len, reverse=True)
        self.subject = re.compile(r"^(?P<stem>.+?)(?P<p>" + "|".join(map(re.escape, particles)) + r")[,]?$")

    def person_in(self, words: list[str], end: int) -> str | None:
        """The person named by words[..end] (a full name, a printed alias, or a title looked back to a name or surname)."""
        last = words[end]
        if last in self.forms:
            return self.forms[last]
        if end >= 1 and f"{words[end - 1]} {last}" in self.forms:
            return self.forms[f"{words[end - 1]} {last}"]
        title = title_of(last.rstrip("님"))
        if not title:
            return None
        for j in range(end - 1, max(-1, end - 6), -1):
            w = words[j]
            if w in self.forms:
                return self.forms[w]
            if j >= 1 and f"{words[j - 1]} {w}" in self.forms:
                return self.forms[f"{words[j - 1]} {w}"]
            same = [p for p in self.people if surname_of(p["name"]) == w]
            if same:
                fit = [p for p in same if title in p.get("role", "")] or same
                return fit[0]["name"]
        return None

    def subjects(self, sentence: str) -> list[tuple[int, str | None, str]]:
        """(character offset, person or None, kind) for each subject in a sentence; kind is person, generic or pronoun."""
        out = []
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", sentence)]
        stems: list[str] = []
        for _pos, raw in words:
            raw = _title_in_brackets().sub(r"\2", raw)  # "개발관(국장)도" -> "국장도"
            stems.append(raw.strip("\"“”‘’'()[],."))
        for k, (pos, _raw) in enumerate(words):
            word = stems[k]
            m = self.subject.match(word)
            # a name right before the quote with no particle: "류 차관 “…"
            bare = k + 1 < len(words) and words[k + 1][1].lstrip("\"“").startswith(PLACEHOLDER)
            if not m and not bare:
                continue
            stem = m.group("stem") if m else word
            if stem in self.pronouns:
                out.append((pos, None, "pronoun"))
                continue
            if stem in self.generic or any(stem.endswith(g) for g in self.generic if len(g) > 1):
                out.append((pos, None, "generic"))
                continue
            who = self.person_in(stems[:k] + [stem], k)
            if who:
                out.append((pos, who, "person"))
        return out


def sentences_of(masked: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph whose quotes are masked, so a full stop inside a quote never splits."""
    spans, start = [], 0
    for m in re.finditer(r"[.?!](?=\s)", masked):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(masked):
        spans.append((start, len(masked)))
    return spans


def find_quotes(body: list[str], people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes as {speaker, text, paragraph}."""
    resolver = Resolver(people)
    lead_refs = vocab().get("lead_quote_refs") or []
    quotes: list[dict[str, Any]] = []
    last_subject: str | None = None   # the speaker a subject-less sentence continues
    pending: list[dict[str, Any]] = []  # lead quotes waiting for the paragraph that names their speaker
    for index, para in enumerate(body):
        spans = [(a, b) for a, b in quote_spans(para) if is_speech(para[a:b]) and not names_a_term(para, b)]
        masked = list(para)
        for a, b in spans:
            for i in range(a, b):
                masked[i] = PLACEHOLDER
        masked_text = "".join(masked)
        outside = re.sub(PLACEHOLDER + "+", "", masked_text)
        standalone = bool(spans) and len(re.sub(r"[\s\"“”'‘’.,]", "", outside)) == 0
        if standalone:
            # a paragraph that is only a quote: a lead quote at the top, or a crosshead mid-article
            at_top = all(is_standalone(body[k]) for k in range(index))
            refers = index + 1 < len(body) and any(r in body[index + 1] for r in lead_refs)
            if not (at_top or refers):
                continue
            for a, b in spans:
                q = {"speaker": None, "text": clean(para[a:b]), "paragraph": index, "_lead": True}
                quotes.append(q)
                pending.append(q)
            continue
        for s_start, s_end in sentences_of(masked_text):
            sentence = masked_text[s_start:s_end]
            subjects = resolver.subjects(sentence)
            inside = [(a, b) for a, b in spans if s_start <= a < s_end]
            for a, b in inside:
                rel = a - s_start
                before = [s for s in subjects if s[0] < rel]
                after = [s for s in subjects if s[0] >= rel]
                chosen = before[-1] if before else (after[0] if after else None)
                if chosen is None or chosen[2] == "pronoun":
                    speaker = last_subject
                else:
                    speaker = chosen[1]
                quotes.append({"speaker": speaker, "text": clean(para[a:b]), "paragraph": index})
            for _, who, kind in subjects:
                if kind != "pronoun":
                    last_subject = who
        if pending and not standalone:
            # the first paragraph after lead quotes names their speaker ("X는 … 이같이 말했다")
            first = resolver.subjects(masked_text)
            named = next((who for _, who, kind in first if kind == "person"), None)
            for q in pending:
                q["speaker"] = named
            pending = []
            if named and last_subject is None:
                last_subject = named
    for q in quotes:
        q.pop("_lead", None)
    return [q for q in quotes if q["text"]]


def is_standalone(paragraph: str) -> bool:
    """A paragraph that is nothing but a quotation."""
    spans = quote_spans(paragraph)
    if not spans:
        return False
    rest = paragraph
    for a, b in reversed(spans):
        rest = rest[:a] + rest[b:]
    return len(re.sub(r"[\s\"“”'‘’.,]", "", rest)) == 0


def clean(text: str) -> str:
    """Quoted words without marks or surrounding space."""
    return text.strip().strip("\"“”").strip()
