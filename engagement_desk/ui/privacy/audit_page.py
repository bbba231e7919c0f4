"""Protokoll: the audit trail for the data protection officer — who did what, when.

Filters by person (chosen by name, or typed as a number), staff member, date
range and action; sorting and filtering happen in SQL through the same list
machinery as the other tabs. *Export as CSV …* writes what the list shows.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import AuditAction
from engagement_desk.services.privacy.audit_log import (
    AUDIT_COLUMNS,
    audit_users,
    count_audit,
    export_audit_csv,
    list_audit,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.widgets.list_view import (
    FilterOption,
    FilterSpec,
    ListPanel,
    ListSpec,
    enum_filter,
)
from engagement_desk.ui.widgets.person_picker import PersonPicker

NO_DATE = QDate(2000, 1, 1)
EXPORT_FOLDER_KEY = "privacy/audit_export_folder"


translate = QCoreApplication.translate
# The list's column titles (services/privacy/audit_log.AUDIT_COLUMNS), for lupdate.
COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("Columns", "When"),
    QT_TRANSLATE_NOOP("Columns", "Staff member"),
    QT_TRANSLATE_NOOP("Columns", "Action"),
    QT_TRANSLATE_NOOP("Columns", "Record"),
    QT_TRANSLATE_NOOP("Columns", "No."),
    QT_TRANSLATE_NOOP("Columns", "Fields"),
)


def _users(db: Any) -> list[FilterOption]:
    return [FilterOption(lambda user=user: user, {"user": user}) for user in audit_users(db)]


def _entity(value: Any) -> str:
    """A table name as stored; '*' stands for the whole database."""
    return translate("AuditPage", "Whole database") if value == "*" else str(value)


def audit_spec(ctx: AppContext) -> ListSpec:
    return ListSpec(
        name="audit",
        tables=("audit_entry",),
        fetch=lambda query: list_audit(ctx.db, query),
        count=lambda query: count_audit(ctx.db, query),
        columns=AUDIT_COLUMNS,
        accessible_name=lambda: translate("AuditPage", "Audit trail"),
        search_placeholder=lambda: translate(
            "AuditPage", "Search staff member, record or fields …"
        ),
        filters=(
            FilterSpec(
                "user",
                lambda: translate("AuditPage", "Staff member"),
                (FilterOption(lambda: translate("AuditPage", "All staff")),),
            ),
            enum_filter(
                "action",
                AuditAction,
                lambda: translate("AuditPage", "Action"),
                lambda: translate("AuditPage", "All actions"),
            ),
        ),
        value_labels={"action": labeller(AuditAction), "entity": _entity},
        column_widths={"at": 18, "user": 14, "action": 12, "entity": 20, "entity_id": 8},
        sort_key="at",
        descending=True,
        stretch_key="summary",
        empty_text=lambda: translate("AuditPage", "The audit trail is empty."),
    )


class AuditList(ListPanel):
    """The list panel, with the page's own filters (person, dates) merged into its query."""

    extra_filters: dict[str, Any] = {}

    def current_filters(self) -> dict[str, Any]:
        return {**super().current_filters(), **self.extra_filters}

    def set_extra_filters(self, filters: dict[str, Any]) -> None:
        self.extra_filters = dict(filters)
        self._apply_filters()


