"""The offline bundle: the site built for file://, zipped, so it opens from a folder with no network at all.

The normal site stays as it is; the bundle is a second `mkdocs build` of the same docs/ into a folder of
its own, with Material's `offline` plugin turned on and a local Worker stand-in for search, because the
plugin's own stand-in is fetched from unpkg.com and a page opened from file:// cannot start a real Worker.
"""
from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

DEFAULT_ZIP_NAME = "briefing-offline.zip"
# The name carries "iframe-worker" so that Material's offline plugin sees a stand-in is already there
# and does not add its own from unpkg.com.
WORKER_SHIM = "iframe-worker-shim.js"
WORKER_SHIM_SITE_PATH = f"assets/javascripts/{WORKER_SHIM}"
# A fixed time stamp for every zip entry (the zip format's earliest), so the same site gives the same zip.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

OFFLINE_RULES = Path(__file__).parent / "data" / "offline.yml"


@dataclass(frozen=True)
class LoadRules:
    """Which HTML attributes make a page load something by itself (data/offline.yml); links the reader clicks are not loads."""

    attributes: dict[str, tuple[str, ...]]
    link_rels: frozenset[str]


@lru_cache(maxsize=2)
def load_rules(path: Path = OFFLINE_RULES) -> LoadRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    attributes = {str(tag): tuple(map(str, names)) for tag, names in (data.get("loading_attributes") or {}).items()}
    return LoadRules(attributes, frozenset(str(rel).lower() for rel in data.get("loading_link_rels") or []))


@dataclass
class Bundle:
    zip_path: Path
    files: int


def offline_overrides(config_file: Path) -> dict:
    """The configuration values that turn a normal build into the offline one.

    Read from the raw mkdocs.yml (with MkDocs' own YAML loader, so `!ENV` and INHERIT work), then given
    back to `load_config` as overrides: the plugin list plus `offline`, and the local Worker stand-in
    added to Material's polyfills.
    """
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as fd:
        raw = yaml_load(fd)
    plugins = raw.get("plugins", ["search"])
    if isinstance(plugins, dict):
        plugins = {**plugins, "offline": {"enabled": True}}
    else:
        plugins = [p for p in plugins if _plugin_name(p) != "offline"] + [{"offline": {"enabled": True}}]
    extra = dict(raw.get("extra") or {})
    extra["polyfills"] = [*extra.get("polyfills", []), WORKER_SHIM_SITE_PATH]
    return {"plugins": plugins, "extra": extra}


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "")


def build_offline_site(config_file: Path, site_dir: Path, strict: bool = False, search_cache: str | None = None) -> None:
    """Run a real `mkdocs build` of the configured docs/ into `site_dir`, made for file://."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.search.plugin import use_search_cache

    overrides = offline_overrides(config_file)
    config = load_config(config_file=str(config_file), site_dir=str(site_dir.resolve()), strict=strict, **overrides)
    use_search_cache(config, search_cache)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    shim = resources.files("generator").joinpath("assets", WORKER_SHIM).read_bytes()
    target = site_dir / WORKER_SHIM_SITE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(shim)


class _LoadCollector(HTMLParser):
    """Collects every URL an HTML page loads by itself (scripts, styles, pictures, frames)."""

    def __init__(self, rules: LoadRules) -> None:
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        names = self.rules.attributes.get(tag, ())
        if tag == "link" and self.rules.link_rels & set(values.get("rel", "").lower().split()):
            names = ("href",)
        for name in names:
            for part in values.get(name, "").split(","):
                url = part.strip().split(" ")[0]
                if url:
                    self.urls.append(url)


def outside_loads(site_dir: Path) -> list[str]:
    """Every `page: URL` in the built site that would load something from another host."""
    rules = load_rules()
    found: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        collector = _LoadCollector(rules)
        collector.feed(page.read_text(encoding="utf-8"))
        for url in collector.urls:
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                found.append(f"{page.relative_to(site_dir).as_posix()}: {url}")
    return found


def zip_site(site_dir: Path, zip_path: Path, folder: str) -> int:
    """Zip `site_dir` under one top folder, in name order with fixed time stamps: same site, same zip."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(zip_path)
    return len(files)


class OutsideLoadsError(RuntimeError):
    """The offline site would still fetch something from another host."""


def build_bundle(config_file: Path, zip_path: Path, strict: bool = False, search_cache: str | None = None) -> Bundle:
    """Build the offline site in a scratch folder and zip it into `zip_path`; docs/ and site/ are not touched.

    `search_cache` is as for `site.mkdocs_build`.
    """
    with tempfile.TemporaryDirectory(prefix="briefing-offline-") as scratch:
        site_dir = Path(scratch) / "site"
        build_offline_site(config_file, site_dir, strict, search_cache)
        outside = outside_loads(site_dir)
        if outside:
            raise OutsideLoadsError("the offline site loads from other hosts:\n  " + "\n  ".join(outside))
        files = zip_site(site_dir, zip_path, zip_path.stem)
    return Bundle(zip_path, files)


def unpack(zip_path: Path, into: Path) -> Path:
    """Unzip a bundle into `into` and return the folder that holds its index.html."""
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(into)
    return into / zip_path.stem


def default_zip_path(config_file: Path) -> Path:
    """`briefing-offline.zip` beside mkdocs.yml, in the project folder."""
    return config_file.resolve().parent / DEFAULT_ZIP_NAME

