"""The form of one Engagement-Zentrum: name, theme, address, opening hours, contact person."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from engagement_desk.services.errors import FieldError
from engagement_desk.services.organizations.centers import (
    CenterInput,
    CenterRecord,
    archive_center,
    create_center,
    get_center_with_contact,
    update_center,
)
from engagement_desk.services.people.persons import PersonChoice
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.organizations.record_editor import EditorServices, RecordEditor
from engagement_desk.ui.widgets.forms import (
    add_place_row,
    add_row,
    chain_tab_order,
    form_layout,
    line_edit,
    text_edit,
)
from engagement_desk.ui.widgets.person_picker import PersonPicker

EMPTY = CenterInput(name="")


class CenterEditor(RecordEditor):
    record_table = "center"
    services = EditorServices(
        fetch=get_center_with_contact,
        create=create_center,
        update=update_center,
        archive=archive_center,
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("center_editor")
        self._contact: PersonChoice | None = None
        self.name = line_edit(120)
        self.theme = line_edit(120)
        self.street = line_edit(200)
        self.postal_code = line_edit(10, chars=7)
        self.city = line_edit(100)
        self.phone = line_edit(40)
        self.email = line_edit(254)
        self.opening_hours = text_edit(2)
        self.contact = PersonPicker(ctx)
        self.description = text_edit(3)

        layout = form_layout()
        add_row(self.form, layout, "name", self.name)
        add_row(self.form, layout, "theme", self.theme)
        add_row(self.form, layout, "street", self.street)
        add_place_row(self.form, layout, self.postal_code, self.city)
        add_row(self.form, layout, "phone", self.phone)
        add_row(self.form, layout, "email", self.email)
        add_row(self.form, layout, "opening_hours", self.opening_hours)
        add_row(self.form, layout, "contact_person_id", self.contact)
        add_row(self.form, layout, "description", self.description)
        self.content.addLayout(layout)
        self.content.addStretch(1)
        chain_tab_order(
            [
                self.name,
                self.theme,
                self.street,
                self.postal_code,
                self.city,
                self.phone,
                self.email,
                self.opening_hours,
                self.contact,
                self.description,
                self.save_button,
                self.archive_button,
            ]
        )
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        labels = {
            "name": self.tr("Na&me"),
            "theme": self.tr("&Theme"),
            "street": self.tr("Str&eet"),
            "postal_code": self.tr("Posta&l code, town"),
            "city": self.tr("Town"),
            "phone": self.tr("Ph&one"),
            "email": self.tr("E-ma&il"),
            "opening_hours": self.tr("Openin&g hours"),
            "contact_person_id": self.tr("Contact &person"),
            "description": self.tr("&Description"),
        }
        for key, text in labels.items():
            self.form.set_label(key, text)
        self.postal_code.setAccessibleName(self.tr("Postal code"))
        self.opening_hours.setPlaceholderText(self.tr("e.g. Tue 9–12, Thu 15–18"))
        self.theme.setPlaceholderText(self.tr("e.g. Seniors, Family, Migration"))
        super().retranslate_ui()

    def placeholder_text(self) -> str:
        return self.tr("Choose a centre from the list, or create a new one with Ctrl+N.")

    def new_title(self) -> str:
        return self.tr("New centre")

    def title_of(self, record: CenterRecord) -> str:
        return record.name

    def first_field(self) -> QWidget:
        return self.name

    def take_payload(self, payload: tuple[CenterRecord | None, PersonChoice | None]) -> object:
        record, self._contact = payload
        return record

    def fill_form(self, record: CenterRecord | None) -> None:
        data = record or EMPTY
        self.name.setText(data.name)
        self.theme.setText(data.theme)
        self.street.setText(data.street)
        self.postal_code.setText(data.postal_code)
        self.city.setText(data.city)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        self.opening_hours.setPlainText(data.opening_hours)
        self.description.setPlainText(data.description)
        contact = None
        if data.contact_person_id is not None:
            if self.contact.person_id == data.contact_person_id:
                contact = self.contact.choice
            elif self._contact is not None and self._contact.id == data.contact_person_id:
                contact = self._contact
            else:
                contact = PersonChoice(data.contact_person_id, f"Nr. {data.contact_person_id}")
        self.contact.set_person(contact)

    def read_form(self) -> CenterInput:
        return CenterInput(
            name=self.name.text(),
            theme=self.theme.text(),
            street=self.street.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            opening_hours=self.opening_hours.toPlainText(),
            description=self.description.toPlainText(),
            contact_person_id=self.contact.person_id,
        )

    def check_form(self) -> list[FieldError]:
        if self.contact.is_unresolved():
            return [
                FieldError(
                    "contact_person_id",
                    self.tr("Contact person"),
                    self.tr("Please choose a person from the list, or clear the field."),
                )
            ]
        return []
