"""Registrations panel: exhibiting clubs with their stand, invitations and their replies."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import new_club, new_event, new_person
from PySide6.QtCore import Qt

from engagement_desk.models.enums import (
    EventKind,
    OrganizationKind,
    RegistrationRole,
    RegistrationStatus,
)
from engagement_desk.services.events.registrations import list_registrations, register
from engagement_desk.services.organizations.clubs import (
    OrganizationInput,
    archive_organization,
    create_organization,
    find_organizations,
)
from engagement_desk.ui.events.registrations import RegistrationsPanel
from engagement_desk.ui.events.registrations_model import NAME, SHIFT, STAND

START = dt.datetime(2026, 12, 5, 10, 0)


@pytest.fixture
def panel(qtbot, ctx) -> RegistrationsPanel:
    widget = RegistrationsPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


def make_event(db, kind: EventKind, capacity: int | None = None) -> int:
    return new_event(db, str(kind.value), START, hours=5, kind=kind, place="", capacity=capacity).id


def club(db, name: str, city: str = "Musterstadt") -> int:
    return new_club(db, name, city=city)


def test_find_organizations_offers_active_clubs_with_their_town(ctx) -> None:
    club(ctx.db, "Turnverein 1890")
    gone = create_organization(
        ctx.db, OrganizationInput(name="Turnclub alt", kind=OrganizationKind.CLUB)
    )
    archive_organization(ctx.db, gone.id, expected_version=gone.version)
    found = find_organizations(ctx.db, "turn")
    assert [choice.label for choice in found] == ["Turnverein 1890 (Musterstadt)"]


def test_an_exhibiting_club_registers_with_its_stand_and_contact(panel, ctx) -> None:
    event_id = make_event(ctx.db, EventKind.CLUB_FAIR)
    club_id = club(ctx.db, "Kleingartenverein Sonnenschein")
    contact = new_person(ctx.db, "Gärtner", "Grete")
    panel.set_event(event_id, EventKind.CLUB_FAIR)
    panel.start_registration()
    dialog = panel.dialog
    assert dialog is not None and dialog.is_exhibitor()
    ok = dialog.buttons.buttons()[0]
    assert not dialog.club.isHidden() and not dialog.stand.isHidden()
    assert not ok.isEnabled()  # an exhibitor needs a club
    dialog.club.search.setText("Kleingarten")
    dialog.club.find()
    assert dialog.club.chosen_id() == club_id
    dialog.stand.setText("A 12")
    dialog.search.setText("Gärtner")
    dialog.find()
    assert ok.isEnabled()
    dialog.accept()

    (record,) = list_registrations(ctx.db, event_id)
    assert (record.organization_id, record.person_id) == (club_id, contact)
    assert (record.role, record.stand) == (RegistrationRole.EXHIBITOR, "A 12")
    assert record.name == "Grete Gärtner (Kleingartenverein Sonnenschein)"
    model = panel.model
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[NAME] == record.name and row[STAND] == "A 12"


def test_a_club_without_contact_person_is_enough(panel, ctx) -> None:
    event_id = make_event(ctx.db, EventKind.CLUB_FAIR)
    club_id = club(ctx.db, "Schachfreunde")
    panel.set_event(event_id, EventKind.CLUB_FAIR)
    panel.start_registration()
    dialog = panel.dialog
    dialog.club.search.setText("Schach")
    dialog.club.find()
    dialog.accept()
    (record,) = list_registrations(ctx.db, event_id)
    assert (record.organization_id, record.person_id, record.stand) == (club_id, None, "")


def test_helpers_do_not_get_a_club_or_stand(panel, ctx) -> None:
    event_id = make_event(ctx.db, EventKind.CLUB_FAIR)
    club(ctx.db, "Schachfreunde")
    new_person(ctx.db, "Helfer", "Hans")
    panel.set_event(event_id, EventKind.CLUB_FAIR)
    panel.start_registration()
    dialog = panel.dialog
    dialog.club.search.setText("Schach")
    dialog.club.find()
    dialog.role.setCurrentIndex(dialog.role.findData(RegistrationRole.HELPER.value))
    assert dialog.club.isHidden() and dialog.stand.isHidden()
    dialog.search.setText("Helfer")
    dialog.find()
    dialog.accept()
    (record,) = list_registrations(ctx.db, event_id)
    assert (record.role, record.organization_id) == (RegistrationRole.HELPER, None)


def test_the_stand_is_edited_in_the_table_for_exhibitors_only(panel, ctx) -> None:
    event_id = make_event(ctx.db, EventKind.CLUB_FAIR)
    exhibitor = register(
        ctx.db, event_id, organization_id=club(ctx.db, "Chor"), role="exhibitor", stand="A 1"
    ).registration
    register(ctx.db, event_id, person_id=new_person(ctx.db, "Gast"), role="guest")
    panel.set_event(event_id, EventKind.CLUB_FAIR)
    rows = {panel.records[row].role: row for row in range(len(panel.records))}
    model = panel.model
    guest_stand = model.index(rows[RegistrationRole.GUEST], STAND)
    assert not model.flags(guest_stand) & Qt.ItemFlag.ItemIsEditable
    stand = model.index(rows[RegistrationRole.EXHIBITOR], STAND)
    assert model.flags(stand) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(stand, " B 7 ")
    stored = {r.id: r.stand for r in list_registrations(ctx.db, event_id)}
    assert stored[exhibitor.id] == "B 7"
    assert model.index(rows[RegistrationRole.EXHIBITOR], STAND).data() == "B 7"


def test_invitations_and_their_replies(panel, ctx, dialogs) -> None:
    event_id = make_event(ctx.db, EventKind.RECOGNITION, capacity=1)
    new_person(ctx.db, "Sponsor", "Susi")
    panel.set_event(event_id, EventKind.RECOGNITION)
    assert not panel.reply_row.isHidden()
    panel.start_registration()
    dialog = panel.dialog
    assert dialog.invite.isChecked()
    dialog.search.setText("Sponsor")
    dialog.find()
    dialog.accept()
    assert "Susi Sponsor" in panel.last_message
    first = list_registrations(ctx.db, event_id)[0]
    assert first.status == RegistrationStatus.INVITED

    second = register(
        ctx.db, event_id, person_id=new_person(ctx.db, "Gast", "Gerd"), invite=True
    ).registration
    panel.reload()
    panel.select_ids([first.id, second.id])
    panel.mark_accepted()
    statuses = {r.id: r.status for r in list_registrations(ctx.db, event_id)}
    # one place: the second acceptance waits
    assert statuses == {
        first.id: RegistrationStatus.REGISTERED,
        second.id: RegistrationStatus.WAITING_LIST,
    }
    assert "Gerd Gast" in panel.last_message

    panel.select_ids([first.id])
    panel.mark_declined()
    statuses = {r.id: r.status for r in list_registrations(ctx.db, event_id)}
    assert statuses == {
        first.id: RegistrationStatus.DECLINED,
        second.id: RegistrationStatus.REGISTERED,
    }


def test_reply_buttons_only_for_the_recognition_event(panel, ctx) -> None:
    panel.set_event(make_event(ctx.db, EventKind.WORKSHOP), EventKind.WORKSHOP)
    assert panel.reply_row.isHidden()


def test_the_clubs_contact_person_is_offered(panel, ctx) -> None:
    from engagement_desk.services.organizations.contacts import add_organization_contact

    event_id = make_event(ctx.db, EventKind.CLUB_FAIR)
    club_id = club(ctx.db, "Karnevalsverein")
    contact = new_person(ctx.db, "Narr", "Norbert")
    add_organization_contact(ctx.db, club_id, contact, "Vorsitzender")
    panel.set_event(event_id, EventKind.CLUB_FAIR)
    panel.start_registration()
    dialog = panel.dialog
    dialog.club.search.setText("Karneval")
    dialog.club.find()
    assert dialog.people.currentItem().text() == "Norbert Narr – Vorsitzender"
    dialog.accept()
    (record,) = list_registrations(ctx.db, event_id)
    assert (record.organization_id, record.person_id) == (club_id, contact)


def test_stand_and_shift_columns_only_where_the_kind_has_them(panel, ctx) -> None:
    panel.set_event(make_event(ctx.db, EventKind.CLUB_FAIR), EventKind.CLUB_FAIR)
    assert not panel.table.isColumnHidden(STAND) and not panel.table.isColumnHidden(SHIFT)
    panel.set_event(make_event(ctx.db, EventKind.TRAINING), EventKind.TRAINING)
    assert panel.table.isColumnHidden(STAND) and panel.table.isColumnHidden(SHIFT)
    panel.set_event(make_event(ctx.db, EventKind.RECOGNITION), EventKind.RECOGNITION)
    assert panel.table.isColumnHidden(STAND) and not panel.table.isColumnHidden(SHIFT)
