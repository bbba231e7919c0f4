"""Who changed what, when: the audit trail."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engagement_desk.models.base import Base, UTCDateTime, enum_type, text_column, utcnow
from engagement_desk.models.enums import AuditAction


class AuditEntry(Base):
    """One change to a record. Holds no personal data beyond the record's id."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_entity", "entity", "entity_id"),
        Index("ix_audit_entry_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Entry number.")
    at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=utcnow, doc="When (UTC)."
    )
    user: Mapped[str] = text_column(100, "Operating-system user who made the change.")
    action: Mapped[AuditAction] = mapped_column(
        enum_type(AuditAction, "audit_action"),
        nullable=False,
        doc="create, update, archive, delete, anonymize, import, export or read.",
    )
    entity: Mapped[str] = mapped_column(
        String(60), nullable=False, doc="Table name, e.g. 'person'."
    )
    entity_id: Mapped[int | None] = mapped_column(Integer, doc="Id of the record, if one.")
    summary: Mapped[str] = mapped_column(
        Text, nullable=False, default="", doc="Which fields changed (names, not values)."
    )
