"""generator/site.py: regeneration when an input changes (what `serve` relies on)."""
from __future__ import annotations

import os
import threading
from pathlib import Path

from conftest import write_article

from generator.site import generate_docs, watch_and_regenerate


def test_a_changed_seed_triggers_regeneration(project: Path):
    seeds = project / "seeds"
    write_article(seeds, "a.txt", "첫 기사 제목 한 줄\n정부는 오늘 새로운 계획을 발표했다.\n")
    generate_docs([seeds], project / "docs", project / "templates")
    changed = threading.Event()

    def regenerate() -> None:
        generate_docs([seeds], project / "docs", project / "templates")
        changed.set()

    watch_and_regenerate([seeds, project / "templates"], regenerate, interval=0.1)
    write_article(seeds, "b.txt", "둘째 기사 제목 한 줄\n정부는 어제 다른 계획을 발표했다.\n")
    assert changed.wait(timeout=10)
    assert "둘째 기사 제목" in (project / "docs" / "articles" / "b.md").read_text(encoding="utf-8")


def test_site_identity_reads_name_and_url_and_tolerates_tags(tmp_path):
    from generator.site import site_identity

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: 정책 브리핑\nsite_url: https://example.org/b/\nextra:\n  key: !ENV [NOPE, x]\n", encoding="utf-8")
    assert site_identity(config) == ("정책 브리핑", "https://example.org/b/")
    config.write_text("site_name: 브리핑\n", encoding="utf-8")
    assert site_identity(config) == ("브리핑", None)
    assert site_identity(tmp_path / "missing.yml") == ("브리핑", None)
    config.write_text('site_name: 브리핑\nsite_url: !ENV [BRIEFING_TEST_SITE_URL, ""]\n', encoding="utf-8")
    assert site_identity(config) == ("브리핑", None)
    os.environ["BRIEFING_TEST_SITE_URL"] = "https://example.org/x/"
    try:
        assert site_identity(config) == ("브리핑", "https://example.org/x/")
    finally:
        del os.environ["BRIEFING_TEST_SITE_URL"]