class AuditPage(Retranslatable, QWidget):
    """The Protokoll page of the Datenschutz tab."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("audit_page")
        self.ctx = ctx

        self.person_label = QLabel()
        self.person = PersonPicker(ctx)
        self.person.setObjectName("audit_person")
        self.person.setMinimumWidth(320)
        self.person_label.setBuddy(self.person)
        self.from_label = QLabel()
        self.date_from = self._date_edit("audit_date_from")
        self.from_label.setBuddy(self.date_from)
        self.to_label = QLabel()
        self.date_to = self._date_edit("audit_date_to")
        self.to_label.setBuddy(self.date_to)

        self.panel = AuditList(ctx, audit_spec(ctx))
        self.panel.layout().setContentsMargins(0, 0, 0, 0)  # in line with the filters above
        self.export_button = QPushButton()
        self.export_button.setObjectName("audit_export")
        self.export_button.clicked.connect(self.export_csv)
        guard_each(ctx, Capability.PRIVACY, self.export_button)
        self.panel.add_tool(self.export_button)
        self.panel.status_changed.connect(self.status_changed)
        self.panel.model.count_changed.connect(self.status_changed)
        self.panel.load_filter_options("user", _users, ctx.db)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for label, field in (
            (self.person_label, self.person),
            (self.from_label, self.date_from),
            (self.to_label, self.date_to),
        ):
            filters.addWidget(label)
            filters.addWidget(field)
            filters.addSpacing(12)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.panel, 1)

        self.person.changed.connect(self._filters_changed)
        self.person.textChanged.connect(self._filters_changed)
        self.date_from.dateChanged.connect(self._filters_changed)
        self.date_to.dateChanged.connect(self._filters_changed)
        self._shown_once = False
        self.retranslate_ui()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        return edit

    def retranslate_ui(self) -> None:
        self.person_label.setText(self.tr("&Person:"))
        self.person.setToolTip(self.tr("Choose a person by name, or type their number"))
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        for edit in (self.date_from, self.date_to):
            # the earliest date stands for "no limit" and shows as a dash
            edit.setSpecialValueText(self.tr("–"))
        self.export_button.setText(self.tr("Export as &CSV …"))
        self.export_button.setToolTip(
            self.tr("The entries as listed, for Excel (semicolons, UTF-8)")
        )

    # --- filters ---------------------------------------------------------

    def person_filter(self) -> int | None:
        if self.person.person_id is not None:
            return self.person.person_id
        typed = self.person.text().strip().lstrip("#")
        return int(typed) if typed.isdigit() else None

    @staticmethod
    def _day(edit: QDateEdit) -> dt.date | None:
        date = edit.date()
        return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())

    def extra_filters(self) -> dict[str, Any]:
        filters: dict[str, Any] = {}
        if (person_id := self.person_filter()) is not None:
            filters["person_id"] = person_id
        if (start := self._day(self.date_from)) is not None:
            filters["date_from"] = start
        if (end := self._day(self.date_to)) is not None:
            filters["date_to"] = end
        return filters

    @Slot()
    def _filters_changed(self) -> None:
        filters = self.extra_filters()
        if filters != self.panel.extra_filters:
            self.panel.set_extra_filters(filters)

    # --- the tab protocol ------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # entries are written all the time (each save, each export): show the latest
        if self._shown_once:
            self.refresh()
        self._shown_once = True
        super().showEvent(event)

    def status_text(self) -> str:
        return self.panel.status_text()

    def refresh(self) -> None:
        self.panel.load_filter_options("user", _users, self.ctx.db)
        self.panel.refresh()

    def focus_search(self) -> None:
        self.panel.focus_search()

    # --- export ----------------------------------------------------------

    @Slot()
    def export_csv(self) -> None:
        folder = str(self.ctx.settings.value(EXPORT_FOLDER_KEY, "") or Path.home())
        suggested = str(Path(folder) / f"Protokoll-{dt.date.today():%Y-%m-%d}.csv")
        path = self.ctx.dialogs.save_path(
            self, self.tr("Export the audit trail"), suggested, self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        if not path.lower().endswith(".csv"):
            path += ".csv"
        self.ctx.settings.setValue(EXPORT_FOLDER_KEY, str(Path(path).parent))
        self.ctx.ops.query(
            export_audit_csv, self.ctx.db, self.panel.model.query, path
        ).with_progress(self, self.tr("Exporting the audit trail …")).success(
            functools.partial(self._exported, path)
        ).run()

    def _exported(self, path: str, count: int) -> None:
        self.ctx.dialogs.inform(
            self,
            self.tr("Audit trail exported"),
            self.tr("%n entries written to %1.", "", count).replace("%1", path),
        )
