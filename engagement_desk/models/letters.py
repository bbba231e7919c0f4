"""Serienbriefe: letter templates and the people list's saved filters."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engagement_desk.models.base import Base, Versioned, created_at_column, updated_at_column


class LetterTemplate(Versioned, Base):
    """A form letter: subject and body with placeholders such as {briefanrede}."""

    __tablename__ = "letter_template"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Template number.")
    name: Mapped[str] = mapped_column(
        String(120), nullable=False, unique=True, doc="Name of the template, e.g. 'Einladung'."
    )
    subject: Mapped[str] = mapped_column(
        String(200), nullable=False, doc="Subject line (Betreff), may hold placeholders."
    )
    body: Mapped[str] = mapped_column(
        Text, nullable=False, doc="Letter text after the greeting, with placeholders."
    )
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()


class SavedFilter(Versioned, Base):
    """A named search and filter of the people list, to choose again (e.g. for letters)."""

    __tablename__ = "saved_filter"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Filter number.")
    name: Mapped[str] = mapped_column(
        String(120), nullable=False, unique=True, doc="Name, e.g. 'Fahrer Zentrum Senioren'."
    )
    search_text: Mapped[str] = mapped_column(
        String(200), nullable=False, default="", server_default="", doc="Search words."
    )
    filters: Mapped[str] = mapped_column(
        Text, nullable=False, doc='The list\'s filters as JSON, e.g. {"role": "driver"}.'
    )
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()
