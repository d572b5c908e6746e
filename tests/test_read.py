"""generator/read/__init__.py: the corpus reader, sidecars, and bad input that costs nothing else."""
from __future__ import annotations

from pathlib import Path

from conftest import write_article

from generator.read import detect_language, read_corpus

ARTICLE = (
    "정부, 인공지능 전략위원회 출범\n"
    "[한빛일보=이서준 기자] 정부는 지난 8일 국가인공지능전략위원회를 출범시키고 민간위원 34명을 위촉했다.\n"
    "위원장은 \"인공지능 정책의 틀이 이제 잡혔다\"고 말했다.\n"
    "입력 2025.09.10 09:30\n"
)


def test_a_plain_article_is_read_with_its_metadata(tmp_path: Path):
    write_article(tmp_path, "a.txt", ARTICLE)
    [article], problems = read_corpus([tmp_path])
    assert article.id == "a"
    assert article.title == "정부, 인공지능 전략위원회 출범"
    assert article.outlet == "한빛일보" and article.reporters == ["이서준"]
    assert article.published == "2025-09-10T09:30" and article.published_confidence == "stated"
    assert article.body[0].startswith("정부는 지난 8일") and len(article.body) == 2
    assert article.language == "ko"
    assert problems == []


def test_sidecar_values_win_and_are_stated(tmp_path: Path):
    write_article(tmp_path, "a.txt", ARTICLE.replace("입력 2025.09.10 09:30\n", ""))
    (tmp_path / "a.yml").write_text("published: 2025-09-09\noutlet: 한빛일보 디지털\ntitle: 고친 제목\n", encoding="utf-8")
    [article], problems = read_corpus([tmp_path])
    assert article.published == "2025-09-09" and article.published_confidence == "stated"
    assert article.outlet == "한빛일보 디지털" and article.provenance["outlet"] == "sidecar"
    assert article.title == "고친 제목"
    assert "정부, 인공지능 전략위원회 출범" in article.subtitles
    assert not [p for p in problems if p.field == "published"]


def test_bad_sidecar_values_are_reported_not_applied(tmp_path: Path):
    write_article(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "a.yml").write_text("published: next tuesday\ncolour: blue\n", encoding="utf-8")
    [article], problems = read_corpus([tmp_path])
    assert article.published == "2025-09-10T09:30"
    messages = " ".join(p.message for p in problems)
    assert "published must look like" in messages and "'colour' is not editable" in messages


def test_unreadable_files_are_warnings_and_the_rest_is_read(tmp_path: Path):
    write_article(tmp_path, "good.txt", ARTICLE)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 300)
    (tmp_path / "broken.md").write_text("---\ntitle: [\n---\n본문\n", encoding="utf-8")
    articles, problems = read_corpus([tmp_path])
    assert [a.id for a in articles] == ["good"]
    by_file = {Path(p.source).name: p.message for p in problems}
    assert "empty" in by_file["empty.txt"]
    assert "binary" in by_file["binary.txt"] or "decode" in by_file["binary.txt"]
    assert "front matter" in by_file["broken.md"]


def test_missing_paths_and_unknown_formats_are_named(tmp_path: Path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    articles, problems = read_corpus([tmp_path / "nowhere", tmp_path / "notes.pdf"])
    assert articles == []
    assert [p.message for p in problems] == ["no such file or folder", "not a supported input format (.htm, .html, .markdown, .md, .text, .txt)"]


def test_same_stem_in_two_folders_gets_two_ids(tmp_path: Path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    write_article(tmp_path / "x", "a.txt", ARTICLE)
    write_article(tmp_path / "y", "a.txt", ARTICLE)
    articles, problems = read_corpus([tmp_path])
    assert sorted(a.id for a in articles) == ["a", "a-2"]
    assert any(p.field == "id" for p in problems)


def test_a_numbered_id_never_takes_another_inputs_name(tmp_path: Path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        write_article(tmp_path / folder, "a.txt", ARTICLE.replace("34명", f"{len(folder) + ord(folder)}명"))
    write_article(tmp_path, "a-2.txt", ARTICLE.replace("34명", "7명"))
    articles, _ = read_corpus([tmp_path])
    assert sorted(a.id for a in articles) == ["a", "a-2", "a-3"]


def test_a_lone_surrogate_in_a_sidecar_becomes_a_replacement_character(tmp_path: Path):
    write_article(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "a.yml").write_text('title: "전략\\uD800위원회"\n', encoding="utf-8")
    [article], _ = read_corpus([tmp_path])
    assert article.title == "전략\ufffd위원회"
    article.title.encode("utf-8")  # writable anywhere


def test_cp949_file_reads_like_utf8(tmp_path: Path):
    write_article(tmp_path, "u.txt", ARTICLE)
    write_article(tmp_path, "c.txt", ARTICLE, encoding="cp949")
    articles, _ = read_corpus([tmp_path])
    by_id = {a.id: a for a in articles}
    assert by_id["c"].body == by_id["u"].body and by_id["c"].encoding == "cp949"


def test_no_date_is_unknown_with_a_warning(tmp_path: Path):
    write_article(tmp_path, "a.txt", ARTICLE.replace("입력 2025.09.10 09:30\n", ""))
    [article], problems = read_corpus([tmp_path])
    assert article.published is None and article.published_confidence == "unknown"
    assert [p.field for p in problems] == ["published"]


def test_language():
    assert detect_language("정부는 계획을 발표했다.") == "ko"
    assert detect_language("The ministry announced a plan on Monday.") == "en"


def test_english_article_does_not_break_anything(tmp_path: Path):
    write_article(tmp_path, "en.txt", "Ministry launches AI committee\n"
                  "The ministry launched a national AI committee on Monday, naming 34 civilian members.\n"
                  "\"The framework is now in place,\" the minister said.\n")
    [article], _ = read_corpus([tmp_path])
    assert article.language == "en"
    assert article.title == "Ministry launches AI committee"
    assert len(article.body) == 2
