"""Personen: everyone the agency knows, and beside the list the editor of one person.

The list stays on screen while a person is open (a phone call often starts
with "who is this?"); Enter or a double-click opens a person, Ctrl+N starts
a new one, Esc closes the editor, and the list shows saved changes at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import PersonStatus, Role
from engagement_desk.services.people.persons import (
    CONSENT_MISSING,
    CONSENT_WITHDRAWN,
    PEOPLE_COLUMNS,
    count_people,
    list_people,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.letters.saved_filters import SavedFiltersBar
from engagement_desk.ui.people.editor import PersonEditor
from engagement_desk.ui.widgets.choices import center_options
from engagement_desk.ui.widgets.leaving import Then
from engagement_desk.ui.widgets.list_view import (
    FilterOption,
    FilterSpec,
    ListPanel,
    ListSpec,
    enum_filter,
)
from engagement_desk.ui.widgets.sql_table_model import SqlTableModel

try:  # written in parallel; the window must start without it
    from engagement_desk.services.people.export import export_people
except ImportError:  # pragma: no cover
    export_people: Callable[..., int] | None = None  # type: ignore[no-redef]

translate = QCoreApplication.translate
EDITOR_WIDTH_KEY = "people/editor_width"
EDITOR_WIDTH = 720
EDITOR_MIN_WIDTH = 600
LIST_MIN_WIDTH = 360
LIST_WIDTH = 640  # names, birth date, postal code and town stay in view beside the editor


def people_spec(ctx: AppContext) -> ListSpec:
    return ListSpec(
        name="people",
        tables=("person", "person_role", "placement", "organization_contact"),
        fetch=functools.partial(list_people, ctx.db),
        count=functools.partial(count_people, ctx.db),
        columns=PEOPLE_COLUMNS,
        accessible_name=lambda: translate("PeopleTab", "List of people"),
        search_placeholder=lambda: translate("PeopleTab", "Search name, e-mail, phone or town …"),
        filters=(
            enum_filter(
                "role",
                Role,
                lambda: translate("PeopleTab", "Role"),
                lambda: translate("PeopleTab", "All roles"),
            ),
            enum_filter(
                "status",
                PersonStatus,
                lambda: translate("PeopleTab", "Status"),
                lambda: translate("PeopleTab", "All statuses"),
            ),
            FilterSpec(
                "center",
                lambda: translate("PeopleTab", "Centre"),
                (FilterOption(lambda: translate("PeopleTab", "All centres")),),
            ),
            FilterSpec(
                "consent",
                lambda: translate("PeopleTab", "Consent"),
                (
                    FilterOption(lambda: translate("PeopleTab", "Any consent")),
                    FilterOption(
                        lambda: translate("PeopleTab", "Storage consent missing"),
                        {"consent": CONSENT_MISSING},
                    ),
                    FilterOption(
                        lambda: translate("PeopleTab", "Consent withdrawn"),
                        {"consent": CONSENT_WITHDRAWN},
                    ),
                ),
            ),
        ),
        value_labels={"roles": labeller(Role), "status": labeller(PersonStatus)},
        column_widths={
            "last_name": 16,
            "first_name": 14,
            "birth_date": 11,
            "postal_code": 6,
            "city": 14,
            "phone": 16,
            "email": 26,
            "roles": 26,
            "status": 9,
        },
    )


class PeopleTab(Retranslatable, QWidget):
    """The people list panel, its "New" and "Export" buttons, and the person editor."""

    status_changed = Signal()
    activated = Signal(int)  # a row was opened (Enter, double-click): its person id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("people_tab")
        self._select_after_load: int | None = None

        self.panel = ListPanel(ctx, people_spec(ctx))
        self.panel.load_filter_options("center", center_options, ctx.db)
        # Saved filters wrap with the search and filters they stand for.
        self.saved_filters = SavedFiltersBar(ctx, self.panel)
        self.panel.add_tool(self.saved_filters)
        # Built when first needed: a form of many pages costs the start a
        # noticeable freeze, and most starts begin with the list.
        self._editor: PersonEditor | None = None
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_person")
        self.new_button.clicked.connect(self.new_person)
        self.export_button = QPushButton()
        self.export_button.setObjectName("export_people")
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(export_people is not None)
        self.new_action = QAction(self)
        self.new_action.setObjectName("new_person_action")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.new_person)
        guard_each(ctx, Capability.EDIT_PEOPLE, self.new_button, self.new_action)
        self.addAction(self.new_action)

        # The buttons get a row of their own: beside the search and three
        # filters they would make the list too wide to share the window.
        tools = QHBoxLayout()
        tools.setContentsMargins(self.panel.layout().contentsMargins().left(), 0, 0, 0)
        tools.addWidget(self.new_button)
        tools.addWidget(self.export_button)
        tools.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.panel, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("people_splitter")
        self.splitter.addWidget(left)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        left.setMinimumWidth(LIST_MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        # Tab order as seen: the buttons above the list come before its search field.
        QWidget.setTabOrder(self.panel.search.previousInFocusChain(), self.new_button)
        QWidget.setTabOrder(self.new_button, self.export_button)

        self.panel.activated.connect(self.activated)
        self.activated.connect(self.open_person)
        self.panel.status_changed.connect(self.status_changed)
        self.panel.model.rows_loaded.connect(self._select_saved)
        self.retranslate_ui()

    @property
    def editor(self) -> PersonEditor:
        if self._editor is None:
            self._editor = PersonEditor(self.ctx)
            self._editor.hide()
            self.splitter.addWidget(self._editor)
            self.splitter.setStretchFactor(1, 0)
            self._editor.saved.connect(self._saved)
            self._editor.closed.connect(self._editor_closed)
        return self._editor

    def _editor_shown(self) -> bool:
        return self._editor is not None and self._editor.isVisible()

    def retranslate_ui(self) -> None:
        self.new_button.setText(self.tr("New person"))
        self.new_button.setToolTip(self.tr("Enter a new person (Ctrl+N)"))
        self.export_button.setText(self.tr("E&xport …"))
        self.export_button.setToolTip(
            self.tr("Write the list as shown, with its search and filters, to Excel or CSV")
            if export_people is not None
            else self.tr("Export is not available in this version.")
        )
        self.new_action.setText(self.tr("New person"))

    # --- the tab protocol and the list's parts ----------------------------------

    @property
    def model(self) -> SqlTableModel:
        return self.panel.model

    @property
    def table(self) -> QTableView:
        return self.panel.table

    @property
    def search(self) -> QLineEdit:
        return self.panel.search

    @property
    def count_label(self) -> QLabel:
        return self.panel.count_label

    def combo(self, name: str) -> QComboBox:
        return self.panel.combo(name)

    def current_id(self) -> int | None:
        return self.panel.current_id()

    def status_text(self) -> str:
        return self.panel.status_text()

    def focus_search(self) -> None:
        self.panel.focus_search()

    def refresh(self) -> None:
        self.panel.refresh()
        if self._editor_shown() and not self.editor.is_dirty():
            self.editor.reload()

    # --- the editor -------------------------------------------------------------

    @Slot(int)
    def open_person(self, person_id: int) -> None:
        self._show_editor()
        if not self.editor.open_person(person_id):
            self._select_person(self.editor.person_id)
        elif self._select_after_load is not None:
            # A save ran first (Save in the unsaved question): the list follows this person.
            self._select_after_load = person_id
        else:
            self._select_person(person_id)

    def _select_person(self, person_id: int | None) -> None:
        row = self.model.row_of(person_id) if person_id is not None else None
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)

    def open_record(self, record_id: int) -> None:
        """For the window's "show this record" (global search): open the person."""
        self.open_person(record_id)

    @Slot()
    def new_person(self) -> None:
        self._show_editor()
        self.editor.new_person()

    def _show_editor(self) -> None:
        if self.editor.isVisible():
            return
        self.editor.show()
        try:
            width = int(self.ctx.settings.value(EDITOR_WIDTH_KEY, EDITOR_WIDTH))
        except (TypeError, ValueError):
            width = EDITOR_WIDTH
        total = self.splitter.width()
        # The list keeps its main columns if the window allows; its filters wrap.
        list_width = max(self.panel.minimumSizeHint().width(), LIST_WIDTH)
        width = max(min(width, total - list_width), EDITOR_MIN_WIDTH)
        self.splitter.setSizes([max(total - width, LIST_MIN_WIDTH), width])

    @Slot(int)
    def _saved(self, person_id: int) -> None:
        self._select_after_load = person_id
        self.panel.refresh()

    @Slot()
    def _select_saved(self) -> None:
        person_id, self._select_after_load = self._select_after_load, None
        row = self.model.row_of(person_id) if person_id is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    @Slot()
    def _editor_closed(self) -> None:
        if self.editor.isVisible():
            self.ctx.settings.setValue(EDITOR_WIDTH_KEY, self.editor.width())
        self.editor.hide()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- unsaved changes ----------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self._editor is not None and self._editor.has_unsaved()

    def leave(self, then: Then = None) -> bool:
        if self._editor is None:
            if then is not None:
                then()
            return True
        return self._editor.leave(then)

    # --- export -----------------------------------------------------------------

    @Slot()
    def export(self) -> None:
        if export_people is None:
            return
        suggested = str(Path.home() / f"Personen-{dt.date.today():%Y-%m-%d}.xlsx")
        path = self.ctx.dialogs.save_path(
            self,
            self.tr("Export people"),
            suggested,
            self.tr("Excel workbook (*.xlsx);;CSV, separated by semicolons (*.csv)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in {".xlsx", ".csv"}:
            target = target.with_name(target.name + ".xlsx")
        query = dataclasses.replace(self.model.query, offset=0)
        self.export_button.setEnabled(False)
        self.ctx.ops.write(export_people, self.ctx.db, query, target).success(
            functools.partial(self._exported, target)
        ).failure(self._export_failed).run()

    def _exported(self, target: Path, count: Any) -> None:
        self.export_button.setEnabled(True)
        self.ctx.dialogs.inform(
            self,
            self.tr("Export people"),
            self.tr("%Ln person(s) written to %1.", "", int(count)).replace("%1", str(target)),
        )

    def _export_failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        self.ctx.ops.show_error(error, self)


def create_people_tab(ctx: AppContext, parent: QWidget | None = None) -> PeopleTab:
    return PeopleTab(ctx, parent)
