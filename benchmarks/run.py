"""Scale benchmark: analysis throughput, build stages, incremental rebuild, memory and page sizes.

    python benchmarks/run.py                    # 100, 1,000 and 5,000 articles (long)
    python benchmarks/run.py --sizes 1000       # one size
    python benchmarks/run.py --quick            # 100 articles, plus the cheap stages at 1,000 (< 2 minutes)

Each size runs in its own process (so peak memory is that size's own) on a
corpus from benchmarks/corpus.py, in a scratch project with the repository's
mkdocs.yml, templates and hand-written assets.  Throughput is measured on a
sample of articles: the same text through Kiwi's tokenizer alone is the
floor no analysis can beat.  Stage times come from the pipeline's own
`Timings`, MkDocs is timed around `mkdocs_build`.  After the full build one
article is edited and the build runs again in the same process, with Kiwi
already loaded, as `serve` rebuilds; then a second edit is built in a new
process, as the command line does, which adds Python's start, the imports
and loading Kiwi for the changed article.  Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

STAGES = ("read", "analyse", "merge", "render", "write")
SAMPLE = 100  # articles whose analysis is timed for throughput
QUICK_SUBSET = 1000


def make_project(folder: Path) -> Path:
    """A scratch project: the repository's site configuration and hand-written assets, and an empty seeds/."""
    from generator.write import load_manifest

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", folder / "templates")
    generated = set(load_manifest(ROOT / "docs"))
    for path in sorted((ROOT / "docs" / "assets").rglob("*")):
        rel = path.relative_to(ROOT / "docs").as_posix()
        if path.is_file() and rel not in generated:
            (folder / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, folder / "docs" / rel)
    return folder


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def throughput(articles: list, workers: int) -> dict[str, float]:
    """Articles per second: Kiwi tokenisation alone, then the analysis on 1 and on `workers` processes."""
    from generator.korean.kiwi import forget_texts, shared_kiwi
    from generator.pipeline import analyse_each

    kiwi = shared_kiwi()
    kiwi.tokenize("준비")
    start = time.perf_counter()
    for article in articles:
        kiwi.tokenize("\n".join([article.title or "", *article.body]))
    floor = rate(len(articles), time.perf_counter() - start)
    forget_texts()
    start = time.perf_counter()
    analyse_each(copy.deepcopy(articles), workers=1)
    one = rate(len(articles), time.perf_counter() - start)
    forget_texts()
    start = time.perf_counter()
    analyse_each(copy.deepcopy(articles), workers=workers)
    many = rate(len(articles), time.perf_counter() - start)
    return {"kiwi": floor, "analysis_1": one, f"analysis_{workers}": many}


def site_sizes(site: Path, count: int) -> dict[str, object]:
    html_pages = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")]
    biggest = max(html_pages) if html_pages else (0, "")
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = site / "search" / "search_index.json"
    return {
        "site_bytes_per_article": total / count,
        "search_bytes_per_article": (index.stat().st_size if index.is_file() else 0) / count,
        "largest_html_bytes": biggest[0],
        "largest_html": biggest[1],
        "html_pages": len(html_pages),
    }


def timed_build(project: Path, workers: int, mkdocs: bool) -> dict[str, float]:
    """One `build`: generate_docs with the project's cache, then MkDocs; seconds per stage."""
    from generator.cache import DEFAULT_FOLDER, AnalysisCache
    from generator.pipeline import Timings
    from generator.site import generate_docs, mkdocs_build

    timings = Timings()
    start = time.perf_counter()
    result = generate_docs([project / "seeds"], project / "docs", project / "templates", AnalysisCache(project / DEFAULT_FOLDER), timings, workers)
    out = {stage: timings.get(stage, 0.0) for stage in STAGES}
    out["generator"] = time.perf_counter() - start
    out["analysed"] = len(result.analysed)
    out["written"] = len(result.report.written)
    if mkdocs:
        start = time.perf_counter()
        mkdocs_build(project / "mkdocs.yml")
        out["mkdocs"] = time.perf_counter() - start
    return out


def cheap_stages(project: Path, articles: list, workers: int) -> dict[str, float]:
    """Reading, merging, rendering and writing at full size, with every article's findings copied from an analysed sample.

    Only the analysis (timed on the sample) and MkDocs are left out, so the quick run stays short.
    """
    from generator.analyse.keywords import keywords_from_counts
    from generator.briefing import briefing_document, dumps
    from generator.pipeline import Timings, analyse_each
    from generator.read import read_corpus
    from generator.render import render_site
    from generator.write import write_pages

    timings = Timings()
    with timings.stage("read"):
        read_corpus([project / "seeds"])
    sample = analyse_each(copy.deepcopy(articles[:SAMPLE]), workers)
    analysed, nouns = [], {}
    for n, article in enumerate(articles):
        done = copy.deepcopy(sample[n % len(sample)])
        for name in ("id", "source", "title", "outlet", "reporters", "published"):
            setattr(done.article, name, getattr(article, name))
        analysed.append(done.article)
        nouns[article.id] = done.nouns
    with timings.stage("merge"):
        keywords = keywords_from_counts(nouns)
        for article in analysed:
            article.keywords = keywords[article.id]
    with timings.stage("render"):
        pages = render_site(analysed, [], {a.id: a.raw_text for a in analysed}, project / "templates",
                            dumps(briefing_document(analysed, [])), noun_counts=nouns)
    with timings.stage("write"):
        write_pages(project / "docs", pages)
    return {stage: timings.get(stage, 0.0) for stage in STAGES}


