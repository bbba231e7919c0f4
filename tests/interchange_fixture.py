"""A small, realistic agency in every table, for round trips of the interchange format.

Covers every column type with real values and with NULLs: non-ASCII names,
decimals such as 2.50, a PNG logo, times in several zones, enum values and a
certificate that replaces another one.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from decimal import Decimal

from sqlalchemy import insert

from engagement_desk.db import Database
from engagement_desk.models import (
    Absence,
    AgencySettings,
    AuditAction,
    AuditEntry,
    Availability,
    Center,
    Certificate,
    CertificateKind,
    CertificateStatus,
    CertificateTemplate,
    Consent,
    ConsentEvent,
    ConsentEventKind,
    ConsentPurpose,
    ConsentSource,
    DriverPreference,
    DriverProfile,
    Event,
    EventKind,
    EventQuestion,
    HoursCorrection,
    HoursEntry,
    HoursSource,
    LetterTemplate,
    MobilityNeeds,
    Opportunity,
    OpportunitySkill,
    OpportunityStatus,
    Organization,
    OrganizationContact,
    OrganizationKind,
    Person,
    PersonRole,
    PersonStatus,
    PersonTag,
    Placement,
    PlacementStatus,
    PlacementStep,
    RecordStatus,
    Registration,
    RegistrationRole,
    RegistrationStatus,
    Ride,
    RidePassenger,
    RideService,
    RideServiceKind,
    RideStatus,
    Role,
    SavedFilter,
    Shift,
    Signatory,
    StandbyDriver,
    StandingOrder,
    StandingOrderPause,
    TagKind,
    Vehicle,
    organization_center,
)
from engagement_desk.services.defaults import clear_untouched_defaults

BERLIN_WINTER = dt.timezone(dt.timedelta(hours=1))


def tiny_png() -> bytes:
    """A valid 1×1 PNG: bytes with NULs and high bits, as a logo would have."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xc8\x10\x2e")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def populate_all_tables(db: Database) -> None:
    """Insert a couple of rows into every table of the model (replacing a new database's
    default settings row and templates)."""
    with db.session() as s:
        clear_untouched_defaults(s.connection())
        _people(s)
        s.flush()
        _organizations(s)
        s.flush()
        _rides(s)
        s.flush()
        _events_and_hours(s)
        s.flush()
        _certificates_and_settings(s)
        _letters(s)


