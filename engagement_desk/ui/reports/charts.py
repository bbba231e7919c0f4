"""Bar charts of the Auswertung: this period beside the one before (QtCharts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter

CURRENT_COLOR = QColor("#2f6f9f")
PREVIOUS_COLOR = QColor("#b8c7d6")


class ComparisonChart(QChartView):
    """Grouped bars: one set for the period, one for the period before, with a legend."""

    def __init__(self, name: str, *, horizontal: bool = False):
        super().__init__()
        self.setObjectName(name)
        self.horizontal = horizontal
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A fixed height: with few table rows below, the charts would grow tall.
        self.setFixedHeight(250)
        chart = QChart()
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)

    def show_values(
        self,
        title: str,
        categories: Sequence[str],
        current: tuple[str, Sequence[float]],
        previous: tuple[str, Sequence[float]],
    ) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        for (label, values), color in ((current, CURRENT_COLOR), (previous, PREVIOUS_COLOR)):
            bars = QBarSet(label)
            bars.setColor(color)
            bars.setBorderColor(color)
            values = [float(v) for v in values]
            bars.append(list(reversed(values)) if self.horizontal else values)
            series.append(bars)
        chart.addSeries(series)
        category_axis = QBarCategoryAxis()
        # Horizontal bars list the first category on top, as a table would.
        category_axis.append(list(reversed(categories)) if self.horizontal else list(categories))
        value_side, category_side = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        if self.horizontal:
            value_side, category_side = category_side, value_side
        font = category_axis.labelsFont()
        font.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
        category_axis.setLabelsFont(font)
        category_axis.setTruncateLabels(False)
        chart.addAxis(category_axis, category_side)
        series.attachAxis(category_axis)
        y_axis = QValueAxis()
        top = max([*current[1], *previous[1], 0])
        # At least 0 … 5: whole-number ticks even when every bar is (nearly) zero.
        y_axis.setRange(0, max(float(top) * 1.1, 5.0))
        y_axis.setLabelFormat("%.0f")
        y_axis.applyNiceNumbers()
        chart.addAxis(y_axis, value_side)
        series.attachAxis(y_axis)

    def series_values(self) -> list[tuple[str, list[float]]]:
        """(legend label, values) of each bar set, for tests."""
        result = []
        for series in self.chart().series():
            for bars in series.barSets():
                values = [bars.at(i) for i in range(bars.count())]
                result.append((bars.label(), values[::-1] if self.horizontal else values))
        return result

    def categories(self) -> list[str]:
        for axis in self.chart().axes():
            if isinstance(axis, QBarCategoryAxis):
                names = list(axis.categories())
                return names[::-1] if self.horizontal else names
        return []
