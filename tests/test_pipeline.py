"""generator/pipeline.py: parallel analysis gives exactly what serial analysis gives."""
from __future__ import annotations

import copy

import pytest
from conftest import SEEDS

from generator.pipeline import analyse_all
from generator.read import read_corpus


def test_parallel_and_serial_analysis_agree():
    articles, _ = read_corpus([SEEDS])
    many = [copy.deepcopy(a) for a in articles * 4]
    for n, article in enumerate(many):
        article.id = f"{article.id}-{n}"
    serial = analyse_all(copy.deepcopy(many), workers=1)
    parallel = analyse_all(copy.deepcopy(many), workers=2)
    assert [a.as_dict() for a in parallel] == [a.as_dict() for a in serial]


def test_seeds_end_to_end_fill_every_finding():
    from generator.pipeline import load_corpus

    articles, _ = load_corpus([SEEDS], workers=1)
    assert len(articles) == 5
    for article in articles:
        assert 3 <= len(article.summary) <= 5, article.id
        assert article.people and article.quotes and article.figures and article.events and article.topics, article.id
        for item in [*article.quotes, *article.figures, *article.events]:
            assert 0 <= item["paragraph"] < len(article.body), (article.id, item)
        assert all(q["text"].replace(" ", "")[:10] in article.body[q["paragraph"]].replace(" ", "") for q in article.quotes), article.id


def test_english_article_is_analysed_without_error(tmp_path):
    from generator.pipeline import load_corpus

    (tmp_path / "en.txt").write_text(
        "Ministry launches AI committee\n"
        "The ministry launched a national AI committee on Monday, naming 34 civilian members.\n"
        "\"The framework is now in place,\" the minister said, adding that 200,000 GPUs would be secured by 2030.\n",
        encoding="utf-8",
    )
    [article], _ = load_corpus([tmp_path], workers=1)
    assert article.language == "en" and article.summary


def _naive_timeline(articles):
    """The timeline merge as first written: every event against every entry, every entry against every other."""
    from collections import Counter

    from generator.corpus import Source, TimelineEntry, _quantity, _who, bigrams, dice, dice_counts, quantities

    def same_event(entry, event, evidences):
        if entry.date != event["date"] or entry.kind != event["kind"]:
            return False
        what = event.get("what") or ""
        if quantities(entry.what) & quantities(what) or dice(entry.what, what) >= 0.6:
            return True
        evidence = event.get("evidence") or ""
        if evidence in evidences:
            return bool(evidences[evidence])
        return any(dice_counts(other, Counter(bigrams(evidence))) >= 0.7 for other in evidences.values())

    entries = []
    for article in sorted(articles, key=lambda a: a.id):
        for event in article.events:
            source = Source(article.id, article.title, article.outlet, article.published, event["paragraph"], event.get("evidence") or "",
                            _quantity(article, event), _who(article, event))
            match = next((e for e in entries if same_event(e, event, {s.evidence: Counter(bigrams(s.evidence)) for s in e.sources})), None)
            if match is None:
                match = TimelineEntry(event["date"], event["precision"], event["kind"], event.get("what") or "")
                entries.append(match)
            if all(s.article != article.id for s in match.sources):
                match.sources.append(source)
    for a in entries:
        for b in entries:
            if a is b or a.date == b.date or a.kind != b.kind:
                continue
            if {s.article for s in a.sources} & {s.article for s in b.sources}:
                continue
            same_quantity = bool(quantities(a.what) & quantities(b.what)) and dice(a.what, b.what) >= 0.5
            if (same_quantity or dice(a.what, b.what) >= 0.8) and b.date not in a.conflicts:
                a.conflicts.append(b.date)
    return sorted(entries, key=lambda e: (e.date, e.kind, e.what))


@pytest.mark.parametrize("seed", [7, 11, 23])
def test_indexed_timeline_merge_equals_the_pairwise_reference(seed):
    import random

    from generator.corpus import merge_timeline
    from generator.model import Article

    rng = random.Random(seed)
    sentences = ["정부는 내년까지 데이터센터를 새로 짓고 GPU를 확보하겠다고 밝혔다.", "과기정통부는 이날 국가 AI 위원회를 열어 계획을 확정했다.",
                 "업계는 이번 발표가 늦었다고 평가했다.", "위원회는 다음 달 세부 계획을 내놓을 예정이다."]
    subjects = ["GPU", "인재", "데이터센터", "반도체 공장", "AI 모델", "위원회", "펀드", "법안", "GPU 서버", "센터"]
    amounts = ["20만장", "20만 장", "1만2000명", "5조원", "3곳", "100억", "", ""]
    verbs = ["확보 목표", "양성 목표", "출범", "통과", "조성 계획", "발표", "확보", "개최 예정"]
    dates = ["2025", "2026", "2030", "2025-09-08", "2025-09-25", "2025-10"]
    kinds = ["target", "past", "scheduled"]
    articles = []
    for n in range(60):
        events = []
        for p in range(rng.randint(0, 6)):
            what = " ".join(w for w in (rng.choice(["", "정부", "과기정통부"]), rng.choice(subjects), rng.choice(amounts), rng.choice(verbs)) if w)
            date = rng.choice(dates)
            events.append({"date": date, "precision": "year" if len(date) == 4 else "day", "kind": rng.choice(kinds), "what": what,
                           "evidence": rng.choice([what + rng.choice(["라고 밝혔다.", "할 계획이다.", "고 말했다."]),
                                                   rng.choice(sentences), rng.choice(sentences).replace("는", "은", 1), ""]),
                           "paragraph": p})
        articles.append(Article(id=f"a{n:03d}", source=f"s/a{n:03d}.txt", language="ko", title=f"제목 {n}", subtitles=[], outlet="매체",
                                reporters=[], published="2025-09-18", published_confidence="stated", body=["본문."] * 8, events=events))

    def shape(entries):
        return [(e.date, e.kind, e.what, [(s.article, s.paragraph, s.quantity) for s in e.sources], e.conflicts) for e in entries]

    fast, naive = shape(merge_timeline(articles)), shape(_naive_timeline(articles))
    assert fast == naive
    assert any(len(e[3]) > 1 for e in fast) and any(e[4] for e in fast)  # the case exercises both merging and conflicts


def test_briefing_json_is_byte_identical_across_hash_seeds_and_worker_counts(tmp_path):
    """`analyze` in fresh interpreters: the hash seed and the number of workers never change a byte."""
    import os
    import shutil
    import subprocess
    import sys

    from conftest import ROOT

    corpus = tmp_path / "seeds"
    corpus.mkdir()
    from generator.pipeline import PARALLEL_FROM

    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(PARALLEL_FROM):  # just enough articles for the process pool to be used
        shutil.copy(seeds[n % len(seeds)], corpus / f"{n:02d}-{seeds[n % len(seeds)].name}")
    outputs = []
    for hash_seed, workers in (("1", "1"), ("2", "2")):
        out = tmp_path / f"briefing-{hash_seed}-{workers}.json"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "BRIEFING_WORKERS": workers}
        script = ("import os, sys; from pathlib import Path; from generator.pipeline import load; "
                  "from generator.briefing import briefing_document, dumps; "
                  "loaded = load([Path(sys.argv[1])], workers=int(os.environ['BRIEFING_WORKERS'])); "
                  "Path(sys.argv[2]).write_text(dumps(briefing_document(loaded.articles, loaded.problems)), encoding='utf-8')")
        subprocess.run([sys.executable, "-c", script, str(corpus), str(out)], check=True, cwd=ROOT, env=env)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b'"summary"' in outputs[0]
