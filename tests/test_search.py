"""The Korean search index: Kiwi's word parts (unit) and the hit rate of the real search in Chromium."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from generator.search.index import enrich
from generator.search.probe import build_both, hits, load_queries, ranked_pages
from generator.search.segment import index_parts, noun_terms, split_compound
from generator.search.vocabulary import load_vocabulary
from generator.site import mkdocs_build

QUERIES = ROOT / "tests" / "data" / "search_queries.yml"
SEPARATOR = r"[\s\-·,()]+"


# --- Kiwi splitting (real Kiwi) ---------------------------------------------------------------

def test_split_compound_gives_the_nouns_without_the_particle():
    assert split_compound("국가AI컴퓨팅센터를") == ["국가", "AI", "컴퓨팅", "센터"]
    assert "".join(split_compound("과학기술정보통신부는")) == "과학기술정보통신부"
    assert split_compound("밝혔다") == []


def test_index_parts_hold_every_inner_part_of_a_compound():
    parts = index_parts("정부는 국가AI컴퓨팅센터를 짓는다", SEPARATOR)
    assert {"ai컴퓨팅센터", "컴퓨팅센터", "센터"} <= set(parts)
    # the word's own start is already a lunr prefix; particles are never parts
    assert "국가ai컴퓨팅센터" not in parts
    assert not any(p in ("를", "는") for p in parts)


def test_index_parts_keep_how_often_the_text_repeats_a_part():
    once = index_parts("제2차관이 말했다", SEPARATOR)
    twice = index_parts("제2차관이 말했고 제2차관은 떠났다", SEPARATOR)
    assert twice.count("2차관") == 2 * once.count("2차관") > 0


def test_aliases_find_each_other_only_at_morpheme_boundaries():
    assert "딥시크" in index_parts("딥씨크가 공개한 모델", SEPARATOR)
    assert "과학기술정보통신부" in index_parts("과기정통부는 밝혔다", SEPARATOR)
    assert "인공지능" in index_parts("AI 반도체", SEPARATOR)
    assert "인공지능" not in index_parts("FAIR 연구소", SEPARATOR)  # "AI" inside a longer word


def test_a_name_written_with_a_space_is_also_indexed_joined():
    assert "국민의힘" in index_parts("국민의 힘 소속 의원", SEPARATOR)
    assert "피지컬ai" in index_parts("피지컬 AI에서 틈을", SEPARATOR)
    assert "피지컬ai" not in index_parts("피지컬, AI", SEPARATOR)  # punctuation between: two phrases


def test_words_without_hangul_add_nothing():
    assert index_parts("a7d5f832efe6b661 report2025 MSCI", SEPARATOR) == []


def test_noun_terms_name_what_a_text_is_about():
    terms = noun_terms("배경훈 장관은 국산 NPU를 도입하겠다고 밝혔다", SEPARATOR)
    assert {"배경훈", "장관", "국산", "npu", "신경망처리장치"} <= set(terms)
    assert not any(t.startswith("밝") or t.startswith("도입하") for t in terms)


def test_entity_aliases_are_merged_into_the_search_groups():
    vocabulary = load_vocabulary()
    assert "과학기술정보통신부" in vocabulary.other_forms("과기정통부")
    assert "과기정통부" in vocabulary.other_forms("과학기술정보통신부")
    assert vocabulary.other_forms("과기정통부") == vocabulary.other_forms("과기정통부 ")


# --- the index transform -------------------------------------------------------------------------

def _material_index() -> dict:
    return {
        "config": {"lang": ["ko"], "separator": SEPARATOR, "pipeline": [" "], "fields": {"title": {"boost": 1000.0}}},
        "docs": [
            {"location": "a.html", "title": "국가AI컴퓨팅센터 착공", "text": "<p>표</p>"},
            {"location": "a.html#_1", "title": "요약", "text": "<ul><li>딥씨크가 주목받았다.</li></ul>"},
            {"location": "a.html#_2", "title": "발언", "text": "<p>딥씨크가 주목받았다.</p>"},
            {"location": "a.html#_3", "title": "본문", "text": "<p>과기정통부는 데이터센터를 짓는다.</p>"},
            {"location": "list.html", "title": "목록", "text": "<p>국가AI컴퓨팅센터 착공</p>"},
        ],
    }


def test_enrich_adds_parts_subjects_and_boosts_and_drops_repeated_sections():
    vocabulary = load_vocabulary()
    out = enrich(_material_index(), vocabulary)
    by_location = {d["location"]: d for d in out["docs"]}
    skipped = [s for s in vocabulary.skip_sections if s == "발언"]
    assert skipped and "a.html#_2" not in by_location
    assert "과학기술정보통신부" in by_location["a.html#_3"]["parts"].split()
    about = by_location["a.html"]["about"].split()
    assert {"컴퓨팅센터", "딥씨크", "딥시크"} <= set(about)
    assert by_location["a.html"]["boost"] == by_location["a.html#_3"]["boost"] == vocabulary.about_page_boost
    assert "boost" not in by_location["list.html"] and "about" in by_location["list.html"]
    assert set(vocabulary.fields) <= set(out["config"]["fields"]) and "title" in out["config"]["fields"]
    assert json.dumps(out) == json.dumps(enrich(_material_index(), vocabulary))


def test_a_memo_gives_the_same_index_and_spares_kiwi_the_second_time(tmp_path):
    from generator.memo import RenderMemo

    vocabulary = load_vocabulary()
    plain = json.dumps(enrich(_material_index(), vocabulary), ensure_ascii=False)
    first = RenderMemo(tmp_path / "search", None)
    assert json.dumps(enrich(_material_index(), vocabulary, first), ensure_ascii=False) == plain
    assert first.stored > 0 and first.hits == 0
    again = RenderMemo(tmp_path / "search", None)
    assert json.dumps(enrich(_material_index(), vocabulary, again), ensure_ascii=False) == plain
    assert again.stored == 0 and again.hits == first.stored


def test_enrich_bounds_the_parts_of_one_entry():
    vocabulary = load_vocabulary()
    long_text = "<p>" + " ".join(f"국가AI컴퓨팅센터{i}호" for i in range(3 * vocabulary.max_parts_per_entry)) + "</p>"
    about = sorted(vocabulary.about_sections)[0]
    index = {"config": {"separator": SEPARATOR}, "docs": [{"location": "x.html", "title": "제목", "text": long_text},
                                                          {"location": "x.html#_1", "title": about, "text": long_text}]}
    page, section = enrich(index, vocabulary)["docs"]
    assert len(page["parts"].split()) == len(section["parts"].split()) == vocabulary.max_parts_per_entry
    assert len(page["about"].split()) == vocabulary.max_about_terms


# --- the real search, in Chromium ---------------------------------------------------------------

@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    """The seeds built once with the Korean index (site/) and once as plain Material search would index them."""
    project = tmp_path_factory.mktemp("search")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    return build_both(project, SEEDS)


def test_the_built_index_has_the_korean_fields(sites):
    improved, plain = sites
    index = json.loads((improved / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"parts", "about"} <= set(index["config"]["fields"])
    assert any("parts" in d for d in index["docs"])
    assert "parts" not in (plain / "search" / "search_index.json").read_text(encoding="utf-8")


def test_the_search_index_is_the_same_on_a_second_build(sites):
    improved, _ = sites
    first = (improved / "search" / "search_index.json").read_bytes()
    mkdocs_build(improved.parent / "mkdocs.yml", strict=True)
    assert (improved / "search" / "search_index.json").read_bytes() == first


def test_material_search_finds_the_expected_pages(sites, browser):
    improved, plain = sites
    queries = load_queries(QUERIES)
    assert len(queries) >= 20
    asked = [q["query"] for q in queries]
    ours, theirs = ranked_pages(browser, improved, asked), ranked_pages(browser, plain, asked)

    def rate(ranked: list[list[str]], top: int) -> float:
        return sum(hits(r, q["expect"], top) for r, q in zip(ranked, queries, strict=True)) / len(queries)

    missed = [q["query"] for r, q in zip(ours, queries, strict=True) if not hits(r, q["expect"], 5)]
    assert rate(ours, 5) >= 0.9, missed
    assert rate(ours, 5) > rate(theirs, 5)
    assert rate(ours, 1) > rate(theirs, 1)


def test_the_search_box_shows_an_article_found_by_a_compound_tail(sites, browser):
    improved, _ = sites
    from generator.search.probe import serve

    with serve(improved) as base:
        page = browser.new_page()
        try:
            page.goto(base + "index.html?q=" + "컴퓨팅센터")
            link = page.locator(".md-search-result__list a[href*='articles/']").first
            link.wait_for(timeout=10_000)
            assert "articles/" in link.get_attribute("href")
        finally:
            page.close()
