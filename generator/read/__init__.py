"""Reading: input files become cleaned Articles with metadata and provenance.

`read_corpus` never lets one bad file cost the others: whatever cannot be
read becomes a Problem naming the file and the reason, and whatever is left
out says `skipped:` (see model.Problem.skipped).  Hidden files (a name or a
folder starting with a dot) are editors' back-ups and tools' data: they are
skipped with a note, never read.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.model import SKIPPED, Article, Problem, RawDocument
from generator.read.clean import clean
from generator.read.encoding import UnreadableInput, decode, hangul_share
from generator.read.formats import READERS
from generator.read.limits import Limits, active_limits, load_rules
from generator.read.metadata import extract, infer_published

SIDECAR_SUFFIXES = (".yml", ".yaml")
EDITABLE_FIELDS = ("title", "subtitles", "outlet", "reporters", "published", "language")
_PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?$")


@dataclass(frozen=True)
class Input:
    """An input file and the name it is shown under (`seeds/a.txt`), whatever folder it was read from."""

    path: Path
    name: str


def _shown(path: Path) -> str:
    return path.as_posix() if not path.is_absolute() else path.name


def discover(paths: list[Path], limits: Limits | None = None) -> tuple[list[Input], list[Problem]]:
    """Input files under the given files and folders, in a stable order, at most `max_articles` of them.

    Files in a folder are named relative to the folder's parent (`seeds/a.txt`),
    so the same corpus gives the same names, and the same output, wherever it lives.
    """
    limits = limits or active_limits()
    found: dict[Path, Input] = {}
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            base = path.resolve()
            for candidate in sorted(base.rglob("*")):
                relative = candidate.relative_to(base)
                if not candidate.is_file() or candidate.suffix.lower() not in READERS:
                    continue
                shown = (Path(base.name) / relative).as_posix()
                if any(part.startswith(".") for part in relative.parts):
                    problems.append(Problem(shown, f"{SKIPPED} a hidden file (its name or folder starts with a dot); rename it to read it"))
                    continue
                found.setdefault(candidate, Input(candidate, shown))
        elif path.is_file():
            if path.suffix.lower() in READERS:
                found.setdefault(path.resolve(), Input(path, _shown(path)))
            else:
                problems.append(Problem(_shown(path), f"not a supported input format ({', '.join(sorted(READERS))})"))
        else:
            problems.append(Problem(_shown(path), "no such file or folder"))
    files = sorted(found.values(), key=lambda i: (i.path.stem, i.name))
    for extra in files[limits.max_articles:]:
        problems.append(Problem(extra.name, f"{SKIPPED} more than {limits.max_articles} input files (the --max-articles limit)"))
    return files[: limits.max_articles], problems


_SAFE_ID = re.compile(r"[\w.-]+")


def safe_article_id(name: str) -> str:
    """An article id that is safe as a page name and a web address, and never one of the site's own pages.

    A name that is already safe is kept as it is; any other gets the unsafe
    characters replaced and a short hash of the original name, so two names
    that differ only in unsafe characters still get two ids.
    """
    if _SAFE_ID.fullmatch(name) and not name.startswith((".", "-")) and not load_rules().reserved_ids.fullmatch(name):
        return name
    slug = re.sub(r"[^\w-]+", "-", name).strip("-.") or "article"
    return f"{slug}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes; a file over the size limit is refused before it is read."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise UnreadableInput(f"the file is {size:,} bytes, larger than the {limit:,}-byte limit (--max-file-mb)")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a file that grew since stat() is still cut at the limit
    except OSError as exc:
        raise UnreadableInput(f"the file cannot be opened: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise UnreadableInput(f"the file is larger than the {limit:,}-byte limit (--max-file-mb)")
    return data


def input_bytes(item: Input, limits: Limits | None = None) -> bytes:
    """The input's bytes, within the size limit; raises UnreadableInput with the reason otherwise."""
    return _read_bytes(item.path, (limits or active_limits()).max_file_bytes)


