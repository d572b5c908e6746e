"""generator/ledger.py: figures grouped by what they count, with agreement and conflict."""
from __future__ import annotations

from generator.ledger import build_ledger, build_series, by_category, categorise, format_value, key_groups
from generator.model import Article


def _article(article_id: str, body: list[str], figures: list[dict], published: str = "2025-09-01") -> Article:
    return Article(id=article_id, source=f"seeds/{article_id}.txt", language="ko", title=article_id, subtitles=[], outlet=f"매체{article_id}",
                   reporters=[], published=published, published_confidence="stated", body=body, figures=figures)


def _figure(text: str, value: float, unit: str, when: str | None, paragraph: int = 0, what: str = "") -> dict:
    return {"text": text, "value": value, "unit": unit, "what": what, "when": when, "paragraph": paragraph}


def test_categories_come_from_unit_and_sentence_words():
    assert categorise("장", "정부는 GPU 20만 장을 확보한다.", "") == "GPU 수량"
    assert categorise("장", "정부는 마스크 20만 장을 샀다.", "") == "기타 수량"
    assert categorise("원", "예산은 1조 원이다.", "") == "예산·투자 규모"
    assert categorise("명", "AI 인재 1만 명을 키운다.", "") == "AI 인재 규모"


def test_same_value_from_two_sources_agrees_and_different_values_for_the_same_thing_conflict():
    a = _article("a", ["정부는 2030년까지 GPU 20만 장을 확보하겠다고 밝혔다."], [_figure("20만 장", 200000, "장", "2030")])
    b = _article("b", ["정부는 2030년까지 GPU 20만 장을 확보하기로 했다."], [_figure("20만 장", 200000, "장", "2030")])
    c = _article("c", ["정부는 2030년까지 GPU 15만 장을 확보하겠다고 밝혔다."], [_figure("15만 장", 150000, "장", "2030")])
    [agreeing] = build_ledger([a, b])
    assert agreeing.status == "agree" and agreeing.rows[0].sources == 2
    [group] = build_ledger([a, b, c])
    assert group.status == "conflict" and [row.value for row in group.rows] == [150000, 200000]
    assert [(x.source.id, y.source.id) for x, y in group.conflicts] == [("c", "a")]  # one example pair per two values


def test_different_things_in_one_group_are_not_a_conflict():
    a = _article("a", ["올해 정부가 구매한 GPU는 1만 장이다."], [_figure("1만 장", 10000, "장", "2025")])
    b = _article("b", ["엔비디아는 한국 기업들과 손잡고 새로운 GPU 공장 건설에 들어가며 5만 장 생산을 예고했다."],
                 [_figure("5만 장", 50000, "장", "2025")])
    [group] = build_ledger([a, b])
    assert group.status == "several" and not group.conflicts


def test_one_article_repeating_a_figure_is_one_claim_and_series_need_three_years():
    body = ["2025년 GPU 1만 장, 2026년 GPU 2만 장을 산다.", "2030년에는 GPU 20만 장을 확보한다. GPU 20만 장은 큰 숫자다."]
    figures = [_figure("1만 장", 10000, "장", "2025"), _figure("2만 장", 20000, "장", "2026", 0),
               _figure("20만 장", 200000, "장", "2030", 1), _figure("20만 장", 200000, "장", "2030", 1)]
    groups = build_ledger([_article("a", body, figures)])
    assert [len(g.claims) for g in groups] == [1, 1, 1]
    [series] = build_series(groups)
    assert series.category == "GPU 수량" and [(y, v) for y, v, _ in series.points] == [(2025, 10000), (2026, 20000), (2030, 200000)]
    assert build_series(build_ledger([_article("b", body[:1], figures[:2])])) == []


def test_values_are_formatted_for_reading():
    assert format_value(13000.0, "장") == "13,000 장"
    assert format_value(1.3, "년") == "1.3 년"


def test_home_key_groups_put_conflicts_and_agreement_first_and_sections_keep_category_order():
    gpu_a = _article("a", ["정부는 2030년까지 GPU 20만 장을 확보하겠다고 밝혔다.", "AI 인재 1만 명을 2030년까지 키운다."],
                     [_figure("20만 장", 200000, "장", "2030"), _figure("1만 명", 10000, "명", "2030", 1)])
    gpu_b = _article("b", ["정부는 2030년까지 GPU 15만 장을 확보하겠다고 밝혔다.", "AI 인재 1만 명을 2030년까지 키운다."],
                     [_figure("15만 장", 150000, "장", "2030"), _figure("1만 명", 10000, "명", "2030", 1)])
    groups = build_ledger([gpu_a, gpu_b])
    assert [g.status for g in key_groups(groups, 5)] == ["conflict", "agree"]
    assert [category for category, _ in by_category(groups)] == ["GPU 수량", "AI 인재 규모"]
