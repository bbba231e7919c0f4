"""What a person has done with the agency, read-only: hours, rides, events, certificates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import (
    CertificateKind,
    CertificateStatus,
    EventKind,
    HoursSource,
    RegistrationRole,
    RegistrationStatus,
    RideStatus,
)
from engagement_desk.services.hours.corrections import HoursCorrectionRecord
from engagement_desk.services.people.activity import HoursLine, HoursTotal, PersonActivity
from engagement_desk.ui.formatting import format_date, format_datetime, format_decimal, format_time
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.people.editor.form_grid import heading_label

Cell = str | tuple[str, bool]  # text, or (text, right-aligned)
MAX_COLUMN_WIDTH = 220  # longer texts are elided; the last column takes the rest


class ReadOnlyTable(QTableWidget):
    """A small table that only shows: rows of text, numbers right-aligned, some rows bold."""

    def __init__(self, name: str, columns: int, parent: QWidget | None = None):
        super().__init__(0, columns, parent)
        self.setObjectName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def set_headers(self, titles: Sequence[str]) -> None:
        self.setHorizontalHeaderLabels(list(titles))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.rowCount():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nothing recorded yet.")
        )

    def set_rows(self, rows: Sequence[Sequence[Cell]], bold: Sequence[int] = ()) -> None:
        self.setRowCount(len(rows))
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                text, right = (cell, False) if isinstance(cell, str) else cell
                item = QTableWidgetItem(text)
                if right:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if r in bold:
                    item.setFont(bold_font)
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for c in range(self.columnCount() - 1):
            header.resizeSection(c, min(max(header.sectionSize(c), 60) + 12, MAX_COLUMN_WIDTH))
        header.setSectionResizeMode(self.columnCount() - 1, QHeaderView.ResizeMode.Stretch)


def _hours(value: Decimal) -> tuple[str, bool]:
    return format_decimal(value, 1), True


def totals_rows(
    totals: Sequence[HoursTotal], total_label: str
) -> tuple[list[list[Cell]], list[int]]:
    """Per year a bold sum row, then the year's lines per organization and centre."""
    by_year: dict[int, list[HoursTotal]] = defaultdict(list)
    for total in totals:
        by_year[total.year].append(total)
    rows: list[list[Cell]] = []
    bold: list[int] = []
    for year in sorted(by_year, reverse=True):
        lines = by_year[year]
        bold.append(len(rows))
        year_total = sum((t.hours for t in lines), Decimal(0))
        rows.append([str(year), total_label, "", _hours(year_total)])
        rows += [["", t.organization, t.center, _hours(t.hours)] for t in lines]
    return rows, bold


class _Section(QWidget):
    def __init__(self, table: ReadOnlyTable):
        super().__init__()
        self.title = heading_label()
        self.title.setBuddy(table)
        self.table = table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(table)


