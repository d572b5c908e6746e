"""Separate an article's own text from the site around it.

Each block (a line of a text file, a paragraph of Markdown or HTML) gets one
label; the labels then fall into place by position:

    header (before the first sentence)   nav chrome, headline, deck lines
    body   (first to last sentence)      paragraphs, crossheads, captions, chrome
    tail   (after the sign-off)          chrome, unless a long paragraph of sentences

Patterns from data/boilerplate.yml name known chrome; the shape of a line
(does it end like a sentence, is it a menu, is it one of a run of short
items) and its position catch the chrome no pattern names.  A block is only
dropped for a reason that is recorded in `removed`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.korean.kiwi import ends_with_final_ending, split_sentences
from generator.model import Subhead
from generator.read.metadata import find_timestamps, parse_byline_line, split_byline_tag, split_date_prefix
from generator.read.patterns import Vocabulary, load_vocabulary

CLOSERS = "\"'”’」』)]>》〉"
QUOTES = "\"“”「」『』"
_SENTENCE_END = re.compile(rf"[.!?。…][{re.escape(CLOSERS)}\s]*$")
_LOST_PERIOD = re.compile(r"[다요죠까]$")
_LIST_ITEM = re.compile(r"^\s*(\d{1,2}[.)]|[-*•·]\s)")
MIN_TITLE = 6
LONG_PARAGRAPH = 100


@dataclass
class Block:
    index: int
    text: str
    kind: str = ""  # chrome, caption, sentence, fragment
    reason: str = ""


@dataclass
class Cleaned:
    """The article text once the site chrome is gone."""

    title: str | None
    subtitles: list[str]
    body: list[str]
    subheads: list[Subhead] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    title_source: str = "headline line"


_TRAILING_NOTES = re.compile(r"(\s*(\[\d+\]|\[\[[^\]]*\]\]|\([^()]{1,40}\)))+$")
_QUOTED_FINAL = re.compile(rf"^[{re.escape(QUOTES)}'‘].*[다요죠까][{re.escape(CLOSERS)}]+$")


def core(text: str) -> str:
    """The block without trailing footnote marks, wiki links or a short parenthetical note."""
    return _TRAILING_NOTES.sub("", text).rstrip()


def is_sentence(text: str, punctuated: bool = True) -> bool:
    """Does the block end like a sentence (and so belong to the article's prose)?

    In a text that keeps its full stops, a block without one must be long to
    count (headlines end in `…다` too); in a text that lost them, a final
    ending (`…밝혔다`) is enough.
    """
    body = core(text)
    if _SENTENCE_END.search(body) or _QUOTED_FINAL.search(body) or body.endswith((":", ",")):
        return True
    if not _LOST_PERIOD.search(body):
        return False
    return (not punctuated or len(body) >= 30) and ends_with_final_ending(body)


def is_punctuated(blocks: list[str]) -> bool:
    """Does this text end its sentences with full stops (most scrapes do; some lose them)?"""
    long_blocks = [core(b.strip()) for b in blocks if len(b.strip()) >= 20]
    if not long_blocks:
        return True
    return sum(bool(_SENTENCE_END.search(b)) for b in long_blocks) >= 0.3 * len(long_blocks)


def looks_like_menu(text: str, sections: frozenset[str]) -> bool:
    """A row of menu items: `홈 > IT > 모바일`, `정치 | 경제 | 사회`, or only section names."""
    if _SENTENCE_END.search(text):
        return False
    separated = [p.strip() for p in re.split(r"\s*[|>ㅣ›»]\s*", text) if p.strip()]
    if len(separated) >= 3 and max(len(p) for p in separated) <= 10:
        return True
    words = text.lower().split()
    return len(words) >= 3 and all(w in sections for w in words)


def _visible_length(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def _is_chrome(text: str, vocab: Vocabulary) -> str:
    """The reason a block is chrome, or '' when it is not."""
    if vocab.is_chrome(text):
        return "boilerplate pattern"
    if parse_byline_line(text):
        return "byline"
    if len(text) <= 80 and find_timestamps(text):
        return "timestamp"
    if looks_like_menu(text, vocab.sections):
        return "menu"
    return ""


def _is_caption(text: str, vocab: Vocabulary) -> bool:
    if re.search(r"[(\[]\s*(사진|사진제공|사진 제공|그래픽|자료사진)\s*[=:：]", text):
        return True
    if any(q in text for q in QUOTES) or len(text) > 150 or not vocab.looks_like_caption(text):
        return False
    return len(split_sentences(text)) == 1


def _classify(blocks: list[str], vocab: Vocabulary) -> tuple[list[Block], list[tuple[str, str]]]:
    """Label each block; strip lead prefixes (date, byline tag) first."""
    punctuated = is_punctuated(blocks)
    labelled: list[Block] = []
    removed: list[tuple[str, str]] = []
    for index, raw in enumerate(blocks):
        text = raw.strip()
        if index == 0:
            date, rest = split_date_prefix(text)
            if date:
                removed.append((text[: len(text) - len(rest)].strip(), "date prefix"))
                text = rest.strip()
        byline, rest = split_byline_tag(text)
        if byline is not None:
            removed.append((text[: len(text) - len(rest)].strip(), "byline tag"))
            text = rest.strip()
        if not text:
            continue
        block = Block(index, text)
        reason = _is_chrome(text, vocab)
        if reason:
            block.kind, block.reason = "chrome", reason
        elif _is_caption(text, vocab):
            block.kind, block.reason = "caption", "photo caption"
        elif is_sentence(text, punctuated) or _is_prose_fragment(text):
            block.kind = "sentence"
        else:
            block.kind = "fragment"
        labelled.append(block)
    _mark_caption_neighbours(labelled, vocab)
    return labelled, removed


def _is_prose_fragment(text: str) -> bool:
    """A block too long for a headline, or with a sentence ending inside it, is prose."""
    return len(text) > 160 or bool(re.search(r"[다요]\.\s+\S", text))


def _mark_caption_neighbours(blocks: list[Block], vocab: Vocabulary) -> None:
    """A short scene-describing sentence beside a caption is a caption of the same photo set."""
    for i, block in enumerate(blocks):
        if block.kind != "sentence" or len(block.text) > 90 or any(q in block.text for q in QUOTES):
            continue
        neighbours = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        if any(n.kind == "caption" for n in neighbours) and vocab.describes_scene(block.text):
            if len(split_sentences(block.text)) == 1:
                block.kind, block.reason = "caption", "photo caption (beside another caption)"


def _mark_lists(blocks: list[Block]) -> None:
    """Three or more short non-sentences in a row are a widget list, not crossheads.

    A list that the paragraph before introduces (`…다음과 같다:`) is the
    article's own and becomes body items instead.
    """
    run: list[Block] = []
    previous: Block | None = None
    for block in [*blocks, Block(-1, "", "end")]:
        short = block.kind in ("fragment", "chrome") and len(block.text) < 60
        if short:
            run.append(block)
            continue
        fragments = [b for b in run if b.kind == "fragment"]
        introduced = previous is not None and re.search(r"(:|다음과 같다\.?)$", previous.text)
        if fragments and introduced:
            for b in fragments:
                b.kind = "item"
        elif len(run) >= 3 and fragments and (len(fragments) >= 3 or any(_LIST_ITEM.match(b.text) for b in fragments)):
            for b in fragments:
                b.kind, b.reason = "chrome", "list of short items"
        run = []
        previous = block


def _title_from_lead(paragraph: str) -> str:
    """When no headline survives, name the article by its lead (whole if short)."""
    if len(paragraph) <= 120:
        return paragraph
    sentences = split_sentences(paragraph)
    return sentences[0] if sentences else paragraph


def clean(blocks: list[str], vocab: Vocabulary | None = None) -> Cleaned:
    """Split raw blocks into headline, deck, body paragraphs, crossheads and removed chrome."""
    vocab = vocab or load_vocabulary()
    labelled, removed = _classify(blocks, vocab)
    prose = [i for i, b in enumerate(labelled) if b.kind == "sentence"]
    start = prose[0] if prose else len(labelled)
    _mark_lists(labelled[start:])
    # The article ends at its first sign-off or copyright line after the body begins.
    cut = next((i for i in range(start, len(labelled)) if vocab.is_end_marker(labelled[i].text)
                or (labelled[i].reason == "byline" and "@" in labelled[i].text)), len(labelled))
    tail_prose = [i for i in prose if i < cut]
    end = tail_prose[-1] if tail_prose else start - 1
    late = [i for i in prose if i > cut and labelled[i].kind == "sentence"
            and len(labelled[i].text) >= LONG_PARAGRAPH and not labelled[i].reason]

    title: str | None = None
    subtitles: list[str] = []
    for block in labelled[:start]:
        # A logo or menu item is one word; a headline or deck line has several.
        if block.kind == "fragment" and _visible_length(block.text) >= MIN_TITLE and len(block.text.split()) >= 2:
            if title is None:
                title = block.text
            else:
                subtitles.append(block.text)
        else:
            removed.append((block.text, block.reason or ("before the headline" if title is None else "header item")))

    body: list[str] = []
    subheads: list[Subhead] = []
    pending: list[str] = []
    for i in range(start, len(labelled)):
        block = labelled[i]
        in_body = i <= end or i in late
        if not in_body:
            removed.append((block.text, block.reason or "after the article"))
        elif block.kind in ("sentence", "item") or (block.kind == "fragment" and len(block.text) >= LONG_PARAGRAPH):
            subheads.extend(Subhead(len(body), text) for text in pending)
            pending = []
            body.append(block.text)
        elif block.kind == "fragment" and _visible_length(block.text) >= MIN_TITLE and not block.text.endswith((":", ",")):
            pending.append(block.text)
        else:
            removed.append((block.text, block.reason or "short line"))

    title_source = "headline line"
    if title is None and body:
        title, title_source = _title_from_lead(body[0]), "lead paragraph"
    return Cleaned(title, subtitles, body, subheads, removed, title_source)
