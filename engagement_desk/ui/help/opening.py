"""F1 and Hilfe ▸ Handbuch: one viewer per window, at the chapter of the current tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from engagement_desk.ui.help.chapters import chapter_for_tab
from engagement_desk.ui.help.manual_viewer import ManualViewer


def show_manual(parent: QWidget, tab_key: str | None) -> ManualViewer:
    viewer = parent.findChild(ManualViewer, "manual_viewer")
    if viewer is None:
        viewer = ManualViewer(parent)
    viewer.show_chapter(chapter_for_tab(tab_key))
    viewer.show()
    viewer.activateWindow()
    return viewer
