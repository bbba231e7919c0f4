"""The one way PDFs leave the window: printing (with the chosen page range) and opening.

Run sheets, event lists and certificates all print through ``PdfOutput``.
Widgets take one as a seam, the way they take ``ctx.dialogs``: the real one
opens ``QPrintDialog`` or the desktop's PDF viewer, tests pass a recorder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

PRINT_DPI = 300

PdfSource = Path | bytes


def load_document(source: PdfSource, parent: QWidget | None) -> QPdfDocument:
    document = QPdfDocument(parent)
    if isinstance(source, bytes):
        buffer = QBuffer(document)
        buffer.setData(QByteArray(source))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
    else:
        document.load(str(source))
    return document


def _page_filter(printer: QPrinter) -> Callable[[int], bool]:
    """Pages are numbered from 1 across all documents, as the print dialog shows them."""
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        return lambda _page: True
    return ranges.contains


def print_documents(documents: Sequence[QPdfDocument], printer: QPrinter) -> int:
    """Paint the pages in the printer's page range, each fitted into the printable area.

    Returns the number of pages printed."""
    wanted = _page_filter(printer)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    number = 0
    try:
        for document in documents:
            for page in range(document.pageCount()):
                number += 1
                if not wanted(number):
                    continue
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

    def print_pdfs(self, parent: QWidget | None, sources: Sequence[PdfSource], title: str) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        documents = [load_document(source, parent) for source in sources]
        try:
            pages = sum(document.pageCount() for document in documents)
            dialog = QPrintDialog(printer, parent)
            dialog.setWindowTitle(title)
            dialog.setMinMax(1, max(1, pages))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            return print_documents(documents, printer) > 0
        finally:
            for document in documents:
                document.close()
                document.deleteLater()

    def open_file(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
