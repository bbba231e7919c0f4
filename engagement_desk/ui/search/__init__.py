"""The global search popup (Ctrl+K) and the list of its results."""

from engagement_desk.ui.search.popup import GlobalSearchPopup

__all__ = ["GlobalSearchPopup"]
