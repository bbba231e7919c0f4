"""Datei ▸ Verbindung wechseln …: saved connection profiles, the staff login, its password.

A profile is an SQLite file (single PC, no login) or a PostgreSQL server with
the staff member's own login. The password is typed here; with *remember* it
goes to the operating system's keyring, never into the profile file. Left
empty, libpq looks in a PostgreSQL password file. *Test connection* and
*Connect* log in off the GUI thread; a refusal is told in the classifier's
German sentence at the field it concerns. The dialog only chooses: the window
opens the chosen database through its usual opener (``ui.database_opener``).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.failures import Reason, report
from engagement_desk.services.connection import (
    DEFAULT_PORT,
    ConnectionProfile,
    Passwords,
    ProfileBook,
    ProfileKind,
    load_profiles,
    save_profiles,
    validate_profile,
)
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout, row

# Where a refused login is shown: the field the person should look at.
REFUSAL_FIELDS = {
    Reason.LOGIN_FAILED: "password",
    Reason.DATABASE_MISSING: "database",
    Reason.UNREACHABLE: "host",
    Reason.PERMISSION: "user",
}


@dataclass(frozen=True)
class Connection:
    """What the person chose: a saved profile and, for a server, the password typed."""

    profile: ConnectionProfile
    password: str = ""

    @property
    def target(self) -> object:
        """What the opener opens: the file's path, or the server's URL with the password."""
        if self.profile.is_server:
            return self.profile.url(self.password)
        return self.profile.path


def check_target(connection: Connection) -> None:
    """Log in and leave (a server); an SQLite file needs no login. Runs off the GUI thread."""
    if connection.profile.is_server:
        from engagement_desk.services.connection.diagnosis import check_connection

        check_connection(connection.profile.url(connection.password))


class ConnectionDialog(Retranslatable, QDialog):
    """Choose, edit, test and connect a profile; ``chosen`` carries the ``Connection``."""

    chosen = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        passwords: Passwords | None = None,
        select: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("connection_dialog")
        self.ctx = ctx
        self.passwords = passwords or Passwords()
        self.keyring_available = self.passwords.available
        self.book: ProfileBook = load_profiles()
        self.connection: Connection | None = None
        self._editing = ""  # name of the saved profile in the form; "" for a new one
        self._busy = False

        self.profiles_caption = QLabel()
        self.profile_list = QListWidget()
        self.profile_list.setObjectName("profile_list")
        self.profile_list.currentTextChanged.connect(self._profile_chosen)
        self.profile_list.itemChanged.connect(self._renamed)
        self.profiles_caption.setBuddy(self.profile_list)
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_profile_button")
        self.new_button.clicked.connect(self.new_profile)
        self.rename_button = QPushButton()
        self.rename_button.setObjectName("rename_profile_button")
        self.rename_button.clicked.connect(self.rename_profile)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("delete_profile_button")
        self.delete_button.clicked.connect(self.delete_profile)
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            list_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.profiles_caption)
        left.addWidget(self.profile_list, 1)
        left.addLayout(list_buttons)

        self.form = Form(self)
        self.name_edit = QLineEdit()
        self.file_radio = QRadioButton()
        self.file_radio.setObjectName("file_radio")
        self.server_radio = QRadioButton()
        self.server_radio.setObjectName("server_radio")
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.file_radio)
        self.kind_group.addButton(self.server_radio)
        self.server_radio.toggled.connect(self._kind_changed)
        kinds = QWidget()
        kinds_layout = QHBoxLayout(kinds)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        kinds_layout.addWidget(self.file_radio)
        kinds_layout.addWidget(self.server_radio)
        kinds_layout.addStretch(1)
        top = form_layout()
        add_row(self.form, top, "name", self.name_edit)
        self.kind_label = QLabel()
        top.addRow(self.kind_label, kinds)

        self.path_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("browse_button")
        self.browse_button.clicked.connect(self.browse)
        file_page = QWidget()
        file_layout = form_layout()
        file_layout.setContentsMargins(0, 0, 0, 0)
        path_row = QWidget()
        path_line = QHBoxLayout(path_row)
        path_line.setContentsMargins(0, 0, 0, 0)
        path_line.addWidget(self.form.add("path", self.path_edit, inline=False), 1)
        path_line.addWidget(self.browse_button)
        holder = QVBoxLayout()
        holder.setSpacing(0)
        holder.addWidget(path_row)
        holder.addWidget(self.form.fields["path"].message)
        path_box = QWidget()
        path_box.setLayout(holder)
        holder.setContentsMargins(0, 0, 0, 0)
        file_layout.addRow(self.form.labels["path"], path_box)
        self.file_note = QLabel()
        self.file_note.setWordWrap(True)
        file_layout.addRow(self.file_note)
        file_page.setLayout(file_layout)

        self.host_edit = QLineEdit()
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.setGroupSeparatorShown(False)
        self.database_edit = QLineEdit()
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox()
        self.remember_box.setObjectName("remember_box")
        self.remember_box.setEnabled(self.keyring_available)
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("keyring_note")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(not self.keyring_available)
        server_page = QWidget()
        server_layout = form_layout()
        server_layout.setContentsMargins(0, 0, 0, 0)
        host_row = row(
            self.form.add("host", self.host_edit, inline=False),
            self.form.add("port", self.port_spin, label=False, inline=False),
            stretch=(1, 0),
        )
        server_layout.addRow(self.form.labels["host"], host_row)
        add_row(self.form, server_layout, "database", self.database_edit)
        add_row(self.form, server_layout, "user", self.user_edit)
        add_row(self.form, server_layout, "password", self.password_edit)
        server_layout.addRow("", self.remember_box)
        server_layout.addRow("", self.keyring_note)
        server_page.setLayout(server_layout)

        self.pages = QStackedWidget()
        self.pages.addWidget(file_page)
        self.pages.addWidget(server_page)

        self.status = QLabel()
        self.status.setObjectName("connection_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.test_button = QPushButton()
        self.test_button.setObjectName("test_button")
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_profile_button")
        self.save_button.clicked.connect(self.save_profile)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connect_button")
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.connect_chosen)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)

        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.pages)
        right.addStretch(1)
        right.addWidget(self.status)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 460)
        # Enter connects, whichever button had the focus last.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is self.connect_button)

        self.retranslate_ui()
        self._fill_list()
        wanted = select or self.book.last_used
        if wanted and self.book.get(wanted) is not None:
            self.profile_list.setCurrentRow(self.book.names.index(wanted))
        elif self.book.profiles:
            self.profile_list.setCurrentRow(0)
        else:
            self.new_profile()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Connection"))
        self.profiles_caption.setText(self.tr("&Saved connections:"))
        self.new_button.setText(self.tr("&New"))
        self.rename_button.setText(self.tr("&Rename"))
        self.delete_button.setText(self.tr("De&lete"))
        self.form.set_label("name", self.tr("&Name:"))
        self.kind_label.setText(self.tr("Kind:"))
        self.file_radio.setText(self.tr("Single PC (&file)"))
        self.server_radio.setText(self.tr("Server (Post&greSQL)"))
        self.form.set_label("path", self.tr("&File:"))
        self.browse_button.setText(self.tr("&Choose …"))
        self.file_note.setText(
            self.tr("A database file on this computer. It needs no login; use it on one PC only.")
        )
        self.form.set_label("host", self.tr("Ser&ver:"))
        self.port_spin.setAccessibleName(self.tr("Port"))
        self.port_spin.setToolTip(self.tr("Port (PostgreSQL: 5432)"))
        self.form.set_label("database", self.tr("&Database:"))
        self.form.set_label("user", self.tr("&User:"))
        self.form.set_label("password", self.tr("&Password:"))
        self.password_edit.setPlaceholderText(self.tr("empty: from the PostgreSQL password file"))
        self.remember_box.setText(
            self.tr("Remember the password in the operating system's &keyring")
        )
        self.keyring_note.setText(
            self.tr(
                "This computer has no keyring: the password is not stored and is asked each time."
            )
        )
        self.test_button.setText(self.tr("&Test connection"))
        self.save_button.setText(self.tr("Sa&ve"))
        self.connect_button.setText(self.tr("C&onnect"))

    # --- the list -----------------------------------------------------------------

    def _fill_list(self) -> None:
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        for name in self.book.names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.profile_list.addItem(item)
        self.profile_list.blockSignals(False)

    @Slot(str)
    def _profile_chosen(self, name: str) -> None:
        profile = self.book.get(name)
        if profile is not None:
            self._show(profile)

    def _show(self, profile: ConnectionProfile) -> None:
        self.form.clear_errors()
        self._set_status("")
        self._editing = profile.name
        self.name_edit.setText(profile.name)
        (self.server_radio if profile.is_server else self.file_radio).setChecked(True)
        self._kind_changed()
        self.path_edit.setText(profile.path)
        self.host_edit.setText(profile.host)
        self.port_spin.setValue(profile.port)
        self.database_edit.setText(profile.database)
        self.user_edit.setText(profile.user)
        remembered = ""
        if profile.is_server and profile.remember_password:
            remembered = self.passwords.get(profile.keyring_key)
        self.password_edit.setText(remembered)
        self.remember_box.setChecked(profile.remember_password and self.keyring_available)

    @Slot()
    def new_profile(self) -> None:
        self.profile_list.blockSignals(True)
        self.profile_list.setCurrentRow(-1)
        self.profile_list.clearSelection()
        self.profile_list.blockSignals(False)
        self._show(ConnectionProfile("", ProfileKind.POSTGRESQL))
        self._editing = ""
        self.name_edit.setFocus()

    @Slot()
    def rename_profile(self) -> None:
        """Edit the name in the list (F2 too); a new profile is named in its field."""
        item = self.profile_list.currentItem()
        if item is None or self.book.get(self._editing) is None:
            self.name_edit.setFocus()
            self.name_edit.selectAll()
            return
        self.profile_list.editItem(item)

    @Slot(QListWidgetItem)
    def _renamed(self, item: QListWidgetItem) -> None:
        old = self._editing
        profile = self.book.get(old)
        if profile is None or item.text() == old:
            return
        taken = [name for name in self.book.names if name != old]
        try:
            renamed = validate_profile(dataclasses.replace(profile, name=item.text()), taken)
        except ValidationError as error:
            self._set_status(error.errors[0].message, error=True)
            self.profile_list.blockSignals(True)
            item.setText(old)
            self.profile_list.blockSignals(False)
            return
        # Not refilled: the list is in the middle of committing this very item.
        if self._store(self.book.saved(renamed, replacing=old), refill=False):
            self._editing = renamed.name
            self.name_edit.setText(renamed.name)
            self._set_status(self.tr("The connection “%1” is saved.").replace("%1", renamed.name))

    @Slot()
    def delete_profile(self) -> None:
        profile = self.book.get(self._editing)
        if profile is None:
            return
        question = self.tr(
            "Delete the connection “%1”? A password remembered for it is removed from the "
            "keyring too."
        ).replace("%1", profile.name)
        if not self.ctx.dialogs.ask(self, self.tr("Connection"), question):
            return
        self.passwords.forget(profile.keyring_key)
        self._store(self.book.without(profile.name))
        if self.book.profiles:
            self.profile_list.setCurrentRow(0)
        else:
            self.new_profile()

    @Slot()
    def browse(self) -> None:
        path = self.ctx.dialogs.open_path(
            self,
            self.tr("Database file"),
            self.path_edit.text(),
            self.tr("SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)

    @Slot()
    def _kind_changed(self, *_: object) -> None:
        self.pages.setCurrentIndex(1 if self.server_radio.isChecked() else 0)

    # --- the form -----------------------------------------------------------------

    def profile(self) -> ConnectionProfile:
        """The profile as typed (not validated)."""
        server = self.server_radio.isChecked()
        return ConnectionProfile(
            name=self.name_edit.text(),
            kind=ProfileKind.POSTGRESQL if server else ProfileKind.SQLITE,
            path="" if server else self.path_edit.text(),
            host=self.host_edit.text() if server else "",
            port=self.port_spin.value() if server else DEFAULT_PORT,
            database=self.database_edit.text() if server else "",
            user=self.user_edit.text() if server else "",
            remember_password=server and self.remember_box.isChecked(),
        )

    def _validated(self) -> ConnectionProfile | None:
        taken = [name for name in self.book.names if name != self._editing]
        try:
            return validate_profile(self.profile(), taken)
        except ValidationError as error:
            self.form.show_errors(error.errors)
            return None

    def _store(self, book: ProfileBook, *, refill: bool = True) -> bool:
        try:
            save_profiles(book)
        except OSError as error:
            self._set_status(report(error, context="saving connection profiles").message, True)
            return False
        self.book = book
        if refill:
            self._fill_list()
        return True

    def _save(self, profile: ConnectionProfile, *, used: bool = False) -> bool:
        old = self.book.get(self._editing) if self._editing else None
        book = self.book.saved(profile, replacing=self._editing or None)
        if used:
            book = book.used(profile.name)
        if not self._store(book):
            return False
        if old is not None and old.is_server and old.keyring_key != profile.keyring_key:
            self.passwords.forget(old.keyring_key)
        self._editing = profile.name
        self.profile_list.blockSignals(True)
        self.profile_list.setCurrentRow(self.book.names.index(profile.name))
        self.profile_list.blockSignals(False)
        return True

    @Slot()
    def save_profile(self) -> None:
        profile = self._validated()
        if profile is not None and self._save(profile):
            self._keep_password(profile)
            self._set_status(self.tr("The connection “%1” is saved.").replace("%1", profile.name))

    def _keep_password(self, profile: ConnectionProfile) -> None:
        if not profile.is_server:
            return
        if profile.remember_password and self.password_edit.text():
            self.passwords.remember(profile.keyring_key, self.password_edit.text())
        elif not profile.remember_password:
            self.passwords.forget(profile.keyring_key)

    # --- testing and connecting -------------------------------------------------------

    @Slot()
    def test_connection(self) -> None:
        self._check(connect=False)

    @Slot()
    def connect_chosen(self) -> None:
        self._check(connect=True)

    def _check(self, *, connect: bool) -> None:
        if self._busy:
            return
        self.form.clear_errors()
        profile = self._validated()
        if profile is None:
            return
        connection = Connection(profile, self.password_edit.text() if profile.is_server else "")
        if not profile.is_server:
            if connect:
                self._connected(connection)
            else:
                self._set_status(self.tr("A file needs no login; it is opened on Connect."))
            return
        self._set_busy(True)
        self._set_status(self.tr("Testing the connection …"))
        self.ctx.ops.query(check_target, connection).success(
            functools.partial(self._checked, connect, connection)
        ).failure(self._refused).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.test_button, self.connect_button, self.save_button):
            widget.setEnabled(not busy)

    def _checked(self, connect: bool, connection: Connection, _result: object) -> None:
        self._set_busy(False)
        if connect:
            self._connected(connection)
        else:
            self._set_status(self.tr("The connection works."))

    def _connected(self, connection: Connection) -> None:
        profile = connection.profile
        if not self._save(profile, used=True):
            return
        self._keep_password(profile)
        self.connection = connection
        self.chosen.emit(connection)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._set_busy(False)
        failure = report(error, context="connection dialog")
        key = REFUSAL_FIELDS.get(failure.reason)
        message = failure.message
        if failure.reason is Reason.LOGIN_FAILED and not self.password_edit.text():
            message = self.tr("Please enter the password.")
        if key is not None:
            self.form.show_errors([FieldError(key, key, message)])
            self._set_status("")
        else:
            self._set_status(message, error=True)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        palette = self.status.palette()
        color = ERROR_COLOR if error else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.status.setPalette(palette)

    def ask_password_for(self, name: str) -> None:
        """At start-up: the last profile is shown, the cursor in its password field."""
        if self.book.get(name) is not None:
            self.profile_list.setCurrentRow(self.book.names.index(name))
        self.password_edit.setFocus()
