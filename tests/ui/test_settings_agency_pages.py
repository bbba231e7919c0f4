"""Einstellungen → Agentur, Unterschriften, Datensicherung: typed, saved, shown again."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_helpers import RecordingDialogs

from engagement_desk.models.enums import StaffRole
from engagement_desk.services.backup.location import backup_folder
from engagement_desk.services.settings import (
    SignatoryInput,
    as_input,
    get_agency_settings,
    update_agency_settings,
)
from engagement_desk.services.staff.access import SessionAccess
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.settings.dialog import SettingsDialog

SIGNATURE = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="90"><path d="M5 60 C60 5 120 90 290 30" stroke="#12a" stroke-width="5" fill="none"/></svg>'  # noqa: E501


@pytest.fixture
def opened(ctx: AppContext, qtbot) -> Iterator[list[SettingsDialog]]:
    made: list[SettingsDialog] = []
    yield made
    for dialog in made:
        dialog.done(0)


def _dialog(ctx: AppContext, qtbot, made: list[SettingsDialog]) -> SettingsDialog:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    made.append(dialog)
    dialog.show()
    return dialog


def _retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _set_up_before(ctx: AppContext) -> None:
    """An office database: someone chose the settings (and the Bundesland) before."""
    current = get_agency_settings(ctx.db)
    update_agency_settings(ctx.db, as_input(current), expected_version=current.version)


def _page_titles(dialog: SettingsDialog) -> list[str]:
    return [dialog.pages_list.item(i).text() for i in range(dialog.pages_list.count())]


def test_the_agency_page_saves_and_shows_it_again(
    ctx: AppContext, qtbot, opened: list[SettingsDialog]
) -> None:
    _set_up_before(ctx)
    dialog = _dialog(ctx, qtbot, opened)
    assert _page_titles(dialog) == ["Mitarbeitende", "Agentur", "Unterschriften", "Datensicherung"]
    dialog.show_page(dialog.agency_page)
    page = dialog.agency_page
    fields = page.fields
    assert fields.name.text() == "Freiwilligenagentur"
    _retype(qtbot, fields.name, "Freiwilligenagentur Bitburg")
    _retype(qtbot, fields.city, "Bitburg")
    _retype(qtbot, fields.website, "www.fwa-bitburg.de")
    fields.bundesland.setFocus()
    qtbot.keyClicks(fields.bundesland, "Nord")
    _retype(qtbot, fields.km_rate, "0,42")
    assert page.is_dirty()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = get_agency_settings(ctx.db)
    assert (stored.name, stored.city, stored.website, stored.bundesland, stored.km_rate) == (
        "Freiwilligenagentur Bitburg",
        "Bitburg",
        "www.fwa-bitburg.de",
        "NW",
        Decimal("0.42"),
    )
    assert not page.is_dirty() and page.notice.text() == "Gespeichert."

    again = _dialog(ctx, qtbot, opened).agency_page.fields
    assert again.name.text() == "Freiwilligenagentur Bitburg"
    assert again.bundesland.currentText() == "Nordrhein-Westfalen"
    assert again.km_rate.text() == "0,42"


def test_the_agency_page_shows_what_is_wrong_at_the_field_and_saves_nothing(
    ctx: AppContext, qtbot, opened: list[SettingsDialog]
) -> None:
    _set_up_before(ctx)
    page = _dialog(ctx, qtbot, opened).agency_page
    before = get_agency_settings(ctx.db)
    _retype(qtbot, page.fields.email, "info-at-bitburg")
    _retype(qtbot, page.fields.postal_code, "546")
    _retype(qtbot, page.fields.km_rate, "viel")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "kein Betrag in Euro" in page.form.error_text("km_rate")
    _retype(qtbot, page.fields.km_rate, "0,30")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "keine gültige E-Mail-Adresse" in page.form.error_text("email")
    assert "keine fünfstellige Postleitzahl" in page.form.error_text("postal_code")
    assert get_agency_settings(ctx.db) == before


def test_signatures_with_an_image_are_saved_and_can_be_swapped(
    ctx: AppContext, qtbot, opened: list[SettingsDialog], dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    dialog = _dialog(ctx, qtbot, opened)
    dialog.show_page(dialog.signatures_page)
    page = dialog.signatures_page
    left, right = page.fields.signatories
    qtbot.keyClicks(left.name, "Claudia Theis")
    qtbot.keyClicks(left.function, "Leitung")
    qtbot.keyClicks(right.name, "Joachim Kandels")
    qtbot.keyClicks(right.function, "Buergermeister")
    image = tmp_path / "unterschrift.svg"
    image.write_text(SIGNATURE, encoding="utf-8")
    dialogs.paths.append(str(image))
    qtbot.mouseClick(right.signature.choose_button, Qt.MouseButton.LeftButton)
    assert not right.signature.preview.pixmap().isNull()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = get_agency_settings(ctx.db).signatories
    assert [(s.name, s.function, s.signature_png is not None) for s in stored] == [
        ("Claudia Theis", "Leitung", False),
        ("Joachim Kandels", "Buergermeister", True),
    ]
    qtbot.mouseClick(page.fields.swap_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in get_agency_settings(ctx.db).signatories] == [
        "Joachim Kandels",
        "Claudia Theis",
    ]
    assert get_agency_settings(ctx.db).signatories[0].signature_png is not None


def test_a_function_without_a_name_is_refused_at_the_name(
    ctx: AppContext, qtbot, opened: list[SettingsDialog]
) -> None:
    page = _dialog(ctx, qtbot, opened).signatures_page
    qtbot.keyClicks(page.fields.signatories[1].function, "Leitung")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.form.error_text("signatory_2_name") == "Bitte ausfüllen."
    assert get_agency_settings(ctx.db).signatories == ()


def test_saving_one_page_does_not_conflict_with_the_other(
    ctx: AppContext, qtbot, opened: list[SettingsDialog]
) -> None:
    _set_up_before(ctx)
    dialog = _dialog(ctx, qtbot, opened)
    _retype(qtbot, dialog.agency_page.fields.name, "Agentur Wittlich")
    qtbot.keyClicks(dialog.signatures_page.fields.signatories[0].name, "Anna Schmitt")
    qtbot.mouseClick(dialog.agency_page.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.signatures_page.save_button, Qt.MouseButton.LeftButton)
    stored = get_agency_settings(ctx.db)
    assert stored.name == "Agentur Wittlich"
    assert [s.name for s in stored.signatories] == ["Anna Schmitt"]


def test_a_change_made_elsewhere_meanwhile_is_not_overwritten_silently(
    ctx: AppContext, qtbot, opened: list[SettingsDialog], dialogs: RecordingDialogs
) -> None:
    _set_up_before(ctx)
    page = _dialog(ctx, qtbot, opened).agency_page
    current = get_agency_settings(ctx.db)
    update_agency_settings(
        ctx.db,
        as_input(current).__class__(
            **{**vars(as_input(current)), "signatories": (SignatoryInput("Dritte Person"),)}
        ),
        expected_version=current.version,
    )
    _retype(qtbot, page.fields.city, "Wittlich")
    dialogs.answers.append(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert get_agency_settings(ctx.db).city == ""  # not saved over the other change
    assert dialogs.shown  # the person is told


def test_the_backup_folder_is_chosen_and_remembered(
    ctx: AppContext, qtbot, opened: list[SettingsDialog], dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    page = _dialog(ctx, qtbot, opened).backup_page
    dialogs.paths.append(str(tmp_path / "USB-Stick"))
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    assert backup_folder() == (tmp_path / "USB-Stick").resolve()
    assert page.folder.text() == str((tmp_path / "USB-Stick").resolve())
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    dialogs.paths.append(str(blocker))
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    assert "kann nicht geschrieben werden" in page.form.error_text("backup_folder")
    assert backup_folder() == (tmp_path / "USB-Stick").resolve()


def test_on_a_fresh_database_the_federal_state_must_be_chosen_not_assumed(
    ctx: AppContext, qtbot, opened: list[SettingsDialog]
) -> None:
    page = _dialog(ctx, qtbot, opened).agency_page
    assert page.fields.bundesland.currentData() is None  # nobody chose Rheinland-Pfalz
    _retype(qtbot, page.fields.name, "Freiwilligenagentur Trier")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.form.error_text("bundesland") == "Bitte wählen Sie das Bundesland."
    assert get_agency_settings(ctx.db).set_up_at is None
    page.fields.bundesland.setFocus()
    qtbot.keyClicks(page.fields.bundesland, "Rhein")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = get_agency_settings(ctx.db)
    assert (stored.bundesland, stored.set_up_at is not None) == ("RP", True)


@pytest.mark.parametrize("role", [StaffRole.BUERO, StaffRole.FAHRDIENST, StaffRole.LESEN])
def test_only_leitung_may_change_the_agency_settings(
    ctx: AppContext, qtbot, opened: list[SettingsDialog], role: StaffRole
) -> None:
    ctx.access.set_access(
        SessionAccess(login="aweber", display_name="Anna Weber", role=role, server="rathaus/db")
    )
    dialog = _dialog(ctx, qtbot, opened)
    for page, typed in (
        (dialog.agency_page, dialog.agency_page.fields.name),
        (dialog.signatures_page, dialog.signatures_page.fields.signatories[0].name),
    ):
        assert not page.save_button.isEnabled()
        assert page.save_button.toolTip()  # says why
        assert typed.isReadOnly() or not typed.isEnabled()
    ctx.access.set_access(
        SessionAccess(
            login="chef", display_name="Chefin", role=StaffRole.LEITUNG, server="rathaus/db"
        )
    )
    assert dialog.agency_page.save_button.isEnabled()


def test_a_change_on_another_workstation_shows_unless_something_is_typed(
    ctx: AppContext, qtbot, opened: list[SettingsDialog]
) -> None:
    from engagement_desk.ui.live_updates import ChangeHub

    _set_up_before(ctx)
    dialog = _dialog(ctx, qtbot, opened)
    dialog.show_page(dialog.agency_page)
    page = dialog.agency_page

    def elsewhere(city: str) -> None:
        current = get_agency_settings(ctx.db)
        update_agency_settings(
            ctx.db, replace(as_input(current), city=city), expected_version=current.version
        )
        ChangeHub.of(ctx).tables_changed.emit(frozenset({"agency_settings"}))

    elsewhere("Wittlich")
    assert page.fields.city.text() == "Wittlich" and not page.is_dirty()
    _retype(qtbot, page.fields.phone, "06571 1234")
    elsewhere("Bernkastel")
    assert page.fields.phone.text() == "06571 1234"  # what is typed stays
    assert page.fields.city.text() == "Wittlich"
