"""The `korean_search` MkDocs plugin: runs after Material's search and enriches its index.

Material's `search` plugin writes site/search/search_index.json in its
`on_post_build`; this plugin rewrites that file right after (and before the
`offline` plugin, which inlines the index into a script at priority -100), so
the search box, Material's worker and the offline copy all use the enriched
index.  The site's `search` options (separator, lang) stay the single source
of how words are cut.  Kiwi's reading of each section is kept between builds
(the `cache` option, a folder beside mkdocs.yml), since reading every page
again is most of a rebuild's time.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from generator.memo import RenderMemo
from generator.search.index import enrich
from generator.search.vocabulary import load_vocabulary

log = logging.getLogger("mkdocs.plugins.korean_search")

SEARCH_PLUGINS = ("material/search", "search")


def use_search_cache(config, folder: str | None) -> None:
    """Point a loaded MkDocs configuration's korean_search at `folder` ("" for none); None keeps its mkdocs.yml setting."""
    if folder is not None and "korean_search" in config.plugins:
        config.plugins["korean_search"].config.cache = folder


class KoreanSearchConfig(Config):
    enabled = config_options.Type(bool, default=True)
    # Where Kiwi's reading of each section is kept between builds, beside mkdocs.yml; "" keeps nothing.
    cache = config_options.Type(str, default=".briefing-cache")


class KoreanSearchPlugin(BasePlugin[KoreanSearchConfig]):
    """Adds Kiwi's compound parts, spacing variants, aliases and page subjects to Material's search index."""

    def on_config(self, config):
        if self.config.enabled and not any(name in config.plugins for name in SEARCH_PLUGINS):
            log.warning("korean_search: the search plugin is not enabled, so there is no index to enrich")
        return config

    @event_priority(-50)
    def on_post_build(self, *, config) -> None:
        if not self.config.enabled:
            return
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.is_file():
            log.warning("korean_search: %s was not written; is Material's search plugin listed before this one?", path)
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        memo = None
        if self.config.cache:
            project = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
            folder = project / self.config.cache / "search"
            memo = RenderMemo(folder, None)
        enriched = enrich(index, load_vocabulary(), memo)
        if memo:
            memo.prune()
        path.write_text(json.dumps(enriched, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        log.debug("korean_search: %d entries enriched", len(enriched["docs"]))
