"""A reusable PDF preview with "Print…" and "Save as…": QPdfDocument + QPdfView.

``PdfPreviewDialog(ctx, title, pdf)`` shows PDF bytes (or a file) in the
window. Printing goes through the ``PdfOutput`` seam (ui.widgets.pdf_output),
which honours the page range chosen in the print dialog.
Saving asks for a path through ``ctx.dialogs.save_path``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.files import write_file
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.widgets.pdf_output import PdfOutput


class PdfPreviewDialog(QDialog):
    """Shows one PDF; Print… (through the seam), Save as…, Close."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        pdf: bytes | Path | str,
        parent: QWidget | None = None,
        *,
        file_name: str = "",
        output: PdfOutput | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.title = title
        self.output = output or PdfOutput()
        if isinstance(pdf, bytes | bytearray):
            self.data = bytes(pdf)
            self.file_name = file_name or "Dokument.pdf"
        else:
            path = Path(pdf)
            self.data = path.read_bytes()
            self.file_name = file_name or path.name
        self.setWindowTitle(title)
        self.setObjectName("pdf_preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(820, 900)

        self.document = QPdfDocument(self)
        self._bytes = QByteArray(self.data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.pages = QLabel()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_as)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addStretch(1)
        bar.addWidget(self.pages)
        bar.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        count = self.page_count
        self.pages.setText(self.tr("%n page(s)", "", count))
        self.print_button.setEnabled(count > 0)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @Slot()
    def print_pdf(self) -> bool:
        return self.output.print_pdfs(self, [self.data], self.title)

    @Slot()
    def save_as(self) -> Path | None:
        chosen = self.ctx.dialogs.save_path(
            self, self.tr("Save PDF"), self.file_name, self.tr("PDF documents (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            write_file(path, self.data)
        except OSError as error:
            self.ctx.ops.show_error(error, self)
            return None
        return path
