"""The parts of Korean words that the search index needs and lunr cannot find by itself.

Material's search matches a query only against the start of a word
(`컴퓨팅센터` never finds `국가AI컴퓨팅센터를`), and splits words only at its
separator.  Kiwi knows where the morphemes of a word are, so each word's noun
phrase can be indexed from every morpheme on (`ai컴퓨팅센터`, `컴퓨팅센터`,
`센터`); two nouns written apart can be indexed joined (`피지컬 AI` →
`피지컬ai`), and an alias found in the text brings its other forms along.
Particles and endings are never indexed on their own: the word as written
already starts with its noun, which lunr's prefix match finds.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.korean.kiwi import shared_kiwi
from generator.search.vocabulary import SearchVocabulary, load_vocabulary, squeeze

# Material's default separator (whitespace and hyphens); the plugin passes the site's own.
DEFAULT_SEPARATOR = r"[\s\-]+"


@dataclass(frozen=True)
class NounRun:
    """A noun phrase written as (part of) one word: where its morphemes start, and where it ends."""

    starts: tuple[int, ...]
    end: int


@dataclass(frozen=True)
class Word:
    """One word as the search tokenizer cuts it (a span of the text), with its noun phrases."""

    start: int
    end: int
    runs: tuple[NounRun, ...]

    @property
    def is_noun_phrase(self) -> bool:
        """True when the whole word is one noun phrase (no particle or ending after it)."""
        return len(self.runs) == 1 and self.runs[0].starts[0] == self.start and self.runs[0].end == self.end


@dataclass(frozen=True)
class Segmented:
    """A text cut into words, with the offsets where Kiwi saw a morpheme start or end."""

    text: str
    words: tuple[Word, ...]
    boundaries: frozenset[int]


def segment(text: str, separator: str = DEFAULT_SEPARATOR, vocabulary: SearchVocabulary | None = None) -> Segmented:
    """Cut `text` into the search tokenizer's words and find the noun phrases inside each with Kiwi."""
    vocabulary = vocabulary or load_vocabulary()
    spans = _word_spans(text, separator)
    tokens = [(t.start, t.start + t.len, t.tag) for t in shared_kiwi().tokenize(text)] if spans else []
    boundaries = {s for s, _ in spans} | {e for _, e in spans}
    boundaries.update(s for s, _, _ in tokens)
    boundaries.update(e for _, e, _ in tokens)
    words: list[Word] = []
    i = 0
    for start, end in spans:
        while i < len(tokens) and tokens[i][0] < start:
            i += 1
        inside: list[tuple[int, int, str]] = []
        j = i
        while j < len(tokens) and tokens[j][1] <= end:
            inside.append(tokens[j])
            j += 1
        words.append(Word(start, end, tuple(_noun_runs(inside, vocabulary.noun_tags))))
    return Segmented(text, tuple(words), frozenset(boundaries))


def split_compound(word: str) -> list[str]:
    """The morphemes of the noun phrase a word starts with: `국가AI컴퓨팅센터를` → 국가, AI, 컴퓨팅, 센터."""
    seg = segment(word)
    if not seg.words or not seg.words[0].runs:
        return []
    run = seg.words[0].runs[0]
    edges = [*run.starts, run.end]
    return [word[a:b] for a, b in zip(edges, edges[1:], strict=False)]


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def inner_parts(seg: Segmented, word: Word, min_chars: int) -> Iterator[str]:
    """Each noun phrase of the word from every morpheme on that is not the word's own start.

    Only words with Hangul in them: a word of Latin letters and digits (an
    acronym, a file name, a hash) is found from its start already, and its
    "morphemes" would only be noise.
    """
    if not _HANGUL.search(seg.text, word.start, word.end):
        return
    for run in word.runs:
        for start in run.starts:
            if start > word.start and run.end - start >= min_chars:
                yield seg.text[start:run.end].lower()


