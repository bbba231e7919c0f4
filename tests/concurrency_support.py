"""Two workstations at once: two long-lived processes that run one job each per round.

Each process opens the database once. Per round the parent hands both a job,
both wait at a barrier and then call the service at the same moment; the
parent collects what each got: a result, the German refusal of a service
error, or a crash (any other exception, with its traceback). The parent
resets the scenario between rounds.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ROUND_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Outcome:
    kind: str  # "ok", "refused" (a ServiceError) or "crash"
    value: Any = None
    error_type: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.kind == "ok"


# Jobs run in the worker processes; each takes the worker's Database first.


def plan_week(db, week: str) -> int:
    from engagement_desk.services.rides.calendar import IsoWeek
    from engagement_desk.services.rides.planning import plan_week as plan

    year, number = week.split("-W")
    return len(plan(db, IsoWeek(int(year), int(number)), time_limit=5).rides)


def register(db, event_id: int, person_id: int, role: str = "participant", shift_id=None) -> str:
    from engagement_desk.services.events.registrations import register as register_person

    result = register_person(db, event_id, person_id, role=role, shift_id=shift_id)
    return result.registration.status.value


def set_standby(db, service_id: int, on_date: dt.date, driver_id: int) -> int:
    from engagement_desk.services.rides.drivers import set_standby_driver

    set_standby_driver(db, service_id, on_date, driver_id)
    return driver_id


def issue_one(db, person_id: int, target: str, year: int) -> str:
    from engagement_desk.models.enums import CertificateKind
    from engagement_desk.services.certificates import IssueOptions, Selection, issue_certificates

    result = issue_certificates(
        db,
        CertificateKind.RECOGNITION,
        Selection(year=year, person_ids=(person_id,)),
        single_file=target,
        options=IssueOptions(issued_on=dt.date(year + 1, 2, 1)),
    )
    (certificate,) = result.certificates
    return certificate.number


def credit_event(db, event_id: int) -> tuple[int, int, int]:
    from engagement_desk.services.hours.derived import credit_event_hours

    result = credit_event_hours(db, event_id)
    return result.created, result.updated, result.removed


def assign(db, ride_id: int, driver_id: int, expected_version: int) -> int:
    from engagement_desk.services.rides.assignment import assign_driver

    assign_driver(db, ride_id, driver_id, expected_version=expected_version)
    return ride_id


def place(db, person_id: int, opportunity_id: int) -> int:
    from engagement_desk.services.organizations.placements import create_placement

    return create_placement(db, person_id, opportunity_id, on_date=dt.date(2026, 3, 2)).id


def mark_done(db, ride_id: int, expected_version: int) -> int:
    from engagement_desk.services.rides.status import mark_done as done

    done(db, ride_id, km="12", expected_version=expected_version)
    return ride_id


def give_consent(db, person_id: int) -> str:
    from engagement_desk.models.enums import ConsentPurpose, ConsentSource
    from engagement_desk.services.people.consents import give_consent as give

    give(db, person_id, ConsentPurpose.PHOTOS, dt.date(2026, 3, 2), ConsentSource.PAPER)
    return "given"


def delete_template(db, template_id: int, expected_version: int) -> int:
    from engagement_desk.services.certificates.templates import delete_template as delete

    delete(db, template_id, expected_version=expected_version)
    return template_id


def save_people_filter(db, name: str, role: str) -> int:
    from engagement_desk.services.letters.filters import save_filter

    return save_filter(db, name, "", {"role": role}).id


def create_letter_template(db, name: str) -> int:
    from engagement_desk.services.letters.templates import LetterTemplateInput, create_template

    return create_template(db, LetterTemplateInput(name, "Betreff", "{briefanrede}")).id


def log_hours(db, person_id: int, on_date: dt.date, hours: str, center_id: int) -> int:
    from engagement_desk.services.hours.entries import add_hours
    from engagement_desk.services.hours.records import HoursInput

    result = add_hours(db, HoursInput(person_id, on_date, hours, center_id=center_id))
    return result.records[0].id


JOBS: dict[str, Callable[..., Any]] = {
    "delete_template": delete_template,
    "mark_done": mark_done,
    "give_consent": give_consent,
    "assign": assign,
    "place": place,
    "plan_week": plan_week,
    "register": register,
    "set_standby": set_standby,
    "issue_one": issue_one,
    "credit_event": credit_event,
    "save_people_filter": save_people_filter,
    "create_letter_template": create_letter_template,
    "log_hours": log_hours,
}


def _serve(url: str, tasks, results, barrier) -> None:
    from engagement_desk.db import Database
    from engagement_desk.services.errors import ServiceError

    db = Database(url)
    try:
        while (task := tasks.get()) is not None:
            name, kwargs = task
            barrier.wait(timeout=ROUND_TIMEOUT_SECONDS)
            try:
                outcome = Outcome("ok", JOBS[name](db, **kwargs))
            except ServiceError as error:
                outcome = Outcome("refused", None, type(error).__name__, str(error))
            except Exception as error:  # the test reports it; a crash must never happen
                outcome = Outcome("crash", None, type(error).__name__, traceback.format_exc())
            results.put(outcome)
    finally:
        db.dispose()


class TwoWorkstations:
    """``run(job_a, job_b)`` runs both jobs at the same moment, one per process."""

    def __init__(self, url: str):
        context = multiprocessing.get_context("spawn")
        self._barrier = context.Barrier(2)
        self._tasks = [context.Queue(), context.Queue()]
        self._results = [context.Queue(), context.Queue()]
        self._processes = [
            context.Process(target=_serve, args=(url, tasks, results, self._barrier), daemon=True)
            for tasks, results in zip(self._tasks, self._results, strict=True)
        ]
        for process in self._processes:
            process.start()

    def run(
        self, first: tuple[str, dict[str, Any]], second: tuple[str, dict[str, Any]]
    ) -> tuple[Outcome, Outcome]:
        self._tasks[0].put(first)
        self._tasks[1].put(second)
        return (
            self._results[0].get(timeout=ROUND_TIMEOUT_SECONDS),
            self._results[1].get(timeout=ROUND_TIMEOUT_SECONDS),
        )

    def close(self) -> None:
        for tasks in self._tasks:
            tasks.put(None)
        for process in self._processes:
            process.join(timeout=20)
            if process.is_alive():
                process.terminate()
                process.join()

    def __enter__(self) -> TwoWorkstations:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def no_crash(*outcomes: Outcome) -> None:
    for outcome in outcomes:
        assert outcome.kind != "crash", outcome.message
