"""The register sub-tab: verify, revoke, reprint; the tab as the window builds it."""

from __future__ import annotations

import datetime as dt

from builders import add_person
from certificate_support import pdf_reader, set_up_agency
from hours_builders import add_entry
from pdf_helpers import RecordingPdfOutput

from engagement_desk.models.enums import CertificateKind, CertificateStatus
from engagement_desk.services.certificates import (
    Selection,
    get_certificate,
    issue_certificates,
)
from engagement_desk.ui.certificates.tab import CertificatesTab, create_certificates_tab

YEAR = dt.date.today().year - 1


def issue_two(db, tmp_path):
    set_up_agency(db)
    for name in ("Meyer", "Zorn"):
        person = add_person(db, "Anna", name)
        add_entry(db, person, dt.date(YEAR, 4, 1), "8")
    return issue_certificates(
        db, CertificateKind.RECOGNITION, Selection(year=YEAR), single_file=tmp_path / "u.pdf"
    ).certificates


def make_tab(ctx, qtbot):
    output = RecordingPdfOutput()
    tab = CertificatesTab(ctx, output=output)
    qtbot.addWidget(tab)
    tab.tabs.setCurrentWidget(tab.register_page)
    return tab, output


def test_factory_builds_the_tab(ctx, qtbot):
    tab = create_certificates_tab(ctx)
    qtbot.addWidget(tab)
    assert tab.tabs.count() >= 2


def test_verify_shows_valid_and_revoked(ctx, qtbot, tmp_path, dialogs):
    first, _ = issue_two(ctx.db, tmp_path)
    tab, _ = make_tab(ctx, qtbot)
    page = tab.register_page
    page.number.setText(first.number)
    page.code.setText(first.verification_code)
    page.verify_button.click()
    assert page.verify_result.property("valid") is True
    assert first.number in page.verify_result.text()

    tab.panel.show_record(first.id)
    assert page.selected_number() == first.number
    page.reason.setText("Stunden falsch erfasst")
    page.revoke_button.click()
    assert get_certificate(ctx.db, first.number).status == CertificateStatus.REVOKED
    page.verify_button.click()
    assert page.verify_result.property("valid") is False
    assert "widerrufen" in page.verify_result.text()
    assert "Stunden falsch erfasst" in page.verify_result.text()


def test_revoke_without_reason_changes_nothing(ctx, qtbot, tmp_path, dialogs):
    first, _ = issue_two(ctx.db, tmp_path)
    tab, _ = make_tab(ctx, qtbot)
    tab.panel.show_record(first.id)
    tab.register_page.revoke_button.click()
    assert dialogs.texts("warn")
    assert get_certificate(ctx.db, first.number).status == CertificateStatus.ISSUED


def test_reprint_and_reissue(ctx, qtbot, tmp_path, dialogs):
    first, _ = issue_two(ctx.db, tmp_path)
    tab, output = make_tab(ctx, qtbot)
    page = tab.register_page
    tab.panel.show_record(first.id)
    duplicate = tmp_path / "dup.pdf"
    dialogs.paths.append(str(duplicate))
    page.reprint_button.click()
    assert len(pdf_reader(duplicate).pages) == 1
    page.print_button.click()
    assert len(output.printed) == 1
    new_file = tmp_path / "neu.pdf"
    dialogs.paths.append(str(new_file))
    page.reissue_button.click()
    assert new_file.exists()
    assert get_certificate(ctx.db, first.number).status == CertificateStatus.REPLACED
