"""Week-wide actions of the week plan: the week's run sheets and the question before planning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QWidget

from engagement_desk.services.rides.calendar import IsoWeek
from engagement_desk.services.rides.planning import WeekPlanState
from engagement_desk.services.rides.prints.printouts import PrintOut
from engagement_desk.services.rides.prints.week_sheets import (
    DriverWeekFile,
    week_run_sheets_printout,
    write_week_run_sheets_per_driver,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.widgets.pdf_output import PdfOutput
from engagement_desk.ui.widgets.pdf_preview import PdfPreviewDialog

FOLDER_SETTING = "rides/run_sheet_folder"
translate = QCoreApplication.translate

KEEP, REASSIGN, CANCEL = range(3)


class WeekRunSheets(QObject):
    """*Laufzettel der Woche …*: all drivers in one PDF (preview), or one PDF per driver."""

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.output: PdfOutput | None = None
        """The print seam given to the preview (tests pass a recorder)."""
        self.preview: PdfPreviewDialog | None = None
        self.written: list[DriverWeekFile] = []

    def start(self, week: IsoWeek, service_id: int | None) -> None:
        title = self.tr("Run sheets of %1").replace("%1", week.title)
        choice = self.ctx.dialogs.choose(
            self.parent_widget,
            title,
            self.tr("All drivers' run sheets of the week: in one PDF, or one PDF per driver?"),
            [self.tr("One PDF"), self.tr("One PDF per driver…"), self.tr("Cancel")],
        )
        if choice == 0:
            self.ctx.ops.write(
                week_run_sheets_printout, self.ctx.db, week, service_id=service_id
            ).with_progress(self.parent_widget, title).success(self._show).run()
        elif choice == 1:
            folder = self.ctx.dialogs.directory_path(
                self.parent_widget,
                self.tr("Folder for the run sheets"),
                str(self.ctx.settings.value(FOLDER_SETTING, str(Path.home()))),
            )
            if not folder:
                return
            self.ctx.settings.setValue(FOLDER_SETTING, folder)
            self.ctx.ops.write(
                write_week_run_sheets_per_driver,
                self.ctx.db,
                week,
                Path(folder),
                service_id=service_id,
            ).with_progress(self.parent_widget, title).success(self._written).run()

    @Slot(object)
    def _show(self, printout: PrintOut) -> None:
        if self.preview is not None:
            self.preview.close()
        self.preview = PdfPreviewDialog(
            self.ctx,
            printout.title,
            printout.data,
            self.parent_widget,
            file_name=printout.file_name,
            output=self.output,
        )
        self.preview.open()

    @Slot(object)
    def _written(self, files: list[DriverWeekFile]) -> None:
        self.written = list(files)
        folder = files[0].path.parent if files else ""
        self.ctx.dialogs.inform(
            self.parent_widget,
            self.tr("Run sheets written"),
            self.tr("%1 run sheets (one per driver) are in %2.")
            .replace("%1", str(len(files)))
            .replace("%2", str(folder)),
        )


def ask_keep_manual(
    ctx: AppContext, parent: QWidget, state: WeekPlanState, week_title: str
) -> bool | None:
    """Before planning a planned week: True keep assignments made by hand, False reassign them,
    None plan nothing."""
    if not state.planned:
        return True
    title = translate("WeekActions", "Plan week")
    if state.manual == 0:
        question = translate("WeekActions", "%1 is already planned. Plan it again?")
        question = question.replace("%1", week_title)
        return True if ctx.dialogs.ask(parent, title, question) else None
    if state.manual == 1:
        question = translate(
            "WeekActions", "%1 is already planned. 1 ride was assigned by hand: keep it?"
        )
    else:
        question = translate(
            "WeekActions", "%1 is already planned. %2 rides were assigned by hand: keep them?"
        )
    question = question.replace("%1", week_title).replace("%2", str(state.manual))
    choice = ctx.dialogs.choose(
        parent,
        title,
        question,
        [
            translate("WeekActions", "Keep"),
            translate("WeekActions", "Reassign"),
            translate("WeekActions", "Cancel"),
        ],
    )
    return {KEEP: True, REASSIGN: False}.get(choice)
