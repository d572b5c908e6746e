"""generator/analyse/quotes.py: quotations, whole, with the speaker resolved to a full name (real Kiwi)."""
from __future__ import annotations

from generator.analyse.entities import find_entities
from generator.analyse.quotes import find_quotes


def quotes_of(body):
    people, _ = find_entities(body, [])
    return find_quotes(body, people)


def test_speaker_from_sentence_and_dropped_subject():
    body = [
        "류제명 과학기술정보통신부 제2차관은 18일 간담회에 참석했다.",
        "류 차관은 \"정부 조직의 틀이 이제 잡혔다\"고 짚었다. 이어 \"민간 투자를 촉진하겠다. 속도를 내겠다\"며 "
        "\"현장과 소통하겠다는 약속을 지키겠다\"고 강조했다.",
        "또 인재 양성에 힘을 쏟고 있다면서 \"젊은 연구자들이 마음껏 연구하도록 돕겠다\"고 역설했다.",
    ]
    quotes = quotes_of(body)
    assert [q["speaker"] for q in quotes] == ["류제명"] * 4
    assert quotes[1]["text"] == "민간 투자를 촉진하겠다. 속도를 내겠다"
    assert quotes[3]["paragraph"] == 2


def test_lead_quote_takes_the_speaker_of_the_next_paragraph():
    body = [
        "“많은 분들이 3위의 의미가 뭐냐고 묻습니다. 순위의 문제가 아닙니다.”",
        "배경훈 과학기술정보통신부 장관은 기자간담회에서 이같이 말했다.",
    ]
    quotes = quotes_of(body)
    assert quotes == [{"speaker": "배경훈", "text": "많은 분들이 3위의 의미가 뭐냐고 묻습니다. 순위의 문제가 아닙니다.", "paragraph": 0}]


def test_generic_speaker_is_null_not_a_guess():
    body = [
        "하정우 네이버클라우드 센터장은 \"검증된 기업을 적극 밀어줘야 경쟁이 가능하다\"고 말했다.",
        "업계 관계자는 이에 \"정부에서 규제를 혁파하는 거버넌스를 요구한다\"고 말했다.",
    ]
    quotes = quotes_of(body)
    assert [(q["speaker"], q["paragraph"]) for q in quotes] == [("하정우", 0), (None, 1)]


def test_single_quoted_titles_and_short_terms_are_not_quotes():
    body = [
        "류 차관은 '새 정부 AI정책 방향을 주제로 한 발표'를 했고 \"AI 3대 강국\" 구호를 소개했다.",
        "그는 ‘APEC 디지털·AI 장관회의’ 참석 소감도 공유했다.",
    ]
    assert quotes_of(body) == []


def test_mismatched_and_missing_marks():
    body = [
        "이호준 삼성SDS 부사장은 “중국은 정부가 데이터를 활용하도록 지원했다\"며 \"한국도 통합 관리 체계를 강화해야 한다\"고 밝혔다.",
        "김성훈 업스테이지 대표는 \"인재 유입보다 유출이 더 우려되는 상황이라며 \"정부가 해외 진출을 지원해 달라\"고 제안했다.",
    ]
    quotes = quotes_of(body)
    assert [(q["speaker"], q["text"]) for q in quotes] == [
        ("이호준", "중국은 정부가 데이터를 활용하도록 지원했다"),
        ("이호준", "한국도 통합 관리 체계를 강화해야 한다"),
        ("김성훈", "인재 유입보다 유출이 더 우려되는 상황이라며"),
        ("김성훈", "정부가 해외 진출을 지원해 달라"),
    ]


def test_crosshead_in_quote_marks_mid_article_is_not_a_quote():
    body = [
        "윤중로 서울대 교수는 \"인재풀이 얇아지는 것을 체감한다\"고 토로했다.",
        "“해외 AI기업과 수십배 차이나는 연봉… 어떻게 인재 유출을 막나?”",
        "인재확보의 문제도 언급됐다.",
    ]
    quotes = quotes_of(body)
    assert [q["paragraph"] for q in quotes] == [0]
    assert quotes[0]["speaker"] == "윤중로"
