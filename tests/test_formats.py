"""generator/read/formats.py: plain text, Markdown with front matter, HTML through trafilatura."""
from __future__ import annotations

import textwrap

import pytest

from generator.read.encoding import UnreadableInput
from generator.read.formats import read_html, read_markdown, read_text, split_front_matter, unwrap_hard_breaks

PARAGRAPHS = [
    "과학기술정보통신부는 18일 서울에서 인공지능 산업계 간담회를 열고 지원 방안을 논의했다.",
    "장관은 \"그래픽처리장치 확보를 서두르겠다\"며 \"규제는 최소화하겠다\"고 말했다.",
    "업계 대표들은 데이터센터 전력 문제와 인재 유출을 가장 큰 과제로 꼽았다.",
]


def test_plain_text_is_one_block_per_line():
    blocks, stated = read_text("제목 줄\n\n" + "\n\u00a0\n".join(PARAGRAPHS) + "\n")
    assert blocks[0] == "제목 줄"
    assert [b.strip() for b in blocks[1:]] == PARAGRAPHS
    assert stated == {}


def test_hard_wrapped_text_is_joined_back_into_paragraphs():
    wrapped = []
    for paragraph in PARAGRAPHS * 2:
        wrapped += [*textwrap.wrap(paragraph, width=24), ""]
    assert unwrap_hard_breaks(wrapped) == PARAGRAPHS * 2


def test_one_paragraph_per_line_is_not_joined():
    lines = [*PARAGRAPHS, "", *PARAGRAPHS]
    assert unwrap_hard_breaks(lines) == PARAGRAPHS * 2


def test_markdown_front_matter_and_markup_become_metadata_and_plain_text():
    text = (
        "---\ntitle: 인공지능 간담회 열려\noutlet: 한빛일보\nreporters: [이서준]\npublished: 2025-09-18\n---\n\n"
        f"# 인공지능 간담회 열려\n\n{PARAGRAPHS[0]}\n\n## 현장의 목소리\n\n**{PARAGRAPHS[1]}**\n\n"
        f"[업계 대표들](https://example.com)은 데이터센터 전력 문제와 인재 유출을 가장 큰 과제로 꼽았다.\n"
    )
    blocks, stated = read_markdown(text)
    assert stated["title"] == "인공지능 간담회 열려" and stated["outlet"] == "한빛일보"
    assert str(stated["published"]) == "2025-09-18"
    assert blocks == ["인공지능 간담회 열려", PARAGRAPHS[0], "현장의 목소리", PARAGRAPHS[1], PARAGRAPHS[2]]


def test_markdown_without_front_matter():
    assert split_front_matter("본문만 있습니다.") == ({}, "본문만 있습니다.")


def test_broken_front_matter_is_a_clear_error():
    with pytest.raises(UnreadableInput, match="front matter"):
        read_markdown("---\ntitle: [unclosed\n---\n본문\n")


def test_html_main_text_and_metadata_come_from_the_page():
    page = f"""<!doctype html><html lang="ko"><head>
    <meta charset="utf-8"><title>인공지능 간담회 열려 | 한빛일보</title>
    <meta property="og:title" content="인공지능 간담회 열려">
    <meta property="og:site_name" content="한빛일보">
    <meta name="author" content="이서준 기자">
    <meta property="article:published_time" content="2025-09-18T10:00:00+09:00">
    </head><body>
    <nav><ul><li><a href="/politics">정치</a></li><li><a href="/economy">경제</a></li><li><a href="/it">IT</a></li></ul></nav>
    <article><h1>인공지능 간담회 열려</h1>
    {''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
    </article>
    <aside><h3>많이 본 뉴스</h3><ol><li><a href="/1">다른 기사 제목 하나</a></li><li><a href="/2">다른 기사 제목 둘</a></li></ol></aside>
    <footer>Copyright ⓒ 한빛일보. 무단전재 및 재배포 금지</footer>
    </body></html>"""
    blocks, stated = read_html(page)
    assert stated["title"] == "인공지능 간담회 열려"
    assert stated["outlet"] == "한빛일보"
    assert stated["reporters"] == ["이서준"]
    assert stated["published"].startswith("2025-09-18")
    for paragraph in PARAGRAPHS:
        assert paragraph in blocks
    assert not any("다른 기사 제목" in b for b in blocks)


def test_html_without_article_text_is_a_clear_error():
    with pytest.raises(UnreadableInput, match="no article text"):
        read_html("<html><head><title>x</title></head><body><nav>메뉴</nav></body></html>")
