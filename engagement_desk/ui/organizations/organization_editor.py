"""The form of one organization, with its contact people and its opportunities."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import OrganizationKind, RecordStatus
from engagement_desk.services.organizations.centers import CenterRecord
from engagement_desk.services.organizations.clubs import (
    OrganizationInput,
    OrganizationRecord,
    archive_organization,
    create_organization,
    get_organization_with_centers,
    update_organization,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.organizations.contacts_table import ContactsPanel
from engagement_desk.ui.organizations.organization_opportunities import OrganizationOpportunities
from engagement_desk.ui.organizations.record_editor import EditorServices, RecordEditor
from engagement_desk.ui.widgets.forms import (
    add_place_row,
    add_row,
    chain_tab_order,
    form_layout,
    line_edit,
    text_edit,
)

CENTER_ID_ROLE = Qt.ItemDataRole.UserRole
EMPTY = OrganizationInput(name="")
DETAILS, CONTACTS, OPPORTUNITIES = range(3)


class OrganizationEditor(RecordEditor):
    record_table = "organization"
    services = EditorServices(
        fetch=get_organization_with_centers,
        create=create_organization,
        update=update_organization,
        archive=archive_organization,
    )
    placement_created = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("organization_editor")
        self._centers: list[CenterRecord] = []
        self._contact_count = 0
        self._opportunity_count = 0

        self.name = line_edit(200)
        self.kind = QComboBox()
        for kind in OrganizationKind:
            self.kind.addItem("", kind.value)
        self.street = line_edit(200)
        self.postal_code = line_edit(10, chars=7)
        self.city = line_edit(100)
        self.phone = line_edit(40)
        self.email = line_edit(254)
        self.website = line_edit(300)
        self.may_publish = QCheckBox()
        self.centers = QListWidget()
        self.centers.setObjectName("organization_centers")
        lines = self.centers.fontMetrics().height() + 6
        self.centers.setMinimumHeight(lines * 3)
        self.centers.setMaximumHeight(lines * 6)
        self.description = text_edit(5)

        left = form_layout()
        add_row(self.form, left, "name", self.name)
        add_row(self.form, left, "kind", self.kind)
        add_row(self.form, left, "street", self.street)
        add_place_row(self.form, left, self.postal_code, self.city)
        add_row(self.form, left, "phone", self.phone)
        add_row(self.form, left, "email", self.email)
        add_row(self.form, left, "website", self.website)
        left.addRow("", self.form.add("may_publish", self.may_publish, label=False))
        right = QVBoxLayout()
        right.setSpacing(2)
        for key, widget in (("center_ids", self.centers), ("description", self.description)):
            field = self.form.add(key, widget)
            right.addWidget(self.form.labels[key])
            right.addWidget(field)
            right.addSpacing(6)
        right.addStretch(1)
        details = QWidget()
        columns = QHBoxLayout(details)
        columns.addLayout(left, 3)
        columns.addSpacing(16)
        columns.addLayout(right, 2)
        scroller = QScrollArea()
        scroller.setObjectName("organization_details")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(details)

        self.contacts = ContactsPanel(ctx)
        self.opportunities = OrganizationOpportunities(ctx)
        self.opportunities.placement_created.connect(self.placement_created)
        self.contacts.count_changed.connect(self._contacts_counted)
        self.opportunities.count_changed.connect(self._opportunities_counted)
        self.sections = QTabWidget()
        self.sections.setObjectName("organization_sections")
        self.sections.addTab(scroller, "")
        self.sections.addTab(self.contacts, "")
        self.sections.addTab(self.opportunities, "")
        self.content.addWidget(self.sections, 1)
        self.shown.connect(self._record_shown)
        chain_tab_order(
            [
                self.name,
                self.kind,
                self.street,
                self.postal_code,
                self.city,
                self.phone,
                self.email,
                self.website,
                self.may_publish,
                self.centers,
                self.description,
                self.save_button,
                self.archive_button,
            ]
        )
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        labels = {
            "name": self.tr("&Name"),
            "kind": self.tr("&Kind"),
            "street": self.tr("S&treet"),
            "postal_code": self.tr("Posta&l code, town"),
            "city": self.tr("Town"),
            "phone": self.tr("Phon&e"),
            "email": self.tr("E-ma&il"),
            "website": self.tr("We&bsite"),
            "center_ids": self.tr("Belon&gs to centres"),
            "description": self.tr("Description"),
            "may_publish": self.tr("May be published in the club directory"),
        }
        for key, text in labels.items():
            self.form.set_label(key, text)
        self.postal_code.setAccessibleName(self.tr("Postal code"))
        self.may_publish.setText(self.tr("Ma&y be published in the club directory"))
        for index, kind in enumerate(OrganizationKind):
            self.kind.setItemText(index, enum_label(OrganizationKind, kind))
        self.website.setPlaceholderText("https://")
        self._set_section_titles()
        super().retranslate_ui()

    def _set_section_titles(self) -> None:
        self.sections.setTabText(DETAILS, self.tr("&Details"))
        self.sections.setTabText(
            CONTACTS,
            self.tr("Contact &people (%1)").replace("%1", format_int(self._contact_count)),
        )
        self.sections.setTabText(
            OPPORTUNITIES,
            self.tr("&Opportunities (%1)").replace("%1", format_int(self._opportunity_count)),
        )
        saved = self.record is not None
        hint = "" if saved else self.tr("Save the organization first.")
        for index in (CONTACTS, OPPORTUNITIES):
            self.sections.setTabEnabled(index, saved)
            self.sections.setTabToolTip(index, hint)

    def placeholder_text(self) -> str:
        return self.tr("Choose an organization in the list, or create a new one with Ctrl+N.")

    def new_title(self) -> str:
        return self.tr("New organization")

    def title_of(self, record: OrganizationRecord) -> str:
        return record.name

    def first_field(self) -> QWidget:
        self.sections.setCurrentIndex(DETAILS)
        return self.name

    def take_payload(
        self, payload: tuple[OrganizationRecord | None, Sequence[CenterRecord]]
    ) -> object:
        record, centers = payload
        self._centers = list(centers)
        return record

    def set_centers(self, centers: Sequence[CenterRecord]) -> None:
        """New centre choices (a centre was added or renamed) without losing edits."""
        chosen = self._checked_centers()
        dirty = self.is_dirty()
        self._centers = list(centers)
        self._filling = True
        try:
            self._fill_centers(chosen)
        finally:
            self._filling = False
        if self.editing and not dirty:
            self.mark_clean()

    def _fill_centers(self, chosen: Sequence[int]) -> None:
        self.centers.clear()
        for center in self._centers:
            archived = center.status == RecordStatus.ARCHIVED
            if archived and center.id not in chosen:
                continue
            text = self.tr("%1 (archived)") if archived else "%1"
            item = QListWidgetItem(text.replace("%1", center.name))
            item.setData(CENTER_ID_ROLE, center.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if center.id in chosen else Qt.CheckState.Unchecked
            )
            self.centers.addItem(item)

    def _checked_centers(self) -> tuple[int, ...]:
        return tuple(
            sorted(
                self.centers.item(i).data(CENTER_ID_ROLE)
                for i in range(self.centers.count())
                if self.centers.item(i).checkState() == Qt.CheckState.Checked
            )
        )

    def set_center_checked(self, center_id: int, checked: bool) -> None:
        for i in range(self.centers.count()):
            item = self.centers.item(i)
            if item.data(CENTER_ID_ROLE) == center_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def fill_form(self, record: OrganizationRecord | None) -> None:
        data = record or EMPTY
        self.name.setText(data.name)
        self.kind.setCurrentIndex(max(self.kind.findData(OrganizationKind(data.kind).value), 0))
        self.street.setText(data.street)
        self.postal_code.setText(data.postal_code)
        self.city.setText(data.city)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        self.website.setText(data.website)
        self.may_publish.setChecked(data.may_publish)
        self._fill_centers(data.center_ids)
        self.description.setPlainText(data.description)

    def read_form(self) -> OrganizationInput:
        return OrganizationInput(
            name=self.name.text(),
            kind=OrganizationKind(self.kind.currentData() or OrganizationKind.CLUB),
            street=self.street.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            website=self.website.text(),
            description=self.description.toPlainText(),
            may_publish=self.may_publish.isChecked(),
            center_ids=self._checked_centers(),
        )

    @Slot(object)
    def _record_shown(self, record: OrganizationRecord | None) -> None:
        if record is None:
            self._contact_count = self._opportunity_count = 0
            self.contacts.set_organization(None)
            self.opportunities.set_organization(None)
            if self.sections.currentIndex() != DETAILS:
                self.sections.setCurrentIndex(DETAILS)
        else:
            if self.contacts.organization_id != record.id:
                self.contacts.set_organization(record.id, record.name)
            else:
                self.contacts.organization_name = record.name
                self.contacts.reload()
            self.opportunities.set_organization(record)
        self._set_section_titles()

    @Slot(int)
    def _contacts_counted(self, count: int) -> None:
        self._contact_count = count
        self._set_section_titles()

    @Slot(int)
    def _opportunities_counted(self, count: int) -> None:
        self._opportunity_count = count
        self._set_section_titles()