def read_document(item: Input, article_id: str, limits: Limits | None = None, data: bytes | None = None) -> RawDocument:
    """Decode one file (or its `data`, already read) and hand it to the reader for its format, within the run's limits."""
    limits = limits or active_limits()
    path = item.path
    data = data if data is not None else _read_bytes(path, limits.max_file_bytes)
    notes: list[str] = []
    text, codec = decode(data, notes, max_bytes=limits.max_file_bytes)
    fmt, reader = READERS[path.suffix.lower()]
    blocks: list[str] = []
    # A line far longer than any paragraph is a scraper's dump (minified script, base64), and would stall the analysis.
    long_lines = [n for n, line in enumerate(text.split("\n"), 1) if len(line) > limits.max_line_chars]
    if long_lines and fmt == "text":
        kept = [line if len(line) <= limits.max_line_chars else "" for line in text.split("\n")]
        notes += [f"{SKIPPED} line {n} is longer than the {limits.max_line_chars:,}-character limit (--max-line-chars)" for n in long_lines]
        text_for_reader = "\n".join(kept)
    else:
        text_for_reader = text
    read_blocks, stated = reader(text_for_reader)
    for number, block in enumerate(read_blocks, 1):
        if len(block) > limits.max_line_chars:
            notes.append(f"{SKIPPED} paragraph {number} is longer than the {limits.max_line_chars:,}-character limit (--max-line-chars)")
        else:
            blocks.append(block)
    if not any(block.strip() for block in blocks):
        raise UnreadableInput("the file holds no article text")
    if not any(ch.isalpha() for block in blocks for ch in block):
        raise UnreadableInput("the file holds no words, only numbers or symbols")
    safe_id = safe_article_id(article_id)
    if safe_id != article_id:
        notes.append(f"the article id is {safe_id!r}: the file name holds characters a web address cannot, or a name the site's own pages use")
    return RawDocument(safe_id, item.name, fmt, codec, blocks, text, stated, notes)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain_text(value: Any) -> str:
    """A stated value as text; YAML escapes can make lone surrogates (`"\\uD800"`), which no UTF-8 file can hold."""
    return _SURROGATE.sub("\ufffd", str(value)).strip()


