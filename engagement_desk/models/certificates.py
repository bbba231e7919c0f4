"""Certificate templates and the register of issued certificates."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from engagement_desk.models.base import Base, UTCDateTime, Versioned, enum_type, text_column, utcnow
from engagement_desk.models.enums import CertificateKind, CertificateStatus

SET_NULL = "SET NULL"


class CertificateTemplate(Versioned, Base):
    """An editable certificate text with placeholders; each edit raises template_version."""

    __tablename__ = "certificate_template"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True, doc="Template number.")
    kind: Mapped[CertificateKind] = mapped_column(
        enum_type(CertificateKind, "template_kind"),
        nullable=False,
        doc="recognition, statement or attendance.",
    )
    name: Mapped[str] = mapped_column(String(120), nullable=False, doc="Name of the template.")
    template_version: Mapped[int] = mapped_column(
        Integer, nullable=False, default=1, doc="Printed on each certificate; raised on edit."
    )
    title: Mapped[str] = mapped_column(String(200), nullable=False, doc="Heading.")
    body: Mapped[str] = mapped_column(
        Text, nullable=False, doc="Text with placeholders such as {name} and {hours}."
    )
    is_default: Mapped[bool] = mapped_column(
        nullable=False, default=False, doc="Used unless another is chosen."
    )


class Certificate(Base):
    """An issued, numbered certificate in the register. Never edited, only revoked or replaced."""

    __tablename__ = "certificate"
    __table_args__ = (
        CheckConstraint(
            "period_end IS NULL OR period_start IS NULL OR period_end >= period_start",
            name="period_range",
        ),
        Index("ix_certificate_person", "person_id", "issued_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Register entry.")
    number: Mapped[str] = mapped_column(
        String(30), nullable=False, unique=True, doc="Printed number, e.g. 'U-2026-00042'."
    )
    verification_code: Mapped[str] = mapped_column(
        String(20), nullable=False, doc="Short code printed with the number for verification."
    )
    kind: Mapped[CertificateKind] = mapped_column(
        enum_type(CertificateKind, "certificate_kind"),
        nullable=False,
        doc="recognition, statement or attendance.",
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), nullable=False, doc="Recipient."
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete=SET_NULL), index=True, doc="Training or event, if any."
    )
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate_template.id", ondelete=SET_NULL),
        index=True,
        doc="Template used.",
    )
    template_version: Mapped[int] = mapped_column(
        Integer, nullable=False, default=1, doc="Template version printed on it."
    )
    issued_on: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="Issue date.")
    period_start: Mapped[dt.date | None] = mapped_column(Date, doc="Period covered, from.")
    period_end: Mapped[dt.date | None] = mapped_column(Date, doc="Period covered, to.")
    content_hash: Mapped[str] = mapped_column(
        String(64), nullable=False, doc="SHA-256 of the certified content."
    )
    status: Mapped[CertificateStatus] = mapped_column(
        enum_type(CertificateStatus, "certificate_status"),
        nullable=False,
        default=CertificateStatus.ISSUED,
        doc="issued, revoked or replaced.",
    )
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate.id", ondelete=SET_NULL), doc="Certificate this one reissues."
    )
    revoked_on: Mapped[dt.date | None] = mapped_column(Date, doc="Day revoked.")
    revoke_reason: Mapped[str] = text_column(300, "Why it was revoked.")
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=utcnow, doc="When it was registered (UTC)."
    )
    content: Mapped[str] = mapped_column(
        Text, nullable=False, default="", doc="Certified content as JSON (what the hash covers)."
    )
