"""The editor's pages that are put together from smaller parts, and the page frame."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from engagement_desk.ui.people.editor.consent_history import ConsentHistory
from engagement_desk.ui.people.editor.mobility import MobilityForm
from engagement_desk.ui.people.editor.sections import AbsenceRows, AvailabilityRows, ConsentRows
from engagement_desk.ui.widgets.field_errors import FieldErrors

PAGE_MARGIN = 10


def scrolled(content: QWidget, name: str) -> QScrollArea:
    """A page that scrolls when the window is small; spare height stays below the form."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
    box.addWidget(content)
    box.addStretch(1)
    page = QScrollArea()
    page.setObjectName(name)
    page.setWidgetResizable(True)
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setWidget(holder)
    return page


class TimesPage(QWidget):
    """Availability, absences and mobility needs."""

    def __init__(self, errors: FieldErrors):
        super().__init__()
        self.availability = AvailabilityRows()
        self.absences = AbsenceRows()
        self.mobility = MobilityForm()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(errors.cell("availabilities", self.availability))
        layout.addWidget(errors.cell("absences", self.absences))
        layout.addWidget(self.mobility)
        layout.addStretch(1)


class ConsentsPage(QWidget):
    """The DSGVO consents, one line per purpose, and below them their history."""

    def __init__(self, errors: FieldErrors):
        super().__init__()
        self.consents = ConsentRows()
        self.history = ConsentHistory()
        self.consents.changed.connect(self._form_changed)
        self.history.give_again_requested.connect(self.consents.give_again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(errors.cell("consents", self.consents))
        layout.addWidget(self.history)
        layout.addStretch(1)

    def _form_changed(self) -> None:
        self.history.form_changed(self.consents.entries())


def framed(content: QWidget, name: str) -> QWidget:
    """A page that fills itself (lists and tables) with the usual margins."""
    holder = QWidget()
    holder.setObjectName(name)
    box = QVBoxLayout(holder)
    box.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
    box.addWidget(content)
    return holder
