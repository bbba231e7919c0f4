"""The "Register a person" dialog: who, in which role, and for helpers the shift.

Exhibitors at a club fair are clubs: for them the dialog asks for the club,
optionally its contact person, and the stand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.db import Database
from engagement_desk.models.enums import EventKind, RegistrationRole
from engagement_desk.services.events.records import ShiftRecord
from engagement_desk.services.organizations.clubs import find_organizations
from engagement_desk.services.organizations.contacts import list_organization_contacts
from engagement_desk.services.people.persons import PersonChoice, find_people
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.operations import Generation

SEARCH_DELAY_MS = 150
STAND_MAX_LENGTH = 100

ROLES_BY_KIND: dict[EventKind, tuple[RegistrationRole, ...]] = {
    EventKind.CLUB_FAIR: (
        RegistrationRole.EXHIBITOR,
        RegistrationRole.HELPER,
        RegistrationRole.GUEST,
    ),
    EventKind.VOLUNTEER_DAY: (RegistrationRole.PARTICIPANT, RegistrationRole.HELPER),
    EventKind.WORKSHOP: (
        RegistrationRole.PARTICIPANT,
        RegistrationRole.SPEAKER,
        RegistrationRole.HELPER,
    ),
    EventKind.TRAINING: (RegistrationRole.PARTICIPANT, RegistrationRole.SPEAKER),
    EventKind.CITIZEN_DIALOGUE: (
        RegistrationRole.PARTICIPANT,
        RegistrationRole.SPEAKER,
        RegistrationRole.GUEST,
        RegistrationRole.HELPER,
    ),
    EventKind.WORKING_GROUP: (RegistrationRole.MEMBER, RegistrationRole.GUEST),
    EventKind.RECOGNITION: (
        RegistrationRole.NOMINEE,
        RegistrationRole.GUEST,
        RegistrationRole.SPONSOR,
        RegistrationRole.HELPER,
    ),
}


INVITING_KINDS = (EventKind.RECOGNITION,)


@dataclass(frozen=True)
class RegistrationRequest:
    """Who registers in which role; an organization (exhibitor) may come without a person."""

    person_id: int | None
    role: RegistrationRole
    shift_id: int | None = None
    organization_id: int | None = None
    stand: str = ""
    invite: bool = False


def roles_for(kind: EventKind) -> tuple[RegistrationRole, ...]:
    return ROLES_BY_KIND.get(kind, tuple(RegistrationRole))


Finder = Callable[[Database, str], Sequence[Any]]
"""Returns choices with ``id`` and ``label`` for a typed text (runs off the GUI thread)."""


class SearchList(QWidget):
    """A search field with the matches listed below it; ``chosen_id`` is the selected one."""

    changed = Signal()

    def __init__(self, ctx: AppContext, finder: Finder, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.finder = finder
        self._generation = Generation()
        self.search = QLineEdit()
        self.search.setObjectName(f"{name}_search")
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setObjectName(name)
        self.matches.setMaximumHeight(self.matches.fontMetrics().height() * 7)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.find)
        self.search.textChanged.connect(self._timer.start)
        self.matches.currentRowChanged.connect(self.changed)
        self.setFocusProxy(self.search)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    @Slot()
    def find(self) -> None:
        self.offer_from(self.finder, self.search.text().strip())

    def offer_from(self, finder: Callable[..., Sequence[Any]], *args: Any) -> None:
        """List what ``finder(db, *args)`` returns (an answer to an older request is dropped)."""
        self._timer.stop()
        self._generation.advance()
        self.ctx.ops.query(finder, self.ctx.db, *args).discard_if_stale(self._generation).success(
            self._found
        ).run()

    @Slot(object)
    def _found(self, choices: Sequence[Any]) -> None:
        self.matches.clear()
        for choice in choices:
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            self.matches.addItem(item)
        if choices:
            self.matches.setCurrentRow(0)
        self.changed.emit()

    def chosen_id(self) -> int | None:
        item = self.matches.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def club_contacts(db: Database, organization_id: int) -> list[PersonChoice]:
    """A club's contact persons as person choices (runs off the GUI thread)."""
    return [
        PersonChoice(c.person_id, f"{c.name} – {c.function}" if c.function else c.name)
        for c in list_organization_contacts(db, organization_id)
    ]


