"""Nothing lost: a build killed at any moment leaves the previous site whole, docs/ buildable, inputs untouched.

Real `python -m generator build` processes on a copied project, killed with SIGKILL at
different moments; generator/write.py's manifest and generator/site.py's swap of site/.
"""
from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS, write_article
from mkdocs.exceptions import MkDocsException

from generator.render import Page
from generator.site import mkdocs_build
from generator.write import MANIFEST, load_manifest, write_pages

EXTRA = (
    "항만공사, 스마트항만 시범사업 착수\n"
    "[바다신문=김하늘 기자] 항만공사는 올해 스마트항만 시범사업에 120억원을 투입한다고 밝혔다.\n"
    "사업은 내년 말까지 이어진다.\n"
    "입력 2025.09.11 10:00\n"
)


def _digest(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in skip}


def _stamps(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.iterdir())}


def _build_command(project: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "seeds", "--no-cache"]


def _start(project: Path) -> subprocess.Popen:
    return subprocess.Popen(_build_command(project), cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_when(process: subprocess.Popen, ready, timeout: float = 120) -> bool:
    """SIGKILL the build as soon as `ready()` holds; True when it was still running then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if ready():
            process.send_signal(signal.SIGKILL)
            process.wait()
            return process.returncode == -signal.SIGKILL
        time.sleep(0.005)
    process.kill()
    process.wait()
    return False


def _staging(project: Path) -> list[Path]:
    return list(project.glob(".site.building-*"))


@pytest.fixture
def built_once(project: Path) -> Path:
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, project / "seeds" / seed.name)
    first = sorted(SEEDS.glob("*.txt"))[0]
    (project / "seeds" / f"{first.stem}.yml").write_text("outlet: 손으로 고친 매체\n", encoding="utf-8")
    (project / "docs" / "about.md").write_text("# 소개\n\n직접 쓴 페이지.\n", encoding="utf-8")
    result = subprocess.run(_build_command(project), cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    (project / "first-build.log").write_text(result.stderr, encoding="utf-8")
    return project


def _in_the_way(log: str) -> list[str]:
    return sorted(line for line in log.splitlines() if "in the way" in line)


def test_a_killed_build_leaves_the_previous_site_and_a_usable_docs(built_once: Path):
    project = built_once
    site_before = _digest(project / "site")
    seeds_before = _stamps(project / "seeds")
    hand_written = (project / "docs" / "about.md").read_bytes()
    # A change to the corpus, so the killed builds have new pages to write.
    write_article(project / "seeds", "extra.txt", EXTRA)
    seeds_before = _stamps(project / "seeds")
    started = time.monotonic()
    moments = {
        "while reading and analysing": lambda: time.monotonic() - started > 1.0,
        "once docs/ has the new page": lambda: (project / "docs" / "articles" / "extra.md").exists(),
        "while MkDocs writes the new site": lambda: any(any(s.rglob("*.html")) for s in _staging(project)),
    }
    killed = []
    for moment, ready in moments.items():
        process = _start(project)
        if _kill_when(process, ready):
            killed.append(moment)
        assert _digest(project / "site") == site_before, moment
        assert (project / "docs" / "about.md").read_bytes() == hand_written, moment
        assert _stamps(project / "seeds") == seeds_before, moment
        manifest = load_manifest(project / "docs")
        for rel, hashes in manifest.items():
            path = project / "docs" / rel
            if path.exists():
                on_disk = hashlib.sha256(path.read_bytes()).hexdigest()
                assert on_disk in ([hashes] if isinstance(hashes, str) else hashes), (moment, rel)
    assert len(killed) >= 2, killed
    # The half-finished docs/ builds as it stands, and the next full build finishes the job.
    shutil.copytree(project, project.parent / "check", ignore=shutil.ignore_patterns("site", ".site.*"))
    mkdocs_build(project.parent / "check" / "mkdocs.yml")
    assert (project.parent / "check" / "site" / "index.html").is_file()
    result = subprocess.run(_build_command(project), cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    # The generator still owns every page it wrote before the kills: nothing new is "in the way".
    assert _in_the_way(result.stderr) == _in_the_way((project / "first-build.log").read_text(encoding="utf-8"))
    assert (project / "site" / "articles" / "extra.html").is_file()
    assert not _staging(project) and not list(project.glob(".site.previous"))
    assert not [p for p in (project / "docs").rglob(".briefing-tmp-*")]
    assert (project / "docs" / "about.md").read_bytes() == hand_written
    assert _stamps(project / "seeds") == seeds_before
    assert isinstance(load_manifest(project / "docs")["articles/extra.md"], str)


def test_a_failed_mkdocs_build_keeps_the_old_site(built_once: Path):
    project = built_once
    before = _digest(project / "site")
    (project / "docs" / "broken.md").write_text("# 깨진 링크\n\n[없는 쪽](missing.md)\n", encoding="utf-8")
    with pytest.raises(MkDocsException):  # strict mode aborts after MkDocs has written pages into its staging folder
        mkdocs_build(project / "mkdocs.yml", strict=True)
    assert _digest(project / "site") == before
    assert not _staging(project)


def test_writes_cut_short_leave_pages_the_generator_still_owns(tmp_path: Path):
    docs = tmp_path / "docs"
    first = [Page(f"articles/a{n}.md", f"# 처음 {n}\n") for n in range(4)]
    write_pages(docs, first)
    (docs / "hand.md").write_text("손으로 쓴 글\n", encoding="utf-8")
    blocker = Page("articles/a3.md/impossible.md", "x")  # a3.md is a file, so this write fails half-way through the run
    second = [Page(f"articles/a{n}.md", f"# 둘째 {n}\n") for n in range(3)] + [blocker]
    with pytest.raises(OSError):
        write_pages(docs, second)
    assert (docs / "articles" / "a0.md").read_text(encoding="utf-8") == "# 둘째 0\n"
    report = write_pages(docs, [Page(f"articles/a{n}.md", f"# 셋째 {n}\n") for n in range(4)])
    assert report.kept_by_hand == []
    assert sorted(report.written) == [f"articles/a{n}.md" for n in range(4)]
    assert (docs / "hand.md").read_text(encoding="utf-8") == "손으로 쓴 글\n"
    assert all(isinstance(v, str) for v in load_manifest(docs).values())
    assert (docs / MANIFEST).is_file() and not list(docs.rglob(".briefing-tmp-*"))
