"""Certificate texts the office edits: placeholders, versions, defaults."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import CertificateTemplate
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    TemplateInput,
    create_template,
    default_template,
    delete_template,
    list_templates,
    update_template,
)
from engagement_desk.services.certificates.placeholders import (
    Paragraph,
    Style,
    placeholders_in,
    render_paragraphs,
    template_problems,
)
from engagement_desk.services.errors import ConflictError, ValidationError


def test_german_defaults_are_created_once_for_every_kind(any_db: Database) -> None:
    templates = list_templates(any_db)
    assert {t.kind for t in templates} == set(CertificateKind)
    assert all(t.is_default and t.template_version == 1 and t.name == "Standard" for t in templates)
    assert list_templates(any_db) == templates
    recognition = default_template(any_db, CertificateKind.RECOGNITION)
    assert recognition.title == "Anerkennungsurkunde"
    assert "{anrede_name_akkusativ}" in recognition.body


def test_default_texts_use_only_known_placeholders() -> None:
    for data in DEFAULT_TEMPLATES.values():
        assert template_problems(data.body) == []
        assert set(placeholders_in(data.body)) <= set(PLACEHOLDERS)


def test_editing_the_text_raises_the_template_version(any_db: Database) -> None:
    template = default_template(any_db, CertificateKind.RECOGNITION)
    renamed = update_template(
        any_db,
        template.id,
        TemplateInput("Jahresempfang", template.title, template.body, is_default=True),
        expected_version=template.version,
    )
    assert renamed.template_version == 1  # a new name is not a new text
    edited = update_template(
        any_db,
        template.id,
        TemplateInput("Jahresempfang", "Urkunde {jahr}", "Danke, {vorname}!", is_default=True),
        expected_version=renamed.version,
    )
    assert edited.template_version == 2 and edited.title == "Urkunde {jahr}"
    with pytest.raises(ConflictError):
        update_template(
            any_db,
            template.id,
            TemplateInput("X", "Y", "Z", is_default=True),
            expected_version=renamed.version,
        )


def test_unknown_placeholders_are_named_in_the_error(db: Database) -> None:
    template = default_template(db, CertificateKind.STATEMENT)
    with pytest.raises(ValidationError) as caught:
        update_template(
            db,
            template.id,
            TemplateInput("Standard", "Nachweis {jahrgang}", "Danke {Vorname} für {stunden} {xyz}"),
            expected_version=template.version,
        )
    assert caught.value.for_field("body").message == "Unbekannte Platzhalter: {Vorname}, {xyz}."
    assert caught.value.for_field("title").message == "Unbekannte Platzhalter: {jahrgang}."


def test_stray_braces_and_empty_fields_are_rejected(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        create_template(db, CertificateKind.RECOGNITION, TemplateInput("", "", "Danke {name"))
    fields = {e.field for e in caught.value.errors}
    assert fields == {"name", "title", "body"}
    assert "kein Gegenstück" in caught.value.for_field("body").message


def test_a_new_default_replaces_the_old_one_and_names_are_unique(db: Database) -> None:
    old = default_template(db, CertificateKind.ATTENDANCE)
    new = create_template(
        db,
        CertificateKind.ATTENDANCE,
        TemplateInput("Kurz", "Bescheinigung", "{name} war dabei.", is_default=True),
    )
    assert default_template(db, CertificateKind.ATTENDANCE).id == new.id
    with db.read_session() as session:
        assert session.get(CertificateTemplate, old.id).is_default is False
    with pytest.raises(ValidationError, match="gibt es für diese Art schon"):
        create_template(db, CertificateKind.ATTENDANCE, TemplateInput("Kurz", "A", "B"))


def test_the_last_template_of_a_kind_stays(db: Database) -> None:
    only = default_template(db, CertificateKind.RECOGNITION)
    with pytest.raises(ValidationError, match="letzte Vorlage"):
        delete_template(db, only.id, expected_version=only.version)
    extra = create_template(db, CertificateKind.RECOGNITION, TemplateInput("B", "T", "{name}"))
    delete_template(db, extra.id, expected_version=extra.version)
    with db.read_session() as session:
        assert session.scalars(select(CertificateTemplate.id)).all() != []


def test_paragraphs_without_values_vanish_and_highlights_are_found() -> None:
    body = "{anrede} {name}\n\nhat teilgenommen an\n\n„{veranstaltung}“\n\nLeitung: {trainer}"
    values = {"anrede": "", "name": "Łucja Wąsowska", "veranstaltung": "Erste Hilfe"}
    assert render_paragraphs(body, values) == (
        Paragraph(Style.NAME, "Łucja Wąsowska"),
        Paragraph(Style.TEXT, "hat teilgenommen an"),
        Paragraph(Style.EMPHASIS, "„Erste Hilfe“"),
    )


def test_a_value_ending_in_a_full_stop_does_not_double_the_template_full_stop() -> None:
    from engagement_desk.services.certificates.placeholders import fill

    assert fill("bei {organisationen}.", {"organisationen": "Musikverein e.V."}) == (
        "bei Musikverein e.V."
    )
    assert fill("bei {organisationen}.", {"organisationen": "Tafel"}) == "bei Tafel."
