"""*Anonymize …*: the preview of an erasure (Art. 17 GDPR), the question, and the work.

``AnonymizeButton`` sits in the person editor. It lets the editor settle
unsaved changes first, reads the preview off the GUI thread, shows it in an
``AnonymizeDialog`` (what is removed, what is kept, why it is not possible
yet), and on confirmation anonymises off the GUI thread; ``anonymized`` then
tells the editor to show the record again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.privacy.anonymize import (
    AnonymizationPreview,
    AnonymizationResult,
    anonymize_person,
    preview_anonymization,
    purge_search_index,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR


class _Leavable(Protocol):
    def leave(self, then: Callable[[], Any] | None = None) -> bool: ...


def _item_list(name: str, items: Sequence[str]) -> QListWidget:
    view = QListWidget()
    view.setObjectName(name)
    view.addItems(list(items))
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    view.setSelectionMode(QListWidget.SelectionMode.NoSelection)
    # As high as its lines (up to a dozen, then it scrolls): no empty box below short lists.
    rows = max(1, min(len(items), 12))
    height = view.sizeHintForRow(0) * rows + 2 * view.frameWidth() + 4
    view.setFixedHeight(height)
    view.setMinimumWidth(520)
    return view


class AnonymizeDialog(Retranslatable, QDialog):
    """Shows an ``AnonymizationPreview``; accepted means: anonymise now."""

    def __init__(self, preview: AnonymizationPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("anonymize_dialog")
        self.preview = preview
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("anonymize_intro")
        self.removed_box = QGroupBox()
        self.removed = _item_list("anonymize_removed", preview.removed)
        QVBoxLayout(self.removed_box).addWidget(self.removed)
        self.kept_box = QGroupBox()
        self.kept = _item_list("anonymize_kept", preview.kept)
        QVBoxLayout(self.kept_box).addWidget(self.kept)
        self.blocked_box = QGroupBox()
        self.blocked_box.setObjectName("anonymize_blocked")
        self.blockers = QLabel("\n".join(f"• {reason}" for reason in preview.blockers))
        self.blockers.setWordWrap(True)
        self.blockers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        palette = self.blockers.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOR)
        self.blockers.setPalette(palette)
        QVBoxLayout(self.blocked_box).addWidget(self.blockers)
        self.blocked_box.setVisible(not preview.possible)

        self.buttons = QDialogButtonBox()
        self.anonymize_button = QPushButton()
        self.anonymize_button.setObjectName("confirm_anonymize")
        self.buttons.addButton(self.anonymize_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.anonymize_button.setEnabled(preview.possible)
        self.anonymize_button.setVisible(preview.possible)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # Erasing cannot be undone: Enter must not do it by accident.
        self.anonymize_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.blocked_box)
        layout.addWidget(self.removed_box)
        layout.addWidget(self.kept_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        preview = self.preview
        self.setWindowTitle(self.tr("Anonymize %1").replace("%1", preview.name or preview.new_name))
        if preview.possible:
            intro = self.tr(
                "The personal data of %1 will be erased for good (Art. 17 GDPR); the record "
                "will be called “%2” and archived. This cannot be undone."
            )
        else:
            intro = self.tr("%1 cannot be anonymized yet.")
        self.intro.setText(
            intro.replace("%1", preview.name or preview.new_name).replace("%2", preview.new_name)
        )
        self.blocked_box.setTitle(self.tr("Not possible because"))
        self.removed_box.setTitle(self.tr("Will be removed"))
        self.kept_box.setTitle(self.tr("Will be kept for the statistics"))
        self.anonymize_button.setText(self.tr("&Anonymize"))
        self.cancel_button.setText(self.tr("Cancel") if preview.possible else self.tr("Close"))


class AnonymizeButton(Retranslatable, QPushButton):
    """*Anonymize …* for the person shown in an editor; ``set_person(None)`` disables it."""

    anonymized = Signal()

    def __init__(
        self, ctx: AppContext, editor: _Leavable | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("anonymize_person")
        self.ctx = ctx
        self.editor = editor
        self.person_id: int | None = None
        self.dialog: AnonymizeDialog | None = None
        self.clicked.connect(self.start)
        self.retranslate_ui()
        self.set_person(None)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("&Anonymize …"))
        self.setToolTip(
            self.tr(
                "Erase this person's personal data and keep the statistics (Art. 17 GDPR); "
                "shows first what is removed and what is kept"
            )
        )

    def set_person(self, person_id: int | None, anonymized: bool = False) -> None:
        self.person_id = person_id
        self.setEnabled(person_id is not None and not anonymized)

    @Slot()
    def start(self) -> None:
        if self.person_id is None:
            return
        if self.editor is not None:
            self.editor.leave(self._read_preview)
        else:
            self._read_preview()

    def _read_preview(self) -> None:
        if self.person_id is None:
            return
        self.ctx.ops.query(preview_anonymization, self.ctx.db, self.person_id).success(
            self._show_preview
        ).run()

    def _show_preview(self, preview: AnonymizationPreview) -> None:
        if preview.person_id != self.person_id:
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = AnonymizeDialog(preview, self.window())
        self.dialog.accepted.connect(self._confirmed)
        self.dialog.open()

    @Slot()
    def _confirmed(self) -> None:
        if self.dialog is None:
            return
        person_id = self.dialog.preview.person_id
        self.ctx.ops.write(anonymize_person, self.ctx.db, person_id).with_progress(
            self.window(), self.tr("Anonymizing …")
        ).success(self._done).run()

    def _done(self, result: AnonymizationResult) -> None:
        # Scrubbing the old words from the search index follows on the same writer
        # thread, so nothing written later (a backup at closing) overtakes it.
        self.ctx.ops.write(purge_search_index, self.ctx.db).run()
        self.anonymized.emit()
        self.ctx.dialogs.inform(
            self.window(),
            self.tr("Anonymized"),
            self.tr("The personal data were erased; the record is now called “%1”.").replace(
                "%1", result.new_name
            ),
        )
