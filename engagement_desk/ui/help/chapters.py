"""Where the manual is and which chapter fits which tab (the anchors of Handbuch.html)."""

from __future__ import annotations

from pathlib import Path

from engagement_desk import paths

MANUAL_PARTS = ("manual", "Handbuch.html")
START = "start"
TAB_CHAPTERS: dict[str, str] = {
    "people": "person",
    "organizations": "vermittlung",
    "rides": "fahrt-telefon",
    "events": "veranstaltung",
    "certificates": "urkunden-empfang",
    "reports": "auswertung",
    "privacy": "dsgvo",
}
# Sub-pages of a tab with a chapter of their own, by class name (no import of the tabs).
SECTION_CHAPTERS: dict[str, str] = {
    "OrdersEditor": "dauerauftrag",
    "HoursPage": "stunden",
    "HoursLedgerPage": "stunden",
}


def manual_path() -> Path:
    """The manual in the package (a checkout, an installed wheel or the Windows bundle)."""
    return paths.resource(*MANUAL_PARTS)


def chapter_for_tab(tab_key: str | None, section: str | None = None) -> str:
    """The chapter for a tab, or for the sub-page open in it (``section``: its class name)."""
    return SECTION_CHAPTERS.get(section or "") or TAB_CHAPTERS.get(tab_key or "", START)
