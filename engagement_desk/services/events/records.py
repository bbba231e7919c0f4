"""Events' plain records and the German names of their roles and statuses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from engagement_desk.models.enums import (
    EventKind,
    RegistrationRole,
    RegistrationStatus,
)
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services.events.conflicts import ConflictWarning

EVENT = "Veranstaltung"
SHIFT = "Schicht"
REGISTRATION = "Anmeldung"

ACTIVE_STATUSES = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.ATTENDED,
    RegistrationStatus.NO_SHOW,
)
"""Statuses that take a place (of the capacity or of a shift's slots)."""
CHECKABLE_STATUSES = (*ACTIVE_STATUSES, RegistrationStatus.INVITED)
ROLE_LABELS = german_names(RegistrationRole)
STATUS_LABELS = german_names(RegistrationStatus)
KIND_LABELS = german_names(EventKind)


@dataclass(frozen=True)
class EventData:
    """What the event form edits."""

    kind: EventKind | str
    title: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    place: str = ""
    center_id: int | None = None
    organization_id: int | None = None
    capacity: int | None = None
    description: str = ""
    is_public: bool = True
    hours_credit: Decimal | str | None = None
    trainer: str = ""


@dataclass(frozen=True)
class WorkingGroupData:
    """What the event form edits of an Arbeitskreis meeting besides the event itself."""

    agenda: str = ""
    minutes: str = ""
    next_meeting_on: dt.date | None = None


@dataclass(frozen=True)
class EventRecord:
    id: int
    version: int
    kind: EventKind
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    center_id: int | None
    organization_id: int | None
    capacity: int | None
    description: str
    is_public: bool
    hours_credit: Decimal | None
    trainer: str
    agenda: str
    minutes: str
    next_meeting_on: dt.date | None
    registered: int
    waiting: int

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def free_places(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.registered, 0)


@dataclass(frozen=True)
class ShiftData:
    title: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    slots: int = 1


@dataclass(frozen=True)
class ShiftRecord:
    id: int
    version: int
    event_id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    slots: int
    taken: int
    waiting: int

    @property
    def free(self) -> int:
        return max(self.slots - self.taken, 0)


@dataclass(frozen=True)
class RegistrationRecord:
    id: int
    version: int
    event_id: int
    person_id: int | None
    organization_id: int | None
    name: str
    role: RegistrationRole
    status: RegistrationStatus
    shift_id: int | None
    shift_title: str
    stand: str
    registered_at: dt.datetime
    note: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class RegisterResult:
    """The new registration; ``warnings`` are overlaps the UI shows (nothing was refused)."""

    registration: RegistrationRecord
    warnings: tuple[ConflictWarning, ...] = ()
    waiting_position: int | None = None
    """Place on the waiting list (1 = next to move up), for a registration that waits."""

    @property
    def on_waiting_list(self) -> bool:
        return self.registration.status == RegistrationStatus.WAITING_LIST


@dataclass(frozen=True)
class CancelResult:
    cancelled: RegistrationRecord
    moved_up: RegistrationRecord | None

    @property
    def message(self) -> str:
        text = f"Anmeldung von {self.cancelled.name} storniert."
        if self.moved_up is not None:
            text += f" {self.moved_up.name} rückt von der Warteliste nach."
        return text


@dataclass(frozen=True)
class CheckInResult:
    changed: int
    skipped: tuple[int, ...] = ()
    hours_created: int = 0
    hours_updated: int = 0
    hours_removed: int = 0


@dataclass(frozen=True)
class QuestionRecord:
    id: int
    event_id: int
    asked_by: str
    text: str
    received_on: dt.date


@dataclass(frozen=True)
class RegistrationFilter:
    """Filters of the registrations list; all optional."""

    text: str = ""
    roles: tuple[RegistrationRole, ...] = ()
    statuses: tuple[RegistrationStatus, ...] = ()
    shift_id: int | None = None
