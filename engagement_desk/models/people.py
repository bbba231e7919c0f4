"""People and what the office records about them: roles, tags, consent, time, mobility."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engagement_desk.models.base import (
    HEALTH_DATA,
    Base,
    UTCDateTime,
    Versioned,
    created_at_column,
    enum_type,
    text_column,
    updated_at_column,
    utcnow,
)
from engagement_desk.models.enums import (
    ConsentEventKind,
    ConsentPurpose,
    ConsentSource,
    PersonStatus,
    Role,
    TagKind,
)
from engagement_desk.models.sort_keys import sort_key_column

CASCADE = "CASCADE"


class Person(Versioned, Base):
    """One human: volunteer, passenger, driver, club contact or sponsor (roles may combine)."""

    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_name", "last_name", "first_name"),
        Index("ix_person_last_name_key", "last_name_key", "first_name_key", "id"),
        Index("ix_person_first_name_key", "first_name_key", "last_name_key", "id"),
        Index("ix_person_city_key", "city_key", "last_name_key", "id"),
        Index("ix_person_birth_date", "birth_date", "id"),
        Index("ix_person_postal_code", "postal_code", "last_name_key", "id"),
        Index("ix_person_email", "email", "id"),
        Index("ix_person_phone", "phone", "id"),
        Index("ix_person_status", "status", "last_name_key", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Person number.")
    salutation: Mapped[str] = text_column(40, "Salutation, e.g. 'Frau', 'Herr' or empty.")
    title: Mapped[str] = text_column(40, "Academic title, e.g. 'Dr.'.")
    first_name: Mapped[str] = text_column(100, "Given name(s).")
    last_name: Mapped[str] = mapped_column(
        String(100), nullable=False, doc="Family name; required."
    )
    certificate_name: Mapped[str] = text_column(
        200,
        "The name as printed on certificates and letters when it differs, e.g. a Latin "
        "spelling; empty: the name itself.",
    )
    birth_date: Mapped[dt.date | None] = mapped_column(Date, doc="Date of birth.")
    street: Mapped[str] = text_column(200, "Street and house number.")
    postal_code: Mapped[str] = text_column(10, "Postal code (PLZ).")
    city: Mapped[str] = text_column(100, "Town.")
    last_name_key: Mapped[str] = sort_key_column("last_name", 100)
    first_name_key: Mapped[str] = sort_key_column("first_name", 100)
    city_key: Mapped[str] = sort_key_column("city", 100)
    phone: Mapped[str] = text_column(40, "Landline, as typed.")
    mobile: Mapped[str] = text_column(40, "Mobile phone, as typed.")
    email: Mapped[str] = text_column(254, "E-mail address.")
    notes: Mapped[str] = mapped_column(
        Text, nullable=False, default="", doc="Free notes of the office."
    )
    status: Mapped[PersonStatus] = mapped_column(
        enum_type(PersonStatus, "person_status"),
        nullable=False,
        default=PersonStatus.ACTIVE,
        doc="active, inactive or archived (archived people stay for statistics).",
    )
    engaged_since: Mapped[dt.date | None] = mapped_column(
        Date, doc="First day of volunteering, for service anniversaries."
    )
    anonymized_on: Mapped[dt.date | None] = mapped_column(
        Date, doc="Set when personal data was erased under DSGVO Art. 17."
    )
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()

    roles: Mapped[list[PersonRole]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    tags: Mapped[list[PersonTag]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    consent_events: Mapped[list[ConsentEvent]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    availabilities: Mapped[list[Availability]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    absences: Mapped[list[Absence]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    mobility: Mapped[MobilityNeeds | None] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )


class PersonRole(Base):
    """A role a person has with the agency."""

    __tablename__ = "person_role"
    __table_args__ = (Index("ix_person_role_role", "role", "person_id"),)

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), primary_key=True, doc="The person."
    )
    role: Mapped[Role] = mapped_column(
        enum_type(Role, "role"),
        primary_key=True,
        doc="volunteer, passenger, driver, club_contact, sponsor or staff.",
    )
    person: Mapped[Person] = relationship(back_populates="roles")


class PersonTag(Base):
    """An interest, skill or language of a person (free words, matched case-insensitively)."""

    __tablename__ = "person_tag"
    __table_args__ = (Index("ix_person_tag_value", "kind", "value"),)

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), primary_key=True, doc="The person."
    )
    kind: Mapped[TagKind] = mapped_column(
        enum_type(TagKind, "tag_kind"), primary_key=True, doc="interest, skill or language."
    )
    value: Mapped[str] = mapped_column(
        String(100), primary_key=True, doc="The word, e.g. 'Lesepate'."
    )
    person: Mapped[Person] = relationship(back_populates="tags")


class Consent(Versioned, Base):
    """DSGVO consent for one purpose: when and how it was given, and whether withdrawn."""

    __tablename__ = "consent"
    __table_args__ = (
        UniqueConstraint("person_id", "purpose"),
        CheckConstraint(
            "withdrawn_on IS NULL OR withdrawn_on >= given_on", name="withdrawn_after_given"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Consent number.")
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), nullable=False, index=True, doc="The person."
    )
    purpose: Mapped[ConsentPurpose] = mapped_column(
        enum_type(ConsentPurpose, "consent_purpose"),
        nullable=False,
        doc="storage, contact, photos, publication or share_with_organization.",
    )
    given_on: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="Day consent was given.")
    source: Mapped[ConsentSource] = mapped_column(
        enum_type(ConsentSource, "consent_source"),
        nullable=False,
        doc="How it was given: paper, phone, email, in_person or online.",
    )
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date, doc="Day it was withdrawn, if so.")
    note: Mapped[str] = text_column(500, "Who recorded it, where the paper is filed, …")
    person: Mapped[Person] = relationship(back_populates="consents")


class ConsentEvent(Base):
    """One step in the history of a consent: given or withdrawn, on which day, how.

    ``consent`` holds the state that applies now; these rows say how it came
    about (given, withdrawn, given again) and are only ever added.
    """

    __tablename__ = "consent_event"
    __table_args__ = (Index("ix_consent_event_person", "person_id", "purpose", "on_date"),)

    id: Mapped[int] = mapped_column(primary_key=True, doc="Event number.")
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), nullable=False, doc="The person."
    )
    purpose: Mapped[ConsentPurpose] = mapped_column(
        enum_type(ConsentPurpose, "consent_purpose"),
        nullable=False,
        doc="storage, contact, photos, publication or share_with_organization.",
    )
    kind: Mapped[ConsentEventKind] = mapped_column(
        enum_type(ConsentEventKind, "consent_event_kind"),
        nullable=False,
        doc="given or withdrawn.",
    )
    on_date: Mapped[dt.date] = mapped_column(
        Date, nullable=False, doc="Day the consent was given or withdrawn."
    )
    source: Mapped[ConsentSource | None] = mapped_column(
        enum_type(ConsentSource, "consent_source"),
        doc="How: paper, phone, email, in_person or online; empty if not known.",
    )
    note: Mapped[str] = text_column(500, "Where the paper is filed, who took the call, …")
    recorded_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=utcnow, doc="When it was entered (UTC)."
    )
    recorded_by: Mapped[str] = text_column(
        100, "Operating-system user who entered it; empty for events carried over."
    )
    person: Mapped[Person] = relationship(back_populates="consent_events")


class Availability(Base):
    """A weekly time window in which a person can help or drive."""

    __tablename__ = "availability"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("end_time > start_time", name="end_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Availability number.")
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), nullable=False, index=True, doc="The person."
    )
    weekday: Mapped[int] = mapped_column(Integer, nullable=False, doc="0 = Monday … 6 = Sunday.")
    start_time: Mapped[dt.time] = mapped_column(Time, nullable=False, doc="From (local time).")
    end_time: Mapped[dt.time] = mapped_column(Time, nullable=False, doc="Until (local time).")
    note: Mapped[str] = text_column(200, "Remark, e.g. 'nur gerade Wochen'.")
    person: Mapped[Person] = relationship(back_populates="availabilities")


class Absence(Base):
    """A period a person is away (holiday, illness); inclusive dates."""

    __tablename__ = "absence"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        Index("ix_absence_person_dates", "person_id", "start_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Absence number.")
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), nullable=False, doc="The person."
    )
    start_date: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="First day away.")
    end_date: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="Last day away.")
    reason: Mapped[str] = text_column(200, "Reason, e.g. 'Urlaub'.")
    person: Mapped[Person] = relationship(back_populates="absences")


class MobilityNeeds(Versioned, Base):
    """What a passenger needs to ride. Health data under DSGVO Art. 9."""

    __tablename__ = "mobility_needs"
    __table_args__ = {"info": {"dsgvo": HEALTH_DATA}}

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), primary_key=True, doc="The person."
    )
    wheelchair: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        info={"dsgvo": HEALTH_DATA},
        doc="Travels in a wheelchair (needs a wheelchair space).",
    )
    rollator: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        info={"dsgvo": HEALTH_DATA},
        doc="Brings a rollator (needs boot space).",
    )
    escort: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        info={"dsgvo": HEALTH_DATA},
        doc="Needs an escort to the door.",
    )
    notes: Mapped[str] = text_column(500, "Further needs.", info={"dsgvo": HEALTH_DATA})
    person: Mapped[Person] = relationship(back_populates="mobility")