def _people(s) -> None:
    s.add_all(
        [
            Person(
                id=1,
                salutation="Herr",
                first_name="Şükrü",
                last_name="Ağaoğlu",
                birth_date=dt.date(1956, 4, 12),
                street="Trierer Straße 7",
                postal_code="54634",
                city="Bitburg",
                phone="06561 12345",
                mobile="0151 2345678",
                email="s.agaoglu@example.org",
                notes='Fährt gern „Tour 2“.\nZweite Zeile mit \\ und "Anführungszeichen".',
                engaged_since=dt.date(2019, 5, 1),
                created_at=utc(2024, 1, 15, 8, 30, 0),
                updated_at=utc(2025, 6, 1, 12, 0, 5),
            ),
            Person(
                id=2,
                salutation="Frau",
                title="Dr.",
                first_name="Łucja",
                last_name="Wąsowska",
                birth_date=dt.date(1938, 11, 30),
                street="Am Markt 3",
                postal_code="54634",
                city="Bitburg",
            ),
            Person(
                id=3,
                salutation="Frau",
                first_name="Анна",
                last_name="Петрова",
                certificate_name="Anna Petrova",
                email="anna.petrova@example.org",
                status=PersonStatus.INACTIVE,
                engaged_since=dt.date(2022, 9, 1),
            ),
            Person(
                id=4,
                last_name="Anonymisiert",
                status=PersonStatus.ARCHIVED,
                anonymized_on=dt.date(2026, 1, 15),
            ),
        ]
    )
    s.flush()
    # Inserted out of key order on purpose: the export must sort them.
    s.execute(
        insert(PersonRole),
        [
            {"person_id": 1, "role": Role.VOLUNTEER},
            {"person_id": 1, "role": Role.DRIVER},
            {"person_id": 3, "role": Role.CLUB_CONTACT},
            {"person_id": 2, "role": Role.PASSENGER},
            {"person_id": 3, "role": Role.VOLUNTEER},
        ],
    )
    s.execute(
        insert(PersonTag),
        [
            {"person_id": 3, "kind": TagKind.LANGUAGE, "value": "Русский"},
            {"person_id": 1, "kind": TagKind.LANGUAGE, "value": "Türkisch"},
            {"person_id": 1, "kind": TagKind.LANGUAGE, "value": "Deutsch"},
            {"person_id": 1, "kind": TagKind.SKILL, "value": "Fahren"},
            {"person_id": 1, "kind": TagKind.INTEREST, "value": "Garten"},
            {"person_id": 1, "kind": TagKind.INTEREST, "value": "basteln"},
        ],
    )
    s.add_all(
        [
            Consent(
                id=1,
                person_id=1,
                purpose=ConsentPurpose.STORAGE,
                given_on=dt.date(2024, 3, 1),
                source=ConsentSource.PAPER,
                note="Ordner 2024, Blatt 12",
            ),
            Consent(
                id=2,
                person_id=1,
                purpose=ConsentPurpose.PHOTOS,
                given_on=dt.date(2024, 3, 1),
                source=ConsentSource.IN_PERSON,
                withdrawn_on=dt.date(2025, 1, 10),
            ),
            Consent(
                id=3,
                person_id=2,
                purpose=ConsentPurpose.STORAGE,
                given_on=dt.date(2025, 2, 3),
                source=ConsentSource.PHONE,
            ),
            ConsentEvent(
                id=1,
                person_id=1,
                purpose=ConsentPurpose.PHOTOS,
                kind=ConsentEventKind.GIVEN,
                on_date=dt.date(2024, 3, 1),
                source=ConsentSource.IN_PERSON,
                recorded_at=utc(2024, 3, 1, 10, 5),
                recorded_by="buero",
            ),
            ConsentEvent(
                id=2,
                person_id=1,
                purpose=ConsentPurpose.PHOTOS,
                kind=ConsentEventKind.WITHDRAWN,
                on_date=dt.date(2025, 1, 10),
                source=None,
                note="Anruf der Tochter",
                recorded_at=utc(2025, 1, 10, 14, 0),
            ),
            Availability(
                id=1,
                person_id=1,
                weekday=1,
                start_time=dt.time(9, 0),
                end_time=dt.time(12, 30),
                note="nur gerade Wochen",
            ),
            Availability(
                id=2,
                person_id=3,
                weekday=4,
                start_time=dt.time(14, 0),
                end_time=dt.time(17, 45, 30),
            ),
            Absence(
                id=1,
                person_id=1,
                start_date=dt.date(2026, 7, 1),
                end_date=dt.date(2026, 7, 14),
                reason="Urlaub",
            ),
            Absence(
                id=2, person_id=3, start_date=dt.date(2026, 2, 2), end_date=dt.date(2026, 2, 2)
            ),
            MobilityNeeds(
                person_id=2,
                wheelchair=True,
                escort=True,
                notes="Rollstuhl; Begleitung bis zur Wohnungstür",
            ),
            MobilityNeeds(person_id=4, rollator=True),
        ]
    )


