"""Showing, printing and opening PDFs made by the certificate services.

``PdfPreview`` shows PDF bytes with QtPdf. Printing and opening a file go
through ``PdfOutput``, a seam like ``ctx.dialogs``: tests swap in a recorder
instead of a modal ``QPrintDialog`` or the desktop's PDF viewer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
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


def load_document(path_or_bytes: Path | bytes, parent: QWidget | None) -> QPdfDocument:
    document = QPdfDocument(parent)
    if isinstance(path_or_bytes, bytes):
        buffer = QBuffer(document)
        buffer.setData(QByteArray(path_or_bytes))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
    else:
        document.load(str(path_or_bytes))
    return document


def print_documents(documents: list[QPdfDocument], printer: QPrinter) -> int:
    """Draw every page of ``documents`` onto ``printer``; returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for document in documents:
            for page in range(document.pageCount()):
                if printed:
                    printer.newPage()
                target = QRectF(painter.viewport())
                size = document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                pixels = QSize(
                    max(1, round(size.width() / 72 * PRINT_DPI)),
                    max(1, round(size.height() / 72 * PRINT_DPI)),
                )
                image = document.render(page, pixels)
                painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
                printed += 1
    finally:
        painter.end()
    return printed


class PdfOutput:
    """Real printing through the Qt print dialog, and opening with the desktop's viewer."""

    def print_pdfs(self, parent: QWidget | None, sources: list[Path | bytes], title: str) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        documents = [load_document(source, parent) for source in sources]
        try:
            return print_documents(documents, printer) > 0
        finally:
            for document in documents:
                document.close()
                document.deleteLater()

    def open_file(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class RecordingPdfOutput(PdfOutput):
    """For tests: records what would have been printed or opened."""

    def __init__(self) -> None:
        self.printed: list[tuple[list[Path | bytes], str]] = []
        self.opened: list[Path] = []

    def print_pdfs(self, parent: QWidget | None, sources: list[Path | bytes], title: str) -> bool:
        self.printed.append((list(sources), title))
        return True

    def open_file(self, path: Path) -> bool:
        self.opened.append(path)
        return True
