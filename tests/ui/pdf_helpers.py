"""A recording stand-in for the PDF print/open seam (ui.widgets.pdf_output.PdfOutput)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from engagement_desk.ui.widgets.pdf_output import PdfOutput, PdfSource


class RecordingPdfOutput(PdfOutput):
    """Records what would have been printed or opened, instead of a modal dialog."""

    def __init__(self) -> None:
        self.printed: list[tuple[list[PdfSource], str]] = []
        self.opened: list[Path] = []

    def print_pdfs(self, parent: QWidget | None, sources: Sequence[PdfSource], title: str) -> bool:
        self.printed.append((list(sources), title))
        return True

    def open_file(self, path: Path) -> bool:
        self.opened.append(path)
        return True
