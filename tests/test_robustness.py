"""Bad input: every broken file is named with its reason, the rest of the corpus is read, limits hold.

generator/read/ (discovery, limits, decoding, ids, duplicates) and the exit status of generator/cli.py.
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, write_article
from lxml import html as lxml_html

from generator.read import read_corpus, safe_article_id
from generator.read.limits import Limits, load_rules

ARTICLE = (
    "정부, 인공지능 전략위원회 출범\n"
    "[한빛일보=이서준 기자] 정부는 지난 8일 국가인공지능전략위원회를 출범시키고 민간위원 34명을 위촉했다.\n"
    "위원장은 \"인공지능 정책의 틀이 이제 잡혔다\"고 말했다.\n"
    "입력 2025.09.10 09:30\n"
)
OTHER = (
    "항만공사, 스마트항만 시범사업 착수\n"
    "[바다신문=김하늘 기자] 항만공사는 올해 스마트항만 시범사업에 120억원을 투입한다고 밝혔다.\n"
    "사업은 내년 말까지 이어진다.\n"
    "입력 2025.09.11 10:00\n"
)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", ARTICLE * 20)
    return buffer.getvalue()


def _png_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def _pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj\n<< /Length 600 >>\nstream\n" + bytes((i * 37) % 256 for i in range(600)) + b"\nendstream\n%%EOF\n"


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b" \n\t\n  \r\n", "empty"),
    "image.txt": (_png_bytes(), "PNG"),
    "archive.txt": (_zip_bytes(), "ZIP"),
    "document.txt": (_pdf_bytes(), "PDF"),
    "noise.txt": (bytes((i * 131 + 7) % 256 for i in range(4000)), "encoding|binary|decode"),
    "numbers.txt": (b"12345\n67890\n2025-01-01 10:00\n", "no words"),
    "broken.md": ("---\ntitle: [\n---\n본문이다.\n".encode(), "front matter"),
}


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder, "good.txt", ARTICLE)
    for name, (data, _) in BAD_FILES.items():
        (folder / name).write_bytes(data)
    return folder


def test_each_bad_file_is_named_with_its_reason_and_the_rest_is_read(messy: Path):
    articles, problems = read_corpus([messy])
    assert [a.id for a in articles] == ["good"]
    by_file = {Path(p.source).name: p for p in problems}
    for name, (_, reason) in BAD_FILES.items():
        assert name in by_file, name
        assert re.search(reason, by_file[name].message), (name, by_file[name].message)
        assert by_file[name].skipped
    assert not any(p.skipped for p in problems if Path(p.source).name == "good.txt")


def test_mixed_encodings_in_one_folder_read_to_the_same_text(tmp_path: Path):
    codecs = {"utf8.txt": "utf-8", "bom.txt": "utf-8-sig", "legacy.txt": "cp949", "wide.txt": "utf-16", "wide_le.txt": "utf-16-le"}
    for name, codec in codecs.items():
        write_article(tmp_path, name, ARTICLE, encoding=codec)
    articles, problems = read_corpus([tmp_path])
    assert len(articles) == 5 and not any(p.skipped for p in problems)
    assert len({tuple(a.body) for a in articles}) == 1
    assert {a.id: a.encoding for a in articles}["legacy"] == "cp949"


def test_nul_bytes_and_stray_bytes_are_repaired_and_said(tmp_path: Path):
    data = ARTICLE.encode("utf-8")
    (tmp_path / "nul.txt").write_bytes(data.replace(b"\n", b"\n\x00", 2))
    cut = data.index("민간위원".encode())
    (tmp_path / "stray.txt").write_bytes(data[:cut] + b"\xff\xc0" + data[cut:])
    articles, problems = read_corpus([tmp_path])
    by_id = {a.id: a for a in articles}
    assert "\x00" not in " ".join(by_id["nul"].body) and by_id["nul"].title == "정부, 인공지능 전략위원회 출범"
    assert "민간위원 34명" in " ".join(by_id["stray"].body)
    messages = {Path(p.source).name: p.message for p in problems}
    assert "2 NUL byte(s) removed" == messages["nul.txt"]
    assert "not valid utf-8" in messages["stray.txt"]


def test_a_file_over_the_size_limit_is_skipped_unread(tmp_path: Path):
    write_article(tmp_path, "small.txt", ARTICLE)
    big = write_article(tmp_path, "big.txt", ARTICLE * 40)
    limit = big.stat().st_size - 1
    articles, problems = read_corpus([tmp_path], Limits(limit, 20000, 100))
    assert [a.id for a in articles] == ["small"]
    [problem] = [p for p in problems if p.skipped]
    assert problem.source.endswith("big.txt") and f"{limit:,}-byte limit" in problem.message


def test_a_50_mb_file_is_refused_by_the_default_limit_without_reading_it(tmp_path: Path):
    write_article(tmp_path, "good.txt", ARTICLE)
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    assert load_rules().limits.max_file_bytes < 50 * 1024 * 1024
    started = time.perf_counter()
    articles, problems = read_corpus([tmp_path])
    assert time.perf_counter() - started < 10
    assert [a.id for a in articles] == ["good"]
    assert any(p.source.endswith("huge.txt") and "larger than" in p.message for p in problems)


def test_a_one_megabyte_line_is_left_out_and_the_article_kept(tmp_path: Path):
    line = "가나다라마바사 " * (1024 * 1024 // 8)
    write_article(tmp_path, "long.txt", ARTICLE.replace("입력", line + "\n입력"))
    write_article(tmp_path, "long.md", ARTICLE.replace("\n", "\n\n").replace("입력", line + "\n\n입력"))
    articles, problems = read_corpus([tmp_path])
    assert len(articles) == 2
    for article in articles:
        assert all(len(p) < 1000 for p in article.body) and "민간위원 34명" in " ".join(article.body)
    left_out = sorted(Path(p.source).name for p in problems if p.skipped)
    assert left_out == ["long.md", "long.txt"]
    assert all("--max-line-chars" in p.message for p in problems if p.skipped)


def test_article_count_limit_skips_the_rest_in_name_order(tmp_path: Path):
    for n in range(4):
        write_article(tmp_path, f"a{n}.txt", ARTICLE.replace("34명", f"{30 + n}명"))
    articles, problems = read_corpus([tmp_path], Limits(10**6, 20000, 2))
    assert [a.id for a in articles] == ["a0", "a1"]
    assert sorted(Path(p.source).name for p in problems if p.skipped) == ["a2.txt", "a3.txt"]


def test_text_without_korean_is_still_an_article(tmp_path: Path):
    write_article(tmp_path, "en.txt", "Ministry launches AI committee\nThe ministry launched a national AI committee on Monday.\n")
    [article], problems = read_corpus([tmp_path])
    assert article.language == "en" and article.body and not any(p.skipped for p in problems)


def test_the_same_article_under_two_names_is_kept_once(tmp_path: Path):
    write_article(tmp_path, "b_copy.txt", ARTICLE, encoding="cp949")
    write_article(tmp_path, "a_first.txt", ARTICLE.replace("입력 2025.09.10 09:30", "입력 2025.09.10 09:31"))
    write_article(tmp_path, "c_other.txt", OTHER)
    articles, problems = read_corpus([tmp_path], merge_duplicates=True)
    assert [a.id for a in articles] == ["a_first", "c_other"]
    [note] = [p for p in problems if p.skipped]
    assert note.source.endswith("b_copy.txt") and "a_first.txt" in note.message


def test_the_pipeline_builds_a_duplicate_once_with_a_note(tmp_path: Path):
    from generator.pipeline import load_corpus

    write_article(tmp_path, "a_first.txt", ARTICLE)
    write_article(tmp_path, "b_copy.txt", ARTICLE, encoding="utf-16")
    articles, problems = load_corpus([tmp_path], workers=1)
    assert [a.id for a in articles] == ["a_first"]
    assert any(p.source.endswith("b_copy.txt") and "a_first.txt" in p.message for p in problems)


def test_odd_file_names_get_safe_ids_and_hidden_files_are_skipped_with_a_note(tmp_path: Path):
    names = ["with space.txt", "한글 이름.txt", "index.txt", "page-2.txt", "a#b?c.txt", "a..b.txt", ".hidden.txt", "..txt"]
    for n, name in enumerate(names):
        write_article(tmp_path, name, ARTICLE.replace("34명", f"{n + 10}명"))
    (tmp_path / ".git").mkdir()
    write_article(tmp_path / ".git", "x.txt", ARTICLE)
    articles, problems = read_corpus([tmp_path])
    ids = sorted(a.id for a in articles)
    assert len(ids) == 6 == len(set(ids))
    assert "a..b" in ids and not {"index", "page-2", "with space", "a#b?c"} & set(ids)
    for article_id in ids:
        assert safe_article_id(article_id) == article_id and "/" not in article_id and not article_id.startswith(".")
    hidden = sorted(p.source.split("/", 1)[1] for p in problems if "hidden" in p.message)
    assert hidden == sorted([".git/x.txt", "..txt", ".hidden.txt"])
    assert all(p.skipped for p in problems if "hidden" in p.message)


def test_a_path_with_dot_dot_reads_the_file_it_names(tmp_path: Path):
    (tmp_path / "in").mkdir()
    write_article(tmp_path / "in", "a.txt", ARTICLE)
    [article], _ = read_corpus([tmp_path / "in" / ".." / "in" / "a.txt"])
    assert article.id == "a"


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_exit_status_says_whether_anything_was_skipped(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder, "good.txt", ARTICLE)
    out = tmp_path / "out.json"
    clean = _cli("analyze", str(folder), "--json", str(out))
    assert clean.returncode == 0, clean.stderr
    write_article(folder, "bigger.txt", OTHER * 30)
    limited = _cli("analyze", str(folder), "--json", str(out), "--max-file-mb", "0.001")
    assert limited.returncode == 3, limited.stderr
    assert "in/bigger.txt" in limited.stderr and "limit" in limited.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["good"]
    assert any(w["source"].endswith("bigger.txt") for w in data["warnings"])
    nothing = _cli("analyze", str(folder), "--json", str(out), "--max-file-mb", "0.0001")
    assert nothing.returncode == 1 and "no article could be read" in nothing.stderr
    assert "exit status" in _cli("--help").stdout


def test_build_report_page_lists_the_skipped_files(project: Path):
    seeds = project / "seeds"
    write_article(seeds, "good.txt", ARTICLE)
    (seeds / "image.txt").write_bytes(_png_bytes())
    (seeds / "empty.txt").write_bytes(b"")
    result = _cli("build", "seeds", "--no-cache", cwd=project)
    assert result.returncode == 3, result.stderr
    report = lxml_html.fromstring((project / "site" / "report.html").read_bytes())
    rows = [" ".join(row.xpath(".//td//text()")) for row in report.xpath("//table//tr[td]")]
    assert any("image.txt" in row and "PNG" in row for row in rows)
    assert any("empty.txt" in row and "empty" in row for row in rows)
    assert not (project / ".briefing-cache").exists()  # --no-cache keeps nothing, not even the search index's parts
