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

MAX_BYTES = 5 * 1024 * 1024

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


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, codec name) or raise UnreadableInput with the reason."""
    if not data.strip():
        raise UnreadableInput("the file is empty")
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"the file is larger than the {MAX_BYTES // (1024 * 1024)} MB limit")
    codec = detect_encoding(data)
    if b"\x00" in data and not codec.startswith(("utf-16", "utf-32")):
        raise UnreadableInput("the file is binary, not text")
    text = data.decode(codec, errors="strict" if codec != "cp949" else "replace")
    if "\ufffd" in text and text.count("\ufffd") > max(3, len(text) // 100):
        raise UnreadableInput(f"the text does not decode cleanly as {codec}")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableInput("the file holds no text")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f\v")
    if control > max(3, len(text) // 200):
        raise UnreadableInput("the file is binary, not text")
    return text, codec