def _organizations(s) -> None:
    s.add_all(
        [
            Center(
                id=1,
                name="Engagement-Zentrum Senioren",
                theme="Senioren",
                street="Rathausplatz 1",
                postal_code="54634",
                city="Bitburg",
                opening_hours="Di + Do 9–12 Uhr",
                description="Fahrdienst und Besuche.",
                contact_person_id=3,
            ),
            Center(id=2, name="Zentrum Migration", theme="Migration", status=RecordStatus.ARCHIVED),
            Organization(
                id=1,
                name="Tafel Bitburg e.V.",
                kind=OrganizationKind.CLUB,
                website="https://tafel.example.org",
                may_publish=True,
            ),
            Organization(
                id=2,
                name="Initiative Łąka",
                kind=OrganizationKind.INITIATIVE,
                status=RecordStatus.ARCHIVED,
            ),
        ]
    )
    s.flush()
    s.execute(
        insert(organization_center),
        [
            {"organization_id": 2, "center_id": 1},
            {"organization_id": 1, "center_id": 2},
            {"organization_id": 1, "center_id": 1},
        ],
    )
    s.add_all(
        [
            OrganizationContact(organization_id=1, person_id=3, function="Vorsitzende"),
            OrganizationContact(organization_id=2, person_id=1),
            Opportunity(
                id=1,
                organization_id=1,
                center_id=1,
                title="Lebensmittel sortieren",
                time_commitment="2 h pro Woche",
                place="Lager",
                postal_code="54634",
                volunteers_wanted=3,
            ),
            Opportunity(
                id=2, organization_id=2, title="Wiese mähen", status=OpportunityStatus.PAUSED
            ),
        ]
    )
    s.flush()
    s.add_all(
        [
            OpportunitySkill(opportunity_id=1, value="Lagerarbeit"),
            OpportunitySkill(opportunity_id=1, value="Deutsch"),
            Placement(
                id=1,
                person_id=1,
                opportunity_id=1,
                status=PlacementStatus.ACTIVE,
                follow_up_on=dt.date(2026, 2, 1),
            ),
            Placement(id=2, person_id=3, opportunity_id=2),
        ]
    )
    s.flush()
    s.add_all(
        [
            PlacementStep(
                id=1,
                placement_id=1,
                status=PlacementStatus.INTEREST,
                on_date=dt.date(2025, 10, 1),
                note="Anruf",
            ),
            PlacementStep(
                id=2, placement_id=1, status=PlacementStatus.ACTIVE, on_date=dt.date(2025, 10, 8)
            ),
        ]
    )


def _rides(s) -> None:
    s.add_all(
        [
            RideService(
                id=1,
                name="Seniorenfahrdienst",
                kind=RideServiceKind.WEEKLY,
                center_id=1,
                coordinator_id=3,
                operating_days="1234",
                default_duration_minutes=90,
            ),
            RideService(
                id=2, name="Impffahrten", kind=RideServiceKind.DAILY, runs_on_holidays=True
            ),
            Vehicle(
                id=1,
                label="VW Caddy blau",
                registration="BIT-EA 42",
                owner_id=1,
                wheelchair_spaces=1,
            ),
            Vehicle(id=2, label="Agenturauto", seats=6, status=RecordStatus.ARCHIVED),
        ]
    )
    s.flush()
    s.add_all(
        [
            DriverProfile(person_id=1, max_rides_per_week=4, vehicle_id=1, notes="kein Autobahn"),
            DriverProfile(person_id=3),
            DriverPreference(driver_id=1, passenger_id=2),
            DriverPreference(driver_id=3, passenger_id=2),
            StandingOrder(
                id=1,
                service_id=1,
                passenger_id=2,
                recurrence="FREQ=WEEKLY;BYDAY=TU",
                pickup_time=dt.time(9, 0),
                destination_name="Wochenmarkt",
                destination_street="Marktplatz",
                destination_postal_code="54634",
                destination_city="Bitburg",
                return_time=dt.time(11, 30),
                wheelchair=True,
                escort=True,
                valid_from=dt.date(2025, 1, 7),
                notes="Klingel defekt",
            ),
            StandingOrder(
                id=2,
                service_id=1,
                passenger_id=4,
                recurrence="FREQ=WEEKLY;BYDAY=FR",
                pickup_time=dt.time(14, 15),
                pickup_street="Hauptstraße 9",
                destination_name="Arztpraxis",
                rollator=True,
                valid_from=dt.date(2025, 3, 7),
                valid_to=dt.date(2025, 12, 19),
            ),
        ]
    )
    s.flush()
    s.add_all(
        [
            StandingOrderPause(
                id=1,
                standing_order_id=1,
                start_date=dt.date(2025, 8, 1),
                end_date=dt.date(2025, 8, 21),
                reason="Krankenhaus",
            ),
            StandingOrderPause(
                id=2,
                standing_order_id=2,
                start_date=dt.date(2025, 4, 18),
                end_date=dt.date(2025, 4, 18),
            ),
            Ride(
                id=1,
                service_id=1,
                standing_order_id=1,
                ride_date=dt.date(2026, 3, 3),
                start_time=dt.time(9, 0),
                pickup_address="Am Markt 3, 54634 Bitburg",
                destination="Wochenmarkt",
                driver_id=1,
                vehicle_id=1,
                assigned_manually=True,
                status=RideStatus.DONE,
                km=Decimal("12.5"),
            ),
            Ride(
                id=2,
                service_id=2,
                is_return=True,
                ride_date=dt.date(2026, 3, 4),
                start_time=dt.time(16, 45),
                duration_minutes=30,
                notes="Rückfahrt Impfzentrum",
            ),
            StandbyDriver(service_id=1, on_date=dt.date(2026, 3, 3), driver_id=1),
            StandbyDriver(service_id=1, on_date=dt.date(2026, 3, 10), driver_id=3),
        ]
    )
    s.flush()
    s.add_all(
        [
            RidePassenger(ride_id=1, person_id=2, wheelchair=True, escort=True),
            RidePassenger(ride_id=2, person_id=4, rollator=True),
        ]
    )


