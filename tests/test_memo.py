"""generator/memo.py: text made from named parts is made once, and never reused for other parts or other templates."""
from __future__ import annotations

import shutil

from conftest import ROOT

from generator.memo import RenderMemo, render_salt


def _maker(calls: list[str], text: str):
    def make() -> str:
        calls.append(text)
        return text
    return make


def test_the_same_parts_give_the_stored_text_without_making_it_again(tmp_path):
    calls: list[str] = []
    first = RenderMemo(tmp_path / "memo", ROOT / "templates")
    assert first.text(["page", "a", 1], _maker(calls, "첫 본문\n")) == "첫 본문\n"
    again = RenderMemo(tmp_path / "memo", ROOT / "templates")
    assert again.text(["page", "a", 1], _maker(calls, "다른 본문\n")) == "첫 본문\n"
    assert calls == ["첫 본문\n"] and again.hits == 1


def test_other_parts_are_made_anew(tmp_path):
    calls: list[str] = []
    memo = RenderMemo(tmp_path / "memo", ROOT / "templates")
    memo.text(["page", "a", 1], _maker(calls, "하나"))
    assert memo.text(["page", "a", 2], _maker(calls, "둘")) == "둘"
    assert memo.text(["page", "b", 1], _maker(calls, "셋")) == "셋"
    assert calls == ["하나", "둘", "셋"]


def test_edited_templates_change_the_salt_and_drop_the_old_entries(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    before = RenderMemo(tmp_path / "memo", templates)
    before.text(["page"], lambda: "old")
    (templates / "article.md.j2").write_text("{{ article.id }}\n", encoding="utf-8")
    assert render_salt(templates) != before.salt
    after = RenderMemo(tmp_path / "memo", templates)
    assert after.text(["page"], lambda: "new") == "new"
    assert [p.name for p in (tmp_path / "memo").iterdir()] == [after.salt[:16]]


def test_a_damaged_entry_is_made_again(tmp_path):
    memo = RenderMemo(tmp_path / "memo", ROOT / "templates")
    memo.text(["page"], lambda: "good")
    [entry] = [p for p in memo.folder.iterdir() if len(p.name) == 64]
    entry.write_text("garbage", encoding="utf-8")
    assert RenderMemo(tmp_path / "memo", ROOT / "templates").text(["page"], lambda: "made") == "made"


def test_prune_keeps_only_what_the_run_used(tmp_path):
    memo = RenderMemo(tmp_path / "memo", ROOT / "templates")
    memo.text(["kept"], lambda: "a")
    memo.text(["dropped"], lambda: "b")
    memo.prune()
    assert len([p for p in memo.folder.iterdir() if len(p.name) == 64]) == 2  # this run used both
    run = RenderMemo(tmp_path / "memo", ROOT / "templates")
    run.text(["kept"], lambda: "a")
    run.text(["new"], lambda: "c")
    run.prune()
    assert sorted(p.name for p in run.folder.iterdir() if len(p.name) == 64) == sorted({run.key(["kept"]), run.key(["new"])})


def test_an_unwritable_memo_only_costs_time(tmp_path):
    blocked = tmp_path / "memo"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    memo = RenderMemo(blocked, ROOT / "templates")
    assert memo.text(["page"], lambda: "made") == "made"
    assert memo.text(["page"], lambda: "made again") == "made again"


def test_text_comes_back_byte_for_byte(tmp_path):
    text = "a,\"b\r\nc\"\r\n\rd\n"
    RenderMemo(tmp_path / "memo", ROOT / "templates").text(["csv"], lambda: text)
    assert RenderMemo(tmp_path / "memo", ROOT / "templates").text(["csv"], lambda: "made") == text


def test_only_folders_the_memo_made_are_removed(tmp_path):
    own = tmp_path / "memo" / "0123456789abcdef"  # looks like a salt's folder, but the user made it
    own.mkdir(parents=True)
    (own / "keep.txt").write_text("mine", encoding="utf-8")
    RenderMemo(tmp_path / "memo", ROOT / "templates").text(["page"], lambda: "x")
    assert (own / "keep.txt").read_text(encoding="utf-8") == "mine"
