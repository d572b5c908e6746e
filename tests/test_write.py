"""generator/write.py: the generator writes only what it generates."""
from __future__ import annotations

from pathlib import Path

from generator.render import Page
from generator.write import MANIFEST, write_pages


def test_first_write_then_nothing_changes(tmp_path: Path):
    pages = [Page("index.md", "# 홈\n"), Page("articles/a.md", "# A\n")]
    first = write_pages(tmp_path, pages)
    assert sorted(first.written) == ["articles/a.md", "index.md"]
    mtime = (tmp_path / "index.md").stat().st_mtime_ns
    second = write_pages(tmp_path, pages)
    assert second.written == [] and sorted(second.unchanged) == ["articles/a.md", "index.md"]
    assert (tmp_path / "index.md").stat().st_mtime_ns == mtime


def test_hand_written_pages_survive(tmp_path: Path):
    (tmp_path / "about.md").write_text("# 직접 쓴 페이지\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# 직접 쓴 홈\n", encoding="utf-8")
    report = write_pages(tmp_path, [Page("index.md", "# 생성된 홈\n")])
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "# 직접 쓴 홈\n"
    assert (tmp_path / "about.md").read_text(encoding="utf-8") == "# 직접 쓴 페이지\n"
    assert report.kept_by_hand == ["index.md"]


def test_hand_edited_generated_page_is_not_overwritten_or_deleted(tmp_path: Path):
    write_pages(tmp_path, [Page("a.md", "v1\n"), Page("b.md", "v1\n")])
    (tmp_path / "a.md").write_text("edited by hand\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("edited too\n", encoding="utf-8")
    report = write_pages(tmp_path, [Page("a.md", "v2\n")])
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "edited by hand\n"
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "edited too\n"
    assert sorted(report.kept_by_hand) == ["a.md", "b.md"]


def test_pages_whose_article_is_gone_are_removed(tmp_path: Path):
    write_pages(tmp_path, [Page("index.md", "x\n"), Page("articles/gone.md", "y\n")])
    report = write_pages(tmp_path, [Page("index.md", "x\n")])
    assert report.removed == ["articles/gone.md"]
    assert not (tmp_path / "articles").exists()
    assert (tmp_path / MANIFEST).is_file()


def test_no_temporary_files_are_left(tmp_path: Path):
    write_pages(tmp_path, [Page("a.md", "x\n")])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([MANIFEST, "a.md"])


def test_temporary_files_of_a_killed_run_are_cleared(tmp_path):
    from generator.render import Page
    from generator.write import TEMPORARY_PREFIX, write_pages

    (tmp_path / "articles").mkdir()
    stray = tmp_path / "articles" / (TEMPORARY_PREFIX + "abc.md")
    stray.write_text("half", encoding="utf-8")
    write_pages(tmp_path, [Page("index.md", "# 홈\n")])
    assert not stray.exists() and (tmp_path / "index.md").is_file()


def test_a_users_file_that_looks_temporary_is_not_cleared(tmp_path: Path):
    draft = tmp_path / "notes" / ".tmp-draft.md"
    draft.parent.mkdir(parents=True)
    draft.write_text("# 초안\n", encoding="utf-8")
    write_pages(tmp_path, [Page("index.md", "# 홈\n")])
    assert draft.read_text(encoding="utf-8") == "# 초안\n"


def test_a_named_pipe_in_the_way_is_kept_and_never_read(tmp_path: Path):
    import os

    os.mkfifo(tmp_path / "index.md")  # reading it would block forever
    report = write_pages(tmp_path, [Page("index.md", "# 홈\n"), Page("other.md", "# 다른\n")])
    assert report.kept_by_hand == ["index.md"] and report.written == ["other.md"]
