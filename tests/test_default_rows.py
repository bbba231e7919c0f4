"""Migration 0003 writes the settings row and the default templates; the getters only read.

Regression: get_agency_settings, list_templates and default_template used to create
these rows lazily inside write sessions, so reading the settings took the writer lock."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from sqlalchemy import event, insert, select, update

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import AgencySettings, CertificateTemplate
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.templates import (
    DEFAULT_TEMPLATES,
    default_template,
    list_templates,
)
from engagement_desk.services.defaults import clear_untouched_defaults
from engagement_desk.services.settings import get_agency_settings

MIGRATION = importlib.import_module("engagement_desk.migrations.versions.0003_default_rows")
SALUTATION_MIGRATION = importlib.import_module(
    "engagement_desk.migrations.versions.0010_hours_corrections"
)


@contextmanager
def writes_recorded(db: Database) -> Iterator[list[str]]:
    """Every statement that would change data, and every write session opened."""
    seen: list[str] = []

    def before_execute(_conn, _cursor, statement: str, *_args) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            seen.append(statement)

    def no_write_session():
        seen.append("db.session()")
        raise AssertionError("a getter opened a write session")

    event.listen(db.engine, "before_cursor_execute", before_execute)
    original = db.session
    db.session = no_write_session  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        db.session = original  # type: ignore[method-assign]
        event.remove(db.engine, "before_cursor_execute", before_execute)


def template_rows(db: Database) -> list[tuple[CertificateKind, str, str]]:
    with db.read_session() as session:
        rows = session.execute(
            select(CertificateTemplate.kind, CertificateTemplate.name, CertificateTemplate.title)
        ).all()
    return sorted((kind, name, title) for kind, name, title in rows)


def test_a_new_database_has_the_settings_row_and_a_template_per_kind(any_db: Database) -> None:
    with any_db.read_session() as session:
        settings = session.get(AgencySettings, 1)
        assert settings is not None
        assert (settings.name, settings.bundesland, settings.km_rate, settings.version) == (
            "Freiwilligenagentur",
            "RP",
            Decimal("0.30"),
            1,
        )
    assert template_rows(any_db) == sorted(
        (kind, "Standard", data.title) for kind, data in DEFAULT_TEMPLATES.items()
    )


def test_the_migrations_write_the_services_default_texts() -> None:
    # 0003 wrote the first texts; 0010 replaces them (where unchanged) with today's.
    assert {kind: body for kind, _title, body in MIGRATION.DEFAULT_TEMPLATES} == (
        SALUTATION_MIGRATION.OLD_BODIES
    )
    assert {kind: title for kind, title, _body in MIGRATION.DEFAULT_TEMPLATES} == {
        kind.value: data.title for kind, data in DEFAULT_TEMPLATES.items()
    }
    assert {
        kind.value: data.body for kind, data in DEFAULT_TEMPLATES.items()
    } == SALUTATION_MIGRATION.NEW_BODIES


def test_unchanged_default_texts_get_the_salutation_an_edited_one_stays(tmp_path: Path) -> None:
    db = Database(tmp_path / "older.sqlite3")
    try:
        migrator.upgrade(db, target="0009")
        with db.engine.begin() as connection:
            connection.execute(
                update(CertificateTemplate.__table__)
                .where(CertificateTemplate.__table__.c.kind == "attendance")
                .values(body="Eigener Text für {name}", template_version=2, version=2)
            )
        migrator.upgrade(db)
        bodies = {t.kind: (t.body, t.template_version) for t in list_templates(db)}
        assert bodies[CertificateKind.STATEMENT] == (
            DEFAULT_TEMPLATES[CertificateKind.STATEMENT].body,
            1,
        )
        assert "{anrede_name_akkusativ}" in bodies[CertificateKind.RECOGNITION][0]
        assert bodies[CertificateKind.ATTENDANCE] == ("Eigener Text für {name}", 2)
        # A fresh database with the new texts still counts as untouched.
        with db.engine.begin() as connection:
            clear_untouched_defaults(connection)
        assert len(template_rows(db)) == 3
    finally:
        db.dispose()


def test_getters_write_nothing(any_db: Database) -> None:
    with writes_recorded(any_db) as writes:
        settings = get_agency_settings(any_db)
        templates = list_templates(any_db)
        recognition = default_template(any_db, CertificateKind.RECOGNITION)
    assert writes == []
    assert settings.name == "Freiwilligenagentur" and settings.version == 1
    assert len(templates) == 3 and recognition.title == "Anerkennungsurkunde"


def test_getters_work_on_a_connection_that_refuses_writes(db: Database) -> None:
    db.dispose()

    @event.listens_for(db.engine, "connect")
    def _query_only(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    assert get_agency_settings(db).name == "Freiwilligenagentur"
    assert default_template(db, CertificateKind.STATEMENT).title == "Engagementnachweis"
    assert len(list_templates(db)) == 3


def test_upgrade_keeps_existing_rows_and_adds_only_missing_kinds(tmp_path: Path) -> None:
    db = Database(tmp_path / "older.sqlite3")
    try:
        migrator.upgrade(db, target="0002")
        with db.engine.begin() as connection:
            connection.execute(
                insert(AgencySettings.__table__).values(
                    id=1,
                    name="Freiwilligenagentur Bitburg",
                    bundesland="RP",
                    km_rate=0.35,
                    version=4,
                )
            )
            connection.execute(
                insert(CertificateTemplate.__table__).values(
                    kind="recognition",
                    name="Eigene",
                    template_version=3,
                    title="Urkunde",
                    body="{name}",
                    is_default=True,
                    version=2,
                )
            )
        result = migrator.upgrade(db)
        assert (result.action, result.from_revision) == ("upgraded", "0002")
        settings = get_agency_settings(db)
        assert (settings.name, settings.km_rate, settings.version) == (
            "Freiwilligenagentur Bitburg",
            Decimal("0.35"),
            4,
        )
        assert template_rows(db) == sorted(
            [
                (CertificateKind.RECOGNITION, "Eigene", "Urkunde"),
                (CertificateKind.STATEMENT, "Standard", "Engagementnachweis"),
                (CertificateKind.ATTENDANCE, "Standard", "Teilnahmebescheinigung"),
            ]
        )
    finally:
        db.dispose()


def test_a_missing_settings_row_reads_as_defaults_and_saving_creates_it(db: Database) -> None:
    from engagement_desk.services.settings import AgencySettingsInput, update_agency_settings

    with db.session() as session:
        session.execute(AgencySettings.__table__.delete())
    settings = get_agency_settings(db)
    assert settings.name == "Freiwilligenagentur"
    saved = update_agency_settings(
        db, AgencySettingsInput(name="Agentur Naumburg"), expected_version=settings.version
    )
    assert get_agency_settings(db) == saved and saved.name == "Agentur Naumburg"


def test_edited_defaults_are_not_cleared_for_an_import(db: Database) -> None:
    with db.session() as session:
        session.execute(update(AgencySettings).values(city="Bitburg", version=2))
        clear_untouched_defaults(session.connection())
    assert get_agency_settings(db).city == "Bitburg"
    assert len(template_rows(db)) == 3
    with db.session() as session:
        session.execute(update(AgencySettings).values(city="", version=1))
        clear_untouched_defaults(session.connection())
    assert template_rows(db) == []
