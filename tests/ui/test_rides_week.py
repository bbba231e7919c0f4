"""The Fahrdienst tab as a dispatcher uses it: plan, override, close rides, phone intake, prints."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pdf_helpers import RecordingPdfOutput
from PySide6.QtCore import Qt
from ride_helpers import (
    PLAIN_WEEK,
    RP_HOLIDAY_WEEK,
    agency,
    driver,
    order,
    passenger,
    service,
)
from sqlalchemy import select
from ui_helpers import RecordingDialogs

from engagement_desk.db import Database
from engagement_desk.models import AuditEntry, Ride, StandbyDriver
from engagement_desk.models.enums import AuditAction, RideStatus
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.prints.printouts import run_sheet_printout
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.ride_cards import PIN
from engagement_desk.ui.rides.tab import RidesTab, create_rides_tab
from engagement_desk.ui.rides.week_view import WeekView
from engagement_desk.ui.widgets.pdf_preview import PdfPreviewDialog

WEEK = parse_week(PLAIN_WEEK)
TUESDAY = WEEK.monday + dt.timedelta(days=1)


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    """Tuesday rides: one a driver can take, one needs a wheelchair place, one at 22:00."""
    agency(db)
    sid = service(db)
    gerda = passenger(db, "Gerda", "Groß")
    order(db, sid, gerda, destination="Wochenmarkt")
    order(db, sid, passenger(db, "Rita", "Rad", wheelchair=True), wheelchair=True)
    order(db, sid, passenger(db, "Udo", "Uhr"), pickup=dt.time(22, 0), destination="Kino")
    anna = driver(db, "Anna", "Becker", windows=((1, dt.time(8, 0), dt.time(12, 0)),))
    sam = driver(db, "Sam", "Bereit", windows=((1, dt.time(8, 0), dt.time(12, 0)),))
    with db.session() as session:
        session.add(StandbyDriver(service_id=sid, on_date=TUESDAY, driver_id=sam))
    return {"service": sid, "gerda": gerda, "anna": anna, "sam": sam}


def planned_view(ctx: AppContext, qtbot) -> WeekView:
    view = WeekView(ctx, today=WEEK.monday)
    qtbot.addWidget(view)
    view.plan_this_week()
    return view


def ride_by_passenger(view: WeekView, name: str):
    assert view.overview is not None
    return next(r for r in view.shown_rides() if name in r.passenger_names)


def test_planning_fills_the_grid_and_lists_open_rides_with_reasons(
    ctx: AppContext, office: dict[str, int], qtbot
) -> None:
    view = planned_view(ctx, qtbot)
    assert view.week_edit.text() == PLAIN_WEEK
    tuesday = view.days[1]
    assert tuesday.day == TUESDAY
    assert tuesday.header.text() == "Di 03.03."
    assert len(tuesday.ride_ids()) == 3
    assert all(not view.days[i].ride_ids() for i in (0, 2, 3, 4, 5, 6))
    assert "Sam Bereit" in tuesday.standby.text()
    gerda = ride_by_passenger(view, "Gerda")
    assert gerda.status == RideStatus.ASSIGNED and gerda.driver_name == "Anna Becker"
    reasons = sorted(view.unassigned.item(i).text() for i in range(view.unassigned.count()))
    assert len(reasons) == 2
    assert "Kein/e Fahrer/in ist an diesem Tag von 22:00 bis 23:00 Uhr verfügbar." in reasons[1]
    assert "Rollstuhlplatz" in reasons[0]
    card = tuesday.model.index(0).data()
    assert "Anna Becker" in card and "Wochenmarkt" in card
    assert "planned" in view.summary.text() or "geplant" in view.summary.text()
    # the open ride is selected from the list of reasons
    view.unassigned.itemClicked.emit(view.unassigned.item(1))
    assert view.selected_ride is not None and "Udo" in view.selected_ride.passenger_names


def test_holidays_are_named_and_weeks_can_be_browsed(
    ctx: AppContext, office: dict[str, int], qtbot
) -> None:
    view = WeekView(ctx, today=WEEK.monday)
    qtbot.addWidget(view)
    view.week_edit.setText(RP_HOLIDAY_WEEK)
    view.week_edit.editingFinished.emit()
    assert view.week.label == RP_HOLIDAY_WEEK
    thursday = view.days[3]
    assert thursday.holiday.text() == "Fronleichnam" and not thursday.holiday.isHidden()
    view.next_week()
    assert view.week.label == "2026-W24"
    view.previous_week()
    view.previous_week()
    assert view.week.label == "2026-W22"
    view.week_edit.setText("keine Woche")
    view.week_edit.editingFinished.emit()
    assert view.week.label == "2026-W22"
    assert "Kalenderwoche" in ctx.dialogs.texts("warn")[-1]


def test_override_with_broken_rule_asks_and_assigns_by_hand(
    ctx: AppContext, dialogs: RecordingDialogs, office: dict[str, int], qtbot
) -> None:
    view = planned_view(ctx, qtbot)
    late = ride_by_passenger(view, "Udo")
    assert view.select_ride(late.id)
    view.driver_combo.setCurrentIndex(view.driver_combo.findData(office["anna"]))
    dialogs.answers = [False]
    view.assign_selected()
    question = dialogs.texts("ask")[-1]
    assert "nicht als verfügbar eingetragen" in question
    assert ride_by_passenger(view, "Udo").driver_id is None
    dialogs.answers = [True]
    view.assign_selected()
    assigned = ride_by_passenger(view, "Udo")
    assert assigned.driver_id == office["anna"] and assigned.assigned_manually
    assert assigned.status == RideStatus.ASSIGNED
    model = view.days[1].model
    card = model.index(model.row_of(assigned.id)).data()
    assert PIN in card
    # replanning keeps the manual assignment
    view.plan_this_week()
    assert ride_by_passenger(view, "Udo").driver_id == office["anna"]


def test_mark_done_with_km_and_reopen(
    ctx: AppContext, db: Database, office: dict[str, int], qtbot
) -> None:
    view = planned_view(ctx, qtbot)
    gerda = ride_by_passenger(view, "Gerda")
    view.select_ride(gerda.id)
    assert view.done_button.isEnabled()
    view.mark_done_selected()
    dialog = view.done_dialog
    assert dialog is not None
    dialog.km.setText("viel")
    dialog.submit()
    assert "km" in dialog.form.error_text("km")
    dialog.km.setText("12,5")
    dialog.duration.setValue(75)
    dialog.submit()
    assert view.done_dialog is None
    with db.read_session() as session:
        ride = session.get(Ride, gerda.id)
        assert ride.status == RideStatus.DONE and ride.km == Decimal("12.5")
        assert ride.duration_minutes == 75
    assert view.reopen_button.isEnabled() and not view.done_button.isEnabled()
    view.reopen_selected()
    assert ride_by_passenger(view, "Gerda").status == RideStatus.ASSIGNED
    view.no_show_selected()
    assert ride_by_passenger(view, "Gerda").status == RideStatus.NO_SHOW
    view.reopen_selected()
    ctx.dialogs.answers = [True]
    view.cancel_selected()
    assert ride_by_passenger(view, "Gerda").status == RideStatus.CANCELLED


def test_intake_creates_a_ride_with_its_return_trip(
    ctx: AppContext, db: Database, office: dict[str, int], qtbot
) -> None:
    view = planned_view(ctx, qtbot)
    before = len(view.shown_rides())
    view.new_request()
    form = view.intake
    assert form is not None
    qtbot.keyClick(form, Qt.Key.Key_Return)
    assert form.error_text("passenger_id")
    form.passenger.setText("groß, gerda")
    form.passenger.editingFinished.emit()
    assert form.passenger_id == office["gerda"]
    assert "Hauptstraße 5" in form.pickup.currentText()
    assert form.destination.findText("Wochenmarkt, Marktplatz 1, 54634 Bitburg") >= 0 or (
        form.destination.count() >= 1
    )
    form.date.selectAll()
    qtbot.keyClicks(form.date, "do")  # Thursday 5 March, today being Monday 2 March
    qtbot.keyClicks(form.time, "1015")
    qtbot.keyClicks(form.return_time, "bald")
    qtbot.keyClick(form, Qt.Key.Key_Return)
    assert "8:30" in form.error_text("return_time")
    form.return_time.clear()
    qtbot.keyClicks(form.return_time, "12")
    qtbot.keyClick(form, Qt.Key.Key_Return)
    assert form.error_text("destination")  # the service's German message at the field
    form.destination.setEditText("Hausarztpraxis Dr. Klein, Bahnhofstr. 3, 54634 Bitburg")
    qtbot.keyClick(form, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert view.overview is not None and len(view.shown_rides()) == before + 2
    thursday = [r for r in view.shown_rides() if r.ride_date == dt.date(2026, 3, 5)]
    assert sorted((r.start_time, r.is_return) for r in thursday) == [
        (dt.time(10, 15), False),
        (dt.time(12, 0), True),
    ]
    assert view.selected_ride is not None and view.selected_ride.start_time == dt.time(10, 15)


def test_run_sheet_preview_prints_through_the_seam_and_saves(
    ctx: AppContext, dialogs: RecordingDialogs, office: dict[str, int], qtbot, tmp_path: Path
) -> None:
    view = planned_view(ctx, qtbot)
    view.select_ride(ride_by_passenger(view, "Gerda").id)
    view.print_run_sheet()
    preview = view.preview
    assert preview is not None
    assert preview.page_count > 0
    assert "Laufzettel" in preview.windowTitle()
    output = RecordingPdfOutput()
    preview.output = output
    preview.print_button.click()
    assert output.printed == [([preview.data], preview.title)]
    dialogs.paths = [str(tmp_path / "laufzettel")]
    saved = preview.save_as()
    assert saved == tmp_path / "laufzettel.pdf" and saved.read_bytes().startswith(b"%PDF")
    preview.close()
    view.print_call_list()
    assert view.preview is not None and view.preview.page_count > 0
    view.print_km_summary()
    assert view.preview is not None and view.preview.page_count > 0
    with ctx.db.read_session() as session:
        exports = session.scalars(
            select(AuditEntry.summary).where(AuditEntry.action == AuditAction.EXPORT)
        ).all()
    # Who saw passengers' names, phones and needs leaves a trace; names stay out of it.
    assert exports == [
        "1 Laufzettel, 2 Personen",
        "1 Anrufliste, 3 Personen",
        "1 Kilometerabrechnung",
    ]


def test_preview_dialog_takes_a_file(
    ctx: AppContext, db: Database, office: dict[str, int], qtbot, tmp_path: Path
) -> None:
    view = planned_view(ctx, qtbot)
    printout = run_sheet_printout(db, office["anna"], TUESDAY)
    path = tmp_path / printout.file_name
    path.write_bytes(printout.data)
    dialog = PdfPreviewDialog(ctx, "Laufzettel", path, view, output=RecordingPdfOutput())
    assert dialog.page_count > 0 and dialog.file_name == path.name
    assert dialog.print_pdf()


def test_tab_factory_keeps_the_list_of_all_rides(
    ctx: AppContext, office: dict[str, int], qtbot
) -> None:
    tab = create_rides_tab(ctx)
    qtbot.addWidget(tab)
    assert isinstance(tab, RidesTab)
    pages = [tab.page_at(i) for i in range(tab.count())]
    assert pages == [tab.week, tab.panel, tab.orders, tab.drivers, tab.services, tab.vehicles]
    tab.week.plan_this_week()
    assert tab.status_text()
    tab.setCurrentIndex(1)
    tab.refresh()
    tab.focus_search()


def test_real_printing_paints_the_chosen_page_range(
    ctx: AppContext, db: Database, office: dict[str, int], qtbot, tmp_path: Path
) -> None:
    """Pages count across documents, as the print dialog shows them: 2-3 of 1+2 pages."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from engagement_desk.ui.widgets.pdf_output import load_document, print_documents

    first = run_sheet_printout(db, office["anna"], TUESDAY).data
    two_pages = _two_page_pdf()
    documents = [load_document(first, None), load_document(two_pages, None)]
    assert [d.pageCount() for d in documents] == [1, 2]

    def printed(target: Path, pages: tuple[int, int] | None) -> int:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        if pages:
            printer.setFromTo(*pages)
        count = print_documents(documents, printer)
        assert len(PdfReader(target).pages) == count
        return count

    assert printed(tmp_path / "all.pdf", None) == 3
    assert printed(tmp_path / "range.pdf", (2, 3)) == 2
    assert printed(tmp_path / "one.pdf", (3, 3)) == 1


