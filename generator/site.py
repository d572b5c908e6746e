"""The two verbs of the site: generate docs/ from the articles, and run MkDocs on it."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from generator.briefing import briefing_document, dumps
from generator.model import Article, Problem
from generator.pipeline import load_corpus
from generator.render import render_site
from generator.write import WriteReport, write_pages


@dataclass
class Generated:
    articles: list[Article]
    problems: list[Problem]
    report: WriteReport


def generate_docs(inputs: list[Path], docs: Path, templates: Path) -> Generated:
    """Read and clean every article, render the pages, and write them into docs/."""
    articles, problems = load_corpus(inputs)
    raw_texts = {a.id: a.raw_text for a in articles}
    pages = render_site(articles, problems, raw_texts, templates, dumps(briefing_document(articles, problems)))
    report = write_pages(docs, pages)
    for rel in report.kept_by_hand:
        problems.append(Problem(f"docs/{rel}", "a hand-written or hand-edited file is in the way; it was left untouched"))
    return Generated(articles, problems, report)


def mkdocs_build(config_file: Path, strict: bool = False) -> None:
    """Run a real `mkdocs build` on the generated docs/."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


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
