"""Engagement-Zentren, organizations, their opportunities and the placement of volunteers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engagement_desk.models.base import (
    Base,
    Versioned,
    created_at_column,
    enum_type,
    text_column,
    updated_at_column,
)
from engagement_desk.models.enums import (
    OpportunityStatus,
    OrganizationKind,
    PlacementStatus,
    RecordStatus,
)
from engagement_desk.models.people import Person
from engagement_desk.models.sort_keys import sort_key_column

CASCADE = "CASCADE"
SET_NULL = "SET NULL"

organization_center = Table(
    "organization_center",
    Base.metadata,
    Column(
        "organization_id",
        ForeignKey("organization.id", ondelete=CASCADE),
        primary_key=True,
        doc="The organization.",
    ),
    Column(
        "center_id",
        ForeignKey("center.id", ondelete=CASCADE),
        primary_key=True,
        index=True,
        doc="A centre it belongs to.",
    ),
)


class Center(Versioned, Base):
    """A themed Engagement-Zentrum (family, seniors, migration, …)."""

    __tablename__ = "center"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Centre number.")
    name: Mapped[str] = mapped_column(String(120), nullable=False, unique=True, doc="Name; unique.")
    name_key: Mapped[str] = sort_key_column("name", 120)
    theme: Mapped[str] = text_column(120, "Theme, e.g. 'Senioren'.")
    street: Mapped[str] = text_column(200, "Street and house number.")
    postal_code: Mapped[str] = text_column(10, "Postal code (PLZ).")
    city: Mapped[str] = text_column(100, "Town.")
    phone: Mapped[str] = text_column(40, "Phone.")
    email: Mapped[str] = text_column(254, "E-mail address.")
    opening_hours: Mapped[str] = text_column(500, "Opening hours as shown to visitors.")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="", doc="Description.")
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete=SET_NULL), index=True, doc="Contact person."
    )
    status: Mapped[RecordStatus] = mapped_column(
        enum_type(RecordStatus, "center_status"),
        nullable=False,
        default=RecordStatus.ACTIVE,
        doc="active or archived.",
    )
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()

    contact_person: Mapped[Person | None] = relationship()
    organizations: Mapped[list[Organization]] = relationship(
        secondary=organization_center, back_populates="centers"
    )


class Organization(Versioned, Base):
    """A club, initiative, institution or partner the agency works with."""

    __tablename__ = "organization"
    __table_args__ = (
        Index("ix_organization_name", "name"),
        Index("ix_organization_name_key", "name_key", "id"),
        Index("ix_organization_city_key", "city_key", "name_key", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Organization number.")
    name: Mapped[str] = mapped_column(String(200), nullable=False, doc="Name; required.")
    kind: Mapped[OrganizationKind] = mapped_column(
        enum_type(OrganizationKind, "organization_kind"),
        nullable=False,
        default=OrganizationKind.CLUB,
        doc="club, initiative, institution or partner.",
    )
    street: Mapped[str] = text_column(200, "Street and house number.")
    postal_code: Mapped[str] = text_column(10, "Postal code (PLZ).")
    city: Mapped[str] = text_column(100, "Town.")
    phone: Mapped[str] = text_column(40, "Phone.")
    email: Mapped[str] = text_column(254, "E-mail address.")
    website: Mapped[str] = text_column(300, "Website URL.")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="", doc="Description.")
    name_key: Mapped[str] = sort_key_column("name", 200)
    city_key: Mapped[str] = sort_key_column("city", 100)
    may_publish: Mapped[bool] = mapped_column(
        nullable=False, default=False, doc="Agreed to appear in the published club directory."
    )
    status: Mapped[RecordStatus] = mapped_column(
        enum_type(RecordStatus, "organization_status"),
        nullable=False,
        default=RecordStatus.ACTIVE,
        doc="active or archived.",
    )
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()

    centers: Mapped[list[Center]] = relationship(
        secondary=organization_center, back_populates="organizations"
    )
    contacts: Mapped[list[OrganizationContact]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", passive_deletes=True
    )
    opportunities: Mapped[list[Opportunity]] = relationship(back_populates="organization")


class OrganizationContact(Base):
    """A person who is a contact of an organization, with their function there."""

    __tablename__ = "organization_contact"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete=CASCADE), primary_key=True, doc="The organization."
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), primary_key=True, index=True, doc="The person."
    )
    function: Mapped[str] = text_column(120, "Function, e.g. 'Vorsitzende'.")
    organization: Mapped[Organization] = relationship(back_populates="contacts")
    person: Mapped[Person] = relationship()


class Opportunity(Versioned, Base):
    """A volunteer role an organization offers (Engagementangebot)."""

    __tablename__ = "opportunity"
    __table_args__ = (
        CheckConstraint("volunteers_wanted >= 0", name="volunteers_wanted_positive"),
        Index("ix_opportunity_status", "status"),
        Index("ix_opportunity_title_key", "title_key", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Opportunity number.")
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
        doc="Organization offering it.",
    )
    center_id: Mapped[int | None] = mapped_column(
        ForeignKey("center.id", ondelete=SET_NULL), index=True, doc="Centre / theme."
    )
    title: Mapped[str] = mapped_column(String(200), nullable=False, doc="Title; required.")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="", doc="Description.")
    time_commitment: Mapped[str] = text_column(200, "Time commitment, e.g. '2 h pro Woche'.")
    place: Mapped[str] = text_column(200, "Where the work happens.")
    title_key: Mapped[str] = sort_key_column("title", 200)
    place_key: Mapped[str] = sort_key_column("place", 200)
    postal_code: Mapped[str] = text_column(10, "Postal code of the place, for proximity.")
    volunteers_wanted: Mapped[int] = mapped_column(
        Integer, nullable=False, default=1, doc="How many volunteers are wanted."
    )
    status: Mapped[OpportunityStatus] = mapped_column(
        enum_type(OpportunityStatus, "opportunity_status"),
        nullable=False,
        default=OpportunityStatus.OPEN,
        doc="open, paused or filled.",
    )
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()

    organization: Mapped[Organization] = relationship(back_populates="opportunities")
    center: Mapped[Center | None] = relationship()
    skills: Mapped[list[OpportunitySkill]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class OpportunitySkill(Base):
    """A skill or interest an opportunity asks for."""

    __tablename__ = "opportunity_skill"

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete=CASCADE), primary_key=True, doc="The opportunity."
    )
    value: Mapped[str] = mapped_column(String(100), primary_key=True, doc="The word.")


class Placement(Versioned, Base):
    """A person placed with an opportunity (Vermittlung); its steps are in placement_step."""

    __tablename__ = "placement"
    __table_args__ = (
        Index("ix_placement_follow_up", "follow_up_on"),
        Index("ix_placement_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Placement number.")
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), nullable=False, index=True, doc="The person."
    )
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
        doc="The opportunity.",
    )
    status: Mapped[PlacementStatus] = mapped_column(
        enum_type(PlacementStatus, "placement_status"),
        nullable=False,
        default=PlacementStatus.INTEREST,
        doc="Current step: interest, first_talk, proposed, active, ended or declined.",
    )
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, doc="Day to call back.")
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()

    person: Mapped[Person] = relationship()
    opportunity: Mapped[Opportunity] = relationship()
    steps: Mapped[list[PlacementStep]] = relationship(
        back_populates="placement",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlacementStep.id",
    )


class PlacementStep(Base):
    """One dated step in a placement's history."""

    __tablename__ = "placement_step"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Step number.")
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placement.id", ondelete=CASCADE),
        nullable=False,
        index=True,
        doc="The placement.",
    )
    status: Mapped[PlacementStatus] = mapped_column(
        enum_type(PlacementStatus, "placement_step_status"),
        nullable=False,
        doc="The status reached.",
    )
    on_date: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="Day of the step.")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="", doc="Note.")
    placement: Mapped[Placement] = relationship(back_populates="steps")
