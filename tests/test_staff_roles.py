"""Staff roles enforced by PostgreSQL itself: grants, refusals, the staff functions."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from builders import add_organization, add_person, new_event, new_person
from certificate_support import set_up_agency
from hours_builders import add_hours_spread
from interchange_fixture import populate_all_tables
from ride_helpers import PLAIN_WEEK, driver, order, passenger, service
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from staff_helpers import StaffLogins
from staff_helpers import staff as staff  # the fixture

from engagement_desk import migrator, staff_grants
from engagement_desk.db import Database
from engagement_desk.failures import Kind, Reason, classify
from engagement_desk.models import AuditEntry, Person, metadata
from engagement_desk.models.enums import (
    CertificateKind,
    ConsentPurpose,
    ConsentSource,
    RideStatus,
    Role,
    StaffRole,
)
from engagement_desk.models.staff import ALL_TABLES, group_name
from engagement_desk.services.audit import record_export
from engagement_desk.services.certificates import IssueOptions, Selection, issue_certificates
from engagement_desk.services.errors import NotFoundError, ValidationError
from engagement_desk.services.events.registrations import register
from engagement_desk.services.interchange import export_database, import_database
from engagement_desk.services.opening import Purpose, open_database
from engagement_desk.services.people.persons import (
    PersonInput,
    create_person,
    get_person,
    get_person_sections,
    get_person_view,
    update_person,
)
from engagement_desk.services.people.sections import ConsentEntry, MobilityEntry, PersonSections
from engagement_desk.services.privacy.access import access_report
from engagement_desk.services.privacy.anonymize import anonymize_person
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.planning import plan_week
from engagement_desk.services.rides.status import mark_done, reopen_ride
from engagement_desk.services.staff import admin
from engagement_desk.services.staff.access import Capability, session_access

pytestmark = pytest.mark.postgres

HEALTH = ("mobility_needs", "ride_passenger", "standing_order", "standing_order_pause")


def _refused(dsn: str, statement: str) -> psycopg.Error:
    with psycopg.connect(dsn) as connection, pytest.raises(psycopg.Error) as caught:
        connection.execute(statement)
    return caught.value


def test_the_migration_makes_the_four_groups_and_their_grants(pg_db: Database) -> None:
    database = pg_db.url.database
    with pg_db.engine.connect() as connection:
        groups = set(
            connection.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :pattern"),
                {"pattern": f"{database}\\_%"},
            ).scalars()
        )
        assert {group_name(database, role) for role in StaffRole} <= groups

        def can(role: StaffRole, table: str, privilege: str) -> bool:
            return connection.execute(
                text("SELECT has_table_privilege(:group, :table, :privilege)"),
                {"group": group_name(database, role), "table": table, "privilege": privilege},
            ).scalar_one()

        for table in HEALTH:
            assert not can(StaffRole.BUERO, table, "SELECT"), table
            assert not can(StaffRole.LESEN, table, "SELECT"), table
            assert can(StaffRole.FAHRDIENST, table, "SELECT"), table
            assert can(StaffRole.LEITUNG, table, "DELETE"), table
        sequence_rights = text("SELECT has_sequence_privilege(:group, 'person_id_seq', 'UPDATE')")
        for role, may_set in ((StaffRole.LEITUNG, True), (StaffRole.BUERO, False)):
            group = group_name(database, role)
            assert connection.execute(sequence_rights, {"group": group}).scalar_one() is may_set
        assert can(StaffRole.BUERO, "ride", "SELECT")
        assert not can(StaffRole.BUERO, "ride", "INSERT")
        assert not can(StaffRole.FAHRDIENST, "event", "INSERT")
        assert not can(StaffRole.FAHRDIENST, "agency_settings", "UPDATE")
        assert can(StaffRole.LESEN, "audit_entry", "INSERT")
        assert not can(StaffRole.LESEN, "audit_entry", "UPDATE")
        for role in StaffRole:
            assert can(role, "staff_member", "SELECT")
            assert not can(role, "staff_member", "INSERT")  # only through the functions
        public_connects = connection.execute(
            text("SELECT has_database_privilege('public', current_database(), 'CONNECT')")
        ).scalar_one()
        assert not public_connects
        connection.rollback()


def test_every_table_of_the_models_is_decided_in_the_matrix() -> None:
    assert set(metadata.tables) <= set(ALL_TABLES)


def test_applying_the_grants_again_changes_nothing(pg_db: Database) -> None:
    query = text(
        "SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants "
        "WHERE table_schema = 'public' ORDER BY 1, 2, 3"
    )
    with pg_db.engine.connect() as connection:
        before = connection.execute(query).all()
        connection.rollback()
    with pg_db.engine.begin() as connection:
        staff_grants.apply(connection)
    with pg_db.engine.connect() as connection:
        assert connection.execute(query).all() == before
        connection.rollback()


def test_a_buero_login_is_refused_health_data_by_the_server(staff: StaffLogins) -> None:
    dsn = staff.psycopg_dsn(staff.add(StaffRole.BUERO))
    for table in HEALTH:
        error = _refused(dsn, f"SELECT * FROM {table}")
        assert isinstance(error, psycopg.errors.InsufficientPrivilege), table
    with psycopg.connect(dsn) as connection:
        # who rides when, without the needs: for the conflict check of a registration
        connection.execute("SELECT ride_id, person_id FROM ride_passenger").fetchall()
        assert connection.execute("SELECT count(*) FROM person").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM ride").fetchone() == (0,)


def test_a_fahrdienst_login_reads_the_health_tables(staff: StaffLogins) -> None:
    dsn = staff.psycopg_dsn(staff.add(StaffRole.FAHRDIENST))
    with psycopg.connect(dsn) as connection:
        for table in HEALTH:
            connection.execute(f"SELECT * FROM {table}").fetchall()
        error = None
        try:
            connection.execute("INSERT INTO event (title) VALUES ('x')")
        except psycopg.Error as refused:
            error = refused
        assert isinstance(error, psycopg.errors.InsufficientPrivilege)


def test_a_lesen_login_cannot_insert_a_person(staff: StaffLogins) -> None:
    dsn = staff.psycopg_dsn(staff.add(StaffRole.LESEN))
    error = _refused(dsn, "INSERT INTO person (first_name, last_name) VALUES ('A', 'B')")
    assert isinstance(error, psycopg.errors.InsufficientPrivilege)


def test_the_refusal_names_the_role_and_what_was_refused(staff: StaffLogins) -> None:
    buero = staff.open(staff.add(StaffRole.BUERO))
    assert session_access(buero).role is StaffRole.BUERO
    with pytest.raises(Exception) as caught, buero.read_session() as session:
        session.execute(select(text("wheelchair")).select_from(text("mobility_needs"))).all()
    failure = classify(caught.value)
    assert failure.kind is Kind.USER and failure.reason is Reason.NOT_ALLOWED
    assert failure.message == (
        "Ihre Anmeldung (Rolle „Büro“) darf das nicht: Mobilitätsbedarf lesen."
    )


def test_a_buero_login_creates_a_person_and_registers_them_for_an_event(
    staff: StaffLogins, pg_db: Database
) -> None:
    login = staff.add(StaffRole.BUERO, full_name="Berta Büro")
    buero = staff.open(login)
    person_id = new_person(buero, "Bauer")
    event = new_event(buero, "Sommerfest", dt.datetime(2030, 7, 1, 15, 0))
    result = register(buero, event.id, person_id)
    assert result.registration.person_id == person_id
    with pg_db.read_session() as session:
        users = set(
            session.scalars(
                select(AuditEntry.user).where(AuditEntry.entity.in_(("person", "registration")))
            )
        )
        assert session.get(Person, person_id).last_name == "Bauer"
    assert users == {login}  # the audit trail names the login, not the OS user


def test_fahrdienst_takes_a_new_passenger_with_consent_and_needs(staff: StaffLogins) -> None:
    fahrdienst = staff.open(staff.add(StaffRole.FAHRDIENST))
    today = dt.date.today()
    person = create_person(
        fahrdienst,
        PersonInput(last_name="Pohl", first_name="Paula", roles=frozenset({Role.PASSENGER})),
        PersonSections(
            consents=(ConsentEntry(ConsentPurpose.STORAGE, today, ConsentSource.PHONE),),
            mobility=MobilityEntry(wheelchair=True),
        ),
    )
    assert person.roles == frozenset({Role.PASSENGER})
    assert get_person_sections(fahrdienst, person.id).mobility == MobilityEntry(wheelchair=True)


def test_buero_saves_a_person_without_touching_the_needs(staff: StaffLogins) -> None:
    buero = staff.open(staff.add(StaffRole.BUERO))
    today = dt.date.today()
    consent = (ConsentEntry(ConsentPurpose.STORAGE, today, ConsentSource.PAPER),)
    person = create_person(buero, PersonInput(last_name="Busch"), PersonSections(consents=consent))
    view = get_person_view(buero, person.id)  # what the editor shows: no health data
    assert [step.recorded_by for step in view.consent_history] == [staff.logins[0]]
    assert view.sections.mobility is None
    updated = update_person(
        buero,
        person.id,
        PersonInput(last_name="Busch", city="Mainz"),
        expected_version=person.version,
        sections=view.sections,
    )
    assert updated.city == "Mainz"


def test_session_access_tells_each_role(staff: StaffLogins, pg_db: Database) -> None:
    owner = session_access(pg_db)
    assert owner.role is None and owner.allows(Capability.ADMIN_STAFF)
    assert owner.server.endswith(f"/{pg_db.url.database}")
    for role in StaffRole:
        access = session_access(staff.open(staff.add(role, full_name=f"Frau {role.value}")))
        assert access.role is role
        assert access.display_name == f"Frau {role.value}"
    fahrdienst = session_access(staff.open(staff.add(StaffRole.FAHRDIENST, "f2")))
    assert fahrdienst.allows(Capability.HEALTH_DATA)
    assert not fahrdienst.allows(Capability.EDIT_EVENTS)
    assert fahrdienst.refusal(Capability.EDIT_EVENTS) == (
        "Ihre Rolle „Fahrdienst“ darf keine Veranstaltungen bearbeiten."
    )


def test_a_leitung_login_administers_staff_and_a_buero_login_may_not(
    staff: StaffLogins, pg_db: Database
) -> None:
    leitung = staff.open(staff.add(StaffRole.LEITUNG))
    new_login = staff.name("neu")
    record = admin.add_staff(leitung, new_login, "Nina Neu", "Lesen", "Sommer-Regen-42")
    assert (record.role, record.active, record.full_name) == (StaffRole.LESEN, True, "Nina Neu")
    assert record.created_by == staff.logins[0]
    assert admin.change_role(leitung, new_login, "Büro").role is StaffRole.BUERO
    assert session_access(staff.open(new_login)).role is StaffRole.BUERO

    buero = staff.open(new_login)
    with pytest.raises(Exception) as caught:
        admin.add_staff(buero, staff.name("nein"), "", StaffRole.LESEN, "Sommer-Regen-42")
    assert classify(caught.value).message == (
        "Ihre Anmeldung (Rolle „Büro“) darf das nicht: Mitarbeitende verwalten."
    )
    with pytest.raises(DBAPIError, match="permission denied"):
        admin.disable_staff(buero, staff.logins[0])
    assert {r.login for r in admin.list_staff(buero)} >= {new_login, staff.logins[0]}


def test_a_disabled_login_can_no_longer_connect(staff: StaffLogins, pg_db: Database) -> None:
    login = staff.add(StaffRole.BUERO)
    dsn = staff.psycopg_dsn(login)
    with psycopg.connect(dsn) as still_open:
        ended = admin.disable_staff(pg_db, login)
        assert ended == 1
        with pytest.raises(psycopg.OperationalError):
            still_open.execute("SELECT 1")
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(dsn)
    assert [r.active for r in admin.list_staff(pg_db) if r.login == login] == [False]


def test_staff_input_is_checked_before_the_server_is_asked(
    staff: StaffLogins, pg_db: Database
) -> None:
    with pytest.raises(ValidationError) as bad_login:
        admin.add_staff(pg_db, "Anna Meier", "", StaffRole.LESEN, "Sommer-Regen-42")
    assert bad_login.value.first.field == "login"
    with pytest.raises(ValidationError) as bad_role:
        admin.add_staff(pg_db, staff.name("x"), "", "Chef", "Sommer-Regen-42")
    assert "Leitung, Büro, Fahrdienst, Lesen" in bad_role.value.first.message
    with pytest.raises(ValidationError) as short:
        admin.add_staff(pg_db, staff.name("y"), "", "lesen", "kurz")
    assert short.value.first.field == "password"
    existing = staff.add(StaffRole.LESEN)
    with pytest.raises(ValidationError, match="gibt es auf diesem Server schon"):
        admin.add_staff(pg_db, existing, "", "lesen", "Sommer-Regen-42")
    with pytest.raises(NotFoundError):
        admin.disable_staff(pg_db, staff.name("unbekannt"))
    with pytest.raises(ValidationError, match="eigene Anmeldung"):
        admin.disable_staff(staff.open(staff.add(StaffRole.LEITUNG, "chefin")), staff.logins[-1])


def test_the_password_reaches_the_server_only_as_a_scram_verifier(
    staff: StaffLogins, pg_db: Database
) -> None:
    login = staff.add(StaffRole.LESEN)
    with pg_db.engine.connect() as connection:
        stored = connection.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :login"), {"login": login}
        ).scalar_one()
        connection.rollback()
    assert stored.startswith("SCRAM-SHA-256$") and "Kaffee" not in stored
    with pytest.raises(DBAPIError, match="SCRAM"), pg_db.session() as session:
        session.execute(
            text("SELECT staff_set_password(:login, 'klartext-passwort')"), {"login": login}
        )


def test_a_non_owner_login_is_told_to_let_leitung_upgrade_an_older_schema(
    staff: StaffLogins, pg_db: Database
) -> None:
    login = staff.add(StaffRole.LEITUNG)
    reader = staff.open(login)
    assert migrator.upgrade(reader).action == "current"  # nothing attempted when current
    opened = open_database(staff.url(login), Purpose.WORK)  # as the window and commands do
    opened.dispose()
    with pg_db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    try:
        with pytest.raises(migrator.UpgradeNeedsOwnerError) as caught:
            migrator.upgrade(reader)
        assert str(caught.value).startswith(
            "Die Datenbank muss zuerst mit einer Leitungs-Anmeldung aktualisiert werden"
        )
        with pytest.raises(migrator.UpgradeNeedsOwnerError) as opening:
            open_database(staff.url(login), Purpose.WORK)
        assert classify(opening.value).message == str(caught.value)
    finally:
        with pg_db.engine.begin() as connection:
            connection.execute(
                text("UPDATE alembic_version SET version_num = :head"),
                {"head": migrator.head_revision()},
            )


def test_the_list_shows_what_the_server_says_about_a_login(
    staff: StaffLogins, pg_db: Database
) -> None:
    login = staff.add(StaffRole.LESEN)
    with pg_db.engine.begin() as connection:  # changed by hand, past the program
        connection.exec_driver_sql(f'ALTER ROLE "{login}" NOLOGIN')
    assert [r.active for r in admin.list_staff(pg_db) if r.login == login] == [False]


def test_after_the_owner_imports_an_agency_the_staff_logins_work_on_it(
    pg_empty: Database, db: Database, tmp_path
) -> None:
    # Import first: adding a login writes the audit trail, and an import wants an empty database.
    populate_all_tables(db)
    export_database(db, tmp_path / "agentur.json")
    migrator.upgrade(pg_empty)
    summary = import_database(pg_empty, tmp_path / "agentur.json")
    assert summary.counts["person"] > 0 and "staff_member" not in summary.counts
    logins = StaffLogins(pg_empty)
    try:
        buero = logins.open(logins.add(StaffRole.BUERO))
        new_id = new_person(buero, "Neu")  # the sequences were set past the imported ids
        assert new_id > max(_ids(db, "person"))
        names = [row.full_name for row in admin.list_staff(buero)]
        assert names == ["Test buero"]
    finally:
        logins.drop_all()


def _ids(db: Database, table: str) -> list[int]:
    with db.read_session() as session:
        return list(session.execute(text(f"SELECT id FROM {table}")).scalars())


def test_leitung_makes_the_access_report_and_anonymises_buero_may_not(
    staff: StaffLogins, pg_db: Database
) -> None:
    today = dt.date.today()
    person = create_person(
        pg_db,
        PersonInput(last_name="Alt", first_name="Anton", roles=frozenset({Role.PASSENGER})),
        PersonSections(
            consents=(ConsentEntry(ConsentPurpose.STORAGE, today, ConsentSource.PAPER),),
            mobility=MobilityEntry(rollator=True),
        ),
    )
    buero = staff.open(staff.add(StaffRole.BUERO))
    with pytest.raises(DBAPIError) as refused:
        access_report(buero, person.id)
    assert classify(refused.value).message.startswith("Ihre Anmeldung (Rolle „Büro“) darf das")
    leitung = staff.open(staff.add(StaffRole.LEITUNG))
    report = access_report(leitung, person.id)
    assert "mobility_needs" in {table.table for table in report.tables}
    anonymize_person(leitung, person.id)
    assert get_person(pg_db, person.id).last_name != "Alt"


def test_group_names_are_plain_short_and_never_shared() -> None:
    assert group_name("agentur", StaffRole.BUERO) == "agentur_buero"
    odd = group_name("Agentur-Süd", StaffRole.LESEN)
    assert odd.startswith("agentur_s") and odd.endswith("_lesen") and odd.isascii()
    assert odd != group_name("agentur_s_d", StaffRole.LESEN)
    long_name = "freiwilligenagentur_" * 4
    assert len(group_name(long_name, StaffRole.FAHRDIENST)) <= 63
    assert group_name(long_name, StaffRole.FAHRDIENST) != group_name(
        long_name + "x", StaffRole.FAHRDIENST
    )


def test_the_server_functions_check_their_input_themselves(pg_db: Database) -> None:
    calls = (
        (
            "SELECT staff_add('Anna Meier', '', 'buero', 'SCRAM-SHA-256$x')",
            "Ungültiger Anmeldename",
        ),
        ("SELECT staff_add('pg_anna', '', 'buero', 'SCRAM-SHA-256$x')", "Ungültiger Anmeldename"),
        ("SELECT staff_add('anna.x', '', 'chef', 'SCRAM-SHA-256$x')", "Unbekannte Rolle"),
        ("SELECT staff_add('anna.x', '', 'buero', 'geheim')", "verschlüsselt"),
        ("SELECT staff_set_role('niemand.da', 'lesen')", "gibt es nicht"),
    )
    for statement, message in calls:
        with pytest.raises(DBAPIError, match=message), pg_db.session() as session:
            session.execute(text(statement))


def test_a_table_of_a_later_migration_is_for_leitung_only_until_decided(
    pg_db: Database,
) -> None:
    database = pg_db.url.database
    with pg_db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE later_table (id serial PRIMARY KEY)")
        staff_grants.apply(connection)  # what the migrator does after every upgrade
        rights = {
            role: connection.execute(
                text("SELECT has_table_privilege(:group, 'later_table', 'SELECT')"),
                {"group": group_name(database, role)},
            ).scalar_one()
            for role in StaffRole
        }
        connection.exec_driver_sql("DROP TABLE later_table")
    assert rights == {
        StaffRole.LEITUNG: True,
        StaffRole.BUERO: False,
        StaffRole.FAHRDIENST: False,
        StaffRole.LESEN: False,
    }


def test_fahrdienst_plans_a_week_marks_a_ride_done_and_reopens_it(
    staff: StaffLogins, pg_db: Database
) -> None:
    sid = service(pg_db, duration=90)  # the service and its people, set up by the office
    order(pg_db, sid, passenger(pg_db, "Hilde", "Weber"))
    driver(pg_db, "Anna", "Becker")
    fahrdienst = staff.open(staff.add(StaffRole.FAHRDIENST))
    ride = plan_week(fahrdienst, parse_week(PLAIN_WEEK)).rides[0]
    done = mark_done(fahrdienst, ride.id, km="12,5", expected_version=ride.version)
    reopened = reopen_ride(fahrdienst, ride.id, expected_version=done.version)  # deletes hours
    assert reopened.status == RideStatus.ASSIGNED
    with pg_db.read_session() as session:
        assert session.scalar(text("SELECT count(*) FROM hours_entry")) == 0


def test_buero_issues_certificates(staff: StaffLogins, pg_db: Database, tmp_path) -> None:
    set_up_agency(pg_db)
    person = add_person(pg_db, "Ida", "Imhof")
    tafel = add_organization(pg_db, "Tafel")
    add_hours_spread(pg_db, person, dt.date(2025, 3, 1), "120", organization_id=tafel)
    buero = staff.open(staff.add(StaffRole.BUERO))
    result = issue_certificates(
        buero,
        CertificateKind.RECOGNITION,
        Selection(year=2025),
        options=IssueOptions(issued_on=dt.date(2026, 2, 1)),
        out_dir=tmp_path / "urkunden",
    )
    assert [c.number for c in result.certificates] == ["U-2026-00001"]


def test_the_staff_functions_run_as_their_owner_and_only_leitung_may_call_them(
    pg_db: Database,
) -> None:
    database = pg_db.url.database
    with pg_db.engine.connect() as connection:
        for function in staff_grants.STAFF_FUNCTIONS:
            definer, config = connection.execute(
                text(
                    "SELECT prosecdef, proconfig FROM pg_proc WHERE oid = CAST(:f AS regprocedure)"
                ),
                {"f": function},
            ).one()
            assert definer and config == ["search_path=pg_catalog, public, pg_temp"], function
            for grantee, allowed in (
                ("public", False),
                (group_name(database, StaffRole.BUERO), False),
                (group_name(database, StaffRole.LEITUNG), True),
            ):
                may_call = connection.execute(
                    text("SELECT has_function_privilege(:who, :f, 'EXECUTE')"),
                    {"who": grantee, "f": function},
                ).scalar_one()
                assert may_call is allowed, (function, grantee)
        connection.rollback()


def test_an_owner_without_createrole_is_told_how_to_make_the_groups(
    staff: StaffLogins, pg_db: Database
) -> None:
    weak = staff.name("owner")
    with pg_db.engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE ROLE "{weak}" NOLOGIN')
        connection.commit()
        connection.exec_driver_sql(f'SET ROLE "{weak}"')
        with pytest.raises(migrator.MigrationError) as caught:
            staff_grants._create_groups(connection, {StaffRole.LESEN: f"{weak}_lesen"})
        connection.rollback()
    assert "CREATEROLE fehlt" in str(caught.value)
    assert f'CREATE ROLE "{weak}_lesen" NOLOGIN;' in str(caught.value)
    assert classify(caught.value).message == str(caught.value)


def test_a_lesen_login_that_exports_is_in_the_audit_trail(staff: StaffLogins, pg_db) -> None:
    login = staff.add(StaffRole.LESEN)
    assert record_export(staff.open(login), "person", None, ["last_name"]) is True
    with pg_db.read_session() as session:
        entry = session.execute(
            select(AuditEntry.user, AuditEntry.action).where(AuditEntry.entity == "person")
        ).one()
    assert (entry.user, entry.action.value) == (login, "export")
