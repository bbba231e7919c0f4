"""Issue certificates: kind and selection, the people it yields, a preview, the batch."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import (
    IssueOptions,
    IssueResult,
    Selection,
    SelectionResult,
    issue_certificates,
    preview_certificate,
    select_recipients,
)
from engagement_desk.services.certificates.choices import SelectionChoices, selection_choices
from engagement_desk.services.errors import Cancelled
from engagement_desk.services.people.persons import PersonChoice
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.certificates.candidates import CandidatesModel, hours_text
from engagement_desk.ui.certificates.one_person_dialog import OnePersonCertificateDialog
from engagement_desk.ui.certificates.sources import parse_anniversaries, rule_titles
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_date, format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.letters.dialog import open_batch_letters
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR
from engagement_desk.ui.widgets.pdf_output import PdfOutput
from engagement_desk.ui.widgets.pdf_view import PdfPreview

RELOAD_DELAY_MS = 300
PDF_FILTER = "PDF (*.pdf)"


class IssuePage(Retranslatable, QWidget):
    """The first sub-tab of Urkunden: choose, look, preview, issue, print."""

    certificate_issued = Signal(object)  # one certificate from *For one person …*

    def __init__(self, ctx: AppContext, output: PdfOutput, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("certificate_issue_page")
        self.ctx = ctx
        self.output = output
        self.result: IssueResult | None = None
        self.selection_result: SelectionResult | None = None
        self._loads = Generation()
        self._previews = Generation()
        self._choices_loaded = False

        # --- the selection ------------------------------------------------
        self.kind = QComboBox()
        self.kind.setObjectName("certificate_kind")
        for kind in CertificateKind:
            self.kind.addItem("", kind)
        self.source = QComboBox()
        self.source.setObjectName("certificate_source")
        self.source.addItem("", None)
        for rule_id, title in rule_titles():
            self.source.addItem(title, rule_id)
        today = dt.date.today()
        self.year = QSpinBox()
        self.year.setObjectName("certificate_year")
        self.year.setRange(1950, today.year)
        self.year.setValue(today.year - 1 if today.month < 7 else today.year)
        self.min_hours = QDoubleSpinBox()
        self.min_hours.setObjectName("certificate_min_hours")
        self.min_hours.setRange(0, 5000)
        self.min_hours.setDecimals(1)
        self.min_hours.setSingleStep(10)
        self.center = QComboBox()
        self.center.setObjectName("certificate_center")
        self.center.addItem("", None)
        self.event_choice = QComboBox()
        self.event_choice.setObjectName("certificate_event")
        self.event_choice.addItem("", None)
        self.event_choice.setMaximumWidth(320)
        self.anniversaries = QLineEdit()
        self.anniversaries.setObjectName("certificate_anniversaries")
        self.competences = QLineEdit()
        self.competences.setObjectName("certificate_competences")

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._captions: dict[str, QLabel] = {}
        for key, widget in (
            ("kind", self.kind),
            ("source", self.source),
            ("year", self.year),
            ("min_hours", self.min_hours),
            ("center", self.center),
            ("event", self.event_choice),
            ("anniversaries", self.anniversaries),
            ("competences", self.competences),
        ):
            caption = QLabel()
            caption.setBuddy(widget)
            self._captions[key] = caption
            self.form.addRow(caption, widget)
        self.selection_error = QLabel()
        self.selection_error.setObjectName("certificate_selection_error")
        self.selection_error.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.selection_error.setWordWrap(True)
        self.selection_error.hide()
        self.selection_box = QGroupBox()
        box_layout = QVBoxLayout(self.selection_box)
        box_layout.addLayout(self.form)
        box_layout.addWidget(self.selection_error)
        box_layout.addStretch(1)

        # --- the output ---------------------------------------------------
        self.one_file = QRadioButton()
        self.one_file.setObjectName("certificate_one_file")
        self.one_file.setChecked(True)
        self.separate_files = QRadioButton()
        self.separate_files.setObjectName("certificate_separate_files")
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("certificate_issue")
        self.issue_button.setEnabled(False)
        self.issue_button.clicked.connect(self.issue)
        guard_each(ctx, Capability.CERTIFICATES, self.issue_button)
        self.one_person_button = QPushButton()
        self.one_person_button.setObjectName("certificate_one_person")
        self.one_person_button.clicked.connect(lambda: self.issue_for_one_person())
        self.one_person_dialog: OnePersonCertificateDialog | None = None
        self.output_box = QGroupBox()
        output_layout = QVBoxLayout(self.output_box)
        output_layout.addWidget(self.one_file)
        output_layout.addWidget(self.separate_files)
        output_layout.addWidget(self.issue_button)
        self.result_label = QLabel()
        self.result_label.setObjectName("certificate_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        output_layout.addWidget(self.result_label)
        result_buttons = QHBoxLayout()
        self.open_button = QPushButton()
        self.open_button.setObjectName("certificate_open")
        self.open_button.clicked.connect(self.open_result)
        self.print_button = QPushButton()
        self.print_button.setObjectName("certificate_print")
        self.print_button.clicked.connect(self.print_result)
        self.save_as_button = QPushButton()
        self.save_as_button.setObjectName("certificate_save_as")
        self.save_as_button.clicked.connect(self.save_result_as)
        self.letters_button = QPushButton()
        self.letters_button.setObjectName("certificate_letters")
        self.letters_button.clicked.connect(self.letters_to_recipients)
        for button in (self.open_button, self.print_button, self.save_as_button):
            result_buttons.addWidget(button)
        result_buttons.addWidget(self.letters_button)
        output_layout.addLayout(result_buttons)
        self._show_result_buttons(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.one_person_button)
        left_layout.addWidget(self.selection_box, 1)
        left_layout.addWidget(self.output_box)

        # --- the people and the preview ------------------------------------
        self.model = CandidatesModel(self)
        self.table = QTableView()
        self.table.setObjectName("certificate_candidates")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        char = self.table.fontMetrics().averageCharWidth()
        header.resizeSection(0, 26 * char)
        header.resizeSection(1, 10 * char + 16)
        header.resizeSection(2, 15 * char + 16)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._candidate_chosen)
        self.count_label = QLabel()
        self.count_label.setObjectName("certificate_count")
        self.count_label.setWordWrap(True)  # the period and filters make it long
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.table, 1)
        middle_layout.addWidget(self.count_label)

        self.preview = PdfPreview()
        self.preview.setObjectName("certificate_preview")
        self.preview.setMinimumWidth(260)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([340, 520, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.load_candidates)
        for signal in (
            self.kind.currentIndexChanged,
            self.source.currentIndexChanged,
            self.year.valueChanged,
            self.min_hours.valueChanged,
            self.center.currentIndexChanged,
            self.event_choice.currentIndexChanged,
            self.anniversaries.textChanged,
        ):
            signal.connect(self._selection_edited)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.retranslate_ui()
        self._kind_changed()

    # --- texts -----------------------------------------------------------

    def retranslate_ui(self) -> None:
        for i in range(self.kind.count()):
            self.kind.setItemText(i, enum_label(CertificateKind, self.kind.itemData(i)))
        self.source.setItemText(0, self.tr("Hours in the year"))
        self.center.setItemText(0, self.tr("All centres"))
        self.event_choice.setItemText(0, self.tr("No event"))
        captions = {
            "kind": self.tr("&Kind:"),
            "source": self.tr("&Who:"),
            "year": self.tr("&Year:"),
            "min_hours": self.tr("&Minimum hours:"),
            "center": self.tr("C&entre:"),
            "event": self.tr("&Training / event:"),
            "anniversaries": self.tr("A&nniversaries:"),
            "competences": self.tr("&Competences:"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
            self._captions[key].buddy().setAccessibleName(text.replace("&", "").rstrip(":"))
        self.min_hours.setSpecialValueText(self.tr("any"))
        self.min_hours.setSuffix(self.tr(" h"))
        self.anniversaries.setPlaceholderText(self.tr("e.g. 5, 10, 25 years"))
        self.competences.setPlaceholderText(self.tr("e.g. teamwork, responsibility"))
        self.selection_box.setTitle(self.tr("Selection"))
        self.output_box.setTitle(self.tr("Issue"))
        self.one_file.setText(self.tr("All in &one PDF file"))
        self.separate_files.setText(self.tr("One &file each, into a folder"))
        self.issue_button.setText(self.tr("&Issue and register …"))
        self.one_person_button.setText(self.tr("For one &person …"))
        self.one_person_button.setToolTip(
            self.tr(
                "Choose one person, look at the preview, then issue one certificate "
                "(or double-click a person in the list)"
            )
        )
        self.open_button.setText(self.tr("&Open"))
        self.print_button.setText(self.tr("&Print …"))
        self.save_as_button.setText(self.tr("&Save as …"))
        self.letters_button.setText(self.tr("&Letters …"))
        self.letters_button.setToolTip(
            self.tr("Cover letters or address labels for the recipients of these certificates")
        )
        self.table.setAccessibleName(self.tr("People the selection yields"))
        self.model.retranslate()
        self._update_count()
        if not self.preview.pdf:
            self.preview.clear(self.tr("Choose a person in the list to see the certificate."))

    def _update_count(self) -> None:
        result = self.selection_result
        if result is None:
            self.count_label.setText(self.tr("Loading …"))
            return
        count = len(result.candidates)
        total = sum((c.hours for c in result.candidates), Decimal(0))
        period = f"{format_date(result.period.start)} – {format_date(result.period.end)}"
        text = self.tr("1 person, period %2") if count == 1 else self.tr("%1 people, period %2")
        text = text.replace("%1", format_int(count)).replace("%2", period)
        if total:
            text += " · " + self.tr("%1 hours in all").replace("%1", hours_text(total))
        self.count_label.setText(text)

    # --- loading -----------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._choices_loaded:
            self.load()

    def load(self) -> None:
        """Fill the centre and event choices, then the list of people."""
        self._choices_loaded = True
        self.ctx.ops.query(selection_choices, self.ctx.db).success(self._choices_arrived).run()
        self.load_candidates()

    @Slot(object)
    def _choices_arrived(self, choices: SelectionChoices) -> None:
        for combo, items in ((self.center, choices.centers), (self.event_choice, choices.events)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(combo.count() - 1)
            for item in items:
                combo.addItem(item.label, item.id)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def current_kind(self) -> CertificateKind:
        return CertificateKind(self.kind.currentData())

    def current_selection(self) -> Selection:
        """The selection as typed; raises ValueError for unreadable anniversaries."""
        minimum = self.min_hours.value()
        return Selection(
            year=self.year.value(),
            min_hours=Decimal(str(round(minimum, 1))) if minimum > 0 else None,
            center_id=self.center.currentData(),
            event_id=self.event_choice.currentData(),
            anniversaries=parse_anniversaries(self.anniversaries.text()),
            rule_id=self.source.currentData(),
        )

    @Slot()
    def _selection_edited(self) -> None:
        self._reload_timer.start()

    @Slot()
    def _kind_changed(self) -> None:
        statement = self.current_kind() == CertificateKind.STATEMENT
        self.competences.setEnabled(statement)

    @Slot()
    def load_candidates(self) -> None:
        self._reload_timer.stop()
        self._loads.advance()
        self._show_selection_error("")
        try:
            selection = self.current_selection()
        except ValueError:
            self._show_selection_error(
                self.tr("Anniversaries: please give whole years, e.g. 5, 10, 25.")
            )
            self._set_result(None)
            return
        self.selection_result = None
        self._update_count()
        (
            self.ctx.ops.query(select_recipients, self.ctx.db, self.current_kind(), selection)
            .discard_if_stale(self._loads)
            .success(self._set_result)
            .failure(self._load_failed)
            .run()
        )

    @Slot(object)
    def _set_result(self, result: SelectionResult | None) -> None:
        self.selection_result = result
        self.model.set_candidates(result.candidates if result else ())
        self.issue_button.setEnabled(bool(result and result.candidates))
        self._update_count()
        if result and result.candidates:
            self.table.selectRow(0)
        else:
            self._previews.advance()
            self.preview.clear(self.tr("Nobody meets the chosen conditions."))
        if result is None:
            self.count_label.setText("")

    @Slot(object)
    def _load_failed(self, error: Exception) -> None:
        self._set_result(None)
        self._show_selection_error(str(error))

    def _show_selection_error(self, text: str) -> None:
        self.selection_error.setText(text)
        self.selection_error.setVisible(bool(text))

    # --- preview -----------------------------------------------------------

    def selected_person_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.candidates[rows[0].row()].person_id

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_: object) -> None:
        self.show_preview()

    def show_preview(self) -> None:
        person_id = self.selected_person_id()
        self._previews.advance()
        if person_id is None:
            return
        try:
            selection = self.current_selection()
        except ValueError:
            return
        self.preview.clear(self.tr("Preparing the preview …"))
        (
            self.ctx.ops.query(
                preview_certificate,
                self.ctx.db,
                self.current_kind(),
                person_id,
                selection,
                options=IssueOptions(competences=self.competences.text().strip()),
            )
            .discard_if_stale(self._previews)
            .success(self._preview_arrived)
            .failure(self._preview_failed)
            .run()
        )

    @Slot(object)
    def _preview_arrived(self, pdf: bytes) -> None:
        self.preview.set_pdf(pdf)

    @Slot(object)
    def _preview_failed(self, error: Exception) -> None:
        self.preview.clear(str(error))

    # --- issuing -------------------------------------------------------------

    def choose_folder(self) -> str | None:
        """A folder for separate files."""
        return self.ctx.dialogs.directory_path(
            self, self.tr("Folder for the certificates"), str(Path.home())
        )

    @Slot(QModelIndex)
    def _candidate_chosen(self, index: QModelIndex) -> None:
        candidate = self.model.candidates[index.row()]
        label = f"{candidate.last_name}, {candidate.first_name}"
        self.issue_for_one_person(PersonChoice(candidate.person_id, label))

    def issue_for_one_person(self, person: PersonChoice | None = None) -> None:
        dialog = OnePersonCertificateDialog(self.ctx, self.output, person, parent=self)
        dialog.issued.connect(self.certificate_issued)
        self.one_person_dialog = dialog
        dialog.open()

    @Slot()
    def issue(self) -> None:
        result = self.selection_result
        if not result or not result.candidates:
            return
        try:
            selection = self.current_selection()
        except ValueError:
            return
        kind = self.current_kind()
        count = len(result.candidates)
        if self.one_file.isChecked():
            suggested = f"{enum_label(CertificateKind, kind)} {self.year.value()}.pdf"
            path = self.ctx.dialogs.save_path(
                self, self.tr("Save the certificates as"), suggested, PDF_FILTER
            )
            if not path:
                return
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            target = {"single_file": Path(path)}
        else:
            folder = self.choose_folder()
            if not folder:
                return
            target = {"out_dir": Path(folder)}
        question = (
            self.tr("Issue %1 certificates with new numbers and enter them in the register?")
            if count != 1
            else self.tr("Issue 1 certificate with a new number and enter it in the register?")
        ).replace("%1", format_int(count))
        if count != 1:
            question += " " + self.tr("For a single person, use “For one person …”.")
        if not self.ctx.dialogs.ask(self, self.tr("Issue certificates"), question):
            return
        self.result = None
        self._show_result_buttons(False)
        self.result_label.setText("")
        self.issue_button.setEnabled(False)
        (
            self.ctx.ops.write(
                issue_certificates,
                self.ctx.db,
                kind,
                selection,
                options=IssueOptions(competences=self.competences.text().strip()),
                **target,
            )
            .with_progress(self, self.tr("Issuing certificates …"))
            .success(self._issued)
            .failure(self._issue_failed)
            .run()
        )

    @Slot(object)
    def _issued(self, result: IssueResult) -> None:
        self.result = result
        self.issue_button.setEnabled(True)
        numbers = [c.number for c in result.certificates]
        where = str(result.files[0]) if len(result.files) == 1 else str(result.files[0].parent)
        text = (
            self.tr("%1 certificates issued (%2 to %3), saved in %4.")
            if len(numbers) != 1
            else self.tr("1 certificate issued (%2), saved in %4.")
        )
        text = (
            text.replace("%1", format_int(len(numbers)))
            .replace("%2", numbers[0] if numbers else "")
            .replace("%3", numbers[-1] if numbers else "")
            .replace("%4", where)
        )
        if result.refused:
            heading = self.tr("Not issued, no number taken (the name cannot be printed):")
            text = "\n".join([text, heading, *(r.message for r in result.refused)])
        self.result_label.setText(text)
        self._show_result_buttons(True)
        self.save_as_button.setVisible(len(result.files) == 1)

    @Slot(object)
    def _issue_failed(self, error: Exception) -> None:
        self.issue_button.setEnabled(
            bool(self.selection_result and self.selection_result.candidates)
        )
        if isinstance(error, Cancelled):
            self.result_label.setText(self.tr("Cancelled. No certificate was issued."))
            return
        self.ctx.ops.show_error(error, self)

    def _show_result_buttons(self, visible: bool) -> None:
        for button in (
            self.open_button,
            self.print_button,
            self.save_as_button,
            self.letters_button,
        ):
            button.setVisible(visible)

    @Slot()
    def letters_to_recipients(self) -> None:
        if self.result is not None and self.result.certificates:
            number = self.result.certificates[0].number
            self.letters = open_batch_letters(self.ctx, self, number)

    @Slot()
    def open_result(self) -> None:
        if self.result is None or not self.result.files:
            return
        files = self.result.files
        self.output.open_file(files[0] if len(files) == 1 else files[0].parent)

    @Slot()
    def print_result(self) -> None:
        if self.result is None or not self.result.files:
            return
        self.output.print_pdfs(self, list(self.result.files), self.tr("Print certificates"))

    @Slot()
    def save_result_as(self) -> None:
        if self.result is None or len(self.result.files) != 1:
            return
        source = self.result.files[0]
        path = self.ctx.dialogs.save_path(self, self.tr("Save as"), source.name, PDF_FILTER)
        if not path:
            return
        try:
            shutil.copyfile(source, path)
        except OSError as error:
            self.ctx.ops.show_error(error, self)
