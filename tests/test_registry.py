"""generator/registry.py: one entry per person and organisation across articles."""
from __future__ import annotations

from generator.model import Article
from generator.registry import build_orgs, build_people, slug


def _article(article_id: str, published: str, people: list[dict], quotes: list[dict] | None = None, orgs: list[dict] | None = None) -> Article:
    return Article(id=article_id, source=f"seeds/{article_id}.txt", language="ko", title=article_id, subtitles=[], outlet=f"매체{article_id}",
                   reporters=[], published=published, published_confidence="stated", body=["본문."] * 5, people=people,
                   quotes=quotes or [], orgs=orgs or [])


def _person(name: str, role: str | None, aliases: list[str] | None = None) -> dict:
    return {"name": name, "role": role, "aliases": aliases or [], "mentions": 2}


def test_one_person_across_articles_with_the_newest_role_and_quotes_in_date_order():
    old = _article("a", "2025-06-01", [_person("김민수", "과학기술부 차관", ["김 차관"])],
                   [{"speaker": "김민수", "text": "먼저 한 말", "paragraph": 1}])
    new = _article("b", "2025-09-01", [_person("김민수", "과학기술부 장관", ["김 장관"])],
                   [{"speaker": "김민수", "text": "나중에 한 말", "paragraph": 3}])
    [person], problems = build_people([new, old])
    assert person.role == "과학기술부 장관"
    assert [role for role, _ in person.roles] == ["과학기술부 차관", "과학기술부 장관"]
    assert [q.text for q in person.quotes] == ["먼저 한 말", "나중에 한 말"]
    assert [a.id for a in person.articles] == ["a", "b"]
    assert set(person.aliases) == {"김 차관", "김 장관"} and not problems


def test_a_respelt_role_is_not_a_role_change():
    a = _article("a", "2025-06-01", [_person("류지훈", "과기정통부 제2차관")])
    b = _article("b", "2025-07-01", [_person("류지훈", "과학기술정보통신부 제 2차관")])
    [person], _ = build_people([a, b])
    assert len(person.roles) == 1 and person.role == "과학기술정보통신부 제 2차관"


def test_a_name_one_syllable_off_with_the_same_role_is_merged_and_reported():
    a = _article("a", "2025-06-01", [_person("박서준", "국토교통부 장관")])
    b = _article("b", "2025-06-02", [_person("박서존", "국토교통부 장관")])
    [person], problems = build_people([a, b])
    assert person.name == "박서준" and person.variants == ["박서존"]
    assert len(problems) == 1 and "박서존" in problems[0].message and "박서준" in problems[0].message and problems[0].field == "people"


def test_similar_names_with_different_roles_stay_apart_and_titles_never_join_people():
    a = _article("a", "2025-06-01", [_person("박서준", "국토교통부 장관", ["박 장관"])])
    b = _article("b", "2025-06-02", [_person("박서존", "배우"), _person("박하늘", "환경부 장관", ["박 장관"])])
    people, problems = build_people([a, b])
    assert sorted(p.name for p in people) == ["박서존", "박서준", "박하늘"] and not problems


def test_a_quoted_speaker_missing_from_people_still_gets_an_entry():
    a = _article("a", "2025-06-01", [], [{"speaker": "이도윤", "text": "말", "paragraph": 0}, {"speaker": None, "text": "누구", "paragraph": 1}])
    people, _ = build_people([a])
    assert [(p.name, len(p.quotes)) for p in people] == [("이도윤", 1)]


def test_organisations_merge_through_aliases_and_list_their_people():
    ministry_org = {"name": "과학기술정보통신부", "aliases": ["과기정통부"], "mentions": 3}
    a = _article("a", "2025-06-01", [_person("김민수", "과기정통부 장관")], orgs=[ministry_org])
    b = _article("b", "2025-06-02", [], orgs=[{"name": "과기정통부", "aliases": [], "mentions": 1}, {"name": "OECD", "aliases": [], "mentions": 1}])
    people, _ = build_people([a, b])
    orgs = build_orgs([a, b], people)
    ministry = next(o for o in orgs if o.name == "과학기술정보통신부")
    assert ministry.aliases == ["과기정통부"] and [r.id for r in ministry.articles] == ["a", "b"] and ministry.people == ["김민수"]
    assert len(orgs) == 2


def test_slugs_are_readable_names_or_stable_hashes():
    assert slug("류제명", "p-") == "류제명"
    assert slug("Sam Altman", "p-") == "Sam-Altman"
    odd = slug("../<script>", "p-")
    assert odd.startswith("p-") and odd == slug("../<script>", "p-") and "/" not in odd


def test_the_same_title_at_two_organisations_is_two_people():
    a = _article("a", "2025-06-01", [_person("김민수", "서울대 교수")])
    b = _article("b", "2025-06-02", [_person("김민준", "고려대 교수")])
    people, problems = build_people([a, b])
    assert sorted(p.name for p in people) == ["김민수", "김민준"] and not problems


def test_site_page_names_are_never_a_slug():
    assert slug("index", "o-").startswith("o-") and slug("page-2", "o-").startswith("o-")
