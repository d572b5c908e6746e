"""A realistic generated corpus for the scale benchmarks: real Korean paragraphs, new articles.

    python benchmarks/corpus.py OUT --count 1000 [--seed 0] [--from seeds]

Every article is recombined from the cleaned paragraphs of the given real
articles (seeds/ by default), so the text Kiwi and the analysers see is real
Korean news prose.  What makes a corpus of thousands differ from five seeds
is made new per article: publication date, outlet, reporter, headline and the
people named (each name of the source paragraphs is replaced by a generated
name, so the people registry grows with the corpus as it would in life).
The file layout is the scraped-text shape the reader handles: headline,
time stamp, `[outlet reporter 기자]` byline, paragraphs, copyright footer.
The same seed gives byte-identical files.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse.entities import find_entities  # noqa: E402
from generator.read import read_corpus  # noqa: E402

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민서준도윤하지현우진수영재성은혜경태호석희연주원승"
OUTLET_HEADS = ("한빛", "누리", "바른", "새벽", "미래", "푸른", "열린", "하나", "동녘", "으뜸", "가람", "온누리")
OUTLET_TAILS = ("일보", "경제", "신문", "뉴스", "데일리", "타임스")
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 730
PARAGRAPHS = (6, 14)


@dataclass
class Material:
    """What the real articles give: their paragraphs, headline-like lines and the people they name."""

    paragraphs: list[str]
    headlines: list[str]
    names: list[str]


def gather(sources: list[Path]) -> Material:
    articles, _ = read_corpus(sources)
    paragraphs = [p for a in articles for p in a.body if len(p) >= 40]
    headlines = [line for a in articles for line in [a.title or "", *a.subtitles] if 8 <= len(line) <= 80]
    names: set[str] = set()
    for article in articles:
        people, _ = find_entities(article.body, article.reporters)
        names.update(p["name"] for p in people if len(p["name"]) >= 2)
    return Material(paragraphs, headlines, sorted(names, key=lambda n: (-len(n), n)))


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def outlets(rng: random.Random, count: int = 40) -> list[str]:
    names = sorted({h + t for h in OUTLET_HEADS for t in OUTLET_TAILS})
    rng.shuffle(names)
    return sorted(names[:count])


def _renamer(names: list[str], mapping: dict[str, str]):
    if not names:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(n) for n in names))
    return lambda text: pattern.sub(lambda m: mapping[m.group(0)], text)


def article_text(rng: random.Random, material: Material, outlet: str, people: list[str], when: dt.datetime) -> str:
    """One article in the scraped-text shape: headline, time stamp, byline with the lead, paragraphs, footer."""
    mapping = {name: rng.choice(people) for name in material.names}
    rename = _renamer(material.names, mapping)
    reporter = person_name(rng)
    chosen = rng.sample(material.paragraphs, min(len(material.paragraphs), rng.randint(*PARAGRAPHS)))
    body = [rename(p) for p in chosen]
    headline = rename(rng.choice(material.headlines)) if material.headlines else body[0][:40]
    lines = [headline, "", when.strftime("%Y-%m-%d %H:%M:%S"), "", f"[{outlet} {reporter} 기자] {body[0]}", ""]
    for paragraph in body[1:]:
        lines += [paragraph, ""]
    lines += [f"{reporter} 기자", f"ⓒ {outlet}, 무단 전재 - 재배포 금지", ""]
    return "\n".join(lines)


def generate(folder: Path, count: int, seed: int = 0, sources: list[Path] | None = None, material: Material | None = None) -> list[Path]:
    """Write `count` articles into `folder` (made if missing); the same seed gives the same files."""
    material = material or gather(sources or [ROOT / "seeds"])
    rng = random.Random(seed)
    outlet_names = outlets(rng)
    people = sorted({person_name(rng) for _ in range(max(20, count // 2))})
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        when = dt.datetime.combine(day, dt.time(rng.randrange(6, 23), rng.randrange(60), rng.randrange(60)))
        text = article_text(rng, material, rng.choice(outlet_names), people, when)
        name = f"{n:05d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}.txt"
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def edit_one(path: Path) -> None:
    """Change one article the way an editor would: one more sentence in its second paragraph."""
    lines = path.read_text(encoding="utf-8").split("\n")
    paragraphs = [i for i, line in enumerate(lines) if len(line) >= 40]
    target = paragraphs[min(1, len(paragraphs) - 1)]
    lines[target] += " 정부는 다음 달 세부 계획을 추가로 발표할 예정이다."
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="folder to write the articles into")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--from", dest="sources", nargs="+", default=[str(ROOT / "seeds")], help="real articles to take paragraphs from")
    args = parser.parse_args(argv)
    files = generate(Path(args.out), args.count, args.seed, [Path(s) for s in args.sources])
    print(f"{len(files)} article(s) -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
