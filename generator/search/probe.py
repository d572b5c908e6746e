"""Ask Material's own search worker, in a real browser, which pages a query brings up.

The benchmark and the tests measure the index the way a reader meets it: the
site is served over HTTP from a local thread, a page of it is opened in
Chromium, and the worker script Material ships is started with the site's
`search/search_index.json` and sent each query, exactly as the search box
does.  The answer is the list of pages in the order the search dialog shows
them (Material groups the matching sections by page).  `build_both` makes
the two sites compared: the project's own, and the same pages indexed as
plain Material search would index them.
"""
from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PLUGIN_NAME = "korean_search"

# The message numbers of Material's worker protocol (SearchMessageType: SETUP, READY, QUERY, RESULT).
_ASK_WORKER = """
async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base + "/", location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, base));
  const next = () => new Promise(resolve => worker.addEventListener("message", ev => resolve(ev.data), {once: true}));
  const ready = next();
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  await ready;
  const answers = [];
  for (const query of queries) {
    const reply = next();
    worker.postMessage({type: 2, data: query});
    const {data} = await reply;
    answers.push(data.items.map(group => group[0].location.split("#")[0]));
  }
  worker.terminate();
  return answers;
}
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the name is the base class's
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free local port for the duration of the block; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="search-probe-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def ranked_pages(browser, site: Path, queries: list[str]) -> list[list[str]]:
    """For each query, the site's pages in the order Material's search ranks them.

    `browser` is a Playwright browser; pages are paths relative to the site root.
    """
    with serve(site) as base:
        page = browser.new_page()
        try:
            page.goto(base + "index.html")
            return page.evaluate(_ASK_WORKER, queries)
        finally:
            page.close()


def load_queries(path: Path) -> list[dict]:
    """The query set: each item has `query` and `expect` (page paths), and may say `why`."""
    import yaml

    return list((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("queries") or [])


def hits(ranked: list[str], expect: list[str], top: int) -> bool:
    """A top-k hit: with top=1 the first page is an expected one; otherwise every expected page is in the first `top`."""
    if top == 1:
        return bool(ranked) and ranked[0] in expect
    return all(page in ranked[:top] for page in expect)


def plain_config(project: Path) -> Path:
    """A config that inherits mkdocs.yml but indexes as Material does by default: no korean_search, default separator."""
    import yaml
    from mkdocs.utils.yaml import yaml_load

    with open(project / "mkdocs.yml", encoding="utf-8") as f:
        plugins = yaml_load(f).get("plugins") or []
    plain: list = []
    for plugin in plugins:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == PLUGIN_NAME:
            continue
        if name in ("search", "material/search") and isinstance(plugin, dict):
            options = {k: v for k, v in (plugin[name] or {}).items() if k != "separator"}
            plugin = {name: options}
        plain.append(plugin)
    path = project / "mkdocs.plain.yml"
    path.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "site_dir": "site-plain", "plugins": plain}, allow_unicode=True), encoding="utf-8")
    return path


def build_both(project: Path, seeds: Path) -> tuple[Path, Path]:
    """Generate docs/ once in `project` and build it with the Korean index (site/) and without (site-plain/)."""
    from generator.site import generate_docs, mkdocs_build

    generate_docs([seeds], project / "docs", project / "templates")
    mkdocs_build(project / "mkdocs.yml", strict=True)
    mkdocs_build(plain_config(project), strict=True)
    return project / "site", project / "site-plain"
