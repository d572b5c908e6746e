"""generator/analyse/entities.py: people with roles and aliases, organisations with their other names (real Kiwi)."""
from __future__ import annotations

from generator.analyse.entities import find_entities

BODY = [
    "[한빛일보 김하늘 기자] 배경훈 과학기술정보통신부 장관은 12일 기자간담회에서 새 전략을 설명했다.",
    "배 장관은 이날 KAIST 황성주 교수와 신진우 교수의 연구 성과도 소개했다.",
    "행사에는 이경일 솔트룩스 대표와 한국인공지능·소프트웨어산업협회(KOSA) 관계자들이 참석했다. KOSA는 협력을 약속했다.",
    "과기정통부는 연내 세부 계획을 내놓는다. 김하늘 기자가 현장을 취재했다.",
]


def by_name(people):
    return {p["name"]: p for p in people}


def test_people_roles_and_aliases():
    people, _ = find_entities(BODY, ["김하늘"])
    found = by_name(people)
    assert found["배경훈"]["role"] == "과학기술정보통신부 장관"
    assert "배 장관" in found["배경훈"]["aliases"]
    assert found["배경훈"]["mentions"] == 2
    assert found["황성주"]["role"] == "KAIST 교수"
    assert found["신진우"]["role"].endswith("교수")
    assert found["이경일"]["role"] == "솔트룩스 대표"


def test_reporter_is_not_a_person():
    people, _ = find_entities(BODY, ["김하늘"])
    assert "김하늘" not in by_name(people)
    # without the byline, "X 기자" still names no person of the story
    people, _ = find_entities(BODY, [])
    assert "김하늘" not in by_name(people)


def test_no_person_from_common_nouns_or_places():
    people, _ = find_entities(["정부 장관과 10개 부처 장관이 모였다. 미국 백악관 관계자와 서울시 관계자도 왔다."], [])
    assert people == []


def test_shared_title_variant_spelling_and_foreign_names():
    body = [
        "국회에서는 더불어민주당 정동영, 국민의 힘 최형두 의원 공동 주최로 포럼이 열렸다.",
        "최영두 의원도 협력을 강조했다. 오픈 AI 샘올트먼 CEO와 소프트뱅크 손정의 회장이 사업을 추진한다.",
        "당시 주목받은 인물은 마이클 크라치우스 미국 백악관 과학기술정책실장이었다.",
    ]
    found = by_name(find_entities(body, [])[0])
    assert found["정동영"]["role"] == "더불어민주당 의원"
    assert found["최형두"]["role"].endswith("의원") and "최영두" in found["최형두"]["aliases"]
    assert "최영두" not in found
    assert found["샘올트먼"]["role"] == "오픈 AI CEO"
    assert found["손정의"]["role"] == "소프트뱅크 회장"
    assert found["마이클 크라치우스"]["role"].endswith("과학기술정책실장")


def test_role_keeps_parenthetical_and_former_titles():
    body = ["행사에는 석호익 동북아공동체ICT포럼회장(전 과기정통부 실장)을 비롯해 오명 전 과기 부총리, 김창곤 전 과기정통부 차관이 참석했다."]
    found = by_name(find_entities(body, [])[0])
    assert found["석호익"]["role"] == "동북아공동체ICT포럼회장(전 과기정통부 실장)"
    assert found["오명"]["role"] == "전 과기 부총리"
    assert found["김창곤"]["role"] == "전 과기정통부 차관"


def test_orgs_use_defined_abbreviations_and_alias_list():
    _, orgs = find_entities(BODY, ["김하늘"])
    names = {o["name"]: o for o in orgs}
    kosa = names["한국인공지능·소프트웨어산업협회"]
    assert "KOSA" in kosa["aliases"] and kosa["mentions"] == 2
    # 과기정통부 and 과학기술정보통신부 are one organisation under its full name
    assert "과기정통부" in names["과학기술정보통신부"]["aliases"]
    assert "과기정통부" not in names
    assert "솔트룩스" in names and "KAIST" in names
    assert "배경훈" not in names
