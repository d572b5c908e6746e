"""generator/cache.py: an unchanged article is never analysed twice, and a changed one always is."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from generator.cache import DATA, AnalysisCache, configuration_hash
from generator.pipeline import load
from generator.site import generate_docs


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "input" / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def _as_dicts(articles) -> list[dict]:
    return [a.as_dict() for a in articles]


def test_a_second_run_analyses_nothing_and_gives_the_same_articles(corpus, tmp_path):
    cache = AnalysisCache(tmp_path / "cache")
    first = load([corpus], workers=1, cache=cache)
    assert len(first.analysed) == 5 and not first.reused
    again = load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache"))
    assert again.analysed == [] and len(again.reused) == 5
    assert _as_dicts(again.articles) == _as_dicts(first.articles)
    assert [a.raw_text for a in again.articles] == [a.raw_text for a in first.articles]
    assert again.noun_counts == first.noun_counts
    assert again.problems == first.problems
    uncached = load([corpus], workers=1)
    assert _as_dicts(uncached.articles) == _as_dicts(first.articles)


def test_changing_one_article_analyses_exactly_that_one(corpus, tmp_path):
    first = load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache"))
    changed = sorted(corpus.glob("*.txt"))[2]
    text = changed.read_text(encoding="utf-8")
    paragraph = next(p for a in first.articles if a.id == changed.stem for p in a.body if p in text)
    changed.write_text(text.replace(paragraph, paragraph + " 정부는 내년 3월 새 계획을 발표할 예정이다.", 1), encoding="utf-8")
    again = load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache"))
    assert again.analysed == [changed.stem]
    assert any("새 계획" in p for a in again.articles if a.id == changed.stem for p in a.body)


def test_a_sidecar_correction_is_a_change(corpus, tmp_path):
    load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache"))
    first = sorted(corpus.glob("*.txt"))[0]
    first.with_suffix(".yml").write_text("published: 2024-01-02\n", encoding="utf-8")
    again = load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache"))
    assert again.analysed == [first.stem]


def test_a_changed_vocabulary_reanalyses_everything(corpus, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = configuration_hash(data=data)
    assert before == configuration_hash(data=data)  # the hash is a function of the files, not of the moment
    load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache", before))
    topics = data / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = configuration_hash(data=data)
    assert after != before
    again = load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache", after))
    assert len(again.analysed) == 5
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [after[:16]]  # the old configuration's entries are gone


@pytest.mark.parametrize("damage", [b"", b"{not json", b"[]", b'{"key": "another"}', b"\xff\xfe\x00garbage"])
def test_a_corrupt_entry_is_a_miss_not_a_failure(corpus, tmp_path, damage):
    cache_dir = tmp_path / "cache"
    first = load([corpus], workers=1, cache=AnalysisCache(cache_dir))
    entries = sorted((cache_dir).rglob("*.json"))
    assert len(entries) == 5
    entries[0].write_bytes(damage)
    again = load([corpus], workers=1, cache=AnalysisCache(cache_dir))
    assert len(again.analysed) == 1
    assert _as_dicts(again.articles) == _as_dicts(first.articles)
    assert load([corpus], workers=1, cache=AnalysisCache(cache_dir)).analysed == []  # the entry was written again


def test_an_entry_with_other_fields_is_a_miss(corpus, tmp_path):
    import json

    cache_dir = tmp_path / "cache"
    load([corpus], workers=1, cache=AnalysisCache(cache_dir))
    entry = sorted(cache_dir.rglob("*.json"))[0]
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["article"]["field_of_an_older_version"] = 1
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert len(load([corpus], workers=1, cache=AnalysisCache(cache_dir)).analysed) == 1


def test_cached_build_writes_the_same_docs_and_only_what_changed(project, corpus, tmp_path):
    docs, templates = project / "docs", project / "templates"
    cache = tmp_path / "cache"
    uncached = tmp_path / "uncached-docs"
    shutil.copytree(docs, uncached)  # the same hand-written files in both
    generate_docs([corpus], uncached, templates, workers=1)
    first = generate_docs([corpus], docs, templates, AnalysisCache(cache), workers=1)
    assert len(first.analysed) == 5

    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert tree(docs) == tree(uncached)

    again = generate_docs([corpus], docs, templates, AnalysisCache(cache), workers=1)
    assert again.analysed == [] and again.report.written == [] and again.report.removed == []
    assert tree(docs) == tree(uncached)

    gone = sorted(corpus.glob("*.txt"))[1]
    gone.unlink()
    hand = docs / "notes.md"
    hand.write_text("# 메모\n", encoding="utf-8")
    third = generate_docs([corpus], docs, templates, AnalysisCache(cache), workers=1)
    assert third.analysed == []
    assert f"articles/{gone.stem}.md" in third.report.removed and f"sources/{gone.stem}.txt" in third.report.removed
    assert not (docs / "articles" / f"{gone.stem}.md").exists()
    assert f"sources/{sorted(corpus.glob('*.txt'))[0].stem}.txt" in third.report.unchanged  # pages of kept articles that did not change
    assert hand.read_text(encoding="utf-8") == "# 메모\n"


def test_an_input_taken_from_the_cache_brings_back_the_problems_met_reading_it(corpus, tmp_path):
    damaged = sorted(corpus.glob("*.txt"))[0]
    damaged.write_bytes(damaged.read_bytes().replace(b"\n", b"\x00\n", 3))  # NUL bytes: repaired, with a warning
    (corpus / "notes.yml").write_text("- not a mapping\n", encoding="utf-8")
    first = load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache"))
    assert any(p.source.endswith(damaged.name) and "NUL" in p.message for p in first.problems)
    again = load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache"))
    assert again.analysed == [] and again.problems == first.problems
    assert set(again.fingerprints) == {a.id for a in again.articles}


def test_a_renamed_input_is_read_under_its_new_name(corpus, tmp_path):
    first = load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache"))
    old = sorted(corpus.glob("*.txt"))[0]
    old.rename(old.with_name("renamed.txt"))
    again = load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache"))
    assert again.analysed == ["renamed"]
    assert {a.id for a in again.articles} == {a.id for a in first.articles} - {old.stem} | {"renamed"}
    assert next(a for a in again.articles if a.id == "renamed").source.endswith("renamed.txt")


def test_after_an_edit_the_cached_build_writes_what_a_fresh_build_writes(project, corpus, tmp_path):
    """The memo of article pages and briefing.json must never keep a page the edit changed, here or on another article."""
    docs, templates = project / "docs", project / "templates"
    cache = tmp_path / "cache"
    fresh = tmp_path / "fresh"
    shutil.copytree(docs, fresh)  # the same hand-written files in both
    generate_docs([corpus], docs, templates, AnalysisCache(cache), workers=1)
    assert any((cache / "render").rglob("*")), "the memo was not used"
    edited = sorted(corpus.glob("*.txt"))[3]
    text = edited.read_text(encoding="utf-8")
    first = load([corpus], workers=1).articles
    body = next(a for a in first if a.id == edited.stem).body
    person = next(p for a in first if a.id != edited.stem for p in a.people if p["role"])
    addition = f' {person["name"]} {person["role"]}은 "내년 3월까지 GPU 5만 장을 더 확보하겠다"고 말했다.'
    edited.write_text(text.replace(body[-1], body[-1] + addition, 1), encoding="utf-8")
    again = generate_docs([corpus], docs, templates, AnalysisCache(cache), workers=1)
    assert again.analysed == [edited.stem]
    generate_docs([corpus], fresh, templates, workers=1)

    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert tree(docs) == tree(fresh)
    assert f"articles/{edited.stem}.md" in again.report.written and "data/briefing.json" in again.report.written
    assert any(path.startswith("people/") for path in again.report.written)  # the edit reached another article's person


def test_a_users_folder_inside_the_cache_is_never_removed(corpus, tmp_path):
    own = tmp_path / "cache" / "0123456789abcdef"  # named like a configuration's folder, holding only JSON
    own.mkdir(parents=True)
    (own / "data.json").write_text("{}", encoding="utf-8")
    load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache", "a" * 64))
    load([corpus], workers=1, cache=AnalysisCache(tmp_path / "cache", "b" * 64))
    assert (own / "data.json").is_file()
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["0123456789abcdef", "b" * 16]