class RegisterDialog(QDialog):
    """Picks a role fitting the kind, then the person (or club and stand) and the shift."""

    def __init__(
        self,
        ctx: AppContext,
        kind: EventKind,
        shifts: tuple[ShiftRecord, ...],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("register_dialog")
        self.setWindowTitle(self.tr("Register a person"))
        self.role = QComboBox()
        self.role.setObjectName("register_role")
        for role in roles_for(kind):
            self.role.addItem(enum_label(RegistrationRole, role), role.value)
        self.club = SearchList(ctx, find_organizations, "register_clubs")
        self.club.search.setPlaceholderText(self.tr("Type the club's name …"))
        self.stand = QLineEdit()
        self.stand.setObjectName("register_stand")
        self.stand.setMaxLength(STAND_MAX_LENGTH)
        self.stand.setPlaceholderText(self.tr("e.g. A 12 or foyer left"))
        self.person = SearchList(ctx, find_people, "register_people")
        self.person.search.setPlaceholderText(self.tr("Type a name …"))
        # Kept as attributes for callers that type into the person search directly.
        self.search = self.person.search
        self.people = self.person.matches
        self.shift = QComboBox()
        self.shift.setObjectName("register_shift")
        self.shift.addItem(self.tr("wherever needed"), None)
        for shift in shifts:
            self.shift.addItem(self._shift_text(shift), shift.id)

        self.invite = QCheckBox(self.tr("&Invite (the reply is recorded later)"))
        self.invite.setObjectName("register_invite")
        self.inviting = kind in INVITING_KINDS
        self.invite.setVisible(self.inviting)
        self.invite.setChecked(self.inviting)

        self.role_label = QLabel(self.tr("&Role:"))
        self.club_label = QLabel(self.tr("C&lub:"))
        self.stand_label = QLabel(self.tr("S&tand:"))
        self.person_label = QLabel()
        self.shift_label = QLabel(self.tr("&Shift:"))
        for label, buddy in (
            (self.role_label, self.role),
            (self.club_label, self.club.search),
            (self.stand_label, self.stand),
            (self.person_label, self.person.search),
            (self.shift_label, self.shift),
        ):
            label.setBuddy(buddy)
        form = QFormLayout()
        form.addRow(self.role_label, self.role)
        form.addRow(self.club_label, self.club)
        form.addRow(self.stand_label, self.stand)
        form.addRow(self.person_label, self.person)
        form.addRow(self.shift_label, self.shift)
        if self.inviting:
            form.addRow("", self.invite)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Register"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.person.changed.connect(self._update_state)
        self.club.changed.connect(self._update_state)
        self.club.changed.connect(self._offer_contacts)
        self.role.currentIndexChanged.connect(self._update_state)
        self.resize(480, 420)
        self._update_state()
        (self.club if self.is_exhibitor() else self.person).setFocus()

    def _shift_text(self, shift: ShiftRecord) -> str:
        text = self.tr("%1, %2–%3 (%4 of %5 taken)")
        for placeholder, value in (
            ("%1", shift.title),
            ("%2", f"{shift.starts_at:%H:%M}"),
            ("%3", f"{shift.ends_at:%H:%M}"),
            ("%4", str(shift.taken)),
            ("%5", str(shift.slots)),
        ):
            text = text.replace(placeholder, value)
        return text

    @Slot()
    def find(self) -> None:
        """Search people now (without waiting for the typing pause)."""
        self.person.find()

    @Slot()
    def _offer_contacts(self) -> None:
        """The chosen club's contact persons, unless a name is being typed."""
        club_id = self.club.chosen_id()
        if club_id is not None and not self.person.search.text().strip():
            self.person.offer_from(club_contacts, club_id)

    @Slot()
    def _update_state(self, *_: object) -> None:
        helper = self.chosen_role() == RegistrationRole.HELPER
        exhibitor = self.is_exhibitor()
        for widget in (self.shift, self.shift_label):
            widget.setVisible(helper)
        for widget in (self.club, self.club_label, self.stand, self.stand_label):
            widget.setVisible(exhibitor)
        self.person_label.setText(self.tr("Contact &person:") if exhibitor else self.tr("&Person:"))
        ready = self.organization_id() is not None if exhibitor else self.person_id() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def request(self) -> RegistrationRequest | None:
        """What to register, or None while nobody is chosen."""
        person_id = self.person_id()
        organization_id = self.organization_id()
        if person_id is None and organization_id is None:
            return None
        return RegistrationRequest(
            person_id=person_id,
            role=self.chosen_role(),
            shift_id=self.shift_id(),
            organization_id=organization_id,
            stand=self.stand_text(),
            invite=self.inviting and self.invite.isChecked(),
        )

    def is_exhibitor(self) -> bool:
        return self.chosen_role() == RegistrationRole.EXHIBITOR

    def person_id(self) -> int | None:
        return self.person.chosen_id()

    def organization_id(self) -> int | None:
        return self.club.chosen_id() if self.is_exhibitor() else None

    def stand_text(self) -> str:
        return self.stand.text().strip() if self.is_exhibitor() else ""

    def chosen_role(self) -> RegistrationRole:
        return RegistrationRole(self.role.currentData())

    def shift_id(self) -> int | None:
        if self.chosen_role() != RegistrationRole.HELPER:
            return None
        return self.shift.currentData()
