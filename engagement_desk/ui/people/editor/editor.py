"""The person editor: one person's record on pages, saved as a whole, guarded against loss.

Opened beside the people list (``PeopleTab``). It holds only what services
return (``PersonRecord``, ``PersonSections``, …) and compares the inputs with
what it last loaded to know whether anything is unsaved. Every read and
write runs through ``ctx.ops``; a refused save shows each message at its
field and a summary above the pages, and changes nothing.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import PersonStatus
from engagement_desk.services.errors import FieldError
from engagement_desk.services.hours.corrections import list_hours_corrections
from engagement_desk.services.people.activity import PersonActivity, person_activity
from engagement_desk.services.people.duplicates import DuplicateHit
from engagement_desk.services.people.health import read_mobility_needs
from engagement_desk.services.people.persons import (
    PersonChoice,
    PersonInput,
    PersonRecord,
    PersonView,
    archive_person,
    choice_label,
    create_person,
    get_person_view,
    update_person,
)
from engagement_desk.services.people.sections import MobilityEntry, PersonSections
from engagement_desk.ui.access import Capability, guard_each, guard_inputs
from engagement_desk.ui.certificates.one_person_dialog import OnePersonCertificateDialog
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.hours.ledger_page import HoursCorrections
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.people.editor.activity import ActivityPanel, HoursPanel
from engagement_desk.ui.people.editor.duplicates_dialog import DuplicatesDialog
from engagement_desk.ui.people.editor.header import RecordHeader
from engagement_desk.ui.people.editor.loading import Precheck, precheck
from engagement_desk.ui.people.editor.master_data import MasterDataForm
from engagement_desk.ui.people.editor.pages import ConsentsPage, TimesPage, framed, scrolled
from engagement_desk.ui.people.editor.placements_panel import PlacementsPanel
from engagement_desk.ui.privacy.access_action import AccessReportButton
from engagement_desk.ui.privacy.anonymize_dialog import AnonymizeButton
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR, FieldErrors

Then = Callable[[], Any] | None
TIMES_PAGE = 1
ACTIVITY_TABLES = ("hours_entry", "registration", "ride_passenger", "certificate", "placement")
CONSENTS_PAGE = 2


class PersonEditor(EditorBase, QWidget):
    """Edit, create or archive one person. ``saved(id)`` after every successful write."""

    record_table = "person"

    saved = Signal(int)
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("person_editor")
        self.ctx = ctx
        self.person_id: int | None = None
        self.record: PersonRecord | None = None
        self.shown_sections = PersonSections()
        self.duplicates_dialog: DuplicatesDialog | None = None
        self._generation = Generation()
        self._filling = False
        self._saving = False
        self.errors = FieldErrors(self)

        self.header = RecordHeader()
        self.summary = QLabel()
        self.summary.setObjectName("error_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setStyleSheet(
            f"QLabel {{ color: {ERROR_COLOR.name()}; background: #fdecea; "
            f"border: 1px solid {ERROR_COLOR.name()}; border-radius: 3px; padding: 6px; }}"
        )
        self.summary.hide()

        self.master = MasterDataForm(self.errors)
        self.times = TimesPage(self.errors)
        self.consents_page = ConsentsPage(self.errors)
        self.placements = PlacementsPanel(ctx)
        self.hours = HoursPanel()
        self.activity = ActivityPanel()
        self.pages = QTabWidget()
        self.pages.setObjectName("person_pages")
        self.pages.setDocumentMode(True)
        self.pages.setUsesScrollButtons(True)
        self.pages.addTab(scrolled(self.master, "master_page"), "")
        self.pages.addTab(scrolled(self.times, "times_page"), "")
        self.pages.addTab(scrolled(self.consents_page, "consents_page"), "")
        self.pages.addTab(framed(self.placements, "placements_page"), "")
        self.pages.addTab(framed(self.hours, "hours_page"), "")
        self.pages.addTab(framed(self.activity, "activity_page"), "")

        self.dirty_label = QLabel()
        self.dirty_label.setObjectName("dirty_label")
        self.notice = QLabel()
        self.notice.setObjectName("editor_notice")
        self.archive_button = QPushButton()
        self.archive_button.setObjectName("archive_person")
        self.archive_button.clicked.connect(self.archive)
        self.access_button = AccessReportButton(ctx)
        self.anonymize_button = AnonymizeButton(ctx, self)
        self.anonymize_button.anonymized.connect(self.reload_record)
        self.certificate_button = QPushButton()
        self.certificate_button.setObjectName("person_certificate")
        self.certificate_button.clicked.connect(self.issue_certificate)
        self.certificate_dialog: OnePersonCertificateDialog | None = None
        self.hours_corrections = HoursCorrections(ctx, self)
        self.hours_corrections.on_done = lambda _result: self._placements_changed()
        self.hours.correct_requested.connect(
            lambda entry_id: self.hours_corrections.open_for(entry_id, deleting=False, parent=self)
        )
        self.hours.delete_requested.connect(
            lambda entry_id: self.hours_corrections.open_for(entry_id, deleting=True, parent=self)
        )
        guard_each(ctx, Capability.EDIT_HOURS, self.hours.correct_button, self.hours.delete_button)
        self.close_button = QPushButton()
        self.close_button.setObjectName("close_editor")
        self.close_button.clicked.connect(self.request_close)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_person")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        self.save_action = QAction(self)
        self.save_action.setObjectName("save_person_action")
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        guard_each(ctx, Capability.EDIT_PEOPLE, self.archive_button, self.save_button)
        guard_each(ctx, Capability.EDIT_PEOPLE, self.save_action)
        guard_each(ctx, Capability.PRIVACY, self.access_button, self.anonymize_button)
        guard_each(ctx, Capability.CERTIFICATES, self.certificate_button)
        guard_each(ctx, Capability.HEALTH_DATA, self.times.mobility)
        guard_inputs(ctx, self.pages, Capability.EDIT_PEOPLE)
        self.close_action = QAction(self)
        self.close_action.setObjectName("close_editor_action")
        self.close_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.close_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.close_action.triggered.connect(self.request_close)
        self.addAction(self.save_action)
        self.addAction(self.close_action)

        buttons = QHBoxLayout()
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.access_button)
        buttons.addWidget(self.anonymize_button)
        buttons.addWidget(self.certificate_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.dirty_label)
        buttons.addWidget(self.notice)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        for signal in (
            self.master.changed,
            self.times.availability.changed,
            self.times.absences.changed,
            self.times.mobility.changed,
            self.consents_page.consents.changed,
        ):
            signal.connect(self._edited)
        self.placements.changed.connect(self._placements_changed)
        self.pages.currentChanged.connect(self._page_changed)
        # Hours, rides, events and certificates listed for the person, changed elsewhere.
        follow_changes(ctx, self, ACTIVITY_TABLES, self._placements_changed)
        self.retranslate_ui()
        self._show(None, PersonSections())

    # --- texts ------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        titles = (
            self.tr("Personal data"),
            self.tr("Times && mobility"),
            self.tr("Consents"),
            self.tr("Placements"),
            self.tr("Hours"),
            self.tr("History"),
        )
        for index, text in enumerate(titles):
            self.pages.setTabText(index, text)
        self.pages.setTabToolTip(5, self.tr("Rides, events and certificates"))
        self.pages.setAccessibleName(self.tr("Parts of the person's record"))
        self.archive_button.setText(self.tr("Archive …"))
        self.archive_button.setToolTip(
            self.tr("Archived people leave the selection lists; their history stays.")
        )
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close the record (Esc)"))
        self.certificate_button.setText(self.tr("Issue certificate …"))
        self.certificate_button.setToolTip(
            self.tr("Issue a certificate, engagement statement or attendance certificate")
        )
        self.save_button.setText(self.tr("Sa&ve"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_action.setText(self.tr("Save"))
        self.close_action.setText(self.tr("Close"))
        self.dirty_label.setText(self.tr("Unsaved changes"))
        self._show_header()

    def _show_header(self) -> None:
        record = self.record
        self.header.show_record(record)
        archived = record is not None and record.status == PersonStatus.ARCHIVED
        self.archive_button.setEnabled(record is not None and not archived)
        self.certificate_button.setEnabled(record is not None)
        self.access_button.set_person(record.id if record is not None else None)
        self.anonymize_button.set_person(record.id if record is not None else None)
        for index in (3, 4, 5):
            self.pages.setTabEnabled(index, record is not None)
            self.pages.setTabToolTip(
                index, "" if record is not None else self.tr("Save the person first")
            )

    # --- state ------------------------------------------------------------------

    def snapshot(self) -> tuple[Any, ...]:
        """Everything typed, to compare with what was loaded."""
        return (
            self.master.value(),
            self.master.raw_texts(),
            self.sections(),
            self.times.absences.raw_texts(),
            self.consents_page.consents.raw_texts(),
        )

    def sections(self) -> PersonSections:
        return PersonSections(
            consents=self.consents_page.consents.entries(),
            availabilities=self.times.availability.entries(),
            absences=self.times.absences.entries(),
            mobility=self.times.mobility.value() if self.times.mobility.isEnabled() else None,
        )

    def describe(self) -> str:
        return self.record.display_name if self.record is not None else self.tr("the new person")

    def unsaved_text(self) -> str:
        if self.is_new:
            return self.tr("The new person is not saved yet.")
        return super().unsaved_text()

    @property
    def is_new(self) -> bool:
        return self.person_id is None

    @Slot()
    def _edited(self) -> None:
        if self._filling:
            return
        dirty = self.is_dirty()
        self.dirty_label.setVisible(dirty)
        if dirty:
            self.notice.clear()

    def _show(self, record: PersonRecord | None, sections: PersonSections) -> None:
        self._filling = True
        try:
            self.record = record
            self.person_id = record.id if record is not None else None
            self.shown_sections = sections
            self.master.set_record(record)
            self.times.availability.set_entries(sections.availabilities)
            self.times.absences.set_entries(sections.absences)
            # Health data arrives only when its page is shown (``_read_mobility``).
            self.times.mobility.set_value(sections.mobility or MobilityEntry())
            self.times.mobility.setEnabled(sections.mobility is not None)
            self.consents_page.consents.set_entries(sections.consents)
            self.consents_page.history.form_changed(sections.consents)
        finally:
            self._filling = False
        self.mark_clean()
        self.errors.clear()
        self.summary.hide()
        self.dirty_label.hide()
        self._show_header()

    def revert(self) -> None:
        self._show(self.record, self.shown_sections)

    def reload_record(self) -> None:
        self.reload()

    @Slot()
    def issue_certificate(self) -> None:
        """The one-person certificate dialog with this person chosen."""
        record = self.record
        if record is None:
            return
        from engagement_desk.ui.widgets.pdf_output import PdfOutput

        person = PersonChoice(
            record.id, choice_label(record.last_name, record.first_name, record.city)
        )
        self.certificate_dialog = OnePersonCertificateDialog(
            self.ctx, PdfOutput(), person, parent=self
        )
        self.certificate_dialog.issued.connect(lambda _certificate: self._placements_changed())
        self.certificate_dialog.open()

    # --- opening ----------------------------------------------------------------

    @Slot()
    def new_person(self) -> None:
        self.leave(self._start_new)

    def open_person(self, person_id: int) -> bool:
        """Show a person; False if the person at the desk chose to stay with their changes."""
        if person_id == self.person_id and not self.is_dirty():
            self.reload()
            return True
        return self.leave(functools.partial(self._load, person_id))

    def reload(self) -> None:
        if self.person_id is not None:
            self._load(self.person_id)

    def _start_new(self) -> None:
        self._generation.advance()
        self.notice.clear()
        self._show(None, PersonSections())
        self.consents_page.history.show_history((), ())
        self.placements.set_person(None)
        self.hours.show_activity(None)
        self.activity.show_activity(None)
        self.pages.setCurrentIndex(0)
        self.master.salutation.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self, person_id: int) -> None:
        self._generation.advance()
        self.ctx.ops.query(get_person_view, self.ctx.db, person_id).discard_if_stale(
            self._generation
        ).success(self._loaded).run()

    def _loaded(self, bundle: PersonView) -> None:
        first_show = bundle.record.id != self.person_id
        self._show(bundle.record, bundle.sections)
        self.consents_page.history.show_history(bundle.sections.consents, bundle.consent_history)
        self._read_mobility()
        record = bundle.record
        self.placements.set_person(
            record.id, record.display_name, can_place=record.status != PersonStatus.ARCHIVED
        )
        self.ctx.ops.query(person_activity, self.ctx.db, record.id).discard_if_stale(
            self._generation
        ).success(self._show_activity).run()
        if first_show:
            self.notice.clear()
            if not self.pages.isTabEnabled(self.pages.currentIndex()):
                self.pages.setCurrentIndex(0)

    @Slot(int)
    def _page_changed(self, index: int) -> None:
        self._read_mobility()

    def _read_mobility(self) -> None:
        """Read the mobility needs (and log the read) once their page is on screen."""
        if (
            self.person_id is None
            or self.times.mobility.isEnabled()
            or self.pages.currentIndex() != TIMES_PAGE
            or not self.ctx.access.allows(Capability.HEALTH_DATA)
        ):
            return
        # A write too: the read of health data goes into the audit trail.
        self.ctx.ops.write(read_mobility_needs, self.ctx.db, self.person_id).discard_if_stale(
            self._generation
        ).success(functools.partial(self._mobility_read, self.person_id)).run()

    def _mobility_read(self, person_id: int, needs: MobilityEntry) -> None:
        if person_id != self.person_id or self.times.mobility.isEnabled():
            return
        with self.keeping_clean():
            self._filling = True
            try:
                self.times.mobility.set_value(needs)
                self.times.mobility.setEnabled(True)
            finally:
                self._filling = False
        self.shown_sections = dataclasses.replace(self.shown_sections, mobility=needs)

    def _show_activity(self, activity: PersonActivity) -> None:
        self.hours.show_activity(activity)
        self.activity.show_activity(activity)
        if self.person_id is not None:
            self.ctx.ops.query(
                list_hours_corrections, self.ctx.db, person_id=self.person_id
            ).discard_if_stale(self._generation).success(self.hours.show_corrections).run()

    @Slot()
    def _placements_changed(self) -> None:
        if self.person_id is not None:
            self.ctx.ops.query(person_activity, self.ctx.db, self.person_id).discard_if_stale(
                self._generation
            ).success(self._show_activity).run()

    # --- saving -----------------------------------------------------------------

    def local_errors(self) -> list[FieldError]:
        return (
            self.master.local_errors()
            + self.times.availability.local_errors()
            + self.times.absences.local_errors()
            + self.consents_page.consents.local_errors()
        )

    @Slot()
    def save(self) -> None:
        self.save_then(None)

    def save_then(self, then: Then) -> None:
        """Save what is typed; ``then`` runs after a successful save."""
        if self._saving:  # Ctrl+S twice: the first save is still on its way
            return
        self._saving = True
        self.notice.clear()
        data = self.master.value()
        self.ctx.ops.query(
            precheck,
            self.ctx.db,
            data,
            new=self.person_id is None,
            has_local_errors=bool(self.local_errors()),
        ).success(functools.partial(self._prechecked, data, then)).failure(self._save_failed).run()

    def _prechecked(self, data: PersonInput, then: Then, check: Precheck) -> None:
        self._saving = False
        problems = self.local_errors() + list(check.errors)
        if problems:
            self.show_errors(problems)
            return
        if data != self.master.value():  # typed on while the check ran
            self.save_then(then)
            return
        sections = self.sections()
        if not self._consent_question_passed(sections):
            return
        self._saving = True
        if self.person_id is None:
            self._offer_duplicates(data, sections, then, check.duplicates)
            return
        assert self.record is not None
        self.ctx.ops.write(
            update_person,
            self.ctx.db,
            self.person_id,
            data,
            expected_version=self.record.version,
            sections=sections,
        ).success(functools.partial(self._saved, then)).failure(self._save_failed).run()

    def _consent_question_passed(self, sections: PersonSections) -> bool:
        """A warning, not a block: without any consent the office is asked before saving."""
        if sections.consents:
            return True
        if self.ctx.dialogs.ask(
            self,
            self.tr("No consent"),
            self.tr("No consent is recorded for this person. Save anyway?"),
        ):
            return True
        self.notice.setText(self.tr("Not saved: please record the consent."))
        self.pages.setCurrentIndex(CONSENTS_PAGE)
        return False

    def _offer_duplicates(
        self,
        data: PersonInput,
        sections: PersonSections,
        then: Then,
        duplicates: tuple[DuplicateHit, ...],
    ) -> None:
        if not duplicates:
            self._create(data, sections, then)
            return
        self._saving = False
        dialog = DuplicatesDialog(duplicates, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(self._open_duplicate)
        dialog.create_requested.connect(functools.partial(self._create, data, sections, then))
        dialog.finished.connect(self._duplicates_closed)
        self.duplicates_dialog = dialog
        dialog.open()

    @Slot()
    def _duplicates_closed(self) -> None:
        self.duplicates_dialog = None

    @Slot(int)
    def _open_duplicate(self, person_id: int) -> None:
        self._load(person_id)

    def _create(self, data: PersonInput, sections: PersonSections, then: Then = None) -> None:
        self._saving = True
        self.ctx.ops.write(create_person, self.ctx.db, data, sections).success(
            functools.partial(self._saved, then)
        ).failure(self._save_failed).run()

    def _saved(self, then: Then, record: PersonRecord) -> None:
        self._saving = False
        self.person_id = record.id
        self.record = record
        self.errors.clear()
        self.summary.hide()
        self.notice.setText(self.tr("Saved."))
        self.saved.emit(record.id)
        if then is not None:
            self.mark_clean()
            then()
        else:
            self._load(record.id)

    def _save_failed(self, error: Exception) -> None:
        self._saving = False
        self.save_failed(error)

    def show_field_errors(self, errors: Any) -> None:
        self.show_errors(list(errors))

    def show_errors(self, errors: tuple[FieldError, ...] | list[FieldError]) -> None:
        """Messages at the fields, the first bad one focused, and all of them in the summary."""
        self.errors.show(errors)
        lines = [self.tr("Not saved. Please check:")] + [
            f"• {e.label}: {e.message}" for e in errors
        ]
        self.summary.setText("\n".join(lines))
        self.summary.show()

    # --- archive and close ------------------------------------------------------

    @Slot()
    def archive(self) -> None:
        if self.record is not None and self.record.status != PersonStatus.ARCHIVED:
            self.leave(self._confirm_archive)

    def _confirm_archive(self) -> None:
        record = self.record
        if record is None:
            return
        question = self.tr(
            "Archive %1?\n\nArchived people no longer appear in selection lists and "
            "suggestions. Their hours, rides and certificates stay in the statistics; "
            "nothing is deleted."
        ).replace("%1", record.display_name)
        if not self.ctx.dialogs.ask(self, self.tr("Archive person"), question):
            return
        self.ctx.ops.write(
            archive_person, self.ctx.db, record.id, expected_version=record.version
        ).success(functools.partial(self._saved, None)).failure(self._save_failed).run()

    @Slot()
    def request_close(self) -> None:
        self.leave(self._close)

    def _close(self) -> None:
        self._generation.advance()
        self.closed.emit()
