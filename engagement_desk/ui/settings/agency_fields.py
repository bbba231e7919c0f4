"""The inputs for the agency's settings, shared by the *Einstellungen* pages and the
set-up wizard: identity (name, address, contact, logo), rules (Bundesland, km rate)
and the signatories. Keys are the service's field names, so its messages land at
the right input."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.settings import (
    BUNDESLAENDER,
    MAX_SIGNATORIES,
    AgencySettingsInput,
    AgencySettingsRecord,
    SignatoryInput,
)
from engagement_desk.services.settings_keys import euro_amount
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.settings.image_field import ImageField
from engagement_desk.ui.widgets.forms import Form, add_place_row, add_row, form_layout, line_edit

translate = QCoreApplication.translate
_SIGNATORY_LABEL = re.compile(r"^Unterschrift (\d+)(: Bild)?")


def bundesland_box() -> QComboBox:
    """The 16 Länder by their German names (data: the code); first an empty choice."""
    box = QComboBox()
    box.addItem("", None)
    for code, name in sorted(BUNDESLAENDER.items(), key=lambda item: item[1]):
        box.addItem(name, code)
    return box


def euro_text(value: object) -> str:
    return f"{value:.2f}".replace(".", ",")


class SignatoryRow:
    """Name, function and signature image of signatory ``number`` (1 = left)."""

    def __init__(self, ctx: AppContext, form: Form, number: int):
        self.number = number
        self.name = line_edit(200)
        self.function = line_edit(200)
        self.signature = ImageField(
            ctx, f"signatory_{number}_signature", f"Unterschrift {number}: Bild", (200, 56)
        )
        self.signature.rejected.connect(lambda error: form.show_errors(error.errors))
        self.form = form

    def add_to(self, layout: QFormLayout) -> None:
        add_row(self.form, layout, f"signatory_{self.number}_name", self.name)
        add_row(self.form, layout, f"signatory_{self.number}_function", self.function)
        add_row(self.form, layout, f"signatory_{self.number}_signature", self.signature)

    def retranslate(self) -> None:
        if f"signatory_{self.number}_name" not in self.form.fields:
            return  # laid out by another page
        side = (
            translate("AgencyFields", "left")
            if self.number == 1
            else translate("AgencyFields", "right")
        )
        n = self.number
        name = translate("AgencyFields", "Name %1 (%2):").replace("%1", str(n))
        self.form.set_label(f"signatory_{n}_name", name.replace("%2", side))
        self.form.set_label(f"signatory_{n}_function", translate("AgencyFields", "Function:"))
        self.form.set_label(f"signatory_{n}_signature", translate("AgencyFields", "Signature:"))
        self.name.setPlaceholderText(translate("AgencyFields", "e.g. Claudia Theis"))
        self.function.setPlaceholderText(translate("AgencyFields", "e.g. Mayor of the town"))

    def show(self, signatory: SignatoryInput | None) -> None:
        self.name.setText(signatory.name if signatory else "")
        self.function.setText(signatory.function if signatory else "")
        self.signature.set_png(signatory.signature_png if signatory else None)

    def value(self) -> SignatoryInput | None:
        """None when the row is empty; a row with only a function or image keeps its empty
        name, so the service asks for it."""
        if not (self.name.text().strip() or self.function.text().strip() or self.signature.png):
            return None
        return SignatoryInput(self.name.text(), self.function.text(), self.signature.png)


class AgencyFields:
    """Every input of the settings in one ``Form``; pages lay out the parts they show."""

    def __init__(self, ctx: AppContext, owner: QWidget):
        self.form = Form(owner)
        self.name = line_edit(200)
        self.street = line_edit(200)
        self.postal_code = line_edit(10, chars=7)
        self.city = line_edit(100)
        self.phone = line_edit(40)
        self.email = line_edit(254)
        self.website = line_edit(300)
        self.logo = ImageField(ctx, "logo_png", "Logo")
        self.logo.rejected.connect(lambda error: self.form.show_errors(error.errors))
        self.bundesland = bundesland_box()
        self.km_rate = line_edit(8, chars=8)
        self.signatories = [SignatoryRow(ctx, self.form, n) for n in (1, 2)]
        self.swap_button = QPushButton()
        self.swap_button.setObjectName("swap_signatories")
        self.swap_button.clicked.connect(self.swap)
        self.sent_rows: tuple[int, ...] = (1, 2)

    # --- layouts -------------------------------------------------------------------

    def identity_layout(self, layout: QFormLayout | None = None) -> QFormLayout:
        layout = layout or form_layout()
        add_row(self.form, layout, "name", self.name)
        add_row(self.form, layout, "street", self.street)
        add_place_row(self.form, layout, self.postal_code, self.city)
        add_row(self.form, layout, "phone", self.phone)
        add_row(self.form, layout, "email", self.email)
        add_row(self.form, layout, "website", self.website)
        add_row(self.form, layout, "logo_png", self.logo)
        return layout

    def rules_layout(self, layout: QFormLayout | None = None) -> QFormLayout:
        layout = layout or form_layout()
        add_row(self.form, layout, "bundesland", self.bundesland)
        add_row(self.form, layout, "km_rate", self.km_rate)
        return layout

    def signatories_layout(self) -> QFormLayout:
        layout = form_layout()
        for row in self.signatories:
            row.add_to(layout)
        swap = QWidget()
        line = QHBoxLayout(swap)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.swap_button)
        line.addStretch(1)
        layout.addRow("", swap)
        return layout

    def retranslate(self) -> None:
        for key, text in (
            ("name", translate("AgencyFields", "Agency &name:")),
            ("street", translate("AgencyFields", "&Street:")),
            ("postal_code", translate("AgencyFields", "&Postcode / town:")),
            ("phone", translate("AgencyFields", "P&hone:")),
            ("email", translate("AgencyFields", "&E-mail:")),
            ("website", translate("AgencyFields", "&Website:")),
            ("logo_png", translate("AgencyFields", "&Logo:")),
            ("bundesland", translate("AgencyFields", "&Federal state:")),
            ("km_rate", translate("AgencyFields", "&Km rate (euro):")),
        ):
            if key in self.form.fields:  # a page shows only some of them
                self.form.set_label(key, text)
        self.city.setAccessibleName(translate("AgencyFields", "Town"))
        self.name.setPlaceholderText(translate("AgencyFields", "e.g. Freiwilligenagentur Kyllheim"))
        self.website.setPlaceholderText("www.example.de")
        self.km_rate.setPlaceholderText("0,30")
        self.bundesland.setItemText(0, translate("AgencyFields", "– please choose –"))
        self.bundesland.setToolTip(
            translate("AgencyFields", "Decides the public holidays on which rides do not run.")
        )
        self.km_rate.setToolTip(
            translate("AgencyFields", "Paid to drivers per kilometre in the expense claims.")
        )
        self.swap_button.setText(translate("AgencyFields", "Swap left and right"))
        for row in self.signatories:
            row.retranslate()
        self.logo.retranslate_ui()

    # --- values --------------------------------------------------------------------

    def show(self, record: AgencySettingsRecord, *, with_bundesland: bool = True) -> None:
        for key in ("name", "street", "postal_code", "city", "phone", "email", "website"):
            widget: QLineEdit = getattr(self, key)
            widget.setText(getattr(record, key))
        self.logo.set_png(record.logo_png)
        index = self.bundesland.findData(record.bundesland) if with_bundesland else 0
        self.bundesland.setCurrentIndex(max(0, index))
        self.km_rate.setText(euro_text(record.km_rate))
        self.show_signatories(record.signatories)

    def show_signatories(self, signatories: tuple[SignatoryInput, ...]) -> None:
        for index, row in enumerate(self.signatories):
            row.show(signatories[index] if index < len(signatories) else None)

    def swap(self) -> None:
        first, second = (row.value() for row in self.signatories)
        self.signatories[0].show(second)
        self.signatories[1].show(first)
        self.signatories[0].signature.changed.emit()

    def signatory_values(self) -> tuple[SignatoryInput, ...]:
        """The filled rows; ``sent_rows`` remembers which (the service counts only those)."""
        filled = [(row.number, row.value()) for row in self.signatories]
        self.sent_rows = tuple(number for number, value in filled if value is not None)
        return tuple(value for _, value in filled if value is not None)

    def values(self, base: AgencySettingsInput) -> AgencySettingsInput:
        """``base`` with what the inputs hold; a ValidationError for a missing Bundesland or
        an amount that is no amount (the rest the service checks)."""
        errors = []
        land = self.bundesland.currentData()
        if land is None:
            message = translate("AgencyFields", "Please choose the federal state.")
            errors.append(FieldError("bundesland", "Bundesland", message))
        try:
            rate = euro_amount(self.km_rate.text() or "0")
        except ValidationError as error:
            errors.extend(error.errors)
            rate = base.km_rate
        if errors:
            raise ValidationError(errors)
        return replace(
            base,
            name=self.name.text(),
            street=self.street.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            website=self.website.text(),
            logo_png=self.logo.png,
            bundesland=land,
            km_rate=rate,
            signatories=self.signatory_values(),
        )

    def images(self) -> tuple[bytes | None, ...]:
        """For snapshots: the images are no text input."""
        return (self.logo.png, *(row.signature.png for row in self.signatories))


def placed_errors(
    errors: tuple[FieldError, ...] | list[FieldError], sent_rows: tuple[int, ...] = (1, 2)
) -> list[FieldError]:
    """The service's signatory errors ("Unterschrift 2: Name": the second one sent) at the
    inputs of the row it came from (``sent_rows``: the rows sent, in order)."""
    placed = []
    for error in errors:
        match = _SIGNATORY_LABEL.match(error.label) if error.field == "signatories" else None
        index = int(match.group(1)) - 1 if match else -1
        if match and 0 <= index < min(len(sent_rows), MAX_SIGNATORIES):
            part = "signature" if match.group(2) else "name"
            key = f"signatory_{sent_rows[index]}_{part}"
            error = FieldError(key, error.label, error.message)
        placed.append(error)
    return placed