def _events_and_hours(s) -> None:
    s.add_all(
        [
            Event(
                id=1,
                kind=EventKind.CLUB_FAIR,
                title="Vereinsmesse 2026",
                starts_at=dt.datetime(2026, 5, 9, 10, 0),
                ends_at=dt.datetime(2026, 5, 9, 16, 0),
                place="Stadthalle Bitburg",
                center_id=1,
                organization_id=1,
                capacity=300,
                description="Über 40 Vereine stellen sich vor.",
            ),
            Event(
                id=2,
                kind=EventKind.TRAINING,
                title="Erste Hilfe für Ehrenamtliche",
                starts_at=dt.datetime(2026, 3, 14, 9, 30),
                ends_at=dt.datetime(2026, 3, 14, 12, 0),
                is_public=False,
                hours_credit=Decimal("2.50"),
                trainer="Jürgen Schäfer",
                agenda="1. Notruf\n2. Seitenlage",
                minutes="—",
                next_meeting_on=dt.date(2026, 9, 12),
            ),
        ]
    )
    s.flush()
    s.add_all(
        [
            Shift(
                id=1,
                event_id=1,
                title="Aufbau",
                starts_at=dt.datetime(2026, 5, 9, 8, 0),
                ends_at=dt.datetime(2026, 5, 9, 10, 0),
                slots=4,
            ),
            Shift(
                id=2,
                event_id=1,
                title="Abbau",
                starts_at=dt.datetime(2026, 5, 9, 16, 0),
                ends_at=dt.datetime(2026, 5, 9, 18, 0),
            ),
            EventQuestion(
                id=1,
                event_id=1,
                asked_by="Łucja Wąsowska",
                text="Gibt es Angebote für Senioren?",
                received_on=dt.date(2026, 4, 20),
            ),
            EventQuestion(
                id=2,
                event_id=2,
                text="Wird die Schulung wiederholt?",
                received_on=dt.date(2026, 3, 1),
            ),
        ]
    )
    s.flush()
    s.add_all(
        [
            Registration(
                id=1,
                event_id=1,
                person_id=1,
                role=RegistrationRole.HELPER,
                shift_id=1,
                registered_at=dt.datetime(2026, 3, 2, 10, 15, 0, tzinfo=BERLIN_WINTER),
            ),
            Registration(
                id=2,
                event_id=1,
                organization_id=1,
                role=RegistrationRole.EXHIBITOR,
                stand="A3",
                registered_at=utc(2026, 3, 5, 7, 0, 0),
                note="Strom benötigt",
            ),
            Registration(
                id=3,
                event_id=2,
                person_id=3,
                status=RegistrationStatus.ATTENDED,
                registered_at=utc(2026, 2, 20, 18, 45, 30),
            ),
        ]
    )
    s.flush()
    s.add_all(
        [
            HoursEntry(
                id=1,
                person_id=1,
                on_date=dt.date(2026, 3, 3),
                hours=Decimal("2.50"),
                organization_id=1,
                center_id=1,
                activity="Fahrdienst Wochenmarkt",
                source=HoursSource.RIDE,
                ride_id=1,
            ),
            HoursEntry(
                id=2,
                person_id=3,
                on_date=dt.date(2026, 3, 14),
                hours=Decimal("2.5"),
                activity="Schulung",
                source=HoursSource.EVENT,
                registration_id=3,
            ),
            HoursEntry(
                id=3,
                person_id=1,
                on_date=dt.date(2026, 4, 1),
                hours=Decimal("0.25"),
                activity="Telefondienst",
            ),
            HoursCorrection(
                id=1,
                hours_entry_id=3,
                person_id=1,
                kind="correct",
                at=utc(2026, 4, 2, 9, 15, 0),
                user="buero1",
                reason="Doppelt gezählt",
                before="0,50 Std. am 01.04.2026",
                after="0,25 Std. am 01.04.2026",
            ),
        ]
    )


