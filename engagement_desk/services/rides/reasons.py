"""Why a ride stayed without a driver: the most specific hard rule, in German."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from engagement_desk.services.rides.calendar import from_epoch_minutes
from engagement_desk.services.rides.model import PlanDriver, PlanningProblem, PlanRide
from engagement_desk.services.rides.rules import (
    STATIC_ORDER,
    Rule,
    load_excess,
    static_violations,
    trips,
)

NO_DRIVERS = "no_drivers"
NOT_PLANNED = "not_planned"

_STAGE = {
    Rule.ABSENT: 1,
    Rule.UNAVAILABLE: 2,
    Rule.NO_VEHICLE: 3,
    Rule.WHEELCHAIR: 3,
    Rule.SEATS: 3,
    Rule.WEEKLY_MAX: 4,
    Rule.OVERLAP: 4,
    Rule.CAR_FULL: 4,
}
_PLAN_PARTS = {
    Rule.OVERLAP: "sind zu dieser Zeit schon unterwegs",
    Rule.WEEKLY_MAX: "haben ihr Wochenmaximum erreicht",
    Rule.CAR_FULL: "haben auf der gemeinsamen Tour keinen Platz mehr",
}


@dataclass(frozen=True)
class UnassignedReason:
    ride_id: int
    code: str
    """The deciding rule (a ``Rule`` value), ``no_drivers`` or ``not_planned``."""
    text: str


def _first_broken(
    ride: PlanRide, driver: PlanDriver, others: list[PlanRide], buffer: int
) -> Rule | None:
    static = static_violations(ride, driver)
    if static:
        return next(rule for rule in STATIC_ORDER if rule in static)
    if trips([*others, ride]) > driver.max_trips:
        return Rule.WEEKLY_MAX
    if any(o.group != ride.group and ride.overlaps(o, buffer) for o in others):
        return Rule.OVERLAP
    if load_excess([*others, ride], driver):
        return Rule.CAR_FULL
    return None


def _time_range(ride: PlanRide) -> str:
    return f"{from_epoch_minutes(ride.start):%H:%M} bis {from_epoch_minutes(ride.end):%H:%M} Uhr"


def _text(ride: PlanRide, best: list[Rule]) -> str:
    rules = set(best)
    stage = _STAGE[best[0]]
    if stage == 1:
        return "Alle Fahrer/innen sind an diesem Tag abwesend."
    if stage == 2:
        return f"Kein/e Fahrer/in ist an diesem Tag von {_time_range(ride)} verfügbar."
    if stage == 3:
        if Rule.WHEELCHAIR in rules and rules <= {Rule.WHEELCHAIR, Rule.NO_VEHICLE}:
            needed = (
                "einem Rollstuhlplatz"
                if ride.wheelchairs == 1
                else (f"{ride.wheelchairs} Rollstuhlplätzen")
            )
            return f"Keiner der verfügbaren Fahrer/innen hat ein Fahrzeug mit {needed}."
        if Rule.SEATS in rules:
            return (
                "Keiner der verfügbaren Fahrer/innen hat ein Fahrzeug mit "
                f"{ride.seats} freien Sitzplätzen."
            )
        return "Die verfügbaren Fahrer/innen haben kein Fahrzeug hinterlegt."
    parts = [text for rule, text in _PLAN_PARTS.items() if rule in rules]
    joined = " oder ".join(parts)
    if ride.wheelchairs:
        return f"Kein rollstuhlgerechtes Fahrzeug frei: die passenden Fahrer/innen {joined}."
    if rules == {Rule.WEEKLY_MAX}:
        return "Alle passenden Fahrer/innen haben ihr Wochenmaximum erreicht."
    return f"Alle passenden Fahrer/innen {joined}."


def unassigned_reasons(
    problem: PlanningProblem, assignment: Mapping[int, int]
) -> list[UnassignedReason]:
    """A reason for every ride of ``problem`` that ``assignment`` leaves without a driver."""
    by_id = {ride.id: ride for ride in problem.rides}
    per_driver: dict[int, list[PlanRide]] = defaultdict(list)
    for fixed in problem.fixed:
        per_driver[fixed.driver_id].append(fixed.ride)
    for ride_id, driver_id in assignment.items():
        per_driver[driver_id].append(by_id[ride_id])
    reasons = []
    for ride in sorted(problem.rides, key=lambda r: (r.start, r.id)):
        if ride.id in assignment:
            continue
        if not problem.drivers:
            reasons.append(
                UnassignedReason(ride.id, NO_DRIVERS, "Es sind keine Fahrer/innen angelegt.")
            )
            continue
        broken: list[Rule | None] = [
            _first_broken(ride, driver, per_driver[driver.id], problem.buffer_minutes)
            for driver in problem.drivers
        ]
        if any(rule is None for rule in broken):
            reasons.append(
                UnassignedReason(
                    ride.id,
                    NOT_PLANNED,
                    "Die Planung wurde vor dem Ende beendet; bitte von Hand zuteilen.",
                )
            )
            continue
        rules = [rule for rule in broken if rule is not None]
        top = max(_STAGE[rule] for rule in rules)
        best = sorted(
            (rule for rule in rules if _STAGE[rule] == top), key=lambda r: list(Rule).index(r)
        )
        reasons.append(UnassignedReason(ride.id, best[0].value, _text(ride, best)))
    return reasons
