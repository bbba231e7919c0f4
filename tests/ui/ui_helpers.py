"""Helpers for window tests: a recording dialog seam and small agencies to show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QWidget

from engagement_desk.db import Database
from engagement_desk.models import (
    Center,
    Certificate,
    Event,
    HoursEntry,
    Organization,
    Person,
    PersonRole,
    Registration,
    Ride,
    RidePassenger,
    RideService,
)
from engagement_desk.models.enums import (
    CertificateKind,
    EventKind,
    HoursSource,
    OrganizationKind,
    PersonStatus,
    RegistrationStatus,
    RideServiceKind,
    RideStatus,
    Role,
)
from engagement_desk.ui.widgets.dialogs import Dialogs


class RecordingDialogs(Dialogs):
    """Records every message instead of showing it; answers questions from a script."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[bool] = []
        self.paths: list[str | None] = []

    def _record(self, kind: str, title: str, text: str) -> None:
        self.shown.append((kind, title, text))

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self._record("inform", title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self._record("warn", title, text)

    def critical(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        self._record("critical", title, text)

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        self._record("about", title, text)

    def ask(self, parent: QWidget | None, title: str, question: str) -> bool:
        self._record("ask", title, question)
        return self.answers.pop(0) if self.answers else True

    def choose(self, parent: Any, title: str, text: str, choices: Sequence[str]) -> int:
        """Scripted like ``ask``: yes is the first choice, no the last (cancel)."""
        return 0 if self.ask(parent, title, text) else len(choices) - 1

    def save_path(self, parent: Any, title: str, suggested: str, file_filter: str) -> str | None:
        self._record("save_path", title, suggested)
        return self.paths.pop(0) if self.paths else None

    def open_path(self, parent: Any, title: str, directory: str, file_filter: str) -> str | None:
        self._record("open_path", title, directory)
        return self.paths.pop(0) if self.paths else None

    def directory_path(self, parent: Any, title: str, directory: str) -> str | None:
        self._record("directory_path", title, directory)
        return self.paths.pop(0) if self.paths else None

    def texts(self, kind: str) -> list[str]:
        return [text for k, _, text in self.shown if k == kind]


class ChoosingDialogs(RecordingDialogs):
    """Also answers three-way questions (save / discard / cancel) from a script."""

    def __init__(self) -> None:
        super().__init__()
        self.choices: list[int] = []

    def choose(self, parent: Any, title: str, text: str, choices: Sequence[str]) -> int:
        self._record("choose", title, text)
        return self.choices.pop(0) if self.choices else len(choices) - 1


ROLES_CYCLE = (Role.VOLUNTEER, Role.PASSENGER, Role.DRIVER, Role.VOLUNTEER, Role.SPONSOR)


def add_people(db: Database, count: int, *, prefix: str = "Person") -> None:
    """``count`` people named ``<prefix>0001`` …; every fifth is inactive."""
    with db.session() as session:
        for n in range(1, count + 1):
            person = Person(
                last_name=f"{prefix}{n:04d}",
                first_name=f"Vorname{n % 7}",
                birth_date=dt.date(1940 + n % 60, 1 + n % 12, 1 + n % 28),
                postal_code=f"{54634 + n % 3}",
                city="Bitburg" if n % 2 else "Trier",
                email=f"p{n}@example.org",
                status=PersonStatus.INACTIVE if n % 5 == 0 else PersonStatus.ACTIVE,
            )
            person.roles = [PersonRole(role=ROLES_CYCLE[n % len(ROLES_CYCLE)])]
            session.add(person)


def add_agency(db: Database) -> dict[str, int]:
    """A small agency: two centres, three organizations, a ride, an event, a certificate."""
    today = dt.date.today()
    with db.session() as session:
        seniors = Center(name="Zentrum Senioren", theme="Senioren")
        family = Center(name="Zentrum Familie", theme="Familie")
        session.add_all([seniors, family])
        session.add_all(
            [
                Organization(
                    name="Sportverein Bitburg",
                    kind=OrganizationKind.CLUB,
                    city="Bitburg",
                    centers=[family],
                ),
                Organization(
                    name="Seniorentreff Mitte",
                    kind=OrganizationKind.INITIATIVE,
                    city="Bitburg",
                    centers=[seniors],
                ),
                Organization(
                    name="Tafel Eifel",
                    kind=OrganizationKind.INSTITUTION,
                    city="Prüm",
                    centers=[seniors, family],
                ),
            ]
        )
        weber = Person(last_name="Weber", first_name="Hildegard", city="Bitburg")
        weber.roles = [PersonRole(role=Role.PASSENGER)]
        driver = Person(last_name="Schmitz", first_name="Karl", city="Bitburg")
        driver.roles = [PersonRole(role=Role.DRIVER), PersonRole(role=Role.VOLUNTEER)]
        session.add_all([weber, driver])
        service = RideService(name="Seniorenfahrdienst", kind=RideServiceKind.WEEKLY)
        session.add(service)
        session.flush()
        ride = Ride(
            service_id=service.id,
            ride_date=today,
            start_time=dt.time(9, 0),
            destination="Markt Bitburg",
            driver_id=driver.id,
            status=RideStatus.DONE,
            km=Decimal("12.5"),
        )
        ride.passengers = [RidePassenger(person_id=weber.id)]
        session.add(ride)
        event = Event(
            kind=EventKind.CLUB_FAIR,
            title="Vereinsmesse",
            starts_at=dt.datetime.combine(today, dt.time(10)),
            ends_at=dt.datetime.combine(today, dt.time(16)),
            place="Stadthalle",
        )
        session.add(event)
        session.flush()
        session.add(
            Registration(event_id=event.id, person_id=driver.id, status=RegistrationStatus.ATTENDED)
        )
        session.add(
            HoursEntry(
                person_id=driver.id,
                on_date=today,
                hours=Decimal("3.5"),
                center_id=seniors.id,
                source=HoursSource.MANUAL,
            )
        )
        session.add(
            Certificate(
                number=f"{today.year}-0001",
                verification_code="ABCD1234",
                kind=CertificateKind.RECOGNITION,
                person_id=driver.id,
                issued_on=today,
                content_hash="0" * 64,
            )
        )
        session.flush()
        return {"seniors": seniors.id, "family": family.id}