def cold_build(project: Path, workers: int) -> dict[str, float]:
    """The generator stages of a `build` in a new process, as the command line runs them: Python, imports and Kiwi load included."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--generate", str(project), "--workers", str(workers)],
                          check=True, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out["process"] = time.perf_counter() - start
    return out


def peak_memory() -> dict[str, float]:
    """Peak resident memory in MB of this process and of the largest worker it waited for (Linux reports kB)."""
    return {"main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def measure(size: int, work: Path, workers: int, quick_subset: bool) -> dict[str, object]:
    """Every figure for one corpus size, in this process."""
    import logging

    from corpus import edit_one, generate

    from generator.read import read_corpus

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    project = make_project(work / f"size-{size}")
    start = time.perf_counter()
    files = generate(project / "seeds", size, seed=size)
    result: dict[str, object] = {"size": size, "corpus_seconds": time.perf_counter() - start}
    articles, _ = read_corpus([project / "seeds"])
    if not quick_subset:
        result["throughput"] = throughput(articles[:SAMPLE], workers)
        result["full"] = timed_build(project, workers, mkdocs=True)
        result["sizes"] = site_sizes(project / "site", size)
        edit_one(files[len(files) // 2])
        result["incremental"] = timed_build(project, workers, mkdocs=True)
        result["memory"] = peak_memory()  # before the new process below, which would count as the largest "worker"
        edit_one(files[len(files) // 3])
        result["incremental_cold"] = cold_build(project, workers)
    else:
        result["full"] = cheap_stages(project, articles, workers)
        result["memory"] = peak_memory()
    return result


def run_size(size: int, work: Path, workers: int, quick_subset: bool) -> dict[str, object]:
    """Measure one size in a fresh interpreter, so its peak memory is its own."""
    command = [sys.executable, __file__, "--measure", str(size), "--work", str(work), "--workers", str(workers)]
    if quick_subset:
        command.append("--subset")
    done = subprocess.run(command, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(results: list[dict[str, object]], workers: int) -> str:
    sizes = [r["size"] for r in results]
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, values: list[object]) -> None:
        rows.append((label, ["–" if v is None else v for v in values]))

    def get(r: dict, *path: str):
        for key in path:
            if not isinstance(r, dict) or key not in r:
                return None
            r = r[key]
        return r

    def fmt(value, spec: str):
        return None if value is None else format(value, spec)

    row("analysis, articles/s, 1 worker", [fmt(get(r, "throughput", "analysis_1"), ".1f") for r in results])
    row(f"analysis, articles/s, {workers} workers", [fmt(get(r, "throughput", f"analysis_{workers}"), ".1f") for r in results])
    row("Kiwi tokenisation alone, articles/s", [fmt(get(r, "throughput", "kiwi"), ".1f") for r in results])
    ratios = [None if get(r, "throughput") is None else r["throughput"]["analysis_1"] / r["throughput"]["kiwi"] for r in results]
    row("analysis (1 worker) / Kiwi alone", [fmt(v, ".2f") for v in ratios])
    for phase, title in (("full", "full build"), ("incremental", "after one changed article")):
        for stage in (*STAGES, "generator", "mkdocs"):
            label = {"generator": "generator total (before MkDocs)", "mkdocs": "MkDocs"}.get(stage, stage)
            row(f"{title}: {label}, s", [fmt(get(r, phase, stage), ".2f") for r in results])
        row(f"{title}: articles analysed", [get(r, phase, "analysed") for r in results])
    row("incremental / full, generator stages", [fmt(None if get(r, "incremental", "generator") is None else
                                                     r["incremental"]["generator"] / r["full"]["generator"], ".1%") for r in results])
    row("after one changed article, new process: generator stages, s", [fmt(get(r, "incremental_cold", "generator"), ".2f") for r in results])
    row("after one changed article, new process: whole process (start, imports, Kiwi load), s",
        [fmt(get(r, "incremental_cold", "process"), ".2f") for r in results])
    row("peak memory, main process, MB", [fmt(get(r, "memory", "main_mb"), ".0f") for r in results])
    row("peak memory, largest worker, MB", [fmt(get(r, "memory", "worker_mb"), ".0f") for r in results])
    row("site/ bytes per article", [fmt(get(r, "sizes", "site_bytes_per_article"), ",.0f") for r in results])
    row("search index bytes per article", [fmt(get(r, "sizes", "search_bytes_per_article"), ",.0f") for r in results])
    row("largest HTML page, bytes", [fmt(get(r, "sizes", "largest_html_bytes"), ",") for r in results])
    row("largest HTML page", [get(r, "sizes", "largest_html") for r in results])
    lines = ["| articles | " + " | ".join(f"{s:,}" for s in sizes) + " |", "| --- |" + " ---: |" * len(sizes)]
    lines += [f"| {label} | " + " | ".join(str(v) for v in values) + " |" for label, values in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--quick", action="store_true", help=f"100 articles, and only the cheap stages at {QUICK_SUBSET:,}")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--work", help="scratch folder (default: a temporary folder, removed afterwards)")
    parser.add_argument("--json", help="also write the raw figures here")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--subset", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--generate", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generate:
        print(json.dumps(timed_build(Path(args.generate), args.workers, mkdocs=False)))
        return 0
    if args.measure:
        print(json.dumps(measure(args.measure, Path(args.work), args.workers, args.subset)))
        return 0
    plan = [(100, False), (QUICK_SUBSET, True)] if args.quick else [(size, False) for size in args.sizes]
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        results = []
        for size, subset in plan:
            start = time.perf_counter()
            results.append(run_size(size, work, args.workers, subset))
            print(f"{size:,} articles measured in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(table(results, args.workers))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
