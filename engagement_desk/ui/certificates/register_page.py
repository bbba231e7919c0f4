"""The register of issued certificates with verify, revoke, reissue and duplicate."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.certificates import (
    IssuedCertificate,
    Reissue,
    Verification,
    reissue_certificate,
    reprint_certificate,
    revoke_certificate,
    verify_certificate,
)
from engagement_desk.services.files import write_file
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.letters.dialog import open_batch_letters
from engagement_desk.ui.widgets.list_view import ListPanel
from engagement_desk.ui.widgets.pdf_output import PdfOutput

PDF_FILTER = "PDF (*.pdf)"
VALID_COLOR = "#1b5e20"
INVALID_COLOR = "#b3261e"


class RegisterPage(Retranslatable, QWidget):
    def __init__(
        self, ctx: AppContext, panel: ListPanel, output: PdfOutput, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("certificate_register_page")
        self.ctx = ctx
        self.panel = panel
        self.output = output

        self.number = QLineEdit()
        self.number.setObjectName("verify_number")
        self.code = QLineEdit()
        self.code.setObjectName("verify_code")
        self.code.setMaximumWidth(160)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("verify_button")
        self.verify_button.clicked.connect(self.verify)
        self.number.returnPressed.connect(self.verify)
        self.code.returnPressed.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verify_result")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_box = QGroupBox()
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.number, 2)
        verify_row.addWidget(self.code, 1)
        verify_row.addWidget(self.verify_button)
        verify_layout = QVBoxLayout(self.verify_box)
        verify_layout.addLayout(verify_row)
        verify_layout.addWidget(self.verify_result)

        self.reason = QLineEdit()
        self.reason.setObjectName("revoke_reason")
        self.revoke_button = QPushButton()
        self.revoke_button.setObjectName("revoke_button")
        self.revoke_button.clicked.connect(self.revoke)
        self.reissue_button = QPushButton()
        self.reissue_button.setObjectName("reissue_button")
        self.reissue_button.clicked.connect(self.reissue)
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprint_button")
        self.reprint_button.clicked.connect(self.reprint)
        self.print_button = QPushButton()
        self.print_button.setObjectName("reprint_print_button")
        self.print_button.clicked.connect(self.print_duplicate)
        self.letters_button = QPushButton()
        self.letters_button.setObjectName("register_letters_button")
        self.letters_button.clicked.connect(self.letters_to_batch)
        guard_each(ctx, Capability.CERTIFICATES, self.revoke_button, self.reissue_button)
        guard_each(ctx, Capability.CERTIFICATES, self.reprint_button, self.print_button)
        self.action_result = QLabel()
        self.action_result.setObjectName("register_action_result")
        self.action_result.setWordWrap(True)
        self.actions_box = QGroupBox()
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.reason, 1)
        actions_row.addWidget(self.revoke_button)
        actions_row.addSpacing(16)
        for button in (
            self.reissue_button,
            self.reprint_button,
            self.print_button,
            self.letters_button,
        ):
            actions_row.addWidget(button)
        actions_layout = QVBoxLayout(self.actions_box)
        actions_layout.addLayout(actions_row)
        actions_layout.addWidget(self.action_result)

        layout = QVBoxLayout(self)
        layout.addWidget(panel, 1)
        layout.addWidget(self.actions_box)
        layout.addWidget(self.verify_box)
        panel.table.selectionModel().selectionChanged.connect(self._update_buttons)
        panel.model.modelReset.connect(self._update_buttons)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.verify_box.setTitle(self.tr("Verify a certificate"))
        self.number.setPlaceholderText(self.tr("Number or scanned QR text, e.g. U-2025-00001"))
        self.number.setAccessibleName(self.tr("Certificate number"))
        self.code.setPlaceholderText(self.tr("Verification code"))
        self.code.setAccessibleName(self.tr("Verification code"))
        self.verify_button.setText(self.tr("&Verify"))
        self.actions_box.setTitle(self.tr("Selected certificate"))
        self.reason.setPlaceholderText(self.tr("Reason for revoking"))
        self.reason.setAccessibleName(self.tr("Reason for revoking"))
        self.revoke_button.setText(self.tr("&Revoke"))
        self.reissue_button.setText(self.tr("Re&issue …"))
        self.reprint_button.setText(self.tr("Save &duplicate …"))
        self.print_button.setText(self.tr("&Print duplicate …"))
        self.letters_button.setText(self.tr("&Letters to the batch …"))
        self.letters_button.setToolTip(
            self.tr(
                "Letters or address labels for everyone whose certificate was issued "
                "with this one (same kind, day and event)"
            )
        )

    # --- selection -----------------------------------------------------------

    def selected_number(self) -> str | None:
        index = self.panel.table.currentIndex()
        if not index.isValid() or not self.panel.table.selectionModel().hasSelection():
            return None
        column = self.panel.model.column_index("number")
        value = self.panel.model.index(index.row(), column).data()
        return str(value) if value else None

    @Slot()
    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected_number() is not None
        for button in (
            self.revoke_button,
            self.reissue_button,
            self.reprint_button,
            self.print_button,
            self.letters_button,
        ):
            button.setEnabled(chosen)

    @Slot()
    def letters_to_batch(self) -> None:
        number = self.selected_number()
        if number is not None:
            self.letters = open_batch_letters(self.ctx, self, number)

    # --- verify --------------------------------------------------------------

    @Slot()
    def verify(self) -> None:
        number = self.number.text().strip()
        if not number:
            self.number.setFocus()
            return
        code = self.code.text().strip() or None
        self.ctx.ops.query(verify_certificate, self.ctx.db, number, code).success(
            self._verified
        ).run()

    @Slot(object)
    def _verified(self, result: Verification) -> None:
        color = VALID_COLOR if result.valid else INVALID_COLOR
        self.verify_result.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.verify_result.setText(result.message)
        self.verify_result.setProperty("valid", result.valid)

    # --- actions ---------------------------------------------------------------

    @Slot()
    def revoke(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        reason = self.reason.text().strip()
        if not reason:
            self.ctx.dialogs.warn(
                self, self.tr("Revoke"), self.tr("Please give a reason for revoking.")
            )
            self.reason.setFocus()
            return
        question = self.tr("Revoke certificate %1? It will no longer count as valid.")
        if not self.ctx.dialogs.ask(self, self.tr("Revoke"), question.replace("%1", number)):
            return
        self.ctx.ops.write(revoke_certificate, self.ctx.db, number, reason).success(
            self._revoked
        ).run()

    @Slot(object)
    def _revoked(self, certificate: IssuedCertificate) -> None:
        self.reason.clear()
        self.action_result.setText(
            self.tr("%1 has been revoked.").replace("%1", certificate.number)
        )
        self.panel.refresh()

    @Slot()
    def reissue(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        question = self.tr(
            "Issue a new certificate with a new number from today's data? "
            "%1 will be marked as replaced."
        )
        if not self.ctx.dialogs.ask(self, self.tr("Reissue"), question.replace("%1", number)):
            return
        path = self.ctx.dialogs.save_path(
            self, self.tr("Save the new certificate as"), f"{number}-neu.pdf", PDF_FILTER
        )
        if not path:
            return
        from pathlib import Path

        self.ctx.ops.write(reissue_certificate, self.ctx.db, number, out_file=Path(path)).success(
            self._reissued
        ).run()

    @Slot(object)
    def _reissued(self, result: Reissue) -> None:
        text = self.tr("%1 replaces %2; saved in %3.")
        self.action_result.setText(
            text.replace("%1", result.certificate.number)
            .replace("%2", result.replaced.number)
            .replace("%3", str(result.certificate.file or ""))
        )
        self.panel.refresh()

    @Slot()
    def reprint(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        path = self.ctx.dialogs.save_path(
            self, self.tr("Save the duplicate as"), f"{number}-Duplikat.pdf", PDF_FILTER
        )
        if not path:
            return
        self._duplicate_path = path
        self.ctx.ops.query(reprint_certificate, self.ctx.db, number).success(
            self._save_duplicate
        ).run()

    @Slot(object)
    def _save_duplicate(self, pdf: bytes) -> None:
        try:
            write_file(self._duplicate_path, pdf)
        except OSError as error:
            self.ctx.ops.show_error(error, self)
            return
        self.action_result.setText(
            self.tr("Duplicate saved in %1.").replace("%1", self._duplicate_path)
        )

    @Slot()
    def print_duplicate(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        self.ctx.ops.query(reprint_certificate, self.ctx.db, number).success(
            self._print_duplicate
        ).run()

    @Slot(object)
    def _print_duplicate(self, pdf: bytes) -> None:
        self.output.print_pdfs(self, [pdf], self.tr("Print duplicate"))
