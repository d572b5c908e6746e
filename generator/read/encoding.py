"""Turn the bytes of an input file into text, whatever encoding the scraper saved.

Order matters: a byte-order mark is proof, strict UTF-8 is almost proof, and
only then is the statistical detector (charset-normalizer) asked.  Korean
legacy pages are CP949 (a superset of EUC-KR), so a detector answer that
decodes to no Hangul while CP949 decodes to Hangul is overruled.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from generator.read.limits import MB, load_rules

MAX_BYTES = load_rules().limits.max_file_bytes  # the default; a run may set another

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


class UnreadableInput(ValueError):
    """Raised with a reader-facing reason when a file is not text we can use."""


def hangul_share(text: str) -> float:
    """Share of Hangul syllables among the non-space characters."""
    letters = [ch for ch in text if not ch.isspace()]
    if not letters:
        return 0.0
    return len(_HANGUL.findall(text)) / len(letters)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM shows as NUL bytes on every other position."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    for share, codec in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if share > 0.2:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    # Korean UTF-16 text has few NULs (Hangul is U+AC00..), so try both and keep a clean one.
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if hangul_share(text) > 0.3 and "\n" in text:
            return codec
    return None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken bytes (a scraper cut a character in half): still UTF-8, not a legacy codec."""
    text = data.decode("utf-8", errors="replace")
    return text.count("\ufffd") <= max(3, len(text) // 200)


def detect_encoding(data: bytes) -> str:
    """Name the codec that decodes `data` to the text its author wrote."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if _mostly_utf8(data):
        return "utf-8"
    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    try:
        korean = data.decode("cp949")
    except UnicodeDecodeError:
        korean = None
    if korean is not None and hangul_share(korean) > 0.2:
        if guess is None or hangul_share(data.decode(guess, errors="replace")) < hangul_share(korean):
            return "cp949"
    if guess is None:
        raise UnreadableInput("the text encoding could not be detected")
    return guess


def binary_kind(data: bytes) -> str | None:
    """What a file is when its first bytes are a known non-text signature (data/limits.yml)."""
    for magic, name in load_rules().binary_signatures:
        if data.startswith(magic):
            return name
    return None


def decode(data: bytes, notes: list[str] | None = None, max_bytes: int | None = None) -> tuple[str, str]:
    """Return (text, codec name) or raise UnreadableInput with the reason.

    Damage that still leaves readable text (a few NUL bytes, a few bytes that
    are not valid in the codec) is repaired, and said so in `notes`.
    """
    notes = notes if notes is not None else []
    limit = MAX_BYTES if max_bytes is None else max_bytes
    if not data.strip():
        raise UnreadableInput("the file is empty")
    if len(data) > limit:
        raise UnreadableInput(f"the file is larger than the {_size(limit)} limit")
    kind = binary_kind(data)
    if kind:
        raise UnreadableInput(f"the file is binary ({kind}), not text")
    codec = detect_encoding(data)
    if b"\x00" in data and not codec.startswith(("utf-16", "utf-32")):
        nuls = data.count(0)
        if nuls > max(3, len(data) // 100):
            raise UnreadableInput("the file is binary, not text")
        data = data.replace(b"\x00", b"")
        notes.append(f"{nuls} NUL byte(s) removed")
        codec = detect_encoding(data)
    text = data.decode(codec, errors="replace")
    broken = text.count("\ufffd")
    if broken > max(3, len(text) // 100):
        raise UnreadableInput(f"the text does not decode cleanly as {codec}")
    if broken:
        notes.append(f"{broken} byte sequence(s) that are not valid {codec} replaced by \ufffd")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableInput("the file holds no text")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f\v")
    if control > max(3, len(text) // 200):
        raise UnreadableInput("the file is binary, not text")
    return text, codec


def _size(limit: int) -> str:
    return f"{limit / MB:g} MB" if limit >= MB // 10 else f"{limit:,} byte"
