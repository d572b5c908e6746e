"""Outlet, reporters and publication date as the page prints them.

Every value keeps where it came from (`provenance`), in the spirit of
trafilatura's extractors: a byline tag beats a stand-alone byline line, which
beats a copyright notice; a labelled timestamp (`입력`) beats a bare one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.read.patterns import load_vocabulary

NAME = r"[가-힣]{2,4}"
NAMES = rf"{NAME}(?:\s*[·,、/]\s*{NAME})*"


def _titles() -> str:
    return "|".join(re.escape(t) for t in load_vocabulary().reporter_titles)


_DATE = r"(?P<y>(?:19|20)\d{2})\s*(?:[-./]|년)\s*(?P<m>\d{1,2})\s*(?:[-./]|월)\s*(?P<d>\d{1,2})(?!\d)\s*일?\.?"
_TIME = r"(?:\s*(?P<ampm>오전|오후|AM|PM|am|pm))?\s*(?P<H>\d{1,2})\s*[:시]\s*(?P<M>\d{2})(?:\s*[:분]\s*(?P<S>\d{2}))?"
_STAMP = re.compile(_DATE + rf"(?:,?\s*{_TIME})?")
_LABEL = re.compile(
    r"(?P<label>기사\s*입력|최초\s*입력|입력|등록|게재|작성|발행|승인|송고|최종\s*수정|수정|업데이트|"
    r"published|posted|updated|modified)\s*(?:일시|일|시간)?\s*[:：]?\s*$",
    re.IGNORECASE,
)
_MODIFIED_LABELS = ("수정", "업데이트", "updated", "modified")
DATE_PREFIX = re.compile(r"^\s*date\s+(?P<date>(?:19|20)\d{2}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?))?\s*")


@dataclass
class Byline:
    outlet: str | None
    reporters: list[str]


@dataclass
class Metadata:
    """What the raw text says about who published the article and when."""

    outlet: str | None = None
    reporters: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)


def _split_names(names: str) -> list[str]:
    return [n for n in re.split(r"\s*[·,、/]\s*", names.strip()) if n]


def split_date_prefix(line: str) -> tuple[str | None, str]:
    """Split a scraper's ` date 2025-09-18` prefix off a line: (iso date or None, rest)."""
    m = DATE_PREFIX.match(line)
    if not m:
        return None, line
    value = m.group("date") + (f"T{m.group('time')}" if m.group("time") else "")
    return value, line[m.end():]


def split_byline_tag(line: str) -> tuple[Byline | None, str]:
    """Split a lead tag such as `[헤럴드경제=박혜림 기자]` or `(서울=연합뉴스) 홍길동 기자 =` off a line."""
    m = re.match(r"^\s*[\[【(〔<]\s*(?P<inner>[^\]】)〕>]{2,60}?)\s*[\]】)〕>]\s*(?P<after>.*)$", line, re.S)
    if not m:
        return None, line
    inner, after = m.group("inner").strip(), m.group("after")
    titles = _titles()
    tagged = re.match(rf"^(?P<outlet>[^=]+?)\s*(?:=|\s)\s*(?P<names>{NAMES})\s*(?P<title>{titles})$", inner)
    if tagged:
        # `[워싱턴=김민준 특파원]`: a correspondent's tag names the city, not the outlet.
        outlet = None if tagged.group("title") == "특파원" else tagged.group("outlet").strip() or None
        return Byline(outlet, _split_names(tagged.group("names"))), after.lstrip(" \u00a0=")
    only_names = re.match(rf"^(?P<names>{NAMES})\s*(?:{titles})$", inner)
    if only_names:
        return Byline(None, _split_names(only_names.group("names"))), after.lstrip(" \u00a0=")
    place = re.match(r"^(?P<place>[^=]{1,12}?)\s*=\s*(?P<outlet>[^=\s][^=]{0,20})$", inner)
    if place and not re.search(r"제공|사진|자료|그래픽|영상", inner):  # `[UNIST 제공=연합뉴스]` credits a photo
        rest = re.match(rf"^\s*(?P<names>{NAMES})\s*(?:{titles})\s*=?\s*(?P<after>.*)$", after, re.S)
        if rest:
            return Byline(place.group("outlet").strip(), _split_names(rest.group("names"))), rest.group("after")
        return Byline(place.group("outlet").strip(), []), after.lstrip(" \u00a0=")
    return None, line


def parse_byline_line(line: str) -> Byline | None:
    """Read a stand-alone byline line: `디지털데일리 김문기 기자`, `박재연 기자 x@y.com`."""
    text = line.strip()
    if len(text) > 60:
        return None
    m = re.match(
        rf"^(?:(?P<outlet>[^\s=]{{2,20}})\s+)?(?:글\s*[=:]\s*)?(?P<names>{NAMES})\s*(?:{_titles()})"
        r"(?:\s*[(<]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[)>]?)?\s*$",
        text,
    )
    if not m:
        return None
    return Byline(m.group("outlet"), _split_names(m.group("names")))


