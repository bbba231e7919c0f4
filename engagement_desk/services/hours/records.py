"""What the hours services take and hand back: plain frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from engagement_desk.models.enums import HoursSource

HoursValue = Decimal | int | float | str | None
DateValue = dt.date | str | None


@dataclass(frozen=True)
class HoursInput:
    """One entry as typed; hours and date may still be text ("2,5", "03.02.2026")."""

    person_id: int | None
    on_date: DateValue
    hours: HoursValue
    organization_id: int | None = None
    center_id: int | None = None
    activity: str = ""


@dataclass(frozen=True)
class HoursRecord:
    id: int
    person_id: int
    person_name: str
    on_date: dt.date
    hours: Decimal
    organization_id: int | None
    organization: str
    center_id: int | None
    center: str
    activity: str
    source: HoursSource
    ride_id: int | None
    registration_id: int | None
    version: int


class WarningKind(StrEnum):
    LONG_DAY = "long_day"
    POSSIBLE_DUPLICATE = "possible_duplicate"
    ABSENT = "absent"


@dataclass(frozen=True)
class HoursWarning:
    """A plausibility hint: saved anyway, shown to the user to double-check.

    ``rows`` names the grid rows (1-based) involved when the warning came from a grid save.
    """

    kind: WarningKind
    person_id: int
    on_date: dt.date
    message: str
    entry_ids: tuple[int, ...]
    rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class HoursSaveResult:
    records: tuple[HoursRecord, ...]
    warnings: tuple[HoursWarning, ...]
    deleted: tuple[int, ...] = ()


@dataclass(frozen=True)
class GridRow:
    """One row of the fast-entry grid.

    ``entry_id`` None adds a new entry; otherwise the entry is updated (``expected_version``
    is the version the grid loaded) or, with ``delete``, removed. ``row`` is the number the
    grid shows; by default the row's position (1-based) in the list saved.
    """

    data: HoursInput
    entry_id: int | None = None
    expected_version: int | None = None
    delete: bool = False
    row: int | None = None
