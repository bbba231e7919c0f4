"""Translated display names of enum values and list column titles.

Each enum's names sit in a translation context named after the enum, so
"Cancelled" can read "Abgesagt" for a ride and "Storniert" for a
registration. The tables hold English source text (``QT_TRANSLATE_NOOP``
marks it for lupdate); translation happens at call time, so a language
switch shows up on the next repaint.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engagement_desk.models.enums import (
    AuditAction,
    CertificateKind,
    CertificateStatus,
    ConsentPurpose,
    ConsentSource,
    EventKind,
    HoursSource,
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
    TagKind,
)
from engagement_desk.services.listing import Column

ENUM_LABELS: dict[type[StrEnum], Mapping[StrEnum, str]] = {
    PersonStatus: {
        PersonStatus.ACTIVE: QT_TRANSLATE_NOOP("PersonStatus", "Active"),
        PersonStatus.INACTIVE: QT_TRANSLATE_NOOP("PersonStatus", "Inactive"),
        PersonStatus.ARCHIVED: QT_TRANSLATE_NOOP("PersonStatus", "Archived"),
    },
    Role: {
        Role.VOLUNTEER: QT_TRANSLATE_NOOP("Role", "Volunteer"),
        Role.PASSENGER: QT_TRANSLATE_NOOP("Role", "Passenger"),
        Role.DRIVER: QT_TRANSLATE_NOOP("Role", "Driver"),
        Role.CLUB_CONTACT: QT_TRANSLATE_NOOP("Role", "Club contact"),
        Role.SPONSOR: QT_TRANSLATE_NOOP("Role", "Sponsor"),
        Role.STAFF: QT_TRANSLATE_NOOP("Role", "Staff"),
    },
    TagKind: {
        TagKind.INTEREST: QT_TRANSLATE_NOOP("TagKind", "Interest"),
        TagKind.SKILL: QT_TRANSLATE_NOOP("TagKind", "Skill"),
        TagKind.LANGUAGE: QT_TRANSLATE_NOOP("TagKind", "Language"),
    },
    ConsentPurpose: {
        ConsentPurpose.STORAGE: QT_TRANSLATE_NOOP("ConsentPurpose", "Storage of data"),
        ConsentPurpose.CONTACT: QT_TRANSLATE_NOOP("ConsentPurpose", "Contact"),
        ConsentPurpose.PHOTOS: QT_TRANSLATE_NOOP("ConsentPurpose", "Photos"),
        ConsentPurpose.PUBLICATION: QT_TRANSLATE_NOOP("ConsentPurpose", "Publication"),
        ConsentPurpose.SHARE_WITH_ORGANIZATION: QT_TRANSLATE_NOOP(
            "ConsentPurpose", "Sharing with organizations"
        ),
    },
    ConsentSource: {
        ConsentSource.PAPER: QT_TRANSLATE_NOOP("ConsentSource", "On paper"),
        ConsentSource.PHONE: QT_TRANSLATE_NOOP("ConsentSource", "By phone"),
        ConsentSource.EMAIL: QT_TRANSLATE_NOOP("ConsentSource", "By e-mail"),
        ConsentSource.IN_PERSON: QT_TRANSLATE_NOOP("ConsentSource", "In person"),
        ConsentSource.ONLINE: QT_TRANSLATE_NOOP("ConsentSource", "Online"),
    },
    OrganizationKind: {
        OrganizationKind.CLUB: QT_TRANSLATE_NOOP("OrganizationKind", "Club"),
        OrganizationKind.INITIATIVE: QT_TRANSLATE_NOOP("OrganizationKind", "Initiative"),
        OrganizationKind.INSTITUTION: QT_TRANSLATE_NOOP("OrganizationKind", "Institution"),
        OrganizationKind.PARTNER: QT_TRANSLATE_NOOP("OrganizationKind", "Partner"),
    },
    RecordStatus: {
        RecordStatus.ACTIVE: QT_TRANSLATE_NOOP("RecordStatus", "Active"),
        RecordStatus.ARCHIVED: QT_TRANSLATE_NOOP("RecordStatus", "Archived"),
    },
    OpportunityStatus: {
        OpportunityStatus.OPEN: QT_TRANSLATE_NOOP("OpportunityStatus", "Open"),
        OpportunityStatus.PAUSED: QT_TRANSLATE_NOOP("OpportunityStatus", "Paused"),
        OpportunityStatus.FILLED: QT_TRANSLATE_NOOP("OpportunityStatus", "Filled"),
    },
    PlacementStatus: {
        PlacementStatus.INTEREST: QT_TRANSLATE_NOOP("PlacementStatus", "Interest"),
        PlacementStatus.FIRST_TALK: QT_TRANSLATE_NOOP("PlacementStatus", "First talk"),
        PlacementStatus.PROPOSED: QT_TRANSLATE_NOOP("PlacementStatus", "Proposed"),
        PlacementStatus.ACTIVE: QT_TRANSLATE_NOOP("PlacementStatus", "Active"),
        PlacementStatus.ENDED: QT_TRANSLATE_NOOP("PlacementStatus", "Ended"),
        PlacementStatus.DECLINED: QT_TRANSLATE_NOOP("PlacementStatus", "Declined"),
    },
    RideServiceKind: {
        RideServiceKind.WEEKLY: QT_TRANSLATE_NOOP("RideServiceKind", "Weekly"),
        RideServiceKind.DAILY: QT_TRANSLATE_NOOP("RideServiceKind", "Daily"),
        RideServiceKind.AD_HOC: QT_TRANSLATE_NOOP("RideServiceKind", "As needed"),
    },
    RideStatus: {
        RideStatus.PLANNED: QT_TRANSLATE_NOOP("RideStatus", "Planned"),
        RideStatus.ASSIGNED: QT_TRANSLATE_NOOP("RideStatus", "Driver assigned"),
        RideStatus.DONE: QT_TRANSLATE_NOOP("RideStatus", "Done"),
        RideStatus.CANCELLED: QT_TRANSLATE_NOOP("RideStatus", "Cancelled"),
        RideStatus.NO_SHOW: QT_TRANSLATE_NOOP("RideStatus", "No-show"),
    },
    EventKind: {
        EventKind.CLUB_FAIR: QT_TRANSLATE_NOOP("EventKind", "Club fair"),
        EventKind.VOLUNTEER_DAY: QT_TRANSLATE_NOOP("EventKind", "Volunteer day"),
        EventKind.WORKSHOP: QT_TRANSLATE_NOOP("EventKind", "Workshop"),
        EventKind.TRAINING: QT_TRANSLATE_NOOP("EventKind", "Training"),
        EventKind.CITIZEN_DIALOGUE: QT_TRANSLATE_NOOP("EventKind", "Citizen dialogue"),
        EventKind.WORKING_GROUP: QT_TRANSLATE_NOOP("EventKind", "Working group"),
        EventKind.RECOGNITION: QT_TRANSLATE_NOOP("EventKind", "Recognition event"),
        EventKind.OTHER: QT_TRANSLATE_NOOP("EventKind", "Other"),
    },
    RegistrationRole: {
        RegistrationRole.PARTICIPANT: QT_TRANSLATE_NOOP("RegistrationRole", "Participant"),
        RegistrationRole.HELPER: QT_TRANSLATE_NOOP("RegistrationRole", "Helper"),
        RegistrationRole.EXHIBITOR: QT_TRANSLATE_NOOP("RegistrationRole", "Exhibitor"),
        RegistrationRole.GUEST: QT_TRANSLATE_NOOP("RegistrationRole", "Guest"),
        RegistrationRole.SPEAKER: QT_TRANSLATE_NOOP("RegistrationRole", "Speaker"),
        RegistrationRole.SPONSOR: QT_TRANSLATE_NOOP("RegistrationRole", "Sponsor"),
        RegistrationRole.MEMBER: QT_TRANSLATE_NOOP("RegistrationRole", "Member"),
        RegistrationRole.NOMINEE: QT_TRANSLATE_NOOP("RegistrationRole", "Honoree"),
    },
    RegistrationStatus: {
        RegistrationStatus.INVITED: QT_TRANSLATE_NOOP("RegistrationStatus", "Invited"),
        RegistrationStatus.REGISTERED: QT_TRANSLATE_NOOP("RegistrationStatus", "Registered"),
        RegistrationStatus.WAITING_LIST: QT_TRANSLATE_NOOP("RegistrationStatus", "Waiting list"),
        RegistrationStatus.DECLINED: QT_TRANSLATE_NOOP("RegistrationStatus", "Declined"),
        RegistrationStatus.CANCELLED: QT_TRANSLATE_NOOP("RegistrationStatus", "Cancelled"),
        RegistrationStatus.ATTENDED: QT_TRANSLATE_NOOP("RegistrationStatus", "Attended"),
        RegistrationStatus.NO_SHOW: QT_TRANSLATE_NOOP("RegistrationStatus", "No-show"),
    },
    HoursSource: {
        HoursSource.MANUAL: QT_TRANSLATE_NOOP("HoursSource", "Entered by hand"),
        HoursSource.RIDE: QT_TRANSLATE_NOOP("HoursSource", "Ride"),
        HoursSource.EVENT: QT_TRANSLATE_NOOP("HoursSource", "Event"),
    },
    CertificateKind: {
        CertificateKind.RECOGNITION: QT_TRANSLATE_NOOP("CertificateKind", "Certificate of honour"),
        CertificateKind.STATEMENT: QT_TRANSLATE_NOOP("CertificateKind", "Volunteering record"),
        CertificateKind.ATTENDANCE: QT_TRANSLATE_NOOP(
            "CertificateKind", "Certificate of attendance"
        ),
    },
    CertificateStatus: {
        CertificateStatus.ISSUED: QT_TRANSLATE_NOOP("CertificateStatus", "Issued"),
        CertificateStatus.REVOKED: QT_TRANSLATE_NOOP("CertificateStatus", "Revoked"),
        CertificateStatus.REPLACED: QT_TRANSLATE_NOOP("CertificateStatus", "Replaced"),
    },
    AuditAction: {
        AuditAction.CREATE: QT_TRANSLATE_NOOP("AuditAction", "Created"),
        AuditAction.UPDATE: QT_TRANSLATE_NOOP("AuditAction", "Changed"),
        AuditAction.ARCHIVE: QT_TRANSLATE_NOOP("AuditAction", "Archived"),
        AuditAction.DELETE: QT_TRANSLATE_NOOP("AuditAction", "Deleted"),
        AuditAction.ANONYMIZE: QT_TRANSLATE_NOOP("AuditAction", "Anonymized"),
        AuditAction.IMPORT: QT_TRANSLATE_NOOP("AuditAction", "Imported"),
        AuditAction.EXPORT: QT_TRANSLATE_NOOP("AuditAction", "Exported"),
    },
}

COLUMN_TITLES: dict[str, str] = {
    "last_name": QT_TRANSLATE_NOOP("Columns", "Last name"),
    "first_name": QT_TRANSLATE_NOOP("Columns", "First name"),
    "birth_date": QT_TRANSLATE_NOOP("Columns", "Date of birth"),
    "postal_code": QT_TRANSLATE_NOOP("Columns", "Postal code"),
    "city": QT_TRANSLATE_NOOP("Columns", "City"),
    "phone": QT_TRANSLATE_NOOP("Columns", "Phone"),
    "email": QT_TRANSLATE_NOOP("Columns", "E-mail"),
    "roles": QT_TRANSLATE_NOOP("Columns", "Roles"),
    "status": QT_TRANSLATE_NOOP("Columns", "Status"),
    "name": QT_TRANSLATE_NOOP("Columns", "Name"),
    "kind": QT_TRANSLATE_NOOP("Columns", "Kind"),
    "centers": QT_TRANSLATE_NOOP("Columns", "Centres"),
    "opportunities": QT_TRANSLATE_NOOP("Columns", "Open opportunities"),
    "ride_date": QT_TRANSLATE_NOOP("Columns", "Date"),
    "start_time": QT_TRANSLATE_NOOP("Columns", "Time"),
    "service": QT_TRANSLATE_NOOP("Columns", "Ride service"),
    "passengers": QT_TRANSLATE_NOOP("Columns", "Passengers"),
    "destination": QT_TRANSLATE_NOOP("Columns", "Destination"),
    "driver": QT_TRANSLATE_NOOP("Columns", "Driver"),
    "starts_at": QT_TRANSLATE_NOOP("Columns", "Starts"),
    "title": QT_TRANSLATE_NOOP("Columns", "Title"),
    "place": QT_TRANSLATE_NOOP("Columns", "Venue"),
    "registrations": QT_TRANSLATE_NOOP("Columns", "Registrations"),
    "capacity": QT_TRANSLATE_NOOP("Columns", "Places"),
    "number": QT_TRANSLATE_NOOP("Columns", "Number"),
    "person": QT_TRANSLATE_NOOP("Columns", "Person"),
    "issued_on": QT_TRANSLATE_NOOP("Columns", "Issued on"),
}


def enum_label(enum_class: type[StrEnum], value: Any) -> str:
    """The translated name of ``value`` (member or stored string); unknown values as they are."""
    try:
        member = enum_class(value)
        source = ENUM_LABELS[enum_class][member]
    except (KeyError, ValueError):
        return "" if value is None else str(value)
    return QCoreApplication.translate(enum_class.__name__, source)


def labeller(enum_class: type[StrEnum]) -> Callable[[Any], str]:
    """A one-argument function for ``SqlTableModel(value_labels=...)``."""

    def label(value: Any) -> str:
        return enum_label(enum_class, value)

    return label


def column_title(column: Column) -> str:
    source = COLUMN_TITLES.get(column.key)
    if source is None:
        return QCoreApplication.translate("Columns", column.title)
    return QCoreApplication.translate("Columns", source)
