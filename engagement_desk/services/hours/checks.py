"""Validating typed hours entries; shared by the single-entry services and the grid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from engagement_desk.services.hours.lookup import KnownIds
from engagement_desk.services.hours.parsing import MAX_HOURS_PER_ENTRY, parse_date, parse_hours
from engagement_desk.services.hours.records import HoursInput
from engagement_desk.services.validation import Validator, clean

ACTIVITY_MAX = 300
EARLIEST_DATE = dt.date(1950, 1, 1)

LABELS = {
    "person_id": "Person",
    "on_date": "Datum",
    "hours": "Stunden",
    "organization_id": "Organisation",
    "center_id": "Zentrum",
    "activity": "Tätigkeit",
}


@dataclass(frozen=True)
class CleanHours:
    person_id: int
    on_date: dt.date
    hours: Decimal
    organization_id: int | None
    center_id: int | None
    activity: str

    def values(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "on_date": self.on_date,
            "hours": self.hours,
            "organization_id": self.organization_id,
            "center_id": self.center_id,
            "activity": self.activity,
        }


Place = Callable[[str], tuple[str, str]]


def single_place(field: str) -> tuple[str, str]:
    return field, LABELS[field]


def row_place(row: int) -> Place:
    def place(field: str) -> tuple[str, str]:
        return row_field(row, field), f"Zeile {row}, {LABELS[field]}"

    return place


def row_field(row: int, field: str) -> str:
    return f"rows[{row}].{field}"


def checked(
    data: HoursInput,
    known: KnownIds,
    check: Validator,
    place: Place = single_place,
    today: dt.date | None = None,
) -> CleanHours | None:
    """The cleaned entry, or None after adding every problem to ``check``."""
    today = today or dt.date.today()
    before = len(check.errors)

    def error(field: str, message: str) -> None:
        check.error(*place(field), message)

    if data.person_id is None:
        error("person_id", "Bitte eine Person wählen.")
    elif data.person_id not in known.people:
        error("person_id", f"Person Nr. {data.person_id} gibt es nicht (mehr).")
    on_date: dt.date | None = None
    try:
        on_date = parse_date(data.on_date)
    except ValueError as exc:
        error("on_date", str(exc))
    else:
        if on_date > today:
            error("on_date", f"{on_date:%d.%m.%Y} liegt in der Zukunft.")
        elif on_date < EARLIEST_DATE:
            error("on_date", f"{on_date:%d.%m.%Y} liegt vor dem {EARLIEST_DATE:%d.%m.%Y}.")
    hours: Decimal | None = None
    try:
        hours = parse_hours(data.hours)
    except ValueError as exc:
        error("hours", str(exc))
    else:
        if hours <= 0:
            error("hours", "Die Stunden müssen größer als 0 sein.")
        elif hours > MAX_HOURS_PER_ENTRY:
            error("hours", "Mehr als 24 Stunden an einem Tag sind nicht möglich.")
    if data.organization_id is not None and data.organization_id not in known.organizations:
        error("organization_id", f"Organisation Nr. {data.organization_id} gibt es nicht (mehr).")
    if data.center_id is not None and data.center_id not in known.centers:
        error("center_id", f"Zentrum Nr. {data.center_id} gibt es nicht (mehr).")
    activity = clean(data.activity)
    if len(activity) > ACTIVITY_MAX:
        error("activity", f"Höchstens {ACTIVITY_MAX} Zeichen (jetzt {len(activity)}).")
    if len(check.errors) > before:
        return None
    assert data.person_id is not None and on_date is not None and hours is not None
    center_id = data.center_id
    if center_id is None and data.organization_id is not None:
        center_id = known.sole_center.get(data.organization_id)
    return CleanHours(data.person_id, on_date, hours, data.organization_id, center_id, activity)
