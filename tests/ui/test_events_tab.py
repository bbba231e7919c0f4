"""The Veranstaltungen tab: editor, registrations with waiting list, check-in, prints."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from builders import new_event, new_person
from pdf_helpers import RecordingPdfOutput
from PySide6.QtCore import Qt

from engagement_desk.models.enums import EventKind, RegistrationRole, RegistrationStatus
from engagement_desk.services.events.editing import get_event
from engagement_desk.services.events.registrations import list_registrations, register
from engagement_desk.services.hours import derived  # noqa: F401  (check_in imports it)
from engagement_desk.ui.events.tab import EventsTab

START = dt.datetime.combine(dt.date.today() + dt.timedelta(days=3), dt.time(10))


@pytest.fixture
def tab(qtbot, ctx) -> EventsTab:
    widget = EventsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def event(db, title: str, kind=EventKind.WORKSHOP, capacity=None, start=START, **extra) -> int:
    return new_event(
        db, title, start, kind=kind, place="Haus der Jugend", capacity=capacity, **extra
    ).id


def statuses(db, event_id: int) -> dict[str, RegistrationStatus]:
    return {r.name: r.status for r in list_registrations(db, event_id)}


EVERY_KIND = (
    (EventKind.CLUB_FAIR, "Vereinsmesse 2026"),
    (EventKind.VOLUNTEER_DAY, "Freiwilligentag (zwei Tage)"),
    (EventKind.WORKSHOP, "Engagement-Werkstatt Herbst"),
    (EventKind.TRAINING, "Erste Hilfe für Vereine"),
    (EventKind.CITIZEN_DIALOGUE, "Bürgerschaft (ge)fragt: Ehrenamt und Verwaltung"),
    (EventKind.WORKING_GROUP, "Arbeitskreis Engagierte Stadt"),
    (EventKind.RECOGNITION, "Ehrenamtsempfang mit Sponsoren"),
    (EventKind.OTHER, "Sommerfest"),
)


def test_creates_an_event_of_every_kind_through_the_editor(tab, ctx, qtbot) -> None:
    editor = tab.editor
    assert {kind for kind, _ in EVERY_KIND} == set(EventKind)
    for kind, title in EVERY_KIND:
        qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert editor.record is None
        editor.kind.setCurrentIndex(editor.kind.findData(kind.value))
        editor.title.setText(title)
        editor.place.setText("Rathaus")
        editor.capacity.setValue(20)
        assert editor.training_box.isVisible() == (kind == EventKind.TRAINING)
        assert editor.group_box.isVisible() == (kind == EventKind.WORKING_GROUP)
        if kind == EventKind.VOLUNTEER_DAY:
            editor.ends_at.setDateTime(editor.starts_at.dateTime().addDays(1).addSecs(6 * 3600))
        if kind == EventKind.TRAINING:
            editor.hours_credit.setText("2,5")
            editor.trainer.setText("Frau Klein")
        if kind == EventKind.WORKING_GROUP:
            editor.agenda.setPlainText("1. Begrüßung")
            editor.minutes.setPlainText("Protokoll folgt.")
            editor.next_meeting_on.setDate(editor.starts_at.date().addDays(28))
        if kind == EventKind.CITIZEN_DIALOGUE:
            editor.is_public.setChecked(True)
        if kind == EventKind.RECOGNITION:
            editor.is_public.setChecked(False)
        qtbot.keyClick(editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert editor.record is not None, title
        assert (editor.record.kind, editor.record.title) == (kind, title)
    assert tab.model.rowCount() == len(EVERY_KIND)
    titles = {tab.model.index(row, 2).data() for row in range(tab.model.rowCount())}
    assert titles == {title for _, title in EVERY_KIND}
    records = {r.kind: r for r in _records(ctx)}
    training = records[EventKind.TRAINING]
    assert (training.hours_credit, training.trainer) == (Decimal("2.50"), "Frau Klein")
    group = records[EventKind.WORKING_GROUP]
    assert (group.agenda, group.minutes) == ("1. Begrüßung", "Protokoll folgt.")
    assert group.next_meeting_on == group.starts_at.date() + dt.timedelta(days=28)
    day = records[EventKind.VOLUNTEER_DAY]
    assert day.ends_at - day.starts_at == dt.timedelta(days=1, hours=6)
    assert not records[EventKind.RECOGNITION].is_public
    assert all(r.capacity == 20 and r.place == "Rathaus" for r in records.values())


def _records(ctx):
    from engagement_desk.services.events.event_list import list_events
    from engagement_desk.services.listing import ListQuery

    page = list_events(ctx.db, ListQuery())
    return [get_event(ctx.db, event_id) for event_id in page.ids]


def test_service_messages_appear_at_the_fields(tab) -> None:
    editor = tab.editor
    editor.title.setText("")
    editor.ends_at.setDateTime(editor.starts_at.dateTime().addSecs(-3600))
    editor.save()
    assert editor.record is None
    assert editor.error_text("title") == "Bitte Titel eingeben."
    assert editor.error_text("ends_at") == "Das Ende muss nach dem Beginn liegen."
    editor.title.setText("Jetzt mit Titel")
    assert editor.error_text("title") == ""


def test_beyond_capacity_goes_to_the_waiting_list_and_cancelling_moves_up(
    tab, ctx, dialogs
) -> None:
    event_id = event(ctx.db, "Werkstatt", capacity=1)
    first = new_person(ctx.db, "Erste")
    second = new_person(ctx.db, "Zweite")
    tab.open_record(event_id)
    panel = tab.registrations
    panel.register_person(first, RegistrationRole.PARTICIPANT)
    panel.register_person(second, RegistrationRole.PARTICIPANT)
    assert statuses(ctx.db, event_id) == {
        "Anna Erste": RegistrationStatus.REGISTERED,
        "Anna Zweite": RegistrationStatus.WAITING_LIST,
    }
    assert (
        "waiting list" in dialogs.texts("inform")[-1]
        or "Warteliste" in (dialogs.texts("inform")[-1])
    )
    assert panel.model.rowCount() == 2
    row = next(i for i, r in enumerate(panel.records) if r.name == "Anna Erste")
    panel.table.selectRow(row)
    dialogs.answers = [True]
    panel.cancel_selected()
    assert dialogs.texts("inform")[-1] == (
        "Anmeldung von Anna Erste storniert. Anna Zweite rückt von der Warteliste nach."
    )
    assert statuses(ctx.db, event_id)["Anna Zweite"] == RegistrationStatus.REGISTERED
    assert tab.editor.record.registered == 1


def test_overlaps_are_asked_about_before_registering(tab, ctx, dialogs) -> None:
    busy = new_person(ctx.db, "Beschäftigt")
    other = event(ctx.db, "Vereinsforum", kind=EventKind.TRAINING)
    register(ctx.db, other, person_id=busy)
    event_id = event(ctx.db, "Freiwilligentag", kind=EventKind.VOLUNTEER_DAY)
    tab.open_record(event_id)
    dialogs.answers = [False]
    tab.registrations.register_person(busy, RegistrationRole.HELPER)
    asked = dialogs.texts("ask")
    assert len(asked) == 1 and "Vereinsforum" in asked[0]
    assert statuses(ctx.db, event_id) == {}
    dialogs.answers = [True]
    tab.registrations.register_person(busy, RegistrationRole.HELPER)
    assert statuses(ctx.db, event_id) == {"Anna Beschäftigt": RegistrationStatus.REGISTERED}


def test_register_dialog_picks_person_role_and_shift(tab, ctx, dialogs, qtbot) -> None:
    new_person(ctx.db, "Musterfrau", "Erika")
    event_id = event(ctx.db, "Vereinsmesse", kind=EventKind.CLUB_FAIR)
    tab.open_record(event_id)
    tab.registrations.start_registration()
    dialog = tab.registrations.dialog
    assert dialog is not None and dialog.isVisible()
    roles = [dialog.role.itemData(i) for i in range(dialog.role.count())]
    assert roles == ["exhibitor", "helper", "guest"]
    dialog.search.setText("Musterfrau")
    dialog.find()
    assert dialog.people.count() == 1
    dialog.role.setCurrentIndex(1)
    assert not dialog.shift.isHidden()
    dialog.accept()
    records = list_registrations(ctx.db, event_id)
    assert [(r.name, r.role) for r in records] == [("Erika Musterfrau", RegistrationRole.HELPER)]
    assert tab.registrations.model.rowCount() == 1


def test_check_in_marks_attended_and_creates_hours(tab, ctx, qtbot) -> None:
    event_id = event(
        ctx.db,
        "Erste Hilfe",
        kind=EventKind.TRAINING,
        start=dt.datetime.combine(dt.date.today(), dt.time(9)),
        hours_credit=Decimal("3"),
    )
    for name in ("Albers", "Bauer", "Conrad"):
        register(ctx.db, event_id, person_id=new_person(ctx.db, name))
    tab.open_record(event_id)
    panel = tab.registrations
    panel.select_ids([r.id for r in panel.records if r.name.endswith(("Albers", "Bauer"))])
    panel.mark_attended()
    assert panel.last_check_in is not None
    assert panel.last_check_in.changed == 2
    assert panel.last_check_in.hours_created == 2
    assert "2" in panel.count.text()
    # the day's fast mode: a name and Enter
    panel.filter.setText("Conrad")
    qtbot.keyClick(panel.filter, Qt.Key.Key_Return)
    assert panel.last_check_in.changed == 1
    assert panel.last_check_in.hours_created == 1
    assert set(statuses(ctx.db, event_id).values()) == {RegistrationStatus.ATTENDED}
    panel.filter.clear()
    panel.reload()
    panel.select_ids([panel.records[0].id])
    panel.mark_no_show()
    assert panel.last_check_in.hours_removed == 1


@pytest.mark.parametrize("key", ["signin", "shifts", "badges"])
def test_prints_open_in_the_preview_and_print_through_the_seam(tab, ctx, key) -> None:
    event_id = event(ctx.db, "Freiwilligentag", kind=EventKind.VOLUNTEER_DAY)
    register(ctx.db, event_id, person_id=new_person(ctx.db, "Drucker"))
    tab.output = RecordingPdfOutput()
    tab.open_record(event_id)
    tab.print_actions[key].trigger()
    preview = tab.preview
    assert preview is not None and preview.page_count > 0
    assert preview.print_pdf()
    assert tab.output.printed == [([preview.data], preview.title)]
    preview.reject()


def test_ical_export_of_public_events(tab, ctx, dialogs, tmp_path: Path) -> None:
    event(ctx.db, "Öffentliche Messe", kind=EventKind.CLUB_FAIR)
    event(ctx.db, "Interner Kreis", kind=EventKind.WORKING_GROUP, is_public=False)
    dialogs.paths = [str(tmp_path / "kalender")]
    tab.export_ical()
    text = (tmp_path / "kalender.ics").read_text(encoding="utf-8")
    assert "Öffentliche Messe" in text and "Interner Kreis" not in text
    assert dialogs.texts("inform")


def test_month_view_shows_the_events_and_opens_one(tab, ctx, qtbot) -> None:
    first = event(ctx.db, "Vereinsmesse im Rathaus", kind=EventKind.CLUB_FAIR)
    event(ctx.db, "Workshop später", start=START + dt.timedelta(days=40))
    tab.refresh()
    tab.open_record(first)
    tab.month_button.click()
    assert tab.views.currentWidget() is tab.month
    assert tab.month.current_month() == (START.year, START.month)
    assert tab.month.selected_date() == START.date()
    day = [tab.month.day_list.item(i).text() for i in range(tab.month.day_list.count())]
    assert any("Vereinsmesse im Rathaus" in text for text in day)

    tab.new_event()
    assert tab.editor.record is None
    with qtbot.waitSignal(tab.month.event_activated):
        tab.month.day_list.setCurrentRow(0)
        qtbot.keyClick(tab.month.day_list, Qt.Key.Key_Return)
    assert tab.editor.record is not None and tab.editor.record.id == first

    tab.list_button.click()
    assert tab.views.currentWidget() is tab.panel
    assert tab.panel.current_id() == first


def test_saving_in_the_month_view_shows_the_new_event_there(tab, ctx, qtbot) -> None:
    tab.show_view(1)
    tab.new_event()
    tab.editor.title.setText("Neue Werkstatt")
    tab.editor.save()
    saved = tab.editor.record
    assert saved is not None
    tab.month.show_date(saved.starts_at.date())
    titles = [tab.month.day_list.item(i).text() for i in range(tab.month.day_list.count())]
    assert any("Neue Werkstatt" in text for text in titles)


def test_detail_pages_follow_the_kind(tab, ctx) -> None:
    dialogue = event(ctx.db, "Bürgerschaft (ge)fragt", kind=EventKind.CITIZEN_DIALOGUE)
    group = event(ctx.db, "Arbeitskreis", kind=EventKind.WORKING_GROUP)
    fair = event(ctx.db, "Vereinsmesse", kind=EventKind.CLUB_FAIR)
    details = tab.details
    shifts, questions = details.indexOf(tab.shifts), details.indexOf(tab.questions)
    tab.open_record(dialogue)
    assert details.isTabVisible(questions) and details.isTabVisible(shifts)
    details.setCurrentIndex(questions)
    tab.open_record(group)
    assert not details.isTabVisible(questions) and not details.isTabVisible(shifts)
    assert details.currentIndex() != questions
    tab.open_record(fair)
    assert details.isTabVisible(shifts) and not details.isTabVisible(questions)
    assert tab.shifts.event_id == fair
    tab.new_event()
    assert not details.isTabEnabled(details.indexOf(tab.registrations))


def test_shift_changes_reach_the_registrations(tab, ctx) -> None:
    from engagement_desk.services.events.records import ShiftData
    from engagement_desk.services.events.shifts import add_shift

    fair = event(ctx.db, "Freiwilligentag", kind=EventKind.VOLUNTEER_DAY)
    shift = add_shift(ctx.db, fair, ShiftData("Aufbau", START, START + dt.timedelta(hours=1), 1))
    first = new_person(ctx.db, "Erste")
    second = new_person(ctx.db, "Zweite")
    register(ctx.db, fair, person_id=first, role="helper", shift_id=shift.id)
    register(ctx.db, fair, person_id=second, role="helper", shift_id=shift.id)
    tab.open_record(fair)
    assert statuses(ctx.db, fair)["Anna Zweite"] == RegistrationStatus.WAITING_LIST
    tab.shifts.table.selectRow(0)
    tab.shifts.slots.setValue(2)
    tab.shifts.save()
    shown = {r.name: r.status for r in tab.registrations.records}
    assert shown["Anna Zweite"] == RegistrationStatus.REGISTERED


def test_delete_a_planned_event_from_the_editor(tab, ctx, dialogs) -> None:
    planned = event(ctx.db, "Abgesagte Werkstatt")
    register(ctx.db, planned, person_id=new_person(ctx.db, "Bauer"))
    tab.refresh()
    tab.open_record(planned)
    dialogs.answers = [False]
    tab.editor.delete_button.click()
    assert tab.model.rowCount() == 1
    dialogs.answers = [True]
    tab.editor.delete_button.click()
    assert "Abgesagte Werkstatt" in dialogs.texts("ask")[-1]
    assert tab.model.rowCount() == 0
    assert tab.editor.record is None and tab.registrations.event_id is None


def test_an_event_with_attendance_is_not_deleted(tab, ctx, dialogs) -> None:
    from engagement_desk.services.events.registrations import check_in

    held = event(ctx.db, "Schulung", kind=EventKind.TRAINING)
    registration = register(ctx.db, held, person_id=new_person(ctx.db, "Albers")).registration
    check_in(ctx.db, [registration.id], True)
    tab.refresh()
    tab.open_record(held)
    dialogs.answers = [True]
    tab.editor.delete_button.click()
    assert "Teilnahme erfasst" in dialogs.texts("warn")[-1]
    assert tab.model.rowCount() == 1


def test_moving_an_event_warns_about_the_overlaps_it_creates(tab, ctx, dialogs) -> None:
    busy = new_person(ctx.db, "Busy", "Ute")
    evening = event(ctx.db, "Vereinsforum", start=START + dt.timedelta(hours=6))
    register(ctx.db, evening, person_id=busy)
    moved = event(ctx.db, "Werkstatt")
    register(ctx.db, moved, person_id=busy)
    tab.open_record(moved)
    tab.editor.title.setText("Werkstatt (neuer Titel)")
    tab.editor.save()
    assert dialogs.texts("warn") == []  # same time: nothing new overlaps
    tab.editor.starts_at.setDateTime(tab.editor.starts_at.dateTime().addSecs(5 * 3600))
    tab.editor.ends_at.setDateTime(tab.editor.ends_at.dateTime().addSecs(5 * 3600))
    tab.editor.save()
    (warning,) = dialogs.texts("warn")
    assert "Ute Busy" in warning and "Vereinsforum" in warning


def test_moving_a_shift_warns_about_its_helpers_overlaps(tab, ctx, dialogs) -> None:
    from engagement_desk.services.events.records import ShiftData
    from engagement_desk.services.events.shifts import add_shift

    busy = new_person(ctx.db, "Busy", "Ute")
    evening = event(ctx.db, "Vereinsforum", start=START + dt.timedelta(hours=6))
    register(ctx.db, evening, person_id=busy)
    day = event(ctx.db, "Freiwilligentag", kind=EventKind.VOLUNTEER_DAY)
    shift = add_shift(ctx.db, day, ShiftData("Abbau", START, START + dt.timedelta(hours=1), 2))
    register(ctx.db, day, person_id=busy, role="helper", shift_id=shift.id)
    tab.open_record(day)
    tab.shifts.table.selectRow(0)
    tab.shifts.starts_at.setDateTime(tab.shifts.starts_at.dateTime().addSecs(6 * 3600))
    tab.shifts.ends_at.setDateTime(tab.shifts.ends_at.dateTime().addSecs(6 * 3600))
    tab.shifts.save()
    (warning,) = dialogs.texts("warn")
    assert "Ute Busy" in warning and "Vereinsforum" in warning


def test_the_organizing_club_is_chosen_and_an_unknown_name_refused(ctx, qtbot) -> None:
    from engagement_desk.services.organizations.clubs import OrganizationInput, create_organization

    club = create_organization(ctx.db, OrganizationInput(name="Turnverein", city="Kyllheim"))
    tab = EventsTab(ctx)  # loads the organizations when it is built
    qtbot.addWidget(tab)
    editor = tab.editor
    editor.title.setText("Turnfest")
    editor.organization.setEditText("Turnverein XY")
    editor.save()
    assert editor.record is None
    assert editor.error_text("organization_id") == (
        "Keine Organisation dieses Namens – bitte eine aus der Liste wählen."
    )
    editor.organization.setEditText("Turnverein (Kyllheim)")
    editor.save()
    assert editor.record is not None and editor.record.organization_id == club.id
    saved = editor.record
    editor.new_event()
    assert editor.organization_id() is None
    editor.show_record(saved)
    assert editor.organization.currentText() == "Turnverein (Kyllheim)"
