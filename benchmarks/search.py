"""Hit rate of the site search on the seeds: plain Material search against the Korean-aware index.

    python benchmarks/search.py [--queries tests/data/search_queries.yml] [--seeds seeds]

Generates the seeds' pages once, builds the site twice (the project's
mkdocs.yml, and the same without `korean_search` and with Material's default
separator), serves each over HTTP and sends every query to Material's own
search worker in headless Chromium.  Prints, per build, the share of queries
whose expected pages are all in the top 5 and whose first result is expected,
the index size, and the queries either build misses.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.search.probe import build_both, hits, load_queries, ranked_pages  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def copy_project(target: Path) -> Path:
    """The project's site configuration (as the tests' `project` fixture copies it), to build in."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", target / "templates")
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=ROOT / "tests" / "data" / "search_queries.yml")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args()
    queries = load_queries(args.queries)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        improved, plain = build_both(copy_project(Path(tmp)), args.seeds)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            try:
                results = {name: ranked_pages(browser, site, [q["query"] for q in queries])
                           for name, site in (("plain", plain), ("korean", improved))}
            finally:
                browser.close()
        sizes = {name: (site / "search" / "search_index.json").stat().st_size for name, site in (("plain", plain), ("korean", improved))}

    n = len(queries)
    print(f"{n} queries over {args.seeds}")
    print(f"{'index':<8} {'top-5 hit':>10} {'top-1 hit':>10} {'index bytes':>12}")
    for name, ranked in results.items():
        top5 = sum(hits(r, q["expect"], 5) for r, q in zip(ranked, queries, strict=True))
        top1 = sum(hits(r, q["expect"], 1) for r, q in zip(ranked, queries, strict=True))
        print(f"{name:<8} {top5 / n:>10.0%} {top1 / n:>10.0%} {sizes[name]:>12,}")
    print()
    for i, q in enumerate(queries):
        marks = {name: ("5" if hits(r[i], q["expect"], 5) else "-") + ("1" if hits(r[i], q["expect"], 1) else "-") for name, r in results.items()}
        if "-" in "".join(marks.values()):
            firsts = {name: [p.removeprefix("articles/")[:6] for p in r[i][:5]] for name, r in results.items()}
            print(f"{q['query']:<16} plain {marks['plain']} korean {marks['korean']}  korean top 5: {firsts['korean']}")


if __name__ == "__main__":
    main()
