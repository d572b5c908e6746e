"""generator/corpus.py: one timeline from several sources, merged only where they agree."""
from __future__ import annotations

from generator.corpus import merge_timeline, split_by_reference
from generator.model import Article


def _article(article_id: str, events: list[dict]) -> Article:
    return Article(id=article_id, source=f"seeds/{article_id}.txt", language="ko", title=article_id, subtitles=[], outlet=article_id,
                   reporters=[], published="2025-09-18", published_confidence="stated", body=["본문."] * 5, events=events)


def _event(date: str, what: str, kind: str = "target", paragraph: int = 0) -> dict:
    precision = "year" if len(date) == 4 else "day"
    return {"date": date, "precision": precision, "kind": kind, "what": what, "evidence": what + "라고 밝혔다.", "paragraph": paragraph}


def test_the_same_goal_from_two_sources_is_one_entry_with_two_sources():
    a = _article("a", [_event("2030", "GPU 20만장 확보 목표", paragraph=2)])
    b = _article("b", [_event("2030", "정부 20만 장 확보 목표", paragraph=4)])
    [entry] = merge_timeline([a, b])
    assert [(s.article, s.paragraph) for s in entry.sources] == [("a", 2), ("b", 4)]


def test_different_dates_or_different_goals_stay_apart():
    a = _article("a", [_event("2030", "GPU 20만장 확보 목표"), _event("2025-09-08", "위원회 출범", "past")])
    b = _article("b", [_event("2028", "GPU 20만장 확보 목표"), _event("2030", "인재 1만2000명 양성 목표")])
    assert len(merge_timeline([a, b])) == 4


def test_past_and_ahead_split_at_the_newest_publication():
    a = _article("a", [_event("2025-09-08", "위원회 출범", "past"), _event("2025-09-25", "법안 통과", "scheduled"), _event("2030", "목표")])
    past, ahead = split_by_reference(merge_timeline([a]), "2025-09-18")
    assert [e.what for e in past] == ["위원회 출범"]
    assert [e.what for e in ahead] == ["법안 통과", "목표"]


def test_one_event_under_two_dates_is_shown_as_a_conflict():
    a = _article("a", [_event("2030", "GPU 20만장 확보 목표")])
    b = _article("b", [_event("2029", "GPU 20만장 확보 목표")])
    entries = merge_timeline([a, b])
    assert [(e.date, e.conflicts) for e in entries] == [("2029", ["2030"]), ("2030", ["2029"])]


def test_steps_of_one_plan_in_one_article_are_not_conflicts():
    a = _article("a", [_event("2025", "GPU 1만3000장 확보 목표"), _event("2030", "GPU 20만장 확보 목표")])
    assert all(not e.conflicts for e in merge_timeline([a]))
