"""generator/read/encoding.py: every encoding a scraper may save Korean text in."""
from __future__ import annotations

import codecs

import pytest

from generator.read.encoding import MAX_BYTES, UnreadableInput, decode

KOREAN = ("과학기술정보통신부는 18일 국가AI컴퓨팅센터 구축 계획을 발표했다.\n"
          "정부는 2030년까지 그래픽처리장치(GPU) 20만 장을 확보하겠다고 밝혔다.\n"
          "업계는 규제 완화와 인재 양성을 함께 요청했다.\n")


@pytest.mark.parametrize("codec", ["utf-8", "cp949", "euc-kr"])
def test_plain_encodings_decode_to_the_same_text(codec):
    text, found = decode(KOREAN.encode(codec))
    assert text == KOREAN
    assert found in ({"utf-8"} if codec == "utf-8" else {"cp949", "euc-kr", "johab", "uhc"} | {codec})


def test_cp949_only_characters_decode():
    # '똠' and '햏' are outside EUC-KR's 2350 syllables but inside CP949.
    text = "똠방각하와 햏자의 이야기는 오래된 인터넷 유행어로 남았다.\n" * 3
    assert decode(text.encode("cp949"))[0] == text


def test_utf8_with_bom_loses_the_bom():
    text, codec = decode(codecs.BOM_UTF8 + KOREAN.encode("utf-8"))
    assert text == KOREAN and codec == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(codec):
    text, _ = decode(KOREAN.encode(codec))
    assert text == KOREAN


def test_windows_line_endings_are_normalised():
    assert decode(KOREAN.replace("\n", "\r\n").encode("utf-8"))[0] == KOREAN


def test_empty_file_is_refused_with_a_reason():
    with pytest.raises(UnreadableInput, match="empty"):
        decode(b"  \n ")


def test_binary_file_is_refused_with_a_reason():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    with pytest.raises(UnreadableInput, match="binary|decode|encoding"):
        decode(png)


def test_oversized_file_is_refused():
    with pytest.raises(UnreadableInput, match="larger"):
        decode(b"a" * (MAX_BYTES + 1))
