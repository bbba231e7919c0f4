"""Auswertung: the agency's figures for a year or any span, beside the period before.

The figures come from ``services.reports.period_report`` on a reader thread;
the page shows them as tables and QtCharts bar charts and writes the
Jahresbericht (PDF or Excel) from the very same ``PeriodReport``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.reports.choices import ReportChoices, report_choices
from engagement_desk.services.reports.period_report import (
    Period,
    PeriodError,
    PeriodReport,
    ReportFilter,
    period_report,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.reports import rows
from engagement_desk.ui.reports.charts import ComparisonChart
from engagement_desk.ui.reports.figure_table import FigureTable
from engagement_desk.ui.widgets.forms import date_edit, from_qdate

FIRST_YEAR = 2000
LAST_YEAR = 2100
PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"


def _section(table: FigureTable) -> QGroupBox:
    box = QGroupBox()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(table)
    return box


class ReportsTab(Retranslatable, QWidget):
    """Period chooser, centre and ride-service filter, figures, charts and the Jahresbericht."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reports_tab")
        self._report: PeriodReport | None = None
        self._generation = Generation()
        self._loading = False
        self._saved_path: Path | None = None

        self.mode = QComboBox()
        self.mode.setObjectName("report_mode")
        self.mode.addItems(["", ""])
        self.year = QSpinBox()
        self.year.setObjectName("report_year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(dt.date.today().year)
        self.year.setGroupSeparatorShown(False)
        today = dt.date.today()
        self.date_from = date_edit(dt.date(today.year, 1, 1))
        self.date_from.setObjectName("report_from")
        self.date_to = date_edit(today)
        self.date_to.setObjectName("report_to")
        self.to_label = QLabel()
        span = QWidget()
        span_layout = QHBoxLayout(span)
        span_layout.setContentsMargins(0, 0, 0, 0)
        span_layout.addWidget(self.date_from)
        span_layout.addWidget(self.to_label)
        span_layout.addWidget(self.date_to)
        self.period_stack = QStackedWidget()
        self.period_stack.addWidget(self.year)
        self.period_stack.addWidget(span)
        self.period_stack.setSizePolicy(span.sizePolicy())
        self.center = QComboBox()
        self.center.setObjectName("report_center")
        self.center.setMinimumContentsLength(18)
        self.center.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.ride_service = QComboBox()
        self.ride_service.setObjectName("report_ride_service")
        self.ride_service.setMinimumContentsLength(14)
        self.ride_service.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.center_label = QLabel()
        self.center_label.setBuddy(self.center)
        self.ride_service_label = QLabel()
        self.ride_service_label.setBuddy(self.ride_service)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("report_pdf")
        self.xlsx_button = QPushButton()
        self.xlsx_button.setObjectName("report_xlsx")
        self._set_choices(ReportChoices((), ()))

        top = QHBoxLayout()
        top.addWidget(self.mode)
        top.addWidget(self.period_stack)
        top.addSpacing(12)
        top.addWidget(self.center_label)
        top.addWidget(self.center, 1)
        top.addWidget(self.ride_service_label)
        top.addWidget(self.ride_service, 1)
        top.addSpacing(12)
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)

        self.heading = QLabel()
        self.heading.setObjectName("report_heading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        self.message.hide()

        self.hours_chart = ComparisonChart("report_chart_hours")
        self.rides_chart = ComparisonChart("report_chart_rides")
        self.centers_chart = ComparisonChart("report_chart_centers", horizontal=True)
        charts = QHBoxLayout()
        for chart in (self.hours_chart, self.rides_chart, self.centers_chart):
            charts.addWidget(chart, 1)

        self.people = FigureTable("report_people")
        self.ages = FigureTable("report_ages")
        self.volunteer_centers = FigureTable("report_volunteer_centers")
        self.placements = FigureTable("report_placements")
        self.events = FigureTable("report_events")
        self.rides = FigureTable("report_rides")
        self.hours = FigureTable("report_hours")
        self.boxes = {table: _section(table) for table in self.tables()}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        columns = (
            (self.people, self.ages),
            (self.placements, self.events),
            (self.hours, self.rides, self.volunteer_centers),
        )
        for column, tables in enumerate(columns):
            stack = QVBoxLayout()
            stack.setSpacing(12)
            for table in tables:
                stack.addWidget(self.boxes[table])
            stack.addStretch(1)
            grid.addLayout(stack, 0, column)
            grid.setColumnStretch(column, 1)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.heading)
        body_layout.addWidget(self.message)
        body_layout.addLayout(charts)
        body_layout.addLayout(grid)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("report_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self.retranslate_ui()
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.year.valueChanged.connect(self._load)
        self.date_from.dateChanged.connect(self._load)
        self.date_to.dateChanged.connect(self._load)
        self.center.currentIndexChanged.connect(self._load)
        self.ride_service.currentIndexChanged.connect(self._load)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self._load_choices()
        self._load()

    def tables(self) -> tuple[FigureTable, ...]:
        return (
            self.people,
            self.ages,
            self.volunteer_centers,
            self.placements,
            self.events,
            self.rides,
            self.hours,
        )

    # --- choosing -------------------------------------------------------------------------------

    def _load_choices(self) -> None:
        self.ctx.ops.query(report_choices, self.ctx.db).success(self._set_choices).run()

    def _set_choices(self, choices: ReportChoices) -> None:
        for combo, items in (
            (self.center, choices.centers),
            (self.ride_service, choices.ride_services),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("", None)
            for item_id, name in items:
                combo.addItem(name, item_id)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._retranslate_all_items()

    @Slot(int)
    def _mode_changed(self, index: int) -> None:
        self.period_stack.setCurrentIndex(index)
        self._load()

    def current_period(self) -> Period:
        if self.mode.currentIndex() == 0:
            return Period.year(self.year.value())
        return Period.between(from_qdate(self.date_from.date()), from_qdate(self.date_to.date()))

    def current_filter(self) -> ReportFilter:
        center_id = self.center.currentData()
        service_id = self.ride_service.currentData()
        return ReportFilter(
            center_id=center_id,
            ride_service_id=service_id,
            center_name=self.center.currentText() if center_id is not None else "",
            ride_service_name=self.ride_service.currentText() if service_id is not None else "",
        )

    # --- loading --------------------------------------------------------------------------------

    @Slot()
    def _load(self) -> None:
        self._generation.advance()
        try:
            period = self.current_period()
        except PeriodError as error:
            self._say(str(error))
            return
        self._say("")
        self._loading = True
        self.status_changed.emit()
        self.ctx.ops.query(
            period_report, self.ctx.db, period, self.current_filter()
        ).discard_if_stale(self._generation).success(self._show).failure(self._failed).run()

    def _show(self, report: PeriodReport) -> None:
        self._report = report
        self._loading = False
        self._fill()
        self.status_changed.emit()

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self.status_changed.emit()
        self.ctx.ops.show_error(error, self)

    # --- showing --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.mode.setItemText(0, self.tr("Year"))
        self.mode.setItemText(1, self.tr("From – to"))
        self.mode.setAccessibleName(self.tr("Kind of period"))
        self.year.setAccessibleName(self.tr("Year of the report"))
        self.date_from.setAccessibleName(self.tr("First day of the period"))
        self.date_to.setAccessibleName(self.tr("Last day of the period"))
        self.to_label.setText(self.tr("to"))
        self.center_label.setText(self.tr("&Centre:"))
        self.ride_service_label.setText(self.tr("Ride ser&vice:"))
        self.pdf_button.setText(self.tr("Annual report as PDF …"))
        self.xlsx_button.setText(self.tr("… as Excel …"))
        self.xlsx_button.setToolTip(self.tr("Annual report as an Excel workbook"))
        titles = {
            self.people: self.tr("People by role"),
            self.ages: self.tr("Active volunteers by age"),
            self.volunteer_centers: self.tr("Active volunteers by centre"),
            self.placements: self.tr("Placements and opportunities"),
            self.events: self.tr("Events"),
            self.rides: self.tr("Ride service"),
            self.hours: self.tr("Volunteer hours"),
        }
        for table, title in titles.items():
            self.boxes[table].setTitle(title)
        self._retranslate_all_items()
        self._fill()

    def _retranslate_all_items(self) -> None:
        self.center.setItemText(0, self.tr("All centres"))
        self.ride_service.setItemText(0, self.tr("All ride services"))

    def _fill(self) -> None:
        report = self._report
        if report is None:
            self.heading.setText("")
            return
        previous = report.previous.period.label
        heading = self.tr("Figures for %1, compared with %2").replace("%1", report.period.label)
        heading = heading.replace("%2", previous)
        names = [n for n in (report.filter.center_name, report.filter.ride_service_name) if n]
        if names:
            heading += " — " + ", ".join(names)
        self.heading.setText(heading)
        name = self.tr("Figure")
        for table, make_rows in (
            (self.people, rows.people_rows),
            (self.ages, rows.age_rows),
            (self.volunteer_centers, rows.volunteer_center_rows),
            (self.placements, rows.placement_rows),
            (self.events, rows.event_rows),
            (self.rides, rows.ride_rows),
            (self.hours, rows.hours_rows),
        ):
            table.set_headers(name, report.period.label, previous)
            table.set_rows(make_rows(report))
        now, then = report.period.label, previous
        for chart, title, values in (
            (self.hours_chart, self.tr("Hours by month"), rows.hours_by_month(report)),
            (self.rides_chart, self.tr("Rides done by month"), rows.rides_by_month(report)),
            (
                self.centers_chart,
                self.tr("Active volunteers by centre"),
                rows.volunteers_by_center(report),
            ),
        ):
            labels, current, before = values
            chart.show_values(title, labels, (now, current), (then, before))

    # --- the Jahresbericht ----------------------------------------------------------------------

    @Slot()
    def save_pdf(self) -> None:
        self._save(".pdf", PDF_FILTER)

    @Slot()
    def save_xlsx(self) -> None:
        self._save(".xlsx", XLSX_FILTER)

    def _save(self, suffix: str, file_filter: str) -> None:
        report = self._report
        if report is None:
            return
        suggested = self.tr("Annual report %1").replace("%1", report.period.label) + suffix
        chosen = self.ctx.dialogs.save_path(
            self, self.tr("Save the annual report as"), suggested, file_filter
        )
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(suffix) else chosen + suffix)
        from engagement_desk.services.reports.annual_report import write_annual_report

        self._set_saving(True)
        self._say(self.tr("Writing the annual report …"))
        (
            self.ctx.ops.query(write_annual_report, self.ctx.db, report, path)
            .success(self._saved)
            .failure(self._save_failed)
            .run()
        )

    def _set_saving(self, saving: bool) -> None:
        self.pdf_button.setEnabled(not saving)
        self.xlsx_button.setEnabled(not saving)

    def _saved(self, path: Path) -> None:
        self._set_saving(False)
        self._saved_path = Path(path)
        self._say(self.tr("Annual report saved: %1").replace("%1", str(path)))

    def _save_failed(self, error: Exception) -> None:
        self._set_saving(False)
        self._say("")
        self.ctx.ops.show_error(error, self)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- what the main window asks --------------------------------------------------------------

    @property
    def report(self) -> PeriodReport | None:
        return self._report

    def focus_search(self) -> None:
        self.year.setFocus()
        self.year.selectAll()

    def status_text(self) -> str:
        if self._loading:
            return self.tr("Calculating …")
        return ""

    def refresh(self) -> None:
        self._load_choices()
        self._load()
