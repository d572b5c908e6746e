"""Dated events and targets, with relative dates resolved against the publication date.

One event per distinct date per sentence: the date comes from generator/korean/dates.py (which already drops
names such as `DIC 2025`, periods such as `최근 5년간` and statistics such as `2024년 현재`), the kind from the
wording around it (a deadline or goal words -> target, a later date -> scheduled, else past) and `what` is a compact
subject + object + predicate-noun phrase read off Kiwi's tokens, so the reader sees who did what without the sentence.
"""
from __future__ import annotations

import re
from typing import Any

from generator.korean.dates import TimeExpr, compare, find_time_expressions, vocabulary
from generator.korean.kiwi import shared_kiwi, split_sentences
from generator.korean.kiwi import tokens as kiwi_tokens

NOUN_TAGS = ("NNG", "NNP", "NNB", "NR", "SN", "SL", "SH", "XSN", "XPN", "SO")
QUOTES = "'‘’\"“”「」『』<>《》"
MAX_WHAT = 40


def _noun_run(tokens: list[Any], end: int, sentence: str, floor: int = -1) -> str:
    """The run of noun tokens that ends just before index `end` (a particle), as printed, starting at or after `floor`."""
    i = end - 1
    while i >= 0 and tokens[i].tag in NOUN_TAGS + ("SSO", "SSC") and tokens[i].start >= floor:
        i -= 1
    if i + 1 >= end:
        return ""
    text = sentence[tokens[i + 1].start:tokens[end - 1].start + tokens[end - 1].len].strip()
    return text.strip("'‘’\"“”")


def _nominal(tok: Any) -> str:
    """A verb stem as a noun (`줄이` -> `줄임`), so `what` reads like a headline."""
    try:
        return shared_kiwi().join([(tok.form, tok.tag.split("-")[0]), ("음", "ETN")])
    except Exception:  # an unusual tag Kiwi cannot join: the stem still says what happened
        return tok.form


def _phrase(sentence: str, expr: TimeExpr) -> tuple[str, str, str]:
    """(subject, object, predicate noun) of the clause the date belongs to, each possibly empty.

    The predicate is the first verb after the date (a `출범시키다` verb gives its noun `출범`); the object is the noun
    before the nearest `을/를`; the subject the nearest `이/가/은/는` noun before the date, not looking past a quote
    mark, because the subject of a quoted sentence is not the speaker.
    """
    tokens = list(kiwi_tokens(sentence))
    empty = set(vocabulary().get("empty_heads") or [])
    pred, pred_i = "", None
    for i, t in enumerate(tokens):
        if t.start < expr.end:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.tag == "NNG" and nxt is not None and nxt.tag in ("XSV", "XSA") and t.form not in empty:
            pred, pred_i = t.form, i + 1
            break
        if t.tag.startswith("VV") and t.form not in ("있", "없", "하", "되", "보", "따르"):
            pred, pred_i = _nominal(t), i
            break
    obj = subj = ""
    limit = pred_i if pred_i is not None else len(tokens)
    nxt = tokens[limit + 1] if limit + 1 < len(tokens) else None
    if nxt is not None and nxt.tag == "ETM":  # `18일 열린 DIC 2025 행사`: the event is the noun the verb describes
        j = limit + 2
        while j < len(tokens) and tokens[j].tag in ("SSO", "SSC", "SP", "MM") + NOUN_TAGS:
            j += 1
        head = [t for t in tokens[limit + 2:j] if t.tag in NOUN_TAGS]
        if head and not all(t.form in empty for t in head):
            obj = sentence[head[0].start:head[-1].start + head[-1].len].strip("'‘’\"“” ")
        if obj and j < len(tokens) and tokens[j].tag in ("JKO", "JKS", "JX"):
            # `참여하는 분과위원들도 임명했다`: the modified noun is an argument of the verb that follows
            later = None
            for k in range(j + 1, len(tokens)):
                if tokens[k].tag in ("EC", "EF"):
                    break  # only a verb of the same clause takes the modified noun as its argument
                if (tokens[k].tag.startswith("VV") and tokens[k].form not in ("하", "되", "있", "보", "보이")) or (
                        tokens[k].tag == "NNG" and k + 1 < len(tokens) and tokens[k + 1].tag == "XSV"):
                    later = k
                    break
            if later is not None:
                pred = tokens[later].form if tokens[later].tag == "NNG" else _nominal(tokens[later])
    run = [t for t in tokens if t.start >= expr.end]
    k = 0
    while k < len(run) and run[k].tag in NOUN_TAGS:
        k += 1
    if not obj and 0 < k < len(run) and run[k].form == ",":  # `올해 1만3000장, 내년 1만 5000장을 확보`: an elided verb
        obj = sentence[run[0].start:run[k - 1].start + run[k - 1].len]
    if not obj:
        # the object after the date, else the one just before it (`격차를 5년 내 줄여`), else the noun before `이/가`
        for tags, lo, hi in ((("JKO",), expr.end, limit), (("JKO",), -1, expr.start), (("JKS", "JX"), expr.end, limit)):
            hits = [i for i in range(len(tokens)) if tokens[i].tag in tags and lo <= tokens[i].start and i < len(tokens)
                    and (tokens[i].start < hi if hi != limit else i < limit)]
            if lo < 0:
                hits = [i for i in hits if not any(tokens[k].tag in ("SSO", "SSC", "EC") for k in range(i, len(tokens))
                                                   if tokens[k].start < expr.start)]
            for i in reversed(hits):
                obj = _noun_run(tokens, i, sentence, expr.end if lo >= 0 else -1)
                if obj and obj not in empty:
                    break
                obj = ""
            if obj:
                break
    for i in range(len(tokens) - 1, 0, -1):
        t = tokens[i]
        if t.start >= expr.start:
            continue
        if t.tag in ("SSO", "SSC"):
            break
        if t.tag in ("JKS", "JX") and tokens[i - 1].tag in NOUN_TAGS:
            subj = _noun_run(tokens, i, sentence)
            if subj and subj not in empty:
                break
            subj = ""
    if subj and subj in obj:
        subj = ""
    return subj, obj, pred


