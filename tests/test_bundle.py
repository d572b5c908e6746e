"""generator/bundle.py: the offline zip, built by the real CLI with a real `mkdocs build`; the browser side is in test_browser.py."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from generator.bundle import WORKER_SHIM_SITE_PATH, build_bundle, outside_loads, unpack


def _copy_project(root: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    shutil.copytree(SEEDS, root / "seeds")
    return root


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The seeds built with `build --bundle`: the normal site/ and briefing-offline.zip beside mkdocs.yml."""
    project = _copy_project(tmp_path_factory.mktemp("bundle-project"))
    result = _cli("build", "--strict", "--bundle", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "offline bundle:" in result.stderr
    return project


@pytest.fixture(scope="module")
def unpacked(built: Path, tmp_path_factory) -> Path:
    return unpack(built / "briefing-offline.zip", tmp_path_factory.mktemp("unzipped"))


def test_zip_holds_the_whole_site_under_one_folder(built: Path, unpacked: Path):
    with zipfile.ZipFile(built / "briefing-offline.zip") as archive:
        names = archive.namelist()
    assert names == sorted(names)
    assert all(name.startswith("briefing-offline/") for name in names)
    site_pages = {p.relative_to(built / "site").as_posix() for p in (built / "site").rglob("*.html")}
    bundle_pages = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.html")}
    assert site_pages and bundle_pages == site_pages
    assert len(list(unpacked.glob("articles/*.html"))) > len(list(SEEDS.glob("*.txt")))  # every article plus the index


def test_offline_search_needs_no_server(unpacked: Path):
    # A page opened from file:// cannot fetch JSON, so the index is also there as a script.
    index_script = (unpacked / "search" / "search_index.js").read_text(encoding="utf-8")
    assert index_script.startswith("var __index = {")
    shim = (unpacked / WORKER_SHIM_SITE_PATH).read_text(encoding="utf-8")
    assert "IFrameWorker" in shim
    for page in (unpacked / "index.html", next(unpacked.glob("articles/*.html"))):
        text = page.read_text(encoding="utf-8")
        assert "iframe-worker-shim.js" in text
        assert "unpkg.com" not in text


def test_nothing_is_loaded_from_another_host(unpacked: Path):
    assert outside_loads(unpacked) == []
    # Material's script itself names unpkg.com only for features the site does not use (diagrams, old browsers);
    # no page may name it, and the browser tests watch the requests a page really makes.
    assert not [p for p in unpacked.rglob("*.html") if "unpkg.com" in p.read_text(encoding="utf-8")]


def test_normal_site_is_not_the_offline_one(built: Path):
    site = built / "site"
    assert not (site / "search" / "search_index.js").exists()
    assert not (site / WORKER_SHIM_SITE_PATH).exists()
    assert "iframe-worker" not in (site / "index.html").read_text(encoding="utf-8")


def test_bundle_command_leaves_docs_and_site_alone_and_is_repeatable(built: Path, tmp_path: Path):
    docs_before, site_before = _digests(built / "docs"), _digests(built / "site")
    first, second = tmp_path / "one" / "a.zip", tmp_path / "two" / "a.zip"
    result = _cli("bundle", "--output", str(first), cwd=built)
    assert result.returncode == 0, result.stderr
    build_bundle(built / "mkdocs.yml", second)
    assert _digests(built / "docs") == docs_before
    assert _digests(built / "site") == site_before
    assert first.read_bytes() == second.read_bytes()
    elsewhere, third = tmp_path / "cache-elsewhere", tmp_path / "three" / "a.zip"
    result = _cli("bundle", "--output", str(third), "--cache", str(elsewhere), cwd=built)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "search").is_dir()  # --cache reaches the search plugin of the offline build too
    assert third.read_bytes() == first.read_bytes()


def test_outside_loads_names_the_page_and_the_url(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text(
        '<html><head><script src="https://cdn.example.org/x.js"></script><link rel="stylesheet" href="//fonts.example.org/a.css">'
        '<link rel="canonical" href="https://example.org/page"><script src="../assets/local.js"></script></head>'
        '<body><a href="https://example.org/">밖으로 가는 링크</a><img srcset="pic.png 1x, https://img.example.org/p.png 2x"></body></html>',
        encoding="utf-8",
    )
    assert outside_loads(tmp_path) == [
        "sub/page.html: https://cdn.example.org/x.js",
        "sub/page.html: //fonts.example.org/a.css",
        "sub/page.html: https://img.example.org/p.png",
    ]
