"""One Engagementangebot: its form, and the dialog that shows it next to the matching people."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import OpportunityStatus
from engagement_desk.services.organizations.centers import CenterRecord
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    OpportunityRecord,
    create_opportunity,
    get_opportunity_with_centers,
    update_opportunity,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.organizations.opportunity_matches import MatchesPanel
from engagement_desk.ui.organizations.record_editor import EditorServices, RecordEditor
from engagement_desk.ui.organizations.tag_edit import TagEdit
from engagement_desk.ui.widgets.forms import (
    add_row,
    chain_tab_order,
    form_layout,
    line_edit,
    row,
    text_edit,
)

MAX_WANTED = 999


class OpportunityEditor(RecordEditor):
    record_table = "opportunity"
    services = EditorServices(
        fetch=get_opportunity_with_centers, create=create_opportunity, update=update_opportunity
    )

    def __init__(
        self,
        ctx: AppContext,
        organization_id: int = 0,
        organization_name: str = "",
        default_center_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(ctx, parent)
        self.setObjectName("opportunity_editor")
        self.organization_id = organization_id
        self.organization_name = organization_name
        self.default_center_id = default_center_id
        self._centers: list[CenterRecord] = []

        self.organization = QLabel()
        self.organization.setObjectName("opportunity_organization")
        self.organization.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.organization_caption = QLabel()
        self.title = line_edit(200)
        self.description = text_edit(4)
        self.center = QComboBox()
        self.center.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.center.setMinimumContentsLength(24)
        self.skills = TagEdit()
        self.time_commitment = line_edit(200)
        self.place = line_edit(200)
        self.postal_code = line_edit(10, chars=7)
        self.volunteers_wanted = QSpinBox()
        self.volunteers_wanted.setRange(0, MAX_WANTED)
        self.volunteers_wanted.setMaximumWidth(self.fontMetrics().averageCharWidth() * 6 + 40)
        self.status = QComboBox()
        for status in OpportunityStatus:
            self.status.addItem("", status.value)

        layout = form_layout()
        layout.addRow(self.organization_caption, self.organization)
        add_row(self.form, layout, "title", self.title)
        add_row(self.form, layout, "description", self.description)
        add_row(self.form, layout, "center_id", self.center)
        add_row(self.form, layout, "skills", self.skills)
        add_row(self.form, layout, "time_commitment", self.time_commitment)
        where = row(
            self.form.add("place", self.place, inline=False),
            self.form.add("postal_code", self.postal_code, inline=False),
            stretch=(1, 0),
        )
        layout.addRow(self.form.labels["place"], where)
        add_row(self.form, layout, "volunteers_wanted", self.volunteers_wanted)
        add_row(self.form, layout, "status", self.status)
        self.content.addLayout(layout)
        self.content.addStretch(1)
        chain_tab_order(
            [
                self.title,
                self.description,
                self.center,
                self.skills.input,
                self.time_commitment,
                self.place,
                self.postal_code,
                self.volunteers_wanted,
                self.status,
                self.save_button,
            ]
        )
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.organization_caption.setText(self.tr("Organization"))
        labels = {
            "title": self.tr("&Title"),
            "description": self.tr("&Description"),
            "center_id": self.tr("&Centre"),
            "skills": self.tr("Skills &wanted"),
            "time_commitment": self.tr("T&ime needed"),
            "place": self.tr("P&lace, postal code"),
            "postal_code": self.tr("Postal code"),
            "volunteers_wanted": self.tr("Volu&nteers wanted"),
            "status": self.tr("Stat&us"),
        }
        for key, text in labels.items():
            self.form.set_label(key, text)
        self.place.setAccessibleName(self.tr("Place"))
        self.time_commitment.setPlaceholderText(self.tr("e.g. 2 hours a week"))
        if self.center.count():
            self.center.setItemText(0, self.tr("– no centre –"))
        for index, status in enumerate(OpportunityStatus):
            self.status.setItemText(index, enum_label(OpportunityStatus, status))
        self.skills.retranslate_ui()
        super().retranslate_ui()

    def placeholder_text(self) -> str:
        return self.tr("Loading …")

    def new_title(self) -> str:
        return self.tr("New opportunity")

    def title_of(self, record: OpportunityRecord) -> str:
        return record.title

    def first_field(self) -> QWidget:
        return self.title

    def take_payload(
        self, payload: tuple[OpportunityRecord | None, Sequence[CenterRecord]]
    ) -> object:
        record, centers = payload
        self._centers = list(centers)
        if record is not None:
            self.organization_id = record.organization_id
            self.organization_name = record.organization_name
        return record

    def _fill_centers(self, chosen: int | None) -> None:
        self.center.clear()
        self.center.addItem(self.tr("– no centre –"), None)
        for center in self._centers:
            if center.status == "archived" and center.id != chosen:
                continue
            self.center.addItem(center.name, center.id)
        index = self.center.findData(chosen) if chosen is not None else 0
        self.center.setCurrentIndex(max(index, 0))

    def fill_form(self, record: OpportunityRecord | None) -> None:
        self.organization.setText(self.organization_name)
        data = record or OpportunityInput(
            organization_id=self.organization_id, title="", center_id=self.default_center_id
        )
        self._fill_centers(data.center_id)
        self.title.setText(data.title)
        self.description.setPlainText(data.description)
        self.skills.set_tags(data.skills)
        self.time_commitment.setText(data.time_commitment)
        self.place.setText(data.place)
        self.postal_code.setText(data.postal_code)
        self.volunteers_wanted.setValue(data.volunteers_wanted)
        self.status.setCurrentIndex(
            max(self.status.findData(OpportunityStatus(data.status).value), 0)
        )

    def read_form(self) -> OpportunityInput:
        return OpportunityInput(
            organization_id=self.organization_id,
            title=self.title.text(),
            description=self.description.toPlainText(),
            center_id=self.center.currentData(),
            skills=self.skills.tags(),
            time_commitment=self.time_commitment.text(),
            place=self.place.text(),
            postal_code=self.postal_code.text(),
            volunteers_wanted=self.volunteers_wanted.value(),
            status=OpportunityStatus(self.status.currentData() or OpportunityStatus.OPEN),
        )


class OpportunityDialog(Retranslatable, QDialog):
    """The opportunity's form on the left, the people who fit it on the right."""

    saved = Signal(object)
    placement_created = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        *,
        opportunity_id: int | None = None,
        organization_id: int = 0,
        organization_name: str = "",
        default_center_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("opportunity_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = OpportunityEditor(ctx, organization_id, organization_name, default_center_id)
        self.matches = MatchesPanel(ctx)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.matches)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([500, 640])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.editor.shown.connect(self._shown)
        self.editor.saved.connect(self._saved)
        self.matches.placement_created.connect(self.placement_created)
        self.resize(1160, 680)
        self.retranslate_ui()
        if opportunity_id is None:
            self.editor.start_new()
        else:
            self.editor.open_record(opportunity_id)

    def retranslate_ui(self) -> None:
        self._set_title(self.editor.record)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cl&ose"))

    def _set_title(self, record: OpportunityRecord | None) -> None:
        name = record.title if record is not None else self.tr("New opportunity")
        self.setWindowTitle(self.tr("Opportunity – %1").replace("%1", name))

    @Slot(object)
    def _shown(self, record: OpportunityRecord | None) -> None:
        self._set_title(record)
        self.matches.set_opportunity(record)

    @Slot(object)
    def _saved(self, record: OpportunityRecord) -> None:
        self.saved.emit(record)

    def reject(self) -> None:
        self.editor.resolve_unsaved(self._close)

    def _close(self) -> None:
        QDialog.reject(self)
