"""The Urkunden tab's issue page: selection, preview, batch with progress and cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import add_person
from certificate_support import pdf_reader, set_up_agency
from hours_builders import add_entry
from pdf_helpers import RecordingPdfOutput
from pytestqt.qtbot import QtBot

from engagement_desk.db import Database
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.register_list import count_certificates
from engagement_desk.services.listing import ListQuery
from engagement_desk.ui import operations
from engagement_desk.ui.certificates.issue_page import IssuePage
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.widgets.progress import ThreadSafeProgress

YEAR = dt.date.today().year - 1


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    set_up_agency(db)
    ids = {
        "meyer": add_person(db, "Anna", "Meyer"),
        "klein": add_person(db, "Bernd", "Klein"),
        "zorn": add_person(db, "Carla", "Zorn"),
        "old": add_person(db, "Dieter", "Alt"),
    }
    add_days(db, ids["meyer"], dt.date(YEAR, 3, 1), 9)
    add_entry(db, ids["klein"], dt.date(YEAR, 5, 2), "12")
    add_days(db, ids["zorn"], dt.date(YEAR, 6, 3), 10)
    add_days(db, ids["old"], dt.date(YEAR - 1, 6, 3), 20)
    return ids


def add_days(db: Database, person_id: int, start: dt.date, days: int) -> None:
    """Ten hours a day on ``days`` days from ``start``."""
    for n in range(days):
        add_entry(db, person_id, start + dt.timedelta(days=n), "10")


def make_page(ctx: AppContext, qtbot: QtBot) -> tuple[IssuePage, RecordingPdfOutput]:
    output = RecordingPdfOutput()
    page = IssuePage(ctx, output)
    qtbot.addWidget(page)
    page.year.setValue(YEAR)
    page.load()
    return page, output


def shown_names(page: IssuePage) -> list[str]:
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_year_and_minimum_hours_list_the_right_people(ctx, qtbot, people):
    page, _ = make_page(ctx, qtbot)
    assert shown_names(page) == ["Klein, Bernd", "Meyer, Anna", "Zorn, Carla"]
    page.min_hours.setValue(50)
    page.load_candidates()
    assert shown_names(page) == ["Meyer, Anna", "Zorn, Carla"]
    assert page.model.index(0, 1).data() == "90"
    assert page.count_label.text().startswith("2 ")


def test_preview_of_the_selected_person_shows_one_page(ctx, qtbot, people):
    page, _ = make_page(ctx, qtbot)
    page.table.selectRow(1)
    assert page.selected_person_id() == people["meyer"]
    assert page.preview.page_count == 1
    assert pdf_reader(page.preview.pdf).pages[0].extract_text().count("Meyer") >= 1


def test_batch_into_one_file_registers_every_certificate(ctx, qtbot, people, tmp_path, dialogs):
    page, output = make_page(ctx, qtbot)
    page.min_hours.setValue(50)
    page.load_candidates()
    target = tmp_path / "urkunden.pdf"
    dialogs.paths.append(str(target))
    page.issue_button.click()
    assert len(pdf_reader(target).pages) == 2
    assert count_certificates(ctx.db, ListQuery()) == 2
    numbers = [c.number for c in page.result.certificates]
    assert numbers[0] in page.result_label.text() and numbers[1] in page.result_label.text()
    page.print_button.click()
    assert [files for files, _ in output.printed] == [[target]]
    copy = tmp_path / "kopie.pdf"
    dialogs.paths.append(str(copy))
    page.save_as_button.click()
    assert copy.read_bytes() == target.read_bytes()


def test_cancel_registers_nothing(ctx, qtbot, people, tmp_path, dialogs, monkeypatch):
    class CancelledAtOnce(ThreadSafeProgress):
        def __init__(self) -> None:
            super().__init__()
            self.cancel()

    monkeypatch.setattr(operations, "ThreadSafeProgress", CancelledAtOnce)
    page, _ = make_page(ctx, qtbot)
    target = tmp_path / "urkunden.pdf"
    dialogs.paths.append(str(target))
    page.issue_button.click()
    assert count_certificates(ctx.db, ListQuery()) == 0
    assert not target.exists()
    assert page.result is None and page.result_label.text()
    assert dialogs.texts("warn") == []


def test_separate_files_into_a_folder(ctx, qtbot, people, tmp_path, monkeypatch):
    page, output = make_page(ctx, qtbot)
    page.kind.setCurrentIndex(page.kind.findData(CertificateKind.STATEMENT))
    page.separate_files.setChecked(True)
    monkeypatch.setattr(page, "choose_folder", lambda: str(tmp_path))
    page.load_candidates()
    page.issue_button.click()
    files = sorted(Path(tmp_path).glob("*.pdf"))
    assert len(files) == 3
    page.open_button.click()
    assert output.opened == [tmp_path]
