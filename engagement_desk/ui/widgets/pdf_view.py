"""``PdfPreview``: PDF bytes shown inside a page, with a text while there is none.

Printing and opening files go through ``ui.widgets.pdf_output``.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

PRINT_DPI = 300


class PdfPreview(QWidget):
    """A read-only PDF viewer for bytes, with a text shown while there is no document."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.pdf = b""
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("pdf_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self.view)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def set_pdf(self, pdf: bytes) -> None:
        self.clear()
        self.pdf = pdf
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        # A fresh document each time: the view caches rendered pages per document.
        old = self.document
        self.document = QPdfDocument(self)
        self.document.load(buffer)
        self.view.setDocument(self.document)
        old.deleteLater()
        self._stack.setCurrentWidget(self.view)

    def clear(self, text: str = "") -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self.pdf = b""
        self.placeholder.setText(text)
        self._stack.setCurrentWidget(self.placeholder)
