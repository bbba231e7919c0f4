"""The agency's own settings: one row, plus the people who sign certificates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Integer, LargeBinary, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from engagement_desk.models.base import Base, UTCDateTime, Versioned, text_column

SETTINGS_ID = 1


class AgencySettings(Versioned, Base):
    """Name, address, logo and rules of the agency. Exactly one row, id 1."""

    __tablename__ = "agency_settings"
    __table_args__ = (
        CheckConstraint(f"id = {SETTINGS_ID}", name="single_row"),
        CheckConstraint("km_rate >= 0", name="km_rate_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=SETTINGS_ID, doc="Always 1.")
    name: Mapped[str] = mapped_column(
        String(200), nullable=False, default="Freiwilligenagentur", doc="Agency name."
    )
    street: Mapped[str] = text_column(200, "Street and house number.")
    postal_code: Mapped[str] = text_column(10, "Postal code.")
    city: Mapped[str] = text_column(100, "Town; also the place printed on certificates.")
    phone: Mapped[str] = text_column(40, "Phone.")
    email: Mapped[str] = text_column(254, "E-mail address.")
    website: Mapped[str] = text_column(300, "Website.")
    bundesland: Mapped[str] = mapped_column(
        String(2),
        nullable=False,
        default="RP",
        doc="Federal state code (ISO 3166-2:DE suffix, e.g. 'RP', 'NW', 'BY').",
    )
    logo_png: Mapped[bytes | None] = mapped_column(
        LargeBinary, doc="Logo as PNG (SVG is rendered to PNG on import; base64 in JSON)."
    )
    km_rate: Mapped[Decimal] = mapped_column(
        Numeric(4, 2), nullable=False, default=Decimal("0.30"), doc="Expense rate per km in euro."
    )
    set_up_at: Mapped[dt.datetime | None] = mapped_column(
        UTCDateTime(),
        doc="When someone first saved these settings (set-up wizard, Einstellungen, CLI); "
        "empty on a fresh database, whose defaults nobody has chosen yet.",
    )


class Signatory(Versioned, Base):
    """Someone who signs certificates, with the function printed under the signature."""

    __tablename__ = "signatory"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Signatory number.")
    name: Mapped[str] = mapped_column(String(200), nullable=False, doc="Name as printed.")
    function: Mapped[str] = text_column(200, "Function, e.g. 'Bürgermeister'.")
    position: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, doc="Order on the page (0 = left)."
    )
    signature_png: Mapped[bytes | None] = mapped_column(
        LargeBinary, doc="Scanned signature as PNG (SVG is rendered to PNG on import)."
    )