def joined_with_next(seg: Segmented, index: int, min_chars: int) -> str | None:
    """A noun written apart from the noun phrase after it, as one word: `피지컬 AI에서` → `피지컬ai`."""
    if index + 1 >= len(seg.words):
        return None
    word, after = seg.words[index], seg.words[index + 1]
    if not word.is_noun_phrase or not after.runs or after.runs[0].starts[0] != after.start:
        return None
    if seg.text[word.end:after.start].strip(" \t"):
        return None  # punctuation or a line break between them: two phrases, not one name spaced out
    if not _HANGUL.search(seg.text, word.start, after.end):
        return None
    joined = (seg.text[word.start:word.end] + seg.text[after.start:after.runs[0].end]).lower()
    return joined if len(joined) >= min_chars else None


def alias_forms(seg: Segmented, vocabulary: SearchVocabulary) -> Iterator[tuple[int, str]]:
    """(offset, form) for every other form of each alias the text names, at morpheme boundaries only."""
    pattern = vocabulary.alias_pattern
    if pattern is None:
        return
    for match in pattern.finditer(seg.text):
        if match.start() not in seg.boundaries or match.end() not in seg.boundaries:
            continue  # inside a longer word: "애플" in "애플리케이션"
        found = match.group(0)
        forms = [squeeze(found)] if re.search(r"\s", found) else []
        for form in vocabulary.other_forms(found):
            forms.append(squeeze(form))
            if re.search(r"\s", form):
                forms.append(form.lower())
        for form in dict.fromkeys(forms):
            yield match.start(), form


def index_parts(text: str, separator: str = DEFAULT_SEPARATOR, vocabulary: SearchVocabulary | None = None) -> list[str]:
    """What a section adds to the index beside its own words, in text order.

    The inner parts of its noun phrases, nouns written apart joined, and the
    other forms of the aliases it names; repeated as often as the text repeats
    them, so that lunr's term frequency still tells a passing mention from a
    subject.
    """
    vocabulary = vocabulary or load_vocabulary()
    seg = segment(text, separator, vocabulary)
    return _with_aliases(seg, vocabulary, lambda i, w: [*inner_parts(seg, w, vocabulary.min_part_chars),
                                                          *filter(None, [joined_with_next(seg, i, vocabulary.min_part_chars)])])


def noun_terms(text: str, separator: str = DEFAULT_SEPARATOR, vocabulary: SearchVocabulary | None = None) -> list[str]:
    """Every noun phrase of the text whole and from each morpheme on, with alias forms: what the text is about."""
    vocabulary = vocabulary or load_vocabulary()
    seg = segment(text, separator, vocabulary)

    def terms(_: int, word: Word) -> list[str]:
        out = [seg.text[r.starts[0]:r.end].lower() for r in word.runs if r.end - r.starts[0] >= vocabulary.min_part_chars]
        return out + [p for p in inner_parts(seg, word, vocabulary.min_part_chars) if p not in out]

    return _with_aliases(seg, vocabulary, terms)


def _with_aliases(seg: Segmented, vocabulary: SearchVocabulary, per_word) -> list[str]:
    aliases = sorted(alias_forms(seg, vocabulary), key=lambda a: a[0])
    out: list[str] = []
    k = 0
    for i, word in enumerate(seg.words):
        out.extend(per_word(i, word))
        while k < len(aliases) and aliases[k][0] < word.end:
            out.append(aliases[k][1])
            k += 1
    out.extend(form for _, form in aliases[k:])
    return out


def _word_spans(text: str, separator: str) -> list[tuple[int, int]]:
    """The spans the search tokenizer makes: the text between separator matches (as Material's `split`)."""
    spans: list[tuple[int, int]] = []
    index = 0
    for match in re.finditer(separator, text):
        if index < match.start():
            spans.append((index, match.start()))
        index = match.end()
    if index < len(text):
        spans.append((index, len(text)))
    return spans


def _noun_runs(tokens: list[tuple[int, int, str]], noun_tags: frozenset[str]) -> Iterator[NounRun]:
    """Maximal stretches of adjacent noun-like morphemes (no gap, no overlap between them)."""
    starts: list[int] = []
    end = -1
    for start, stop, tag in tokens:
        if tag in noun_tags and (not starts or start == end):
            starts.append(start)
            end = stop
            continue
        if starts:
            yield NounRun(tuple(starts), end)
        starts, end = ([start], stop) if tag in noun_tags else ([], -1)
    if starts:
        yield NounRun(tuple(starts), end)
