"""Summaries the Auswertung reads instead of every hours entry (derived, kept by triggers)."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from engagement_desk.models.base import Base


class HoursMonthTotal(Base):
    """Hours per calendar month, centre and source, kept by triggers on ``hours_entry``
    (migration 0017): a year's hours for the Auswertung read a few hundred rows.

    Derived data: not in the interchange file (an import fills it through the triggers).
    """

    __tablename__ = "hours_month_total"
    __table_args__ = ({"info": {"interchange": False}},)

    year: Mapped[int] = mapped_column(Integer, primary_key=True, doc="Calendar year.")
    month: Mapped[int] = mapped_column(Integer, primary_key=True, doc="Calendar month, 1–12.")
    center_key: Mapped[int] = mapped_column(Integer, primary_key=True, doc="Centre id, 0 for none.")
    source: Mapped[str] = mapped_column(
        String(6), primary_key=True, doc="Where the hours came from (``HoursSource`` value)."
    )
    cents: Mapped[int] = mapped_column(
        Integer, nullable=False, doc="Sum of the hours in hundredths (exact on every backend)."
    )
    entries: Mapped[int] = mapped_column(Integer, nullable=False, doc="Number of entries.")
