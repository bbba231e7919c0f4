"""The set-up wizard on an empty database, typed through as a new office would."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from builders import add_person
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow, QWizard
from ui_helpers import RecordingDialogs

from engagement_desk.services.backup.location import backup_folder
from engagement_desk.services.rides.calendar import IsoWeek
from engagement_desk.services.rides.generation import week_holidays
from engagement_desk.services.settings import get_agency_settings, needs_setup
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.setup import offer
from engagement_desk.ui.setup.wizard import AGENCY, BACKUP, RULES, SetupChoice, SetupWizard

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="50"><circle cx="25" cy="25" r="20" fill="#c60"/></svg>'  # noqa: E501
SIGNATURE = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="90"><path d="M5 60 C60 5 120 90 290 30" stroke="#12a" stroke-width="5" fill="none"/></svg>'  # noqa: E501
EPIPHANY_WEEK = IsoWeek(2027, 1)


@pytest.fixture
def wizard(ctx: AppContext, qtbot) -> SetupWizard:
    made = SetupWizard(ctx)
    qtbot.addWidget(made)
    made.show()
    return made


def _click(qtbot, wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def _retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_typed_through_the_settings_are_stored_and_bavaria_has_its_holidays(
    ctx: AppContext, wizard: SetupWizard, dialogs: RecordingDialogs, qtbot, tmp_path: Path
) -> None:
    assert needs_setup(ctx.db)
    fields = wizard.fields
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)  # "set up a new agency"
    assert wizard.currentId() == AGENCY
    qtbot.keyClicks(fields.name, "Freiwilligenagentur Kyllheim")
    qtbot.keyClicks(fields.street, "Rathausplatz 1")
    qtbot.keyClicks(fields.postal_code, "54650")
    qtbot.keyClicks(fields.city, "Kyllheim")
    qtbot.keyClicks(fields.phone, "06568 9100250")
    qtbot.keyClicks(fields.email, "info@fwa-kyllheim.de")
    qtbot.keyClicks(fields.website, "www.fwa-kyllheim.de")
    dialogs.paths.append(_file(tmp_path, "logo.svg", LOGO))
    qtbot.mouseClick(fields.logo.choose_button, Qt.MouseButton.LeftButton)
    assert not fields.logo.preview.pixmap().isNull()  # the logo is previewed
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == RULES
    fields.bundesland.setFocus()
    qtbot.keyClicks(fields.bundesland, "Bay")
    assert fields.bundesland.currentText() == "Bayern"
    _retype(qtbot, fields.km_rate, "0,35")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    left = fields.signatories[0]
    qtbot.keyClicks(left.name, "Claudia Theis")
    qtbot.keyClicks(left.function, "Leitung der Agentur")  # QTest types ASCII only
    dialogs.paths.append(_file(tmp_path, "unterschrift.svg", SIGNATURE))
    qtbot.mouseClick(left.signature.choose_button, Qt.MouseButton.LeftButton)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == BACKUP
    _retype(qtbot, wizard.backup_folder, str(tmp_path / "Sicherungen"))
    with qtbot.waitSignal(wizard.chosen) as chosen:
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert chosen.args == [SetupChoice.NEW]

    stored = get_agency_settings(ctx.db)
    assert (stored.name, stored.street, stored.postal_code, stored.city) == (
        "Freiwilligenagentur Kyllheim",
        "Rathausplatz 1",
        "54650",
        "Kyllheim",
    )
    assert (stored.email, stored.website, stored.bundesland, stored.km_rate) == (
        "info@fwa-kyllheim.de",
        "www.fwa-kyllheim.de",
        "BY",
        Decimal("0.35"),
    )
    assert stored.logo_png is not None
    assert [(s.name, s.function) for s in stored.signatories] == [
        ("Claudia Theis", "Leitung der Agentur")
    ]
    assert stored.signatories[0].signature_png is not None
    assert backup_folder() == (tmp_path / "Sicherungen").resolve()
    assert not needs_setup(ctx.db)
    with ctx.db.read_session() as session:
        names = {holiday.name for holiday in week_holidays(session, EPIPHANY_WEEK)}
    assert "Heilige Drei Könige" in names  # Bavaria's, not Rheinland-Pfalz's


def test_the_federal_state_must_be_chosen_it_has_no_silent_default(
    wizard: SetupWizard, qtbot
) -> None:
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == AGENCY  # the name is missing
    assert wizard.form.error_text("name")
    qtbot.keyClicks(wizard.fields.name, "Freiwilligenagentur Trier")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.fields.bundesland.currentData() is None
    _retype(qtbot, wizard.fields.km_rate, "dreißig")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == RULES
    assert wizard.form.error_text("bundesland") == "Bitte wählen Sie das Bundesland."
    assert "kein Betrag in Euro" in wizard.form.error_text("km_rate")


def test_a_value_the_service_rejects_is_shown_on_its_page(
    ctx: AppContext, wizard: SetupWizard, qtbot
) -> None:
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.fields.name, "Freiwilligenagentur Trier")
    qtbot.keyClicks(wizard.fields.email, "info-at-trier")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    wizard.fields.bundesland.setFocus()
    qtbot.keyClicks(wizard.fields.bundesland, "Rhein")
    for _ in range(2):
        _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.isVisible() and wizard.currentId() == AGENCY
    assert "keine gültige E-Mail-Adresse" in wizard.form.error_text("email")
    assert needs_setup(ctx.db)


@pytest.mark.parametrize(
    ("button", "choice"), [("demo", SetupChoice.DEMO), ("open", SetupChoice.OPEN)]
)
def test_the_first_page_offers_the_demo_and_an_existing_database(
    wizard: SetupWizard, qtbot, monkeypatch, button: str, choice: SetupChoice
) -> None:
    radio = getattr(wizard.start, button)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    with qtbot.waitSignal(wizard.chosen) as chosen:
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert chosen.args == [choice]
    done: list[str] = []
    monkeypatch.setattr(offer, "open_demo", lambda window: done.append("demo"))
    monkeypatch.setattr(
        "engagement_desk.ui.connection.switching.choose_connection",
        lambda window: done.append("open"),
    )
    offer.act_on(QMainWindow(), choice)  # type: ignore[arg-type]
    assert done == [button]


def test_the_wizard_appears_only_on_a_really_empty_database(ctx: AppContext, qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    ctx.demo = True
    offer.offer_setup(window, ctx)  # type: ignore[arg-type]
    assert window.findChild(SetupWizard) is None  # never on the demo
    ctx.demo = False
    offer.offer_setup(window, ctx)  # type: ignore[arg-type]
    shown = window.findChild(SetupWizard)
    assert shown is not None and shown.isVisible()
    shown.reject()
    qtbot.waitUntil(lambda: window.findChild(SetupWizard) is None)
    add_person(ctx.db, "Anna", "Becker")  # an office database: people in it
    offer.offer_setup(window, ctx)  # type: ignore[arg-type]
    assert window.findChild(SetupWizard) is None


@pytest.mark.parametrize("with_people", [False, True])
def test_the_window_offers_the_wizard_when_it_opens_an_empty_database(
    qtbot,
    dialogs: RecordingDialogs,
    settings,
    languages,
    tmp_path: Path,
    migrated_copy,
    with_people: bool,
) -> None:
    from engagement_desk.ui.database_opener import DatabaseOpener
    from engagement_desk.ui.main_window import MainWindow
    from engagement_desk.ui.operations import Operations

    path = tmp_path / "buero.sqlite3"
    made = migrated_copy(path)
    if with_people:
        add_person(made, "Anna", "Becker")
    made.dispose()
    ctx = AppContext(
        ops=Operations(dialogs, inline=True),
        settings=settings,
        dialogs=dialogs,
        languages=languages,
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        DatabaseOpener(window, ctx, str(path)).open()
        qtbot.waitUntil(lambda: ctx.is_open)
        qtbot.wait(50)
        wizard = window.findChild(SetupWizard)
        assert (wizard is not None and wizard.isVisible()) is not with_people
        if wizard is not None:
            wizard.reject()
    finally:
        window.stop_live_updates()
        if ctx.database is not None:
            ctx.database.dispose()
