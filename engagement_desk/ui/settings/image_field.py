"""An image input: a preview, *Choose file …* (PNG or SVG) and *Remove*.

An SVG is rendered to PNG when chosen (``services.settings_images``), so the
preview shows exactly what the prints will show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engagement_desk.services.errors import ValidationError
from engagement_desk.services.settings_images import read_image_file
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.svg_render import svg_to_png


class ImageField(Retranslatable, QWidget):
    """Holds ``png`` (bytes or None); ``changed`` when chosen or removed, ``rejected`` with
    the ValidationError when a chosen file is no image."""

    changed = Signal()
    rejected = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        key: str,
        label: str,
        preview: tuple[int, int] = (200, 70),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.key = key
        self.label = label  # German, for the service's message
        self.png: bytes | None = None
        self.preview = QLabel()
        self.preview.setObjectName(f"{key}_preview")
        self.preview.setFixedSize(QSize(*preview))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setStyleSheet("background: white; color: #777;")
        self.choose_button = QPushButton()
        self.choose_button.setObjectName(f"{key}_choose")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName(f"{key}_remove")
        self.remove_button.clicked.connect(self.remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate_ui()
        self._show()

    def retranslate_ui(self) -> None:
        self.choose_button.setText(self.tr("Choose file …"))
        self.remove_button.setText(self.tr("Remove"))
        if self.png is None:
            self.preview.setText(self.tr("(none)"))
        self.preview.setAccessibleName(self.tr("Preview"))

    def set_png(self, png: bytes | None) -> None:
        """Show ``png`` (as loaded); does not emit ``changed``."""
        self.png = png
        self._show()

    def _show(self) -> None:
        # read-only (no right to change the settings) keeps both buttons off
        self.remove_button.setEnabled(self.png is not None and self.choose_button.isEnabled())
        if self.png is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("(none)"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self.png, "PNG")
        size = self.preview.size() - QSize(8, 8)
        self.preview.setPixmap(
            pixmap.scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    @Slot()
    def choose(self) -> None:
        path = self.ctx.dialogs.open_path(
            self, self.tr("Choose an image"), str(Path.home()), self.tr("Images (*.png *.svg)")
        )
        if not path:
            return
        try:
            png = read_image_file(Path(path), self.key, self.label, svg_to_png)
        except ValidationError as error:
            self.rejected.emit(error)
            return
        self.png = png
        self._show()
        self.changed.emit()

    @Slot()
    def remove(self) -> None:
        self.png = None
        self._show()
        self.changed.emit()