def _normalise_value(name: str, value: Any) -> Any:
    """Check one editor-supplied field; raise ValueError with the reason when it is unusable."""
    if name == "published":
        if isinstance(value, dt.datetime):
            return value.isoformat(timespec="seconds") if value.second else value.isoformat(timespec="minutes")
        if isinstance(value, dt.date):
            return value.isoformat()
        text = _plain_text(value)
        if not _PUBLISHED.match(text):
            raise ValueError(f"published must look like 2025-09-18 (got {text!r})")
        return text.replace(" ", "T")
    if name in ("subtitles", "reporters"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            raise ValueError(f"{name} must be a list of text")
        return [_plain_text(v) for v in value if _plain_text(v)]
    if value is None:
        return None
    if not isinstance(value, (str, int, float)):
        raise ValueError(f"{name} must be text")
    return _plain_text(value) or None


def read_sidecar(item: Input) -> tuple[dict[str, Any], list[Problem]]:
    """Editor corrections from `<stem>.yml` beside the article, if there is one."""
    path = item.path
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        shown = Path(item.name).with_suffix(suffix).as_posix()
        if not sidecar.is_file():
            continue
        try:
            data = yaml.safe_load(sidecar.read_text(encoding="utf-8-sig")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            return {}, [Problem(shown, f"sidecar ignored: not valid YAML ({exc})", path.stem)]
        except OSError as exc:
            return {}, [Problem(shown, f"sidecar ignored: it cannot be read ({exc.strerror or exc})", path.stem)]
        if not isinstance(data, dict):
            return {}, [Problem(shown, "sidecar ignored: it is not a mapping of field names to values", path.stem)]
        return data, []
    return {}, []


def _apply_stated(article: Article, stated: dict[str, Any], origin: str, source: str) -> list[Problem]:
    """Overwrite fields with values an editor or the format stated; those are `stated`."""
    problems: list[Problem] = []
    for name, value in stated.items():
        if name not in EDITABLE_FIELDS:
            if origin == "sidecar":
                problems.append(Problem(source, f"sidecar field {name!r} is not editable ({', '.join(EDITABLE_FIELDS)})", article.id, name))
            continue
        try:
            clean_value = _normalise_value(name, value)
        except ValueError as exc:
            problems.append(Problem(source, f"{origin} value ignored: {exc}", article.id, name))
            continue
        if name == "title" and clean_value and article.title and clean_value != article.title \
                and article.provenance.get("title") == "headline line" and article.title not in article.subtitles:
            article.subtitles.insert(0, article.title)
        setattr(article, name, clean_value)
        article.provenance[name] = origin
        if name == "published":
            article.published_confidence = "stated" if clean_value else "unknown"
    return problems


def detect_language(text: str) -> str:
    """`ko` for Korean text, `en` for mostly Latin letters, `und` otherwise."""
    if hangul_share(text) >= 0.2:
        return "ko"
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ch.isascii() for ch in letters) / len(letters) >= 0.8:
        return "en"
    return "und"


def build_article(doc: RawDocument, sidecar: dict[str, Any], sidecar_source: str) -> tuple[Article, list[Problem]]:
    """Clean a decoded document and settle its metadata (sidecar > format > text)."""
    cleaned = clean(doc.blocks)
    meta = extract(doc.blocks)
    problems = [Problem(doc.source, note, doc.id) for note in doc.notes]
    article = Article(
        id=doc.id,
        source=doc.source,
        language=detect_language(" ".join(cleaned.body) or " ".join(doc.blocks)),
        title=cleaned.title,
        subtitles=cleaned.subtitles,
        outlet=meta.outlet,
        reporters=meta.reporters,
        published=meta.published,
        published_confidence="stated" if meta.published else "unknown",
        body=cleaned.body,
        subheads=cleaned.subheads,
        encoding=doc.encoding,
        format=doc.format,
        removed=[text for text, _ in cleaned.removed],
        provenance=dict(meta.provenance),
        raw_text=doc.text,
    )
    if cleaned.title:
        article.provenance["title"] = cleaned.title_source
    problems += _apply_stated(article, doc.stated, doc.format + " metadata", doc.source)
    problems += _apply_stated(article, sidecar, "sidecar", sidecar_source)
    if not article.body:
        problems.append(Problem(doc.source, "no article paragraphs were found after removing site chrome", doc.id, "body"))
    if article.published is None:
        value, evidence = infer_published(article.title, article.body)
        if value:
            article.published, article.published_confidence = value, "inferred"
            article.provenance["published"] = "inferred"
            problems.append(Problem(doc.source, f"no publication date in the text; inferred {value} from {evidence}", doc.id, "published"))
        else:
            problems.append(Problem(doc.source, "no publication date in the text and no evidence to infer one; left unknown", doc.id, "published"))
    if article.title is None:
        problems.append(Problem(doc.source, "no headline-like line found", doc.id, "title"))
    elif article.provenance.get("title") == "lead paragraph":
        problems.append(Problem(doc.source, "no headline in the text; the lead paragraph names the article", doc.id, "title"))
    return article, problems


def plan_ids(files: list[Input]) -> tuple[list[tuple[Input, str]], list[Problem]]:
    """Each input with its article id: the file stem, numbered when two inputs share one.

    A number never gives an id another input already has (`a-2` when a file is named `a-2.txt`).
    """
    planned: list[tuple[Input, str]] = []
    problems: list[Problem] = []
    taken = {item.path.stem for item in files}
    given: set[str] = set()
    for item in files:
        article_id = item.path.stem
        if article_id in given:
            number = 2
            while f"{article_id}-{number}" in taken or f"{article_id}-{number}" in given:
                number += 1
            new_id = f"{article_id}-{number}"
            problems.append(Problem(item.name, f"another input is also named {article_id!r}; this one is {new_id!r}", new_id, "id"))
            article_id = new_id
        given.add(article_id)
        planned.append((item, article_id))
    return planned, problems


def _sameness(article: Article) -> tuple[str, ...]:
    """What makes two inputs the same article: the same headline and paragraphs, whatever the chrome around them."""
    return (re.sub(r"\s+", " ", article.title or ""), *(re.sub(r"\s+", " ", p) for p in article.body))


def drop_duplicates(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """Keep one of each article saved twice under two names: the first in input order, so the choice is stable."""
    first: dict[tuple[str, ...], Article] = {}
    kept: list[Article] = []
    problems: list[Problem] = []
    for article in articles:
        key = _sameness(article)
        if article.body and key in first:
            original = first[key]
            problems.append(Problem(article.source, f"{SKIPPED} the same article as {original.source}; {original.source} is kept", article.id))
            continue
        first.setdefault(key, article)
        kept.append(article)
    return kept, problems


def read_input(item: Input, article_id: str, limits: Limits | None = None, data: bytes | None = None) -> tuple[Article | None, list[Problem]]:
    """One input (or its `data`, already read) as a cleaned Article with the problems met; None, with the reason, when it cannot be read."""
    limits = limits or active_limits()
    try:
        doc = read_document(item, article_id, limits, data)
    except UnreadableInput as exc:
        return None, [Problem(item.name, f"{SKIPPED} {exc}", article_id)]
    except Exception as exc:  # a reader library failing on hostile input must not stop the corpus
        return None, [Problem(item.name, f"{SKIPPED} the {item.path.suffix} reader failed ({type(exc).__name__}: {exc})", article_id)]
    sidecar, problems = read_sidecar(item)
    article, article_problems = build_article(doc, sidecar, Path(item.name).with_suffix(".yml").as_posix())
    return article, problems + article_problems


def sidecar_bytes(item: Input) -> bytes | None:
    """The sidecar `read_sidecar` would read, as its suffix and raw bytes, or None when there is none (for cache keys).

    Raises OSError when the sidecar is there but cannot be read.
    """
    for suffix in SIDECAR_SUFFIXES:
        sidecar = item.path.with_suffix(suffix)
        if sidecar.is_file():
            return suffix.encode() + b"\0" + sidecar.read_bytes()
    return None


def read_corpus(paths: list[Path], limits: Limits | None = None, merge_duplicates: bool = False) -> tuple[list[Article], list[Problem]]:
    """Read every input under `paths`; unreadable files become problems, not failures.

    With `merge_duplicates`, an article saved twice under two names is kept once (`drop_duplicates`).
    """
    limits = limits or active_limits()
    files, problems = discover(paths, limits)
    planned, id_problems = plan_ids(files)
    problems += id_problems
    articles: list[Article] = []
    for item, article_id in planned:
        article, article_problems = read_input(item, article_id, limits)
        problems += article_problems
        if article is not None:
            articles.append(article)
    if merge_duplicates:
        articles, duplicate_problems = drop_duplicates(articles)
        problems += duplicate_problems
    return articles, problems