def copyright_outlet(line: str) -> str | None:
    """The owner named in a copyright notice, e.g. `Copyright ⓒ 디지털데일리.`."""
    m = re.search(r"(?:ⓒ|©|\(c\)|copyright|저작권자)\s*(?:ⓒ|©|\(c\))?\s*[:：]?\s*(?P<owner>[^,.<>()\-–—]+)", line, re.I)
    if not m:
        return None
    owner = m.group("owner").strip()
    owner = re.split(r"\s*(?:무단|all rights|재배포|\d{4})", owner, flags=re.I)[0].strip()
    words = owner.split()
    if not words or len(owner) > 30:
        return None
    # "맛있는 뉴스토마토": a slogan before the name; the name is the last word.
    return words[-1] if len(words) > 1 and re.fullmatch(r"[가-힣]{3,}", words[-1]) else owner


def _iso(m: re.Match[str]) -> str | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if m.group("H") is not None:
        hour, minute = int(m.group("H")), int(m.group("M"))
        ampm = (m.group("ampm") or "").lower()
        if ampm in ("오후", "pm") and hour < 12:
            hour += 12
        if ampm in ("오전", "am") and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return value
        value += f"T{hour:02d}:{minute:02d}"
        if m.group("S") is not None:
            value += f":{int(m.group('S')):02d}"
    return value


def find_timestamps(line: str) -> list[tuple[str, str]]:
    """Timestamps a header or footer line prints, as (role, iso) with role published/modified.

    A date inside a body sentence ("2025년 9월 18일 열린 ...") is not a
    timestamp: only labelled stamps (`입력 2025.09.18 10:00`) or lines that
    are mostly stamps count.
    """
    text = line.strip()
    found: list[tuple[str, str]] = []
    stamps = list(_STAMP.finditer(text))
    if not stamps:
        return found
    # Without a label, a line is a timestamp line only when nothing but stamps,
    # weekday names and punctuation is on it ("2025-07-08 17:29:50 (화)").
    rest = _STAMP.sub("", text)
    rest = re.sub(r"[월화수목금토일]요일|\([월화수목금토일]\)|[\W_]", "", rest)
    mostly_stamps = len(text) <= 80 and len(rest) <= 4
    for i, m in enumerate(stamps):
        iso = _iso(m)
        if iso is None:
            continue
        label = _LABEL.search(text[: m.start()][-20:])
        if label:
            role = "modified" if label.group("label").lower().replace(" ", "").endswith(_MODIFIED_LABELS) else "published"
            found.append((role, iso))
        elif mostly_stamps:
            found.append(("published" if i == 0 else "modified", iso))
    return found


def extract(lines: list[str]) -> Metadata:
    """Collect outlet, reporters and timestamps from the raw lines of one article."""
    meta = Metadata()
    tag_byline = line_byline = None
    copyright_owner = None
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if index == 0:
            date, line = split_date_prefix(line)
            if date and meta.published is None:
                meta.published, meta.provenance["published"] = date, "date prefix of the first line"
        tag, _ = split_byline_tag(line)
        if tag and tag_byline is None:
            tag_byline = tag
        elif tag is None and line_byline is None:
            line_byline = parse_byline_line(line)
        if copyright_owner is None and len(line) <= 120:
            copyright_owner = copyright_outlet(line)
        for role, iso in find_timestamps(line):
            if role == "published" and meta.published is None:
                meta.published, meta.provenance["published"] = iso, f"timestamp line {index + 1}"
            elif role == "modified" and meta.modified is None:
                meta.modified = iso
    for byline, where in ((tag_byline, "byline tag"), (line_byline, "byline line")):
        if byline is None:
            continue
        if byline.outlet and meta.outlet is None:
            meta.outlet, meta.provenance["outlet"] = byline.outlet, where
        if byline.reporters and not meta.reporters:
            meta.reporters, meta.provenance["reporters"] = byline.reporters, where
    if meta.outlet is None and copyright_owner:
        meta.outlet, meta.provenance["outlet"] = copyright_owner, "copyright line"
    return meta


_EVENT_YEAR = re.compile(
    r"(?:[A-Za-z가-힣]\s*(?P<a>(?:19|20)\d{2})(?![\d년.\-/]))|(?:(?<![\d.\-/])(?P<b>(?:19|20)\d{2})\s+[A-Za-z가-힣])"
)
_HAPPENED = re.compile(r"열린|열렸|개최|참석|행사|포럼|대회|박람회|컨퍼런스|콘퍼런스|세미나|간담회")


def infer_published(title: str | None, body: list[str]) -> tuple[str | None, str | None]:
    """Infer the publication year from an event the text says took place (`열린 'DIC 2025'`).

    Returns (value, evidence) or (None, None).  Only a year is claimed: a
    day-of-month without a printed month and year cannot honestly give more.
    """
    years: dict[str, str] = {}
    for text in [title or "", *body]:
        if not _HAPPENED.search(text):
            continue
        for m in _EVENT_YEAR.finditer(text):
            year = m.group("a") or m.group("b")
            start = max(0, m.start() - 15)
            years.setdefault(year, text[start: m.end() + 15].strip())
    if len(years) != 1:
        return None, None
    year, evidence = next(iter(years.items()))
    return year, f"the year of an event the text says took place: “{evidence}”"
