"""Static SVG charts made at build time (pygal), so pages need no charting JavaScript.

Colours sit in the middle of the scale and the background is transparent,
so one picture reads on Material's light and dark palettes and in print.
"""
from __future__ import annotations

import re
from collections import Counter

import pygal
from pygal.style import Style

from generator.corpus import TimelineEntry

KIND_LABELS = {"past": "지난 일", "scheduled": "예정", "target": "목표"}

STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#777777",
    foreground_strong="#777777",
    foreground_subtle="#aaaaaa",
    opacity="0.9",
    opacity_hover="1",
    colors=("#5c6bc0", "#26a69a", "#ef6c00"),
    font_family="sans-serif",
)


def timeline_svg(entries: list[TimelineEntry]) -> str:
    """Events per year, stacked by kind: what happened, what is scheduled, what was promised."""
    years = sorted({e.year for e in entries})
    counts = Counter((e.year, e.kind) for e in entries)
    chart = pygal.StackedBar(
        style=STYLE, js=[], width=800, height=320, show_legend=True, legend_at_bottom=True,
        title="연도별 사건과 목표", x_title="연도", y_title="건수", print_values=False,
        disable_xml_declaration=True,
    )
    chart.x_labels = years
    for kind, label in KIND_LABELS.items():
        chart.add(label, [counts.get((year, kind), 0) for year in years])
    return stable_ids(chart.render(is_unicode=True)) + "\n"


def stable_ids(svg: str) -> str:
    """pygal names each chart with a random UUID; a fixed name keeps builds byte-identical."""
    return re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "briefing-chart", svg)


def series_svg(title: str, unit: str, points: list[tuple[int, float, str]]) -> str:
    """One ledger series as dots by year, one colour per source outlet, so disagreement shows as a spread."""
    chart = pygal.XY(
        style=STYLE, js=[], width=800, height=320, stroke=False, show_legend=True, legend_at_bottom=True,
        title=title, x_title="연도", y_title=unit, dots_size=5, disable_xml_declaration=True,
        x_label_rotation=0, show_x_guides=False,
    )
    years = sorted({year for year, _, _ in points})
    chart.xrange = (years[0] - 1, years[-1] + 1)
    chart.x_labels = list(range(years[0] - 1, years[-1] + 2))
    by_source: dict[str, list[tuple[int, float]]] = {}
    for year, value, source in points:
        by_source.setdefault(source, []).append((year, value))
    for source in sorted(by_source):
        chart.add(source, sorted(by_source[source]))
    return stable_ids(chart.render(is_unicode=True)) + "\n"