class HoursPanel(Retranslatable, QWidget):
    """Totals per year, organization and centre above the single entries.

    ``correct_requested(entry_id)`` / ``delete_requested(entry_id)`` for a typed entry;
    the editor opens the correction dialog.
    """

    correct_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("person_hours")
        self.totals = ReadOnlyTable("hours_totals", 4)
        self.lines = ReadOnlyTable("hours_lines", 6)
        self.totals_section = _Section(self.totals)
        self.lines_section = _Section(self.lines)
        self.correct_button = QPushButton()
        self.correct_button.setObjectName("person_hours_correct")
        self.correct_button.clicked.connect(lambda: self._request(self.correct_requested))
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("person_hours_delete")
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.derived_note = QLabel()
        self.derived_note.setObjectName("person_hours_note")
        self.derived_note.setWordWrap(True)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.derived_note, 1)
        line_buttons.addWidget(self.correct_button)
        line_buttons.addWidget(self.delete_button)
        self.lines_section.layout().addLayout(line_buttons)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.itemSelectionChanged.connect(self._line_chosen)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.totals_section)
        splitter.addWidget(self.lines_section)
        self.corrections = ReadOnlyTable("hours_corrections", 5)
        self.corrections_section = _Section(self.corrections)
        splitter.addWidget(self.corrections_section)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._activity: PersonActivity | None = None
        self._corrections: tuple[HoursCorrectionRecord, ...] = ()
        self.retranslate_ui()

    def selected_line(self) -> HoursLine | None:
        rows = self.lines.selectionModel().selectedRows()
        if self._activity is None or not rows:
            return None
        row = rows[0].row()
        return self._activity.hours[row] if row < len(self._activity.hours) else None

    def _request(self, signal) -> None:
        line = self.selected_line()
        if line is not None and line.id:
            signal.emit(line.id)

    def _line_chosen(self) -> None:
        line = self.selected_line()
        typed = line is not None and line.source == HoursSource.MANUAL
        for button in (self.correct_button, self.delete_button):
            button.setEnabled(typed)
        if line is None or typed:
            self.derived_note.setText("")
        elif line.source == HoursSource.RIDE:
            self.derived_note.setText(self.tr("Hours from a ride are corrected at the ride."))
        else:
            self.derived_note.setText(
                self.tr("Hours from an event are corrected at the event (attendance, shift).")
            )

    def retranslate_ui(self) -> None:
        self.correct_button.setText(self.tr("C&orrect …"))
        self.correct_button.setToolTip(self.tr("Change the selected entry; asks for a reason"))
        self.delete_button.setText(self.tr("&Delete …"))
        self.delete_button.setToolTip(self.tr("Delete the selected entry; asks for a reason"))
        self._line_chosen()
        self.corrections_section.title.setText(self.tr("Corrections and deletions"))
        self.corrections.setAccessibleName(self.tr("Corrections of hours with their reason"))
        self.corrections.set_headers(
            [self.tr("When"), self.tr("What"), self.tr("Reason"), self.tr("Before"), self.tr("By")]
        )
        if self._corrections:
            self.show_corrections(self._corrections)
        self.totals_section.title.setText(self.tr("&Totals per year"))
        self.lines_section.title.setText(self.tr("&Entries"))
        self.totals.setAccessibleName(self.tr("Hours per year, organization and centre"))
        self.lines.setAccessibleName(self.tr("Hours entries"))
        self.totals.set_headers(
            [self.tr("Year"), self.tr("Organization"), self.tr("Centre"), self.tr("Hours")]
        )
        self.lines.set_headers(
            [
                self.tr("Date"),
                self.tr("Hours"),
                self.tr("Source"),
                self.tr("Organization"),
                self.tr("Centre"),
                self.tr("Activity"),
            ]
        )
        if self._activity is not None:
            self.show_activity(self._activity)

    def show_corrections(self, corrections: Sequence[HoursCorrectionRecord]) -> None:
        """Newest first: when, corrected or deleted, the reason, the entry before, by whom."""
        self._corrections = tuple(corrections)
        kinds = {"correct": self.tr("corrected"), "delete": self.tr("deleted")}
        self.corrections.set_rows(
            [
                [format_datetime(c.at), kinds.get(c.kind, c.kind), c.reason, c.before, c.user]
                for c in corrections
            ]
        )

    def show_activity(self, activity: PersonActivity | None) -> None:
        self._activity = activity
        self._line_chosen()
        if activity is None:
            self.totals.set_rows([])
            self.lines.set_rows([])
            return
        rows, bold = totals_rows(activity.hours_totals, self.tr("all together"))
        self.totals.set_rows(rows, bold)
        self.lines.set_rows(
            [
                [
                    format_date(line.on_date),
                    _hours(line.hours),
                    enum_label(HoursSource, line.source),
                    line.organization,
                    line.center,
                    line.activity,
                ]
                for line in activity.hours
            ]
        )


class ActivityPanel(Retranslatable, QWidget):
    """Rides (as driver or passenger), events and certificates."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("person_activity")
        self.rides = ReadOnlyTable("person_rides", 5)
        self.events = ReadOnlyTable("person_events", 5)
        self.certificates = ReadOnlyTable("person_certificates", 4)
        self.sections = [_Section(t) for t in (self.rides, self.events, self.certificates)]
        splitter = QSplitter(Qt.Orientation.Vertical)
        for section in self.sections:
            splitter.addWidget(section)
        splitter.setChildrenCollapsible(False)
        for index, factor in enumerate((3, 2, 1)):
            splitter.setStretchFactor(index, factor)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        self._activity: PersonActivity | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        titles = (self.tr("&Rides"), self.tr("E&vents"), self.tr("&Certificates"))
        for section, title in zip(self.sections, titles, strict=True):
            section.title.setText(title)
            section.table.setAccessibleName(title.replace("&", ""))
        self.rides.set_headers(
            [
                self.tr("Date"),
                self.tr("Time"),
                self.tr("As"),
                self.tr("Status"),
                self.tr("Destination"),
            ]
        )
        self.events.set_headers(
            [self.tr("Date"), self.tr("Kind"), self.tr("Role"), self.tr("Status"), self.tr("Title")]
        )
        self.certificates.set_headers(
            [self.tr("Number"), self.tr("Kind"), self.tr("Issued on"), self.tr("Status")]
        )
        self.note.setText(self.tr("The latest 200 of each are shown."))
        if self._activity is not None:
            self.show_activity(self._activity)

    def show_activity(self, activity: PersonActivity | None) -> None:
        self._activity = activity
        if activity is None:
            for table in (self.rides, self.events, self.certificates):
                table.set_rows([])
            return
        self.rides.set_rows(
            [
                [
                    format_date(ride.ride_date),
                    format_time(ride.start_time),
                    self.tr("Driver") if ride.as_driver else self.tr("Passenger"),
                    enum_label(RideStatus, ride.status),
                    ride.destination,
                ]
                for ride in activity.rides
            ]
        )
        self.events.set_rows(
            [
                [
                    format_datetime(event.starts_at),
                    enum_label(EventKind, event.kind),
                    enum_label(RegistrationRole, event.role),
                    enum_label(RegistrationStatus, event.status),
                    event.title,
                ]
                for event in activity.events
            ]
        )
        self.certificates.set_rows(
            [
                [
                    certificate.number,
                    enum_label(CertificateKind, certificate.kind),
                    format_date(certificate.issued_on),
                    enum_label(CertificateStatus, certificate.status),
                ]
                for certificate in activity.certificates
            ]
        )
