"""Shared fixtures: the repository's own files, and a scratch project for full builds."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's site configuration (mkdocs.yml, templates, hand-written docs) to build in."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "docs" / "assets").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "assets" / "briefing.css", tmp_path / "docs" / "assets" / "briefing.css")  # the hand-written asset only
    (tmp_path / "seeds").mkdir()
    return tmp_path


def write_article(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium driven by Playwright.

    Skipped on a machine without Debian's Chromium, unless BRIEFING_REQUIRE_BROWSER=1
    (set by .ci/run), where a missing browser is a failure.
    """
    import os

    if not CHROMIUM.exists():
        if os.environ.get("BRIEFING_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing and browser tests are required here")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()
