"""The template editor: unknown placeholders at the field, saving, preview."""

from __future__ import annotations

from builders import add_person
from certificate_support import set_up_agency
from pdf_helpers import RecordingPdfOutput

from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import list_templates
from engagement_desk.services.people.persons import PersonChoice
from engagement_desk.ui.certificates.templates_page import TemplatesPage


def make_page(ctx, qtbot) -> TemplatesPage:
    page = TemplatesPage(ctx, RecordingPdfOutput())
    qtbot.addWidget(page)
    page.load()
    return page


def test_unknown_placeholder_is_reported_at_the_field_and_not_saved(ctx, qtbot):
    page = make_page(ctx, qtbot)
    assert page.title.text() == "Anerkennungsurkunde"
    page.body.setPlainText("Danke, {vorname} {nachnahme}!")
    assert "{nachnahme}" in page.form.error_text("body")
    page.save_button.click()
    assert "{nachnahme}" in page.form.error_text("body")
    (stored,) = list_templates(ctx.db, CertificateKind.RECOGNITION)
    assert "{nachnahme}" not in stored.body


def test_saving_raises_the_version_and_preview_shows_the_text(ctx, qtbot):
    set_up_agency(ctx.db)
    person = add_person(ctx.db, "Anna", "Meyer")
    page = make_page(ctx, qtbot)
    page.title.setText("Dankesurkunde")
    page.save_button.click()
    (stored,) = list_templates(ctx.db, CertificateKind.RECOGNITION)
    assert stored.title == "Dankesurkunde" and stored.template_version == 2
    page.preview_person.set_person(PersonChoice(id=person, label="Meyer, Anna", roles=()))
    page.preview_button.click()
    assert page.preview.page_count == 1
