"""The one place that names every enum value, in English and in German.

Everything a person reads about an enum value takes its name from here: the
window (through ``ui/labels.py`` and the translation catalogue, whose German
entries ``tools/update_translations.py`` fills from this table), the prints,
the iCal feed, the published website, search results and the CSV/XLSX
exports. The names are label forms ("Storniert", "Ehrenamtsempfang"); a
sentence that mentions one quotes it („Storniert“) rather than inflecting it.

No Qt here: services and the command line use it as plainly as the window.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any, TypeVar

from engagement_desk.models.enums import (
    AuditAction,
    CertificateKind,
    CertificateStatus,
    ConsentEventKind,
    ConsentPurpose,
    ConsentSource,
    EventKind,
    HoursSource,
    LeftOutReason,
    LetterOutput,
    OpportunityStatus,
    OrganizationKind,
    PersonStatus,
    PlacementStatus,
    RecordStatus,
    RegistrationRole,
    RegistrationStatus,
    RideServiceKind,
    RideStatus,
    Role,
    StaffRole,
    TagKind,
)

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class Name:
    """An enum value's name: ``english`` is also the window's translation source text."""

    english: str
    german: str


_NAMES: dict[type[StrEnum], dict[Any, Name]] = {
    PersonStatus: {
        PersonStatus.ACTIVE: Name("Active", "Aktiv"),
        PersonStatus.INACTIVE: Name("Inactive", "Inaktiv"),
        PersonStatus.ARCHIVED: Name("Archived", "Archiviert"),
    },
    Role: {
        Role.VOLUNTEER: Name("Volunteer", "Ehrenamtliche/r"),
        Role.PASSENGER: Name("Passenger", "Fahrgast"),
        Role.DRIVER: Name("Driver", "Fahrer/in"),
        Role.CLUB_CONTACT: Name("Club contact", "Ansprechpartner/in"),
        Role.SPONSOR: Name("Sponsor", "Sponsor/in"),
        Role.STAFF: Name("Staff", "Mitarbeiter/in"),
    },
    TagKind: {
        TagKind.INTEREST: Name("Interest", "Interesse"),
        TagKind.SKILL: Name("Skill", "Fähigkeit"),
        TagKind.LANGUAGE: Name("Language", "Sprache"),
    },
    ConsentPurpose: {
        ConsentPurpose.STORAGE: Name("Storage of data", "Speicherung der Daten"),
        ConsentPurpose.CONTACT: Name("Contact", "Kontaktaufnahme"),
        ConsentPurpose.PHOTOS: Name("Photos", "Fotos"),
        ConsentPurpose.PUBLICATION: Name("Publication", "Veröffentlichung"),
        ConsentPurpose.SHARE_WITH_ORGANIZATION: Name(
            "Sharing with organizations", "Weitergabe an Vereine"
        ),
    },
    ConsentEventKind: {
        ConsentEventKind.GIVEN: Name("Given", "Erteilt"),
        ConsentEventKind.WITHDRAWN: Name("Withdrawn", "Widerrufen"),
    },
    ConsentSource: {
        ConsentSource.PAPER: Name("On paper", "Schriftlich"),
        ConsentSource.PHONE: Name("By phone", "Telefonisch"),
        ConsentSource.EMAIL: Name("By e-mail", "Per E-Mail"),
        ConsentSource.IN_PERSON: Name("In person", "Persönlich"),
        ConsentSource.ONLINE: Name("Online", "Online"),
    },
    OrganizationKind: {
        OrganizationKind.CLUB: Name("Club", "Verein"),
        OrganizationKind.INITIATIVE: Name("Initiative", "Initiative"),
        OrganizationKind.INSTITUTION: Name("Institution", "Einrichtung"),
        OrganizationKind.PARTNER: Name("Partner", "Partner"),
    },
    RecordStatus: {
        RecordStatus.ACTIVE: Name("Active", "Aktiv"),
        RecordStatus.ARCHIVED: Name("Archived", "Archiviert"),
    },
    OpportunityStatus: {
        OpportunityStatus.OPEN: Name("Open", "Offen"),
        OpportunityStatus.PAUSED: Name("Paused", "Pausiert"),
        OpportunityStatus.FILLED: Name("Filled", "Besetzt"),
    },
    PlacementStatus: {
        PlacementStatus.INTEREST: Name("Interest", "Interesse"),
        PlacementStatus.FIRST_TALK: Name("First talk", "Erstgespräch"),
        PlacementStatus.PROPOSED: Name("Proposed", "Vorgeschlagen"),
        PlacementStatus.ACTIVE: Name("Active", "Aktiv"),
        PlacementStatus.ENDED: Name("Ended", "Beendet"),
        PlacementStatus.DECLINED: Name("Declined", "Abgelehnt"),
    },
    RideServiceKind: {
        RideServiceKind.WEEKLY: Name("Weekly", "Wöchentlich"),
        RideServiceKind.DAILY: Name("Daily", "Täglich"),
        RideServiceKind.AD_HOC: Name("As needed", "Nach Bedarf"),
    },
    RideStatus: {
        RideStatus.PLANNED: Name("Planned", "Geplant"),
        RideStatus.ASSIGNED: Name("Driver assigned", "Fahrer/in zugeteilt"),
        RideStatus.DONE: Name("Done", "Durchgeführt"),
        RideStatus.CANCELLED: Name("Cancelled", "Abgesagt"),
        RideStatus.NO_SHOW: Name("No-show", "Nicht angetroffen"),
    },
    EventKind: {
        EventKind.CLUB_FAIR: Name("Club fair", "Vereinsmesse"),
        EventKind.VOLUNTEER_DAY: Name("Volunteer day", "Freiwilligentag"),
        EventKind.WORKSHOP: Name("Workshop", "Engagement-Werkstatt"),
        EventKind.TRAINING: Name("Training", "Schulung (Vereinsforum)"),
        EventKind.CITIZEN_DIALOGUE: Name("Citizen dialogue", "Bürgerschaft (ge)fragt"),
        EventKind.WORKING_GROUP: Name("Working group", "Arbeitskreis"),
        EventKind.RECOGNITION: Name("Recognition event", "Ehrenamtsempfang"),
        EventKind.OTHER: Name("Other event", "Sonstige Veranstaltung"),
    },
    RegistrationRole: {
        RegistrationRole.PARTICIPANT: Name("Participant", "Teilnehmer/in"),
        RegistrationRole.HELPER: Name("Helper", "Helfer/in"),
        RegistrationRole.EXHIBITOR: Name("Exhibitor", "Aussteller/in"),
        RegistrationRole.GUEST: Name("Guest", "Gast"),
        RegistrationRole.SPEAKER: Name("Speaker", "Referent/in"),
        RegistrationRole.SPONSOR: Name("Sponsor", "Sponsor/in"),
        RegistrationRole.MEMBER: Name("Member", "Mitglied"),
        RegistrationRole.NOMINEE: Name("Honoree", "Geehrte/r"),
    },
    RegistrationStatus: {
        RegistrationStatus.INVITED: Name("Invited", "Eingeladen"),
        RegistrationStatus.REGISTERED: Name("Registered", "Angemeldet"),
        RegistrationStatus.WAITING_LIST: Name("Waiting list", "Warteliste"),
        RegistrationStatus.DECLINED: Name("Declined", "Abgesagt"),
        RegistrationStatus.CANCELLED: Name("Cancelled", "Storniert"),
        RegistrationStatus.ATTENDED: Name("Attended", "Teilgenommen"),
        RegistrationStatus.NO_SHOW: Name("No-show", "Nicht erschienen"),
    },
    HoursSource: {
        HoursSource.MANUAL: Name("Entered by hand", "Von Hand erfasst"),
        HoursSource.RIDE: Name("Ride", "Fahrt"),
        HoursSource.EVENT: Name("Event", "Veranstaltung"),
    },
    CertificateKind: {
        CertificateKind.RECOGNITION: Name("Certificate of honour", "Anerkennungsurkunde"),
        CertificateKind.STATEMENT: Name("Volunteering record", "Engagementnachweis"),
        CertificateKind.ATTENDANCE: Name("Certificate of attendance", "Teilnahmebescheinigung"),
    },
    CertificateStatus: {
        CertificateStatus.ISSUED: Name("Issued", "Ausgestellt"),
        CertificateStatus.REVOKED: Name("Revoked", "Widerrufen"),
        CertificateStatus.REPLACED: Name("Replaced", "Ersetzt"),
    },
    AuditAction: {
        AuditAction.CREATE: Name("Created", "Angelegt"),
        AuditAction.UPDATE: Name("Changed", "Geändert"),
        AuditAction.ARCHIVE: Name("Archived", "Archiviert"),
        AuditAction.DELETE: Name("Deleted", "Gelöscht"),
        AuditAction.ANONYMIZE: Name("Anonymized", "Anonymisiert"),
        AuditAction.IMPORT: Name("Imported", "Importiert"),
        AuditAction.EXPORT: Name("Exported", "Exportiert"),
        AuditAction.READ: Name("Read", "Gelesen"),
    },
    StaffRole: {
        StaffRole.LEITUNG: Name("Management", "Leitung"),
        StaffRole.BUERO: Name("Office", "Büro"),
        StaffRole.FAHRDIENST: Name("Ride service", "Fahrdienst"),
        StaffRole.LESEN: Name("Read only", "Lesen"),
    },
    LetterOutput: {
        LetterOutput.LETTERS: Name("Letters (PDF)", "Briefe (PDF)"),
        LetterOutput.LABELS: Name("Address labels (PDF)", "Adressetiketten (PDF)"),
        LetterOutput.EMAILS: Name("E-mail list (CSV)", "E-Mail-Liste (CSV)"),
    },
    LeftOutReason: {
        LeftOutReason.ANONYMIZED_OR_ARCHIVED: Name(
            "Anonymised or archived", "Anonymisiert oder archiviert"
        ),
        LeftOutReason.NO_CONSENT: Name(
            "Without consent to be contacted", "Ohne Einwilligung zur Kontaktaufnahme"
        ),
        LeftOutReason.NO_ADDRESS: Name("Without postal address", "Ohne Anschrift"),
        LeftOutReason.UNPRINTABLE: Name(
            "Name or address cannot be printed", "Name oder Anschrift nicht druckbar"
        ),
        LeftOutReason.NO_EMAIL: Name("Without e-mail address", "Ohne E-Mail-Adresse"),
    },
}

VOCABULARY: Mapping[type[StrEnum], Mapping[Any, Name]] = MappingProxyType(
    {enum_class: MappingProxyType(names) for enum_class, names in _NAMES.items()}
)
"""Every enum of ``models.enums`` → each of its members → its ``Name``."""


def name_of(member: StrEnum) -> Name:
    return VOCABULARY[type(member)][member]


def german(member: StrEnum) -> str:
    """The German name of an enum member: ``german(EventKind.RECOGNITION)`` → "Ehrenamtsempfang"."""
    return name_of(member).german


def english(member: StrEnum) -> str:
    return name_of(member).english


def german_names(enum_class: type[E]) -> Mapping[E, str]:
    """Member → German name, in the enum's own order (for lists of choices and lookups)."""
    names = VOCABULARY[enum_class]
    return MappingProxyType({member: names[member].german for member in enum_class})
