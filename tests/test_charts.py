"""generator/charts.py: the timeline picture is a self-contained, repeatable SVG."""
from __future__ import annotations

from generator.charts import timeline_svg
from generator.corpus import TimelineEntry


def test_same_timeline_gives_the_same_bytes_and_no_outside_script():
    entries = [TimelineEntry("2025-09-08", "day", "past", "출범"), TimelineEntry("2030", "year", "target", "확보 목표")]
    first, second = timeline_svg(entries), timeline_svg(entries)
    assert first == second
    assert first.lstrip().startswith("<svg")
    assert "kozea.github.io" not in first and "2030" in first