def describe(sentence: str, expr: TimeExpr) -> str:
    """Subject + object + predicate noun of the clause the date belongs to (`정부 국가AI전략위원회 출범`)."""
    text = " ".join(p for p in _phrase(sentence, expr) if p)
    return re.sub(r"\s+", " ", "".join(ch for ch in text if ch not in QUOTES))[:MAX_WHAT].strip()


def _same(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Two phrases with one predicate and nested objects name one event (`AI 기술 격차 줄임` = `기술 격차 줄임`)."""
    return bool(a[2]) and a[2] == b[2] and bool(a[1]) and bool(b[1]) and (a[1] in b[1] or b[1] in a[1])


def classify(sentence: str, expr: TimeExpr, published: str | None, clause_end: int | None = None) -> str:
    """'target' for a goal with a deadline, 'scheduled' for a later dated event, 'past' for what happened.

    Goal and schedule words are looked for from the date to `clause_end` (where the next dated clause starts), so a
    goal stated about 2030 does not turn an earlier date of the same sentence into a target.  A day equal to the
    publication day is the day something was said or done, so it is past even when the words are about plans.
    """
    v = vocabulary()
    side = compare(expr.date, published) or 0
    if side < 0 or (side == 0 and expr.precision == "day" and not expr.deadline):
        return "past"
    tail = sentence[expr.start:clause_end]
    if expr.deadline or any(w in tail for w in v["goal_words"]):
        return "target"
    if side > 0 or any(w in tail for w in v["schedule_words"]):
        return "scheduled"
    return "past"


def _clause_ends(sentence: str, exprs: list[TimeExpr]) -> list[int | None]:
    """Where the wording of each date ends: at the next date, unless the text between has no verb (`올해 1만장, 내년 …`)."""
    ends: list[int | None] = []
    for k, expr in enumerate(exprs):
        end = None
        for nxt in exprs[k + 1:]:
            segment = sentence[expr.end:nxt.start]
            if any(t.tag.startswith(("VV", "XSV")) for t in kiwi_tokens(segment)):
                end = nxt.start
                break
        ends.append(end)
    return ends


def _statistic(sentence: str, expr: TimeExpr, published: str | None) -> bool:
    """A past year followed at once by a figure (`2024년 13위`, `2023년 1.3년`) dates a statistic, not an event."""
    return (not expr.deadline and expr.precision == "year" and (compare(expr.date, published) or 0) < 0
            and bool(re.match(r"\s*\d", sentence[expr.end:])))


def find_events(body: list[str], published: str | None) -> list[dict[str, Any]]:
    """Events as {date, precision, kind, what, evidence, paragraph}.

    A date said twice for one thing (a pull quote repeating the body, `5년 내` and later `2030년까지`) gives one event;
    the statement with an explicit date is kept, since it is the one a reader would quote.
    """
    events: list[dict[str, Any]] = []
    phrases: list[tuple[str, str, str]] = []
    explicit: list[bool] = []
    for index, paragraph in enumerate(body):
        for sentence in split_sentences(paragraph):
            by_date: dict[str, TimeExpr] = {}
            for expr in find_time_expressions(sentence, published):
                if _statistic(sentence, expr, published):
                    continue
                kept = by_date.get(expr.date)
                if kept is None or (expr.deadline and not kept.deadline):
                    by_date[expr.date] = expr
            exprs = sorted(by_date.values(), key=lambda e: e.start)
            for expr, clause_end in zip(exprs, _clause_ends(sentence, exprs), strict=True):
                date = expr.date
                phrase = _phrase(sentence, expr)
                what = describe(sentence, expr)
                if not what:
                    continue  # a date with no clause around it (a file name, a caption stub) is not a statement
                kind = classify(sentence, expr, published, clause_end)
                if kind == "target" and "목표" not in what:
                    what = f"{what} 목표".strip()
                event = {"date": date, "precision": expr.precision, "kind": kind, "what": what, "evidence": sentence, "paragraph": index}
                dup = next((k for k, e in enumerate(events) if e["date"] == date and (
                    e["evidence"] == sentence or e["what"] == what or _same(phrases[k], phrase))), None)
                if dup is not None:
                    if not expr.relative and explicit[dup] is False:
                        events[dup], phrases[dup], explicit[dup] = event, phrase, True
                    continue
                events.append(event)
                phrases.append(phrase)
                explicit.append(not expr.relative)
    return sorted(events, key=lambda e: e["paragraph"])
