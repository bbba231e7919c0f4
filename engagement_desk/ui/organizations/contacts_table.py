"""The contact people of one organization: add an existing person with a function, remove."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.organizations.contacts import (
    ContactRecord,
    add_organization_contact,
    list_organization_contacts,
    remove_organization_contact,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.organizations.rows import Row, RowsModel, RowsView, headers
from engagement_desk.ui.widgets.forms import Form, line_edit
from engagement_desk.ui.widgets.person_picker import PersonPicker

COLUMNS = (
    QT_TRANSLATE_NOOP("ContactsPanel", "Name"),
    QT_TRANSLATE_NOOP("ContactsPanel", "Function"),
    QT_TRANSLATE_NOOP("ContactsPanel", "Phone"),
    QT_TRANSLATE_NOOP("ContactsPanel", "E-mail"),
)


class ContactsPanel(Retranslatable, QWidget):
    """Contacts are saved at once, each on its own; the club's form is not involved."""

    count_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("contacts_panel")
        self.organization_id: int | None = None
        self.organization_name = ""
        self.contacts: list[ContactRecord] = []
        self._loads = Generation()
        self._select_after: int | None = None

        self.table = RowsView(RowsModel(headers("ContactsPanel", COLUMNS), self), "contacts_table")
        self.table.set_widths((24, 20, 16))
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_contact")
        self.remove_button.clicked.connect(self.remove_current)
        self.remove_button.setEnabled(False)
        remove_action = QAction(self.table)
        remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(self.remove_current)
        self.table.addAction(remove_action)

        self.form = Form(self)
        self.picker = PersonPicker(ctx)
        self.picker.setObjectName("contact_person")
        self.function = line_edit(120)
        self.function.setObjectName("contact_function")
        self.function.returnPressed.connect(self.add)
        person_field = self.form.add("person_id", self.picker)
        function_field = self.form.add("function", self.function)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_contact")
        self.add_button.clicked.connect(self.add)
        guard_each(ctx, Capability.EDIT_RECORDS, self.add_button, self.remove_button)
        self.add_title = QLabel()
        adding = QHBoxLayout()
        adding.setContentsMargins(0, 0, 0, 0)
        adding.addWidget(self.form.labels["person_id"], 0, Qt.AlignmentFlag.AlignTop)
        adding.addWidget(person_field, 3, Qt.AlignmentFlag.AlignTop)
        adding.addSpacing(8)
        adding.addWidget(self.form.labels["function"], 0, Qt.AlignmentFlag.AlignTop)
        adding.addWidget(function_field, 2, Qt.AlignmentFlag.AlignTop)
        adding.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)

        below_table = QHBoxLayout()
        below_table.setContentsMargins(0, 0, 0, 0)
        below_table.addStretch(1)
        below_table.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(below_table)
        layout.addSpacing(6)
        layout.addWidget(self.add_title)
        layout.addLayout(adding)
        QWidget.setTabOrder(self.table, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.picker)
        QWidget.setTabOrder(self.picker, self.function)
        QWidget.setTabOrder(self.function, self.add_button)
        follow_changes(ctx, self, ("organization_contact", "person"), self.reload)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.rows_model.retranslate()
        self.table.setAccessibleName(self.tr("Contact people of the organization"))
        self.remove_button.setText(self.tr("Re&move"))
        self.remove_button.setToolTip(self.tr("Remove the chosen contact person (Del)"))
        self.add_title.setText(self.tr("Add an existing person as contact person:"))
        self.form.set_label("person_id", self.tr("Perso&n"))
        self.form.set_label("function", self.tr("Func&tion"))
        self.function.setPlaceholderText(self.tr("e.g. chair, treasurer"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(
            self.tr("Adds the person as contact and gives them the role “club contact”")
        )

    # --- loading -------------------------------------------------------------

    def set_organization(self, organization_id: int | None, name: str = "") -> None:
        self.organization_id = organization_id
        self.organization_name = name
        self.form.clear_errors()
        self.picker.set_person(None)
        self.function.clear()
        self._loads.advance()
        if organization_id is None:
            self._show([])
            return
        self.reload()

    def reload(self) -> None:
        if self.organization_id is None:
            return
        self.ctx.ops.query(
            list_organization_contacts, self.ctx.db, self.organization_id
        ).discard_if_stale(self._loads).success(self._show).run()

    def _show(self, contacts: Sequence[ContactRecord]) -> None:
        self.contacts = list(contacts)
        self.table.rows_model.set_rows(
            [Row(c.person_id, (c.name, c.function, c.phone, c.email)) for c in self.contacts]
        )
        if self._select_after is not None:
            self.table.select_id(self._select_after)
            self._select_after = None
        self._selection_changed()
        self.count_changed.emit(len(self.contacts))

    @Slot()
    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.table.current_id() is not None)

    # --- adding and removing -------------------------------------------------

    @Slot()
    def add(self) -> None:
        if self.organization_id is None:
            return
        if self.picker.person_id is None:
            message = (
                self.tr("Please choose a person from the list.")
                if self.picker.text().strip()
                else self.tr("Please type a name and choose the person.")
            )
            self.form.show_errors([FieldError("person_id", self.tr("Person"), message)])
            return
        self.form.clear_errors()
        self.ctx.ops.write(
            add_organization_contact,
            self.ctx.db,
            self.organization_id,
            self.picker.person_id,
            self.function.text(),
        ).success(self._added).failure(self._failed).run()

    def _added(self, contact: ContactRecord) -> None:
        self.picker.set_person(None)
        self.function.clear()
        self._select_after = contact.person_id
        self.reload()
        self.picker.setFocus()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            unplaced = self.form.show_errors(error.errors)
            if unplaced:
                self.ctx.dialogs.warn(
                    self, self.tr("Contact person"), "\n".join(str(e) for e in unplaced)
                )
        else:
            self.ctx.ops.show_error(error, self)
            self.reload()

    @Slot()
    def remove_current(self) -> None:
        person_id = self.table.current_id()
        if self.organization_id is None or person_id is None:
            return
        contact = next(c for c in self.contacts if c.person_id == person_id)
        question = (
            self.tr("Remove %1 as contact person of %2?\n\nThe person stays in the records.")
            .replace("%1", contact.name)
            .replace("%2", f"„{self.organization_name}“")
        )
        if not self.ctx.dialogs.ask(self, self.tr("Remove contact person"), question):
            return
        self.ctx.ops.write(
            remove_organization_contact, self.ctx.db, self.organization_id, person_id
        ).success(self._removed).failure(self._failed).run()

    def _removed(self, _result: object) -> None:
        self.reload()
