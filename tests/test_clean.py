"""generator/read/clean.py: chrome goes, every sentence of the article stays."""
from __future__ import annotations

import re

import pytest
from conftest import SEEDS

from generator.read.clean import clean, is_sentence, looks_like_menu
from generator.read.formats import read_text
from generator.read.patterns import load_vocabulary

BODY = [
    "정부는 지난 8일 국가인공지능전략위원회를 출범시키고 10개 부처 장관과 민간위원 34명을 위촉했다.",
    "위원장은 \"인공지능 정책의 틀이 이제 잡혔다\"며 \"속도를 내겠다\"고 말했다.",
    "위원회는 연내 세부 실행계획을 내놓을 예정이다. 업계는 규제 완화를 요구했다.",
    "한편 이날 회의에는 관계 부처 차관들도 참석해 의견을 나눴다.",
]


def _page(*lines: str) -> list[str]:
    return [ln for ln in "\n".join(lines).split("\n")]


def test_portal_layout_keeps_exactly_the_article():
    blocks = _page(
        "본문 바로가기", "뉴스", "서울", "흐림 / 12.5 °", "한빛일보 언론사 이미지",
        "정부, 인공지능 전략위원회 출범…\"속도 낸다\"",
        "한빛일보 이서준 기자", "원문보기",
        "민관 위원 34명 위촉, 연내 실행계획",
        f"[한빛일보 이서준 기자] {BODY[0]}", BODY[1],
        "위원회 출범식에서 참석자들이 기념촬영을 하고 있다.",
        BODY[2], "관련기사", BODY[3],
        "이서준 기자 seojun@hanbit.example",
        "Copyright ⓒ 한빛일보. 무단전재 및 재배포 금지",
        "실시간 인기", "1. 1어느 연예인 소식", "어느 연예인 소식", "2. 2스포츠 결과", "스포츠 결과",
        "3. 3날씨 속보", "날씨 속보", "광고", "AD",
    )
    result = clean(blocks)
    assert result.title == "정부, 인공지능 전략위원회 출범…\"속도 낸다\""
    assert result.subtitles == ["민관 위원 34명 위촉, 연내 실행계획"]
    assert result.body == BODY
    removed = {text for text, _ in result.removed}
    assert "위원회 출범식에서 참석자들이 기념촬영을 하고 있다." in removed
    assert "흐림 / 12.5 °" in removed and "관련기사" in removed


def test_crossheads_are_kept_apart_from_paragraphs():
    blocks = ["제목이 되는 헤드라인 한 줄", BODY[0], "위원회, 연내 실행계획 발표 예정", BODY[1], BODY[2]]
    result = clean(blocks)
    assert result.body == BODY[:3]
    assert [(s.paragraph, s.text) for s in result.subheads] == [(1, "위원회, 연내 실행계획 발표 예정")]


def test_lead_quote_names_the_article_when_no_headline_survives():
    lead = "\"우리 AI모델 경쟁력도 세계 최상위권 수준입니다. 선도기술 확보에 집중하겠습니다.\""
    result = clean([f" date 2025-09-18 {lead}", BODY[0]])
    assert result.title == lead and result.title_source == "lead paragraph"
    assert result.body == [lead, BODY[0]]


@pytest.mark.parametrize(
    "caption",
    [
        "장관이 18일 서울 프레스센터에서 열린 간담회에서 발표를 하고 있다.",
        "참석자들이 회의장을 둘러보고 있다. (사진=한빛일보)",
        "장관(왼쪽부터 세 번째)이 업계 대표들과 대화하는 모습.",
    ],
)
def test_photo_captions_standing_alone_are_removed(caption):
    result = clean(["헤드라인 한 줄입니다만 길게", BODY[0], caption, BODY[1]])
    assert result.body == BODY[:2]


def test_a_scene_sentence_beside_a_caption_goes_with_it_but_not_elsewhere():
    scene = "포럼이 개최한 조찬 간담회가 18일 서울에서 열렸다."
    with_caption = clean(["헤드라인 한 줄입니다만 길게", BODY[0], scene, "회장이 인사말을 하고 있다.", BODY[1]])
    assert with_caption.body == BODY[:2]
    alone = clean(["헤드라인 한 줄입니다만 길게", BODY[0], scene, BODY[1]])
    assert alone.body == [BODY[0], scene, BODY[1]]


def test_quoted_sentence_ending_like_a_caption_is_kept():
    line = "그는 \"현장을 계속 살펴보고 있다\"고 말하며 \"지원을 아끼지 않겠다\"고 했다. 장관이 답하고 있다."
    assert clean(["헤드라인 한 줄입니다만 길게", BODY[0], line]).body == [BODY[0], line]


def test_text_that_lost_its_full_stops_is_still_read_as_prose():
    lines = [s.rstrip(".") for s in BODY]
    result = clean(["정부 위원회 출범", *lines])
    assert result.title == "정부 위원회 출범"
    assert len(result.body) == len(BODY)


def test_sentence_shape():
    assert is_sentence("정부는 계획을 발표했다.")
    assert is_sentence("그는 \"좋다\"고 말했다.\"")
    assert is_sentence("정부는 오늘 계획을 발표하고 세부 일정을 곧 공개하겠다고 밝혔다")
    assert not is_sentence("K-엔비디아 실현…국산 아우른 GPU 20만 장 조달 목표")
    assert not is_sentence("류 차관 \"전설같은 대선배들 앞에서 강연 너무 떨리고 영광\"")


def test_menu_shape():
    sections = load_vocabulary().sections
    assert looks_like_menu("홈 > IT > 모바일", sections)
    assert looks_like_menu("정치 경제 사회 국제", sections)
    assert not looks_like_menu("6일 AI 산업 지원 위한 여야 합동 포럼 올해 첫 개최", sections)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_lines_are_all_accounted_for(path):
    """Every line of a seed lands somewhere visible: body, title, deck, crosshead or the removed list."""
    blocks, _ = read_text(path.read_text(encoding="utf-8"))
    result = clean(blocks)
    pieces = [result.title or "", *result.subtitles, *result.body, *(s.text for s in result.subheads),
              *(t for t, _ in result.removed)]
    pieces = sorted({_squash(p) for p in pieces if p.strip()}, key=len, reverse=True)
    for block in blocks:
        rest = _squash(block)
        for piece in pieces:
            rest = rest.replace(piece, "")
        assert rest == "", block


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_no_multi_sentence_paragraph_of_a_seed_is_removed(path):
    """Chrome is short; a removed block holding several full sentences would be lost article text."""
    blocks, _ = read_text(path.read_text(encoding="utf-8"))
    vocab = load_vocabulary()
    for text, reason in clean(blocks).removed:
        if vocab.is_chrome(text) or reason in ("byline tag", "date prefix"):
            continue
        assert len(re.findall(r"[.!?][\"'”’]?\s", text + " ")) <= 1 or "사진" in text, (text, reason)
