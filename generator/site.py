"""The two verbs of the site: generate docs/ from the articles, and run MkDocs on it."""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.briefing import article_json, dumps_corpus
from generator.cache import AnalysisCache
from generator.memo import RenderMemo
from generator.model import Article, Problem
from generator.pipeline import Timings, load
from generator.render import render_site
from generator.write import WriteReport, write_pages

DEFAULT_SITE_NAME = "브리핑"


@dataclass
class Generated:
    articles: list[Article]
    problems: list[Problem]
    report: WriteReport
    analysed: list[str] = field(default_factory=list)  # ids of the articles analysed this run, not taken from the cache


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """MkDocs' `!ENV VAR` / `!ENV [VAR, OTHER, default]`: the first variable set, else the last item as a default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node)
    for name in items[:-1]:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return items[-1] if len(items) > 1 else None


def site_identity(config_file: Path) -> tuple[str, str | None]:
    """The site's name and published URL from mkdocs.yml, for the feed (`!ENV` read as MkDocs reads it; other tags unset)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_constructor("!ENV", _environment_value)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}
    except (OSError, yaml.YAMLError):
        return DEFAULT_SITE_NAME, None
    name = config.get("site_name") if isinstance(config.get("site_name"), str) else DEFAULT_SITE_NAME
    url = config.get("site_url") if isinstance(config.get("site_url"), str) and config.get("site_url") else None
    return name, url


def generate_docs(inputs: list[Path], docs: Path, templates: Path, cache: AnalysisCache | None = None,
                  timings: Timings | None = None, workers: int | None = None, config_file: Path | None = None) -> Generated:
    """Read and clean every article (unchanged ones from `cache`), render the pages, and write them into docs/.

    `timings`, when given, receives the seconds spent in each stage (read, analyse, merge, render, write).
    """
    timings = timings if timings is not None else Timings()
    loaded = load(inputs, workers, cache, timings)
    articles, problems = loaded.articles, loaded.problems
    with timings.stage("render"):
        memo = RenderMemo(cache.root / "render", templates) if cache else None
        raw_texts = {a.id: a.raw_text for a in articles}
        site_name, site_url = site_identity(config_file) if config_file else (DEFAULT_SITE_NAME, None)
        article_text = memo.per_article("article json", article_json, loaded.fingerprints, lambda a: a.keywords) if memo else article_json
        pages = render_site(articles, problems, raw_texts, templates, lambda found: dumps_corpus(articles, found, article_text),
                            noun_counts=loaded.noun_counts,
                            site_name=site_name, site_url=site_url, memo=memo, fingerprints=loaded.fingerprints)
        if memo:
            memo.prune()
    with timings.stage("write"):
        report = write_pages(docs, pages)
    for rel in report.kept_by_hand:
        problems.append(Problem(f"docs/{rel}", "a hand-written or hand-edited file is in the way; it was left untouched"))
    return Generated(articles, problems, report, loaded.analysed)


def mkdocs_build(config_file: Path, strict: bool = False, search_cache: str | None = None) -> None:
    """Run a real `mkdocs build` on the generated docs/, into a staging folder swapped in for site/ when it is complete.

    A build that fails or is killed leaves the previous site/ whole.  `search_cache`, when given, is where the
    korean_search plugin keeps Kiwi's reading of the pages ("" for nowhere), in place of its mkdocs.yml setting.
    """
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.search.plugin import use_search_cache
    from generator.write import replace_folder, staging_folder

    config = load_config(config_file=str(config_file), strict=strict)
    use_search_cache(config, search_cache)
    site = Path(config["site_dir"])
    staging = staging_folder(site)
    config["site_dir"] = str(staging)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
        replace_folder(staging, site)
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(staging, ignore_errors=True)


def watch_and_regenerate(paths: list[Path], regenerate, interval: float = 1.0) -> threading.Thread:
    """Poll `paths` for changed files and call `regenerate()` when something changed.

    Polling (not inotify) keeps it working on network folders and in containers;
    MkDocs' own server then sees the new docs/ and reloads the browser.
    """
    def snapshot() -> dict[str, float]:
        stamps: dict[str, float] = {}
        for root in paths:
            if root.is_file():
                stamps[str(root)] = root.stat().st_mtime
            elif root.is_dir():
                for f in root.rglob("*"):
                    if f.is_file():
                        stamps[str(f)] = f.stat().st_mtime
        return stamps

    last = snapshot()  # taken now, so a change made right after this call is seen

    def loop() -> None:
        nonlocal last
        while True:
            time.sleep(interval)
            now = snapshot()
            if now != last:
                last = now
                regenerate()

    thread = threading.Thread(target=loop, name="briefing-watch", daemon=True)
    thread.start()
    return thread
