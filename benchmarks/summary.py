"""Score the summariser against human-picked summary sentences, beside two baselines.

    python benchmarks/summary.py [--data ../shared/eval/summ/sci_news_50.jsonl]

The data is JSON lines with `sentences` (the article) and `extractive`
(indices of the sentences people picked).  Each method picks as many
sentences as people did; the table prints mean ROUGE-L (longest common
subsequence over content morphemes, F-measure) and the share of picked
sentences that match the human ones.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse.summary import choose  # noqa: E402
from generator.korean.kiwi import shared_kiwi  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "summ" / "sci_news_50.jsonl"


def tokens(text: str) -> list[str]:
    """Morphemes without particles, endings and punctuation (as the project's evaluation does)."""
    return [t.form.lower() for t in shared_kiwi().tokenize(text)
            if not t.tag.startswith(("J", "E")) and (not t.tag.startswith("S") or t.tag in ("SL", "SH", "SN"))]


def rouge_l(candidate: str, reference: str) -> float:
    c, r = tokens(candidate), tokens(reference)
    if not c or not r:
        return 0.0
    prev = [0] * (len(r) + 1)
    for x in c:
        cur = [0]
        for j, y in enumerate(r):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    lcs = prev[-1]
    if lcs == 0:
        return 0.0
    p, rec = lcs / len(c), lcs / len(r)
    return 2 * p * rec / (p + rec)


METHODS = {
    "first sentences (lead)": lambda sents, k: list(range(min(k, len(sents)))),
    "plain TextRank": lambda sents, k: choose(sents, k, position_prior=False, redundancy=False),
    "briefing summariser": lambda sents, k: choose(sents, k),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSON lines with sentences and extractive indices")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 1
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("sentences") and r.get("extractive")]
    print(f"{len(rows)} articles with reference summaries from {args.data}")
    print(f"{'method':28s} {'ROUGE-L':>8s} {'sentence hits':>14s} {'seconds':>8s}")
    for name, pick in METHODS.items():
        started = time.perf_counter()
        scores, hits, total = [], 0, 0
        for row in rows:
            sentences, reference = row["sentences"], sorted(row["extractive"])
            picked = pick(sentences, len(reference))
            scores.append(rouge_l(" ".join(sentences[i] for i in picked), " ".join(sentences[i] for i in reference)))
            hits += len(set(picked) & set(reference))
            total += len(reference)
        elapsed = time.perf_counter() - started
        print(f"{name:28s} {sum(scores) / len(scores):8.3f} {hits / total:14.3f} {elapsed:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
