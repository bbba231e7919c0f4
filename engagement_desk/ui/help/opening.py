"""F1 and Hilfe ▸ Handbuch: one viewer per window, at the chapter of the current tab."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from engagement_desk.ui.help.chapters import chapter_for_tab
from engagement_desk.ui.help.manual_viewer import ManualViewer
from engagement_desk.ui.widgets.lazy_page import LazyPage


def current_section(content: QWidget | None) -> str | None:
    """The class name of the sub-page open in a tab (a tab that is, or has, a tab widget)."""
    if content is None:
        return None
    tabs = content if isinstance(content, QTabWidget) else None
    for name in ("tabs", "sections"):
        candidate = getattr(content, name, None)
        if tabs is None and isinstance(candidate, QTabWidget):
            tabs = candidate
    page = tabs.currentWidget() if tabs is not None else None
    if isinstance(page, LazyPage):
        page = page.ensure()
    return type(page).__name__ if page is not None else None


def show_manual(
    parent: QWidget, tab_key: str | None, content: QWidget | None = None
) -> ManualViewer:
    viewer = parent.findChild(ManualViewer, "manual_viewer")
    if viewer is None:
        viewer = ManualViewer(parent)
    viewer.show_chapter(chapter_for_tab(tab_key, current_section(content)))
    viewer.show()
    viewer.activateWindow()
    return viewer
