"""Stammdaten: name, address, contact, status, roles, interests/skills/languages, notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from engagement_desk.models.enums import PersonStatus, Role
from engagement_desk.services.errors import FieldError
from engagement_desk.services.people.persons import PersonInput, PersonRecord
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.people.editor.date_edit import DateEdit
from engagement_desk.ui.people.editor.form_grid import FormGrid, heading_label
from engagement_desk.ui.people.editor.tag_field import TagField
from engagement_desk.ui.widgets.field_errors import FieldErrors

SALUTATIONS = ("", "Frau", "Herr")  # stored as typed: data, not interface text
EDITABLE_STATUSES = (PersonStatus.ACTIVE, PersonStatus.INACTIVE)
ROLE_COLUMNS = 3
NOTES_LINES = 4


def _line(name: str, *, max_length: int = 0, chars: int = 0) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    if max_length:
        edit.setMaxLength(max_length)
    if chars:
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0" * chars) + 24)
    return edit


def age_on(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class MasterDataForm(Retranslatable, QWidget):
    """The person's own data; ``value()`` is the ``PersonInput`` the service takes."""

    changed = Signal()

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("person_master_data")
        self.errors = errors
        self._archived = False

        self.salutation = QComboBox()
        self.salutation.setObjectName("salutation")
        self.salutation.setEditable(True)
        self.salutation.addItems(SALUTATIONS)
        self.salutation.setMaximumWidth(self.fontMetrics().horizontalAdvance("M" * 9) + 30)
        self.title = _line("title", max_length=40, chars=10)
        self.first_name = _line("first_name", max_length=100)
        self.last_name = _line("last_name", max_length=100)
        self.certificate_name = _line("certificate_name", max_length=200)
        self.birth_date = DateEdit(past=True)
        self.birth_date.setObjectName("birth_date")
        self.age = QLabel()
        self.age.setObjectName("age")
        self.street = _line("street", max_length=200)
        self.postal_code = _line("postal_code", max_length=10, chars=7)
        self.city = _line("city", max_length=100)
        self.phone = _line("phone", max_length=40)
        self.mobile = _line("mobile", max_length=40)
        self.email = _line("email", max_length=254)
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status.setMaximumWidth(self.fontMetrics().horizontalAdvance("M" * 12) + 30)
        self.engaged_since = DateEdit(past=True)
        self.engaged_since.setObjectName("engaged_since")
        self.roles_box = QWidget()
        self.roles_box.setObjectName("roles")
        self.role_checks: dict[Role, QCheckBox] = {}
        roles_grid = QGridLayout(self.roles_box)
        roles_grid.setContentsMargins(0, 0, 0, 0)
        roles_grid.setHorizontalSpacing(16)
        for index, role in enumerate(Role):
            check = QCheckBox()
            check.setObjectName(f"role_{role.value}")
            self.role_checks[role] = check
            roles_grid.addWidget(check, index // ROLE_COLUMNS, index % ROLE_COLUMNS)
        roles_grid.setColumnStretch(ROLE_COLUMNS, 1)
        self.interests = TagField()
        self.interests.setObjectName("interests")
        self.skills = TagField()
        self.skills.setObjectName("skills")
        self.languages = TagField()
        self.languages.setObjectName("languages")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * NOTES_LINES + 12)

        self.labels = {
            name: QLabel()
            for name in (
                "salutation",
                "title",
                "first_name",
                "last_name",
                "certificate_name",
                "birth_date",
                "street",
                "postal_code",
                "city",
                "phone",
                "mobile",
                "email",
                "status",
                "engaged_since",
                "roles",
                "interests",
                "skills",
                "languages",
                "notes",
            )
        }
        self.headings = {name: heading_label() for name in ("person", "address", "contact", "work")}

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        form = FormGrid(grid, errors)
        label = self.labels
        form.heading(self.headings["person"])
        form.pair(
            label["salutation"], "salutation", self.salutation, label["title"], "title", self.title
        )
        form.full(label["first_name"], "first_name", self.first_name)
        form.full(label["last_name"], "last_name", self.last_name)
        form.full(label["certificate_name"], "certificate_name", self.certificate_name)
        form.full(label["birth_date"], "birth_date", self.birth_date, beside=self.age)
        form.heading(self.headings["address"])
        form.full(label["street"], "street", self.street)
        form.pair(
            label["postal_code"], "postal_code", self.postal_code, label["city"], "city", self.city
        )
        form.heading(self.headings["contact"])
        form.pair(label["phone"], "phone", self.phone, label["mobile"], "mobile", self.mobile)
        form.full(label["email"], "email", self.email)
        form.heading(self.headings["work"])
        form.pair(
            label["status"],
            "status",
            self.status,
            label["engaged_since"],
            "engaged_since",
            self.engaged_since,
        )
        form.full(label["roles"], "roles", self.roles_box)
        label["roles"].setBuddy(self.role_checks[Role.VOLUNTEER])
        form.full(label["interests"], "interests", self.interests)
        form.full(label["skills"], "skills", self.skills)
        form.full(label["languages"], "languages", self.languages)
        form.full(label["notes"], "notes", self.notes)
        grid.setRowStretch(form.row, 1)

        for widget in self.inputs():
            signal = getattr(widget, "changed", None)
            if signal is None:
                if isinstance(widget, QLineEdit):
                    signal = widget.textChanged
                elif isinstance(widget, QComboBox):
                    signal = widget.currentTextChanged
                elif isinstance(widget, QPlainTextEdit):
                    signal = widget.textChanged
                elif isinstance(widget, QCheckBox):
                    signal = widget.toggled
            signal.connect(self.changed)
        self.birth_date.changed.connect(self._show_age)
        self.retranslate_ui()

    def inputs(self) -> list[QWidget]:
        """Every input in reading (and tab) order."""
        return [
            self.salutation,
            self.title,
            self.first_name,
            self.last_name,
            self.certificate_name,
            self.birth_date,
            self.street,
            self.postal_code,
            self.city,
            self.phone,
            self.mobile,
            self.email,
            self.status,
            self.engaged_since,
            *self.role_checks.values(),
            self.interests,
            self.skills,
            self.languages,
            self.notes,
        ]

    def retranslate_ui(self) -> None:
        texts = {
            "salutation": self.tr("&Salutation"),
            "title": self.tr("&Title"),
            "first_name": self.tr("&First name"),
            "last_name": self.tr("&Last name"),
            "certificate_name": self.tr("Name on &certificates"),
            "birth_date": self.tr("Date of &birth"),
            "street": self.tr("St&reet"),
            "postal_code": self.tr("&Postal code"),
            "city": self.tr("T&own"),
            "phone": self.tr("P&hone"),
            "mobile": self.tr("&Mobile"),
            "email": self.tr("&E-mail"),
            "status": self.tr("Stat&us"),
            "engaged_since": self.tr("En&gaged since"),
            "roles": self.tr("Roles"),
            "interests": self.tr("&Interests"),
            "skills": self.tr("S&kills"),
            "languages": self.tr("L&anguages"),
            "notes": self.tr("&Notes"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
            widget = getattr(self, name, None)
            if isinstance(widget, QWidget) and name != "roles":
                widget.setAccessibleName(text.replace("&", ""))
        self.roles_box.setAccessibleName(texts["roles"])
        for role, check in self.role_checks.items():
            check.setText(enum_label(Role, role))
            check.setAccessibleName(enum_label(Role, role))
        self.headings["person"].setText(self.tr("Person"))
        self.headings["address"].setText(self.tr("Address"))
        self.headings["contact"].setText(self.tr("Contact"))
        self.headings["work"].setText(self.tr("Volunteering"))
        tag_hint = self.tr("Separate several with commas")
        self.interests.setPlaceholderText(self.tr("e.g. reading, gardening, sports"))
        self.skills.setPlaceholderText(self.tr("e.g. driving licence, first aid, IT"))
        self.languages.setPlaceholderText(self.tr("e.g. German, Turkish, English"))
        for field in (self.interests, self.skills, self.languages):
            field.setToolTip(tag_hint)
        self.certificate_name.setPlaceholderText(
            self.tr("Only if it differs, e.g. a Latin spelling")
        )
        self.certificate_name.setToolTip(
            self.tr(
                "Printed on certificates and letters instead of the name, as typed here "
                "(with title, if wanted)."
            )
        )
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.phone.setPlaceholderText(self.tr("e.g. 06561 1234"))
        self._fill_statuses()
        self._show_age()

    def _fill_statuses(self) -> None:
        current = self.status.currentData()
        statuses = [*EDITABLE_STATUSES, *([PersonStatus.ARCHIVED] if self._archived else [])]
        self.status.blockSignals(True)
        try:
            self.status.clear()
            for status in statuses:
                self.status.addItem(enum_label(PersonStatus, status), status.value)
            index = self.status.findData(current) if current is not None else 0
            self.status.setCurrentIndex(max(index, 0))
        finally:
            self.status.blockSignals(False)

    def _show_age(self) -> None:
        birth = self.birth_date.date()
        if birth is None or birth > dt.date.today():
            self.age.clear()
            return
        self.age.setText(self.tr("%Ln year(s)", "", age_on(birth, dt.date.today())))

    # --- values -----------------------------------------------------------

    def set_record(self, record: PersonRecord | None) -> None:
        """Show ``record``; None empties the form for a new person."""
        data = record or PersonInput(last_name="")
        self._archived = data.status == PersonStatus.ARCHIVED
        self.salutation.setCurrentText(data.salutation)
        self.title.setText(data.title)
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.certificate_name.setText(data.certificate_name)
        self.birth_date.setDate(data.birth_date)
        self.street.setText(data.street)
        self.postal_code.setText(data.postal_code)
        self.city.setText(data.city)
        self.phone.setText(data.phone)
        self.mobile.setText(data.mobile)
        self.email.setText(data.email)
        self._fill_statuses()
        self.status.setCurrentIndex(max(self.status.findData(PersonStatus(data.status).value), 0))
        self.engaged_since.setDate(data.engaged_since)
        for role, check in self.role_checks.items():
            check.setChecked(role in data.roles)
        self.interests.set_tags(data.interests)
        self.skills.set_tags(data.skills)
        self.languages.set_tags(data.languages)
        self.notes.setPlainText(data.notes)

    def value(self) -> PersonInput:
        return PersonInput(
            salutation=self.salutation.currentText(),
            title=self.title.text(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            certificate_name=self.certificate_name.text(),
            birth_date=self.birth_date.date(),
            street=self.street.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
            phone=self.phone.text(),
            mobile=self.mobile.text(),
            email=self.email.text(),
            notes=self.notes.toPlainText(),
            status=PersonStatus(self.status.currentData() or PersonStatus.ACTIVE),
            engaged_since=self.engaged_since.date(),
            roles=frozenset(role for role, check in self.role_checks.items() if check.isChecked()),
            interests=self.interests.tags(),
            skills=self.skills.tags(),
            languages=self.languages.tags(),
        )

    def raw_texts(self) -> tuple[str, ...]:
        """What ``value()`` cannot hold: date text that is not (yet) a date."""
        return (self.birth_date.text(), self.engaged_since.text())

    def local_errors(self) -> list[FieldError]:
        """Date text that is no date; the service never sees it."""
        errors = []
        for name, edit in (("birth_date", self.birth_date), ("engaged_since", self.engaged_since)):
            if not edit.is_valid():
                errors.append(
                    FieldError(
                        name,
                        self.labels[name].text().replace("&", ""),
                        self.tr("“%1” is not a date (DD.MM.YYYY).").replace("%1", edit.text()),
                    )
                )
        return errors
