"""Settings → *Agentur* (name, address, contact, logo, Bundesland, km rate) and
*Unterschriften* (who signs certificates, left and right, with optional images).

Both pages edit the one settings record; each saves its part with the other
part as loaded, and hands the saved record to the other page (``saved``), so
a second save does not meet its own first one as a conflict.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engagement_desk.services.errors import ValidationError
from engagement_desk.services.settings import (
    AgencySettingsInput,
    AgencySettingsRecord,
    as_input,
    settings_for_editing,
    update_agency_settings,
)
from engagement_desk.services.staff.access import Capability
from engagement_desk.ui.access import guard_each, guard_inputs
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.settings.agency_fields import AgencyFields, placed_errors
from engagement_desk.ui.widgets.editor_base import EditorBase, form_snapshot


class _AgencySettingsPage(EditorBase, QWidget):
    """Loads the settings, saves with EDIT_SETTINGS; subclasses lay out their inputs."""

    saved = Signal(object)  # the stored AgencySettingsRecord

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.record: AgencySettingsRecord | None = None
        self.bundesland_chosen = True
        self.fields = AgencyFields(ctx, self)
        self.form = self.fields.form
        self.inputs = QWidget()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.hide()
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_settings")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.inputs)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.form.edited.connect(lambda _key: self.notice.hide())
        guard_each(ctx, Capability.EDIT_SETTINGS, self.save_button)
        follow_changes(ctx, self, ("agency_settings", "signatory"), self._reload_unless_typing)

    def _guard_inputs(self) -> None:
        """Once the subclass has filled ``inputs``: read-only without EDIT_SETTINGS."""
        guard_inputs(self.ctx, self.inputs, Capability.EDIT_SETTINGS)

    def describe(self) -> str:
        return QCoreApplication.translate("AgencySettingsPage", "the settings")

    def snapshot(self) -> Any:
        return form_snapshot(self.form), self.fields.images()

    def load(self) -> None:
        self.ctx.ops.query(settings_for_editing, self.ctx.db).success(self._loaded).run()

    @Slot(object)
    def _loaded(self, loaded: tuple[AgencySettingsRecord, bool]) -> None:
        record, self.bundesland_chosen = loaded
        self.show_record(record)

    @Slot(object)
    def show_record(self, record: AgencySettingsRecord) -> None:
        self.record = record
        self.fill(record)
        self.form.clear_errors()
        self.mark_clean()

    def _reload_unless_typing(self) -> None:
        """Changed on another workstation: show it, unless something is typed here (a
        save then meets the other change as a conflict and says so)."""
        if not self.is_dirty():
            self.load()

    def adopt(self, record: AgencySettingsRecord) -> None:
        """The other page saved: show it unless something is typed here (then keep that,
        saved against the new version)."""
        if self.is_dirty():
            self.record = record
        else:
            self.show_record(record)

    def revert(self) -> None:
        if self.record is not None:
            self.show_record(self.record)

    def fill(self, record: AgencySettingsRecord) -> None:
        raise NotImplementedError

    def data(self, record: AgencySettingsRecord) -> AgencySettingsInput:
        raise NotImplementedError

    @Slot()
    def save(self) -> None:
        if self.record is None:
            return
        try:
            data = self.data(self.record)
        except ValidationError as error:
            self.save_failed(error)
            return
        self.ctx.ops.write(
            update_agency_settings, self.ctx.db, data, expected_version=self.record.version
        ).success(self._saved).failure(self.save_failed).run()

    @Slot(object)
    def _saved(self, record: AgencySettingsRecord) -> None:
        self.bundesland_chosen = True
        self.show_record(record)
        self.save_succeeded()
        self.notice.setText(QCoreApplication.translate("AgencySettingsPage", "Saved."))
        self.notice.show()
        self.saved.emit(record)

    def show_field_errors(self, errors) -> None:  # type: ignore[no-untyped-def]
        super().show_field_errors(placed_errors(list(errors), self.fields.sent_rows))

    def reload_record(self) -> None:
        self.load()


class AgencyPage(_AgencySettingsPage):
    """Name, address, phone, e-mail, website, logo; Bundesland and km rate."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("agency_page")
        box = QVBoxLayout(self.inputs)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.fields.rules_layout(self.fields.identity_layout()))
        self._guard_inputs()
        self.retranslate_ui()
        self.load()

    def title(self) -> str:
        return self.tr("Agency")

    def retranslate_ui(self) -> None:
        self.fields.retranslate()
        self.intro.setText(
            self.tr("Every print (certificates, run sheets, letters, lists) carries these.")
        )
        self.save_button.setText(self.tr("Save"))

    def fill(self, record: AgencySettingsRecord) -> None:
        # Never chosen (a fresh database): no Bundesland preselected, it must be chosen.
        self.fields.show(record, with_bundesland=self.bundesland_chosen)

    def data(self, record: AgencySettingsRecord) -> AgencySettingsInput:
        return replace(self.fields.values(as_input(record)), signatories=record.signatories)


class SignaturesPage(_AgencySettingsPage):
    """Up to two signatories for certificates, left and right, with optional images."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("signatures_page")
        box = QVBoxLayout(self.inputs)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.fields.signatories_layout())
        self._guard_inputs()
        self.retranslate_ui()
        self.load()

    def title(self) -> str:
        return self.tr("Signatures")

    def retranslate_ui(self) -> None:
        self.fields.retranslate()
        self.intro.setText(
            self.tr(
                "Who signs certificates, printed under the signature line. The image of a "
                "signature (PNG or SVG) is optional; without one, the line stays free for "
                "signing by hand. Leave a name empty to have one signatory only."
            )
        )
        self.save_button.setText(self.tr("Save"))

    def fill(self, record: AgencySettingsRecord) -> None:
        self.fields.show_signatories(record.signatories)

    def data(self, record: AgencySettingsRecord) -> AgencySettingsInput:
        return replace(as_input(record), signatories=self.fields.signatory_values())
