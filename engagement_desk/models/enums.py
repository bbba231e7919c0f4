"""Closed vocabularies of the domain; the values are what database and interchange file store."""

from __future__ import annotations

from enum import StrEnum


class PersonStatus(StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    ARCHIVED = "archived"


class Role(StrEnum):
    VOLUNTEER = "volunteer"
    PASSENGER = "passenger"
    DRIVER = "driver"
    CLUB_CONTACT = "club_contact"
    SPONSOR = "sponsor"
    STAFF = "staff"


class TagKind(StrEnum):
    INTEREST = "interest"
    SKILL = "skill"
    LANGUAGE = "language"


class ConsentPurpose(StrEnum):
    STORAGE = "storage"
    CONTACT = "contact"
    PHOTOS = "photos"
    PUBLICATION = "publication"
    SHARE_WITH_ORGANIZATION = "share_with_organization"


class ConsentEventKind(StrEnum):
    GIVEN = "given"
    WITHDRAWN = "withdrawn"


class ConsentSource(StrEnum):
    PAPER = "paper"
    PHONE = "phone"
    EMAIL = "email"
    IN_PERSON = "in_person"
    ONLINE = "online"


class OrganizationKind(StrEnum):
    CLUB = "club"
    INITIATIVE = "initiative"
    INSTITUTION = "institution"
    PARTNER = "partner"


class RecordStatus(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"


class OpportunityStatus(StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    FILLED = "filled"


class PlacementStatus(StrEnum):
    INTEREST = "interest"
    FIRST_TALK = "first_talk"
    PROPOSED = "proposed"
    ACTIVE = "active"
    ENDED = "ended"
    DECLINED = "declined"


class RideServiceKind(StrEnum):
    WEEKLY = "weekly"
    DAILY = "daily"
    AD_HOC = "ad_hoc"


class RideStatus(StrEnum):
    PLANNED = "planned"
    ASSIGNED = "assigned"
    DONE = "done"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class EventKind(StrEnum):
    CLUB_FAIR = "club_fair"
    VOLUNTEER_DAY = "volunteer_day"
    WORKSHOP = "workshop"
    TRAINING = "training"
    CITIZEN_DIALOGUE = "citizen_dialogue"
    WORKING_GROUP = "working_group"
    RECOGNITION = "recognition"
    OTHER = "other"


class RegistrationRole(StrEnum):
    PARTICIPANT = "participant"
    HELPER = "helper"
    EXHIBITOR = "exhibitor"
    GUEST = "guest"
    SPEAKER = "speaker"
    SPONSOR = "sponsor"
    MEMBER = "member"
    NOMINEE = "nominee"


class RegistrationStatus(StrEnum):
    INVITED = "invited"
    REGISTERED = "registered"
    WAITING_LIST = "waiting_list"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    ATTENDED = "attended"
    NO_SHOW = "no_show"


class HoursSource(StrEnum):
    MANUAL = "manual"
    RIDE = "ride"
    EVENT = "event"


class CertificateKind(StrEnum):
    RECOGNITION = "recognition"
    STATEMENT = "statement"
    ATTENDANCE = "attendance"


class CertificateStatus(StrEnum):
    ISSUED = "issued"
    REVOKED = "revoked"
    REPLACED = "replaced"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    ARCHIVE = "archive"
    DELETE = "delete"
    ANONYMIZE = "anonymize"
    IMPORT = "import"
    EXPORT = "export"
    READ = "read"


class StaffRole(StrEnum):
    """What a staff login may do; on PostgreSQL one group role per database each."""

    LEITUNG = "leitung"
    BUERO = "buero"
    FAHRDIENST = "fahrdienst"
    LESEN = "lesen"


class LetterOutput(StrEnum):
    """What a Serienbrief run writes."""

    LETTERS = "letters"
    LABELS = "labels"
    EMAILS = "emails"


class LeftOutReason(StrEnum):
    """Why a chosen person gets no letter, label or e-mail."""

    ANONYMIZED_OR_ARCHIVED = "anonymized_or_archived"
    NO_CONSENT = "no_consent"
    NO_ADDRESS = "no_address"
    UNPRINTABLE = "unprintable"
    NO_EMAIL = "no_email"
