"""generator/cli.py: the commands as a user types them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS, write_article

from generator.model import CONTRACT_FIELDS


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_analyze_writes_the_contract_document(tmp_path: Path):
    out = tmp_path / "briefing.json"
    result = run("analyze", str(SEEDS), "--json", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "briefing/1" and data["generator"].startswith("generator ")
    assert len(data["articles"]) == 5
    for article in data["articles"]:
        assert list(article)[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS)
        assert article["published_confidence"] in ("stated", "inferred", "unknown")
        assert article["body"] and article["title"]
    assert all(set(w) >= {"source", "article", "field", "message"} for w in data["warnings"])


def test_analyze_keeps_going_past_a_bad_file(tmp_path: Path):
    write_article(tmp_path, "good.txt", "제목 한 줄입니다\n정부는 오늘 새 계획을 발표했다.\n")
    (tmp_path / "bad.txt").write_bytes(b"")
    out = tmp_path / "out.json"
    result = run("analyze", str(tmp_path), "--json", str(out))
    assert result.returncode == 3  # written, but something was skipped
    assert "bad.txt" in result.stderr and "empty" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["good"]
    assert any(w["source"].endswith("bad.txt") for w in data["warnings"])


def test_analyze_fails_clearly_when_nothing_is_readable(tmp_path: Path):
    (tmp_path / "bad.txt").write_bytes(b"")
    result = run("analyze", str(tmp_path), "--json", str(tmp_path / "out.json"))
    assert result.returncode != 0
    assert "no article could be read" in result.stderr
