"""Correct or delete one hours entry: the new values and the reason, warnings before saving.

The reason is required (the service says so at the field) and kept with the entry's
old and new values. Plausibility warnings (a long day, a possible duplicate, a day
recorded absent) are shown before the correction is saved; a second click saves anyway.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import ValidationError
from engagement_desk.services.hours import (
    HoursInput,
    HoursRecord,
    HoursSaveResult,
    HoursWarning,
    check_correction,
    correct_hours_entry,
    delete_hours_entry,
    format_hours,
)
from engagement_desk.services.hours.corrections import describe
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.certificates.sources import Choice, organization_choices
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_date
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.widgets.forms import Form

WARNING_COLOR = "#8a5300"
translate = QCoreApplication.translate


class HoursCorrectionDialog(Retranslatable, QDialog):
    """``deleting`` asks only for the reason; otherwise the values can be changed too."""

    done_with = Signal(object)  # the HoursSaveResult

    def __init__(
        self,
        ctx: AppContext,
        record: HoursRecord,
        *,
        deleting: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("hours_delete_dialog" if deleting else "hours_correction_dialog")
        self.ctx = ctx
        self.record = record
        self.deleting = deleting
        self.result_data: HoursSaveResult | None = None
        self._checked_input: HoursInput | None = None
        self.setModal(True)
        self.form = Form(self)
        self.entry = QLabel(describe(record))
        self.entry.setObjectName("hours_correction_entry")
        self.entry.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.on_date = QLineEdit(format_date(record.on_date))
        self.on_date.setObjectName("correction_on_date")
        self.hours = QLineEdit(format_hours(record.hours))
        self.hours.setObjectName("correction_hours")
        self.organization = QComboBox()
        self.organization.setObjectName("correction_organization")
        self.organization.addItem("", None)
        if record.organization_id is not None:
            self.organization.addItem(record.organization, record.organization_id)
            self.organization.setCurrentIndex(1)
        self.activity = QLineEdit(record.activity)
        self.activity.setObjectName("correction_activity")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("correction_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().height() * 4)
        self.warnings = QLabel()
        self.warnings.setObjectName("correction_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOR};")
        self.warnings.hide()
        self.note = QLabel()
        self.note.setObjectName("correction_note")
        self.note.setWordWrap(True)

        layout_form = QFormLayout()
        layout_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._entry_caption = QLabel()
        layout_form.addRow(self._entry_caption, self.entry)
        fields = [("reason", self.reason)]
        if not deleting:
            fields = [
                ("on_date", self.on_date),
                ("hours", self.hours),
                ("organization_id", self.organization),
                ("activity", self.activity),
                *fields,
            ]
        for key, widget in fields:
            field = self.form.add(key, widget)
            layout_form.addRow(self.form.labels[key], field)
        self.form.edited.connect(self._edited)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.save_button.setObjectName("correction_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        guard_each(ctx, Capability.EDIT_HOURS, self.save_button)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("correction_cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addLayout(layout_form)
        layout.addWidget(self.note)
        layout.addWidget(self.warnings)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(max(560, self.entry.sizeHint().width() + 160))
        self.retranslate_ui()
        if not deleting:
            self.ctx.ops.query(organization_choices, ctx.db).success(
                self._organizations_arrived
            ).run()
        (self.reason if deleting else self.hours).setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate_ui(self) -> None:
        if self.deleting:
            self.setWindowTitle(self.tr("Delete hours entry"))
        else:
            self.setWindowTitle(self.tr("Correct hours entry"))
        self._entry_caption.setText(self.tr("Entry:"))
        for key, text in (
            ("on_date", self.tr("&Date:")),
            ("hours", self.tr("&Hours:")),
            ("organization_id", self.tr("&Organization:")),
            ("activity", self.tr("&Activity:")),
            ("reason", self.tr("&Reason:")),
        ):
            if key in self.form.fields:
                self.form.set_label(key, text)
        self.organization.setItemText(0, self.tr("(no organization)"))
        self.reason.setPlaceholderText(
            self.tr("Why? e.g. typed twice, wrong day – kept with the correction")
        )
        self.note.setText(
            self.tr(
                "The reason and the entry before and after are kept with the person "
                "(Leitung can read them); the audit trail notes only which fields changed."
            )
        )
        self._set_save_text()
        self.cancel_button.setText(self.tr("Cancel"))

    def _set_save_text(self) -> None:
        if self.deleting:
            self.save_button.setText(self.tr("&Delete entry"))
        elif self._checked_input is not None:
            self.save_button.setText(self.tr("&Save anyway"))
        else:
            self.save_button.setText(self.tr("&Save correction"))

    @Slot(object)
    def _organizations_arrived(self, organizations: tuple[Choice, ...]) -> None:
        current = self.organization.currentData()
        while self.organization.count() > 1:
            self.organization.removeItem(1)
        for choice in organizations:
            self.organization.addItem(choice.label, choice.id)
        self.organization.setCurrentIndex(max(self.organization.findData(current), 0))

    @Slot(str)
    def _edited(self, key: str) -> None:
        if key != "reason" and self._checked_input is not None:
            self._checked_input = None
            self.warnings.hide()
            self._set_save_text()

    def typed(self) -> HoursInput:
        return HoursInput(
            person_id=self.record.person_id,
            on_date=self.on_date.text().strip(),
            hours=self.hours.text().strip(),
            organization_id=self.organization.currentData(),
            center_id=self.record.center_id,
            activity=self.activity.text().strip(),
        )

    def reason_text(self) -> str:
        return self.reason.toPlainText()

    @Slot()
    def save(self) -> None:
        self.form.clear_errors()
        if self.deleting:
            self._write(
                delete_hours_entry,
                self.ctx.db,
                self.record.id,
                self.record.version,
                self.reason_text(),
            )
            return
        data = self.typed()
        if data == self._checked_input:
            self._write_correction(data)
            return
        (
            self.ctx.ops.query(check_correction, self.ctx.db, self.record.id, data)
            .success(lambda warnings: self._checked(data, warnings))
            .failure(self._failed)
            .run()
        )

    def _checked(self, data: HoursInput, warnings: tuple[HoursWarning, ...]) -> None:
        if not warnings:
            self._write_correction(data)
            return
        self._checked_input = data
        lines = [self.tr("Please check before saving:")]
        lines += [f"• {warning.message}" for warning in warnings]
        self.warnings.setText("\n".join(lines))
        self.warnings.show()
        self._set_save_text()
        self.adjustSize()

    def _write_correction(self, data: HoursInput) -> None:
        self._write(
            correct_hours_entry,
            self.ctx.db,
            self.record.id,
            self.record.version,
            data,
            self.reason_text(),
        )

    def _write(self, fn, *args) -> None:
        self.save_button.setEnabled(False)
        self.ctx.ops.write(fn, *args).success(self._saved).failure(self._failed).run()

    @Slot(object)
    def _saved(self, result: HoursSaveResult) -> None:
        self.save_button.setEnabled(True)
        self.result_data = result
        self.done_with.emit(result)
        self.accept()

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            unplaced = self.form.show_errors(error.errors)
            self.adjustSize()
            if unplaced:
                self.ctx.dialogs.warn(
                    self, self.windowTitle(), "\n".join(e.message for e in unplaced)
                )
            return
        self.ctx.ops.show_error(error, self)


def result_summary(result: HoursSaveResult) -> str:
    """'Correction saved.' / 'Entry deleted.' and the warnings the day still has."""
    text = (
        translate("HoursCorrection", "Entry deleted.")
        if result.deleted
        else translate("HoursCorrection", "Correction saved.")
    )
    if result.warnings:
        text += " " + translate("HoursCorrection", "Please check:") + " "
        text += " ".join(warning.message for warning in result.warnings)
    return text
