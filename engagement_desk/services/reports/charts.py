"""Bar charts for the printed annual report, drawn as vector graphics (reportlab.graphics).

A chart is a ``Drawing``: a platypus flowable that prints sharp at any size and
stays text in the PDF (axis labels and legend are real strings, not pixels).
Current period and previous period stand side by side in every chart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.axes import ValueAxis
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from engagement_desk.services.printing.fonts import register_fonts
from engagement_desk.services.reports.report_texts import german_number

CURRENT = colors.HexColor("#2f6f9f")
PREVIOUS = colors.HexColor("#b9c9d6")
AXIS = colors.HexColor("#555555")
GRID = colors.HexColor("#dddddd")
LABEL_SIZE = 7.5
TITLE_SIZE = 9.5


@dataclass(frozen=True)
class Series:
    """One row of bars: what the legend calls it and one value per category."""

    label: str
    values: Sequence[float]


def _nice_step(top: float, steps: int = 5) -> float:
    """A round axis step (1, 2, 2.5 or 5 times a power of ten) giving about ``steps`` lines."""
    if top <= 0:
        return 1.0
    raw = top / steps
    power = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1.0
    while power > raw:
        power /= 10
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _axis_range(series: Sequence[Series]) -> tuple[float, float]:
    top = max((max(s.values, default=0) for s in series), default=0)
    step = _nice_step(float(top))
    lines = max(1, -(-float(top) // step))  # ceil
    return step * lines, step


def _axis_label(value: float) -> str:
    return german_number(value, 0 if float(value).is_integer() else 1)


def _legend(drawing: Drawing, series: Sequence[Series], right: float, top: float) -> None:
    """Coloured squares with the series' labels in one line, ending at ``right``."""
    fonts = register_fonts()
    box = 7.0
    x = right
    for colour, item in reversed(list(zip((CURRENT, PREVIOUS), series, strict=False))):
        x -= stringWidth(item.label, fonts.sans, LABEL_SIZE)
        drawing.add(String(x, top - box + 1, item.label, fontName=fonts.sans, fontSize=LABEL_SIZE))
        x -= box + 3
        drawing.add(Rect(x, top - box, box, box, fillColor=colour, strokeColor=None))
        x -= 12


def _title(drawing: Drawing, title: str, width: float, height: float) -> None:
    fonts = register_fonts()
    drawing.add(
        String(0, height - TITLE_SIZE, title, fontName=fonts.sans_bold, fontSize=TITLE_SIZE)
    )


def _style_bars(
    chart: VerticalBarChart | HorizontalBarChart, count: int, *, reverse: bool = False
) -> None:
    palette = (CURRENT, PREVIOUS)[:count]
    for index, colour in enumerate(reversed(palette) if reverse else palette):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    chart.barSpacing = 0.5
    chart.groupSpacing = 4


def month_chart(
    title: str,
    months: Sequence[str],
    series: Sequence[Series],
    *,
    value_label: str,
    width: float,
    height: float,
) -> Drawing:
    """Grouped vertical bars, one group per month; the value axis is titled ``value_label``."""
    fonts = register_fonts()
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    top, step = _axis_range(series)
    label_width = max(stringWidth(_axis_label(top), fonts.sans, LABEL_SIZE), 10)
    chart = VerticalBarChart()
    chart.x = label_width + 18
    chart.y = 22
    chart.width = width - chart.x - 4
    chart.height = height - chart.y - TITLE_SIZE - 22
    chart.data = [list(map(float, s.values)) for s in series]
    _style_bars(chart, len(series))
    _value_axis(chart.valueAxis, top, step, _axis_label)
    chart.categoryAxis.categoryNames = _thinned(months)
    chart.categoryAxis.labels.fontName = fonts.sans
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = AXIS
    chart.categoryAxis.tickDown = 0
    drawing.add(chart)
    drawing.add(
        String(
            4,
            chart.y + chart.height / 2,
            value_label,
            fontName=fonts.sans,
            fontSize=LABEL_SIZE,
            textAnchor="middle",
        )
    )
    _rotate_last(drawing, 90, 8, chart.y + chart.height / 2)
    _legend(drawing, series, width - 4, height - 2)
    return drawing


def centre_chart(
    title: str,
    names: Sequence[str],
    series: Sequence[Series],
    *,
    value_label: str,
    width: float,
) -> Drawing:
    """Grouped horizontal bars, one group per centre (long names fit on the left)."""
    fonts = register_fonts()
    row = 17.0
    names = [_shortened(name, fonts.sans, width * 0.3) for name in _without_prefix(names)]
    name_width = max((stringWidth(n, fonts.sans, LABEL_SIZE) for n in names), default=20)
    plot_height = max(row * len(names), row)
    height = plot_height + TITLE_SIZE + 22 + 26
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    top, step = _axis_range(series)
    chart = HorizontalBarChart()
    chart.x = name_width + 8
    chart.y = 26
    chart.width = width - chart.x - 12
    chart.height = plot_height
    # first centre on top, as in the table beside it
    # series drawn bottom-up within a group: the current period goes last to stand on top
    chart.data = [list(reversed([float(v) for v in s.values])) for s in reversed(series)]
    _style_bars(chart, len(series), reverse=True)
    _value_axis(chart.valueAxis, top, step, _axis_label)
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = fonts.sans
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = AXIS
    chart.categoryAxis.tickLeft = 0
    drawing.add(chart)
    drawing.add(
        String(
            chart.x + chart.width / 2,
            2,
            value_label,
            fontName=fonts.sans,
            fontSize=LABEL_SIZE,
            textAnchor="middle",
        )
    )
    _legend(drawing, series, width - 4, height - 2)
    return drawing


def _value_axis(axis: ValueAxis, top: float, step: float, label: Callable[[float], str]) -> None:
    fonts = register_fonts()
    axis.valueMin = 0
    axis.valueMax = top
    axis.valueStep = step
    axis.labels.fontName = fonts.sans
    axis.labels.fontSize = LABEL_SIZE
    axis.labelTextFormat = label
    axis.strokeColor = AXIS
    axis.visibleGrid = True
    axis.gridStrokeColor = GRID
    axis.gridStrokeWidth = 0.4


def _rotate_last(drawing: Drawing, angle: float, x: float, y: float) -> None:
    """Turn the last added string about (x, y): reportlab rotates groups, not strings."""
    text = drawing.contents.pop()
    text.x, text.y = 0, 0
    group = Group(text)
    group.translate(x, y)
    group.rotate(angle)
    drawing.add(group)


def _shortened(name: str, font: str, limit: float) -> str:
    if stringWidth(name, font, LABEL_SIZE) <= limit:
        return name
    while name and stringWidth(name + "…", font, LABEL_SIZE) > limit:
        name = name[:-1]
    return name.rstrip() + "…"


def _without_prefix(names: Sequence[str]) -> list[str]:
    """'Engagement-Zentrum Senioren' → 'Senioren' when the chart's title says it already."""
    prefix = "Engagement-Zentrum "
    return [name.removeprefix(prefix) or name for name in names]


def _thinned(labels: Sequence[str], most: int = 18) -> list[str]:
    """Every n-th label of a long period's months, so the names do not run into each other."""
    if len(labels) <= most:
        return list(labels)
    every = -(-len(labels) // 12)
    return [label if index % every == 0 else "" for index, label in enumerate(labels)]
