"""Declarative base, naming convention and the column types every model shares."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import DateTime, Enum, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints are what let Alembic's batch mode on SQLite recreate a
# table without losing track of its keys and checks.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

HEALTH_DATA = "health"
"""Marker in ``Column.info['dsgvo']`` and ``Table.info['dsgvo']`` for Art. 9 data."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A point in time, stored as naive UTC and returned as aware UTC on every backend."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def enum_type(enum_class: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: VARCHAR plus a named CHECK, storing the member values."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_class),
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Versioned:
    """Optimistic locking: an UPDATE whose row version moved on raises StaleDataError."""

    version: Mapped[int] = mapped_column(
        Integer, nullable=False, default=1, doc="Row version for conflict detection; starts at 1."
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


def text_column(length: int, doc: str, **kwargs: Any) -> Mapped[str]:
    return mapped_column(
        String(length), nullable=False, default="", server_default="", doc=doc, **kwargs
    )


def optional_text(length: int, doc: str, **kwargs: Any) -> Mapped[str | None]:
    return mapped_column(String(length), nullable=True, doc=doc, **kwargs)


def created_at_column() -> Mapped[dt.datetime]:
    return mapped_column(
        UTCDateTime(), nullable=False, default=utcnow, doc="When the record was created (UTC)."
    )


def updated_at_column() -> Mapped[dt.datetime]:
    return mapped_column(
        UTCDateTime(),
        nullable=False,
        default=utcnow,
        onupdate=utcnow,
        doc="When the record was last changed (UTC).",
    )
