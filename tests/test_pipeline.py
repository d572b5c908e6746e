"""generator/pipeline.py: parallel analysis gives exactly what serial analysis gives."""
from __future__ import annotations

import copy

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
