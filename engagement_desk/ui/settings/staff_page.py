"""Settings → Staff: the logins of the office, their roles; add, change role, disable.

Only on PostgreSQL, and changes only for Leitung: the server's staff functions
refuse everyone else anyway; the page says why its buttons are disabled.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import StaffRole
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.staff.access import Capability
from engagement_desk.services.staff.admin import (
    StaffRecord,
    add_staff,
    change_role,
    disable_staff,
    list_staff,
    set_password,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout, line_edit

COLUMNS = 4  # login, name, role, active


def _role_box() -> QComboBox:
    box = QComboBox()
    for role in StaffRole:
        box.addItem(enum_label(StaffRole, role), role)
    return box


def _retranslate_roles(box: QComboBox) -> None:
    for index in range(box.count()):
        box.setItemText(index, enum_label(StaffRole, box.itemData(index)))


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _passwords_differ(form: Form, first: QLineEdit, again: QLineEdit) -> bool:
    """Tell it at the second field when the two differ (before the server is asked)."""
    if first.text() == again.text():
        return False
    message = QCoreApplication.translate("AddStaffDialog", "The two passwords differ.")
    form.show_errors([FieldError("password_again", "Passwort wiederholen", message)])
    return True


class AddStaffDialog(Retranslatable, QDialog):
    """Login, name, role and the password twice; emits ``submitted``, the page saves."""

    submitted = Signal(str, str, object, str)  # login, full name, role, password

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("add_staff_dialog")
        self.form = Form(self)
        self.login = line_edit(63)
        self.full_name = line_edit(200)
        self.role = _role_box()
        self.role.setCurrentIndex(list(StaffRole).index(StaffRole.BUERO))
        self.password = _password_edit()
        self.password_again = _password_edit()
        layout = form_layout()
        for key, widget in (
            ("login", self.login),
            ("full_name", self.full_name),
            ("role", self.role),
            ("password", self.password),
            ("password_again", self.password_again),
        ):
            add_row(self.form, layout, key, widget)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.other_errors = QLabel()
        self.other_errors.setObjectName("other_errors")
        self.other_errors.setWordWrap(True)
        self.other_errors.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(layout)
        box.addWidget(self.hint)
        box.addWidget(self.other_errors)
        box.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate_ui()
        self.login.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add staff login"))
        self.form.set_label("login", self.tr("&Login name:"))
        self.form.set_label("full_name", self.tr("&Name:"))
        self.form.set_label("role", self.tr("&Role:"))
        self.form.set_label("password", self.tr("&Password:"))
        self.form.set_label("password_again", self.tr("Password &again:"))
        self.login.setPlaceholderText(self.tr("e.g. anna.meier"))
        self.hint.setText(
            self.tr(
                "The login is created on the database server. Tell the person the password "
                "yourself; the program does not keep it."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        _retranslate_roles(self.role)

    @Slot()
    def submit(self) -> None:
        if _passwords_differ(self.form, self.password, self.password_again):
            return
        self.submitted.emit(
            self.login.text(),
            self.full_name.text(),
            self.role.currentData(),
            self.password.text(),
        )

    def show_failure(self, error: ValidationError) -> None:
        rest = self.form.show_errors(error.errors)
        if rest:
            self.other_errors.setText("\n".join(e.message for e in rest))
            self.other_errors.show()


class PasswordDialog(Retranslatable, QDialog):
    """A new password for one login, twice; emits ``submitted``, the page saves."""

    submitted = Signal(str)

    def __init__(self, record: StaffRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.record = record
        self.form = Form(self)
        self.password = _password_edit()
        self.password_again = _password_edit()
        layout = form_layout()
        add_row(self.form, layout, "password", self.password)
        add_row(self.form, layout, "password_again", self.password_again)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.question)
        box.addLayout(layout)
        box.addWidget(self.buttons)
        self.setMinimumWidth(400)
        self.retranslate_ui()
        self.password.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set password"))
        who = self.record.full_name or self.record.login
        self.question.setText(self.tr("New password for %1:").replace("%1", who))
        self.form.set_label("password", self.tr("&Password:"))
        self.form.set_label("password_again", self.tr("Password &again:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    @Slot()
    def submit(self) -> None:
        if not _passwords_differ(self.form, self.password, self.password_again):
            self.submitted.emit(self.password.text())

    def show_failure(self, error: ValidationError) -> None:
        self.form.show_errors(error.errors)


class ChangeRoleDialog(Retranslatable, QDialog):
    """The new role of one login."""

    def __init__(self, record: StaffRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("change_role_dialog")
        self.record = record
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.role = _role_box()
        self.role.setObjectName("role")
        self.role.setCurrentIndex(list(StaffRole).index(record.role))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.question)
        box.addWidget(self.role)
        box.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Change role"))
        self.question.setText(
            self.tr("New role for %1:").replace("%1", self.record.full_name or self.record.login)
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        _retranslate_roles(self.role)

    def chosen(self) -> StaffRole:
        return self.role.currentData()


class StaffPage(Retranslatable, QWidget):
    """The staff logins as a table, with buttons to add, change the role and disable."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("staff_page")
        self.ctx = ctx
        self.records: tuple[StaffRecord, ...] = ()
        self.add_dialog: AddStaffDialog | None = None
        self.role_dialog: ChangeRoleDialog | None = None
        self.password_dialog: PasswordDialog | None = None
        self._select_after: str | None = None

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("staff_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { padding: 6px; background: palette(alternate-base); }")
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("staff_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton()
        self.add_button.setObjectName("add_staff_button")
        self.role_button = QPushButton()
        self.role_button.setObjectName("change_role_button")
        self.password_button = QPushButton()
        self.password_button.setObjectName("set_password_button")
        self.disable_button = QPushButton()
        self.disable_button.setObjectName("disable_staff_button")
        self.add_button.clicked.connect(self.add)
        self.role_button.clicked.connect(self.change_role)
        self.password_button.clicked.connect(self.set_password)
        self.disable_button.clicked.connect(self.disable)
        buttons = QHBoxLayout()
        for button in self.buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        if self.on_server:
            for button in self.buttons:
                ctx.access.guard(button, Capability.ADMIN_STAFF)
        self.retranslate_ui()
        self.reload()

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.add_button, self.role_button, self.password_button, self.disable_button)

    @property
    def on_server(self) -> bool:
        return self.ctx.is_open and not self.ctx.db.is_sqlite

    def title(self) -> str:
        return self.tr("Staff")

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Staff"))
        self.intro.setText(
            self.tr(
                "Each staff member logs in to the database server with their own login; the "
                "audit trail names it. Management may do everything; Office keeps records, "
                "events, hours and certificates; Ride service plans rides and sees passengers' "
                "needs; Read only sees everything but health data and changes nothing. The "
                "database server itself enforces the roles."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("Status")]
        )
        self.add_button.setText(self.tr("&Add …"))
        self.role_button.setText(self.tr("Change &role …"))
        self.password_button.setText(self.tr("Set &password …"))
        self.disable_button.setText(self.tr("&Disable"))
        self._show_notice()
        self._fill()
        self._update_buttons()

    def _refusal(self) -> str:
        if not self.on_server:
            return self.tr(
                "Staff logins exist only with a PostgreSQL database; the single-PC database "
                "needs no login."
            )
        return self.ctx.access.reason(Capability.ADMIN_STAFF)

    def _show_notice(self) -> None:
        refusal = self._refusal()
        if refusal and self.on_server:
            refusal += " " + self.tr("Only Management can add, change or disable logins.")
        self.notice.setText(refusal)
        self.notice.setVisible(bool(refusal))

    # --- data -----------------------------------------------------------------

    def reload(self) -> None:
        if not self.on_server:
            self.records = ()
            self._fill()
            self._update_buttons()
            return
        self.ctx.ops.query(list_staff, self.ctx.db).success(self._loaded).failure(
            self._failed
        ).run()

    def _loaded(self, records: tuple[StaffRecord, ...]) -> None:
        selected = self.selected()
        wanted = self._select_after or (selected.login if selected is not None else None)
        self._select_after = None
        self.records = records
        self._fill()
        if wanted is not None:
            self.select(wanted)
        self._update_buttons()

    def _failed(self, error: Exception) -> None:
        self.ctx.ops.show_error(error, self)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            status = self.tr("active") if record.active else self.tr("disabled")
            values = (record.login, record.full_name, enum_label(StaffRole, record.role), status)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not record.active:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)

    def selected(self) -> StaffRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.records):
            return None
        return self.records[rows[0].row()]

    def select(self, login: str) -> None:
        for row, record in enumerate(self.records):
            if record.login == login:
                self.table.selectRow(row)
                return

    @Slot()
    def _update_buttons(self) -> None:
        refusal = self._refusal()
        chosen = self.selected()
        self.add_button.setEnabled(not refusal)
        self.role_button.setEnabled(not refusal and chosen is not None)
        self.password_button.setEnabled(not refusal and chosen is not None and chosen.active)
        self.disable_button.setEnabled(not refusal and chosen is not None and chosen.active)
        if not self.on_server:
            for button in self.buttons:
                button.setToolTip(refusal)

    # --- actions ----------------------------------------------------------------

    @Slot()
    def add(self) -> None:
        dialog = AddStaffDialog(self)
        dialog.submitted.connect(self._save_new)
        self.add_dialog = dialog
        dialog.open()

    def _save_new(self, login: str, full_name: str, role: StaffRole, password: str) -> None:
        self.ctx.ops.write(add_staff, self.ctx.db, login, full_name, role, password).success(
            self._added
        ).failure(self._add_failed).run()

    def _added(self, record: StaffRecord) -> None:
        if self.add_dialog is not None:
            self.add_dialog.accept()
            self.add_dialog = None
        self._select_after = record.login
        self.reload()

    def _add_failed(self, error: Exception) -> None:
        dialog = self.add_dialog
        if dialog is not None and isinstance(error, ValidationError):
            dialog.show_failure(error)
            return
        self.ctx.ops.show_error(error, dialog or self)

    @Slot()
    def change_role(self) -> None:
        record = self.selected()
        if record is None:
            return
        dialog = ChangeRoleDialog(record, self)
        dialog.accepted.connect(lambda: self._save_role(record, dialog.chosen()))
        self.role_dialog = dialog
        dialog.open()

    def _save_role(self, record: StaffRecord, role: StaffRole) -> None:
        self.role_dialog = None
        if role == record.role:
            return
        self.ctx.ops.write(change_role, self.ctx.db, record.login, role).success(
            lambda _record: self.reload()
        ).failure(self._failed).run()

    @Slot()
    def set_password(self) -> None:
        record = self.selected()
        if record is None:
            return
        dialog = PasswordDialog(record, self)
        dialog.submitted.connect(lambda password: self._save_password(record, password))
        self.password_dialog = dialog
        dialog.open()

    def _save_password(self, record: StaffRecord, password: str) -> None:
        self.ctx.ops.write(set_password, self.ctx.db, record.login, password).success(
            self._password_set
        ).failure(self._password_failed).run()

    def _password_set(self, _result: object) -> None:
        if self.password_dialog is not None:
            self.password_dialog.accept()
            self.password_dialog = None

    def _password_failed(self, error: Exception) -> None:
        dialog = self.password_dialog
        if dialog is not None and isinstance(error, ValidationError):
            dialog.show_failure(error)
            return
        self.ctx.ops.show_error(error, dialog or self)

    @Slot()
    def disable(self) -> None:
        record = self.selected()
        if record is None:
            return
        question = self.tr(
            "Disable the login %1 (%2)? It can no longer log in; its open sessions end now. "
            "The audit trail keeps its name."
        )
        question = question.replace("%1", record.login).replace("%2", record.full_name or "–")
        if not self.ctx.dialogs.ask(self, self.tr("Disable login"), question):
            return
        self.ctx.ops.write(disable_staff, self.ctx.db, record.login).success(
            lambda _ended: self.reload()
        ).failure(self._failed).run()
