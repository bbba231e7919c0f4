"""Step 2: which column of the file holds which field; recognised columns are preset."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from engagement_desk.services.people.importing import RawTable, suggest_mapping
from engagement_desk.services.people.importing.columns import MULTI_COLUMN_FIELDS, REQUIRED_FIELDS
from engagement_desk.services.people.importing.rows import text_of
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.people.import_wizard.fields import field_label, target_fields
from engagement_desk.ui.people.import_wizard.notice import Notice
from engagement_desk.ui.people.import_wizard.state import ImportState

EXAMPLES = 3
EXAMPLE_CHARS = 60


class ImportMappingPage(Retranslatable, QWizardPage):
    def __init__(self, state: ImportState):
        super().__init__()
        self.state = state
        self.setObjectName("import_mapping_page")
        self._table: RawTable | None = None
        self._combos: dict[str, QComboBox] = {}
        self._labels: dict[str, tuple[QLabel, QLabel]] = {}

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.grid_widget = QWidget()
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(16)
        self.column_title = QLabel()
        self.example_title = QLabel()
        self.field_title = QLabel()
        bold = QFont(self.font())
        bold.setBold(True)
        for column, title in enumerate((self.column_title, self.field_title, self.example_title)):
            title.setFont(bold)
            self.grid.addWidget(title, 0, column)
        scroll = QScrollArea()
        scroll.setObjectName("import_mapping_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_widget)
        self.problem = Notice("import_mapping_problem")
        self.problem.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Assign the columns"))
        self.setSubTitle(
            self.tr("Choose for each column of the file which field it fills, or ignore it.")
        )
        self.intro.setText(
            self.tr(
                "Columns whose titles were recognised are already assigned. Columns set "
                "to “ignore” are not imported. A house number column is joined to the street."
            )
        )
        self.column_title.setText(self.tr("Column in the file"))
        self.example_title.setText(self.tr("Examples"))
        self.field_title.setText(self.tr("Import as"))
        for combo in self._combos.values():
            combo.setItemText(0, self.tr("– ignore –"))
            for index, field in enumerate(target_fields(), start=1):
                combo.setItemText(index, field_label(field))
        self._check()

    # --- the rows ------------------------------------------------------------

    def initializePage(self) -> None:
        table = self.state.table
        if table is not None and table is not self._table:
            self._table = table
            self._build(table, suggest_mapping(table.headers))
        if self._combos:
            next(iter(self._combos.values())).setFocus()
        self._check()

    def _build(self, table: RawTable, suggested: Mapping[str, str | None]) -> None:
        while self.grid.count() > 3:
            item = self.grid.takeAt(3)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._combos = {}
        self._labels = {}
        fields = target_fields()
        for row, header in enumerate(table.headers, start=1):
            name = QLabel(header)
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            examples = QLabel(_examples(table, row - 1))
            examples.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            combo = QComboBox()
            combo.setObjectName(f"import_field_{row}")
            combo.setAccessibleName(header)
            combo.addItem(self.tr("– ignore –"), None)
            for field in fields:
                combo.addItem(field_label(field), field)
            chosen = suggested.get(header)
            combo.setCurrentIndex(fields.index(chosen) + 1 if chosen in fields else 0)
            combo.currentIndexChanged.connect(self._check)
            name.setBuddy(combo)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(combo, row, 1)
            self.grid.addWidget(examples, row, 2)
            self._combos[header] = combo
            self._labels[header] = (name, examples)
        self.grid.setRowStretch(len(table.headers) + 1, 1)

    # --- what was chosen -------------------------------------------------------

    def combo(self, header: str) -> QComboBox:
        return self._combos[header]

    def set_field(self, header: str, field: str | None) -> None:
        """Assign ``header`` to ``field`` (None: ignore it)."""
        combo = self._combos[header]
        combo.setCurrentIndex(max(combo.findData(field), 0) if field else 0)

    def mapping(self) -> dict[str, str | None]:
        return {header: combo.currentData() for header, combo in self._combos.items()}

    def problems(self) -> list[str]:
        mapping = self.mapping()
        found = []
        for field in REQUIRED_FIELDS:
            if field not in mapping.values():
                found.append(
                    self.tr("Assign a column to “%1”: without it nothing can be imported.").replace(
                        "%1", field_label(field)
                    )
                )
        columns: dict[str, list[str]] = {}
        for header, field in mapping.items():
            if field is not None and field not in MULTI_COLUMN_FIELDS:
                columns.setdefault(field, []).append(header)
        for field, headers in columns.items():
            if len(headers) > 1:
                found.append(
                    self.tr("“%1” is assigned to more than one column: %2.")
                    .replace("%1", field_label(field))
                    .replace("%2", ", ".join(headers))
                )
        return found

    @Slot()
    def _check(self) -> None:
        for header, combo in self._combos.items():
            for label in self._labels[header]:
                label.setEnabled(combo.currentData() is not None)  # ignored columns look so
        problems = self.problems() if self._combos else []
        self.problem.show_error("\n".join(problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self._combos) and not self.problems()

    def validatePage(self) -> bool:
        self.state.mapping = self.mapping()
        return True


def _examples(table: RawTable, column: int) -> str:
    values: list[str] = []
    for row in table.rows:
        if column < len(row.cells):
            text = text_of(row.cells[column])
            if text and text not in values:
                values.append(text)
        if len(values) == EXAMPLES:
            break
    joined = " · ".join(values)
    return joined if len(joined) <= EXAMPLE_CHARS else joined[: EXAMPLE_CHARS - 1] + "…"