def _two_page_pdf() -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for text in ("eins", "zwei"):
        canvas.drawString(100, 700, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_planning_runs_off_the_gui_thread(
    db: Database, threaded_ops, settings, dialogs: RecordingDialogs, languages, office, qtbot
) -> None:
    ctx = AppContext(
        database=db, ops=threaded_ops, settings=settings, dialogs=dialogs, languages=languages
    )
    view = WeekView(ctx, today=WEEK.monday)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.overview is not None)
    assert view.overview is not None and view.shown_rides() == []
    view.plan_this_week()
    assert not view.plan_button.isEnabled()
    # the cards and the open rides with their reasons arrive separately
    qtbot.waitUntil(
        lambda: len(view.shown_rides()) == 3 and view.unassigned.count() == 2, timeout=10_000
    )
    assert view.plan_button.isEnabled()


def test_the_chosen_driver_becomes_standby_for_the_ride_day(
    ctx: AppContext, office: dict[str, int], qtbot
) -> None:
    view = planned_view(ctx, qtbot)
    gerda = ride_by_passenger(view, "Gerda")
    assert view.select_ride(gerda.id)
    view.driver_combo.setCurrentIndex(view.driver_combo.findData(office["anna"]))
    assert view.standby_button.isEnabled()
    view.standby_selected()
    tuesday = view.days[1]
    assert "Anna Becker" in tuesday.standby.text()
    assert "Sam Bereit" not in tuesday.standby.text()
