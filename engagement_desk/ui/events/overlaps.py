"""After an event or a shift moved: tell who is now busy elsewhere at the new time."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from engagement_desk.services.events.conflicts import PersonConflicts
from engagement_desk.ui.context import AppContext

SHOWN_PEOPLE = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("EventOverlaps", text)


def overlap_text(conflicts: Sequence[PersonConflicts]) -> str:
    lines = [
        f"• {person.name}: {warning.message}"
        for person in conflicts[:SHOWN_PEOPLE]
        for warning in person.warnings
    ]
    text = _tr("At the new time these registered people are busy elsewhere:\n\n%1").replace(
        "%1", "\n".join(lines)
    )
    if len(conflicts) > SHOWN_PEOPLE:
        more = QCoreApplication.translate(
            "EventOverlaps", "… and %n more.", "", len(conflicts) - SHOWN_PEOPLE
        )
        text += "\n" + more
    return text


def warn_about_overlaps(
    ctx: AppContext, parent: QWidget, conflicts: Sequence[PersonConflicts]
) -> None:
    if conflicts:
        ctx.dialogs.warn(parent, _tr("Overlaps after the change"), overlap_text(conflicts))