def _letters(s) -> None:
    s.add_all(
        [
            LetterTemplate(
                id=1,
                name="Einladung Gala",
                subject="Einladung: {veranstaltung}",
                body="{briefanrede}\n\nwir laden Sie ein.\n\nMit freundlichen Grüßen",
                created_at=utc(2026, 2, 1, 9, 0, 0),
                updated_at=utc(2026, 2, 2, 9, 0, 0),
            ),
            SavedFilter(
                id=1,
                name="Fahrer Şükrü",
                search_text="Bitburg",
                filters='{"role": "driver"}',
                created_at=utc(2026, 2, 1, 9, 0, 0),
                updated_at=utc(2026, 2, 1, 9, 0, 0),
            ),
        ]
    )


def _certificates_and_settings(s) -> None:
    s.add_all(
        [
            CertificateTemplate(
                id=1,
                kind=CertificateKind.RECOGNITION,
                name="Standard",
                template_version=2,
                title="Urkunde",
                body="{name} hat sich {hours} Stunden engagiert.",
                is_default=True,
            ),
            CertificateTemplate(
                id=2,
                kind=CertificateKind.ATTENDANCE,
                name="Schulung",
                title="Teilnahmebescheinigung",
                body="{name} hat an {event} teilgenommen.",
            ),
            AgencySettings(
                id=1,
                name="Freiwilligenagentur Bitburg",
                street="Rathausplatz 1",
                postal_code="54634",
                city="Bitburg",
                phone="06561 6001-0",
                email="ehrenamt@example.org",
                website="https://ehrenamt.example.org",
                logo_png=tiny_png(),
                km_rate=Decimal("0.30"),
                set_up_at=utc(2026, 1, 5, 9, 0, 0),
            ),
            Signatory(
                id=1, name="Joachim Kandels", function="Bürgermeister", signature_png=tiny_png()
            ),
            Signatory(id=2, name="Анна Петрова", function="Koordinatorin", position=1),
            AuditEntry(
                id=1,
                at=utc(2026, 3, 3, 11, 0, 0),
                user="ağaoğlu",
                action=AuditAction.CREATE,
                entity="person",
                entity_id=1,
                summary="first_name, last_name",
            ),
            AuditEntry(id=2, at=utc(2026, 3, 4, 8, 0, 0), action=AuditAction.EXPORT, entity="*"),
        ]
    )
    s.flush()
    s.add_all(
        [
            Certificate(
                id=1,
                number="U-2026-00001",
                verification_code="7KQ2-MX",
                person_id=1,
                kind=CertificateKind.RECOGNITION,
                template_id=1,
                template_version=1,
                issued_on=dt.date(2026, 1, 20),
                period_start=dt.date(2025, 1, 1),
                period_end=dt.date(2025, 12, 31),
                content_hash="a" * 64,
                status=CertificateStatus.REPLACED,
                created_at=utc(2026, 1, 20, 9, 0, 0),
                content='{"name": "Şükrü Ağaoğlu", "hours": "120.50"}',
            ),
            Certificate(
                id=2,
                number="U-2026-00002",
                verification_code="P9ZD-4H",
                person_id=1,
                kind=CertificateKind.RECOGNITION,
                template_id=1,
                template_version=2,
                issued_on=dt.date(2026, 1, 22),
                period_start=dt.date(2025, 1, 1),
                period_end=dt.date(2025, 12, 31),
                content_hash="b" * 64,
                replaces_id=1,
                created_at=utc(2026, 1, 22, 9, 0, 0),
            ),
            Certificate(
                id=3,
                number="T-2026-00001",
                verification_code="ZX3C-9A",
                person_id=3,
                kind=CertificateKind.ATTENDANCE,
                event_id=2,
                issued_on=dt.date(2026, 3, 14),
                content_hash="c" * 64,
                status=CertificateStatus.REVOKED,
                revoked_on=dt.date(2026, 3, 20),
                revoke_reason="Name falsch geschrieben",
            ),
        ]
    )
