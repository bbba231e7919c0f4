"""The ride service: vehicles, drivers, standing orders, eight weeks of rides and the next two."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from engagement_desk.models import (
    AuditEntry,
    DriverPreference,
    DriverProfile,
    Ride,
    RidePassenger,
    RideService,
    StandbyDriver,
    StandingOrder,
    StandingOrderPause,
    Vehicle,
)
from engagement_desk.models.enums import (
    AuditAction,
    HoursSource,
    RecordStatus,
    RideServiceKind,
    RideStatus,
)
from engagement_desk.services.demo.clock import DAY, is_holiday, monday_of
from engagement_desk.services.demo.context import Context
from engagement_desk.services.demo.draw import Weighted
from engagement_desk.services.demo.records import (
    CenterInfo,
    OrganizationInfo,
    PersonInfo,
    Population,
    Work,
)
from engagement_desk.services.demo.recurrence import Recurrence
from engagement_desk.services.demo.town import DESTINATIONS, PLACES, PLATE_PREFIX, TOWN
from engagement_desk.services.rides.calendar import week_of
from engagement_desk.services.rides.plan_marks import ALL_SERVICES, ENTITY, UP_TO, week_key

SERVICE = RideService.__table__
VEHICLE = Vehicle.__table__
PROFILE = DriverProfile.__table__
PREFERENCE = DriverPreference.__table__
ORDER = StandingOrder.__table__
PAUSE = StandingOrderPause.__table__
RIDE = Ride.__table__
PASSENGER = RidePassenger.__table__
STANDBY = StandbyDriver.__table__
AUDIT = AuditEntry.__table__

HISTORY_DAYS = 56
STANDBY_AHEAD_DAYS = 13
COMING_RIDE_MINUTES = 60  # the weekly service's default duration, as the planner uses
BUFFER_MINUTES = 15
_TENTHS = [Decimal(n) / 10 for n in range(1000)]
_HOURS = {minutes: Decimal(minutes) / 60 for minutes in (60, 90)}
_BUNDLE_SIZE = Weighted([(1, 2), (2, 2), (3, 1)])

_CARS = (
    ("VW Golf", 4, 0, 10),
    ("Opel Astra", 4, 0, 8),
    ("Škoda Octavia Kombi", 4, 0, 9),
    ("Ford Focus", 4, 0, 6),
    ("Toyota Yaris", 3, 0, 6),
    ("VW Touran", 5, 0, 7),
    ("Opel Zafira", 6, 0, 5),
    ("Dacia Jogger", 6, 0, 3),
    ("Mercedes B-Klasse", 4, 0, 5),
    ("Fiat Doblò", 4, 0, 3),
    ("Renault Kangoo", 4, 0, 3),
    ("Seat Alhambra", 6, 0, 3),
    ("Hyundai i30", 4, 0, 4),
    ("VW Caddy Maxi mit Rampe", 3, 1, 6),
    ("Ford Tourneo Connect mit Rampe", 3, 1, 4),
)
_COLOURS = ("silber", "schwarz", "weiß", "blau", "grau", "rot", "grün", "dunkelblau")
_DRIVER_NOTES = (
    "",
    "",
    "",
    "Nur vormittags.",
    "Fährt auch Rollstuhl.",
    "Keine Autobahn.",
    "Hund im Auto – Allergiker beachten.",
    "Bevorzugt Fahrten in die Dörfer.",
    "Nichtraucherfahrzeug.",
)
_ORDER_NOTES = (
    "Klingeln bei der Nachbarin, sie hat einen Schlüssel.",
    "Bitte 10 Minuten vorher anrufen.",
    "Wartet an der Haustür.",
    "Schwerhörig – laut klingeln.",
)
_ROLLATOR_NOTE = "Rollator passt in den Kofferraum."
_PAUSE_REASONS = (
    "Krankenhausaufenthalt",
    "Kur",
    "Urlaub bei der Familie",
    "Reha",
    "Kurzzeitpflege",
)
_CANCEL_NOTES = (
    "Fahrgast hat abgesagt (krank).",
    "Arzttermin verschoben.",
    "Angehörige fahren selbst.",
    "Wegen Glätte abgesagt.",
)


@dataclass(frozen=True)
class _Rule:
    destination: str
    weight: int
    weekdays: tuple[tuple[int, ...], ...]  # choices
    pickups: tuple[tuple[int, int], ...]  # choices
    stay_minutes: int | None  # None: no return trip
    interval: tuple[int, ...] = (1,)
    monthly: bool = False
    minutes: int = 60


_RULES = (
    _Rule("market", 18, ((3,),), ((9, 0),), 120),
    _Rule(
        "doctor_weires",
        7,
        ((0,), (1,), (2,), (3,), (4,)),
        ((8, 0), (8, 30), (9, 0), (9, 30), (10, 0), (10, 30)),
        90,
        (1, 2, 2, 4),
    ),
    _Rule(
        "doctor_thelen",
        7,
        ((0,), (1,), (3,), (4,)),
        ((8, 15), (9, 15), (10, 15)),
        90,
        (2, 4),
        monthly=False,
    ),
    _Rule("eye_doctor", 3, ((1,), (3,)), ((10, 0), (11, 0)), 120, monthly=True),
    _Rule("dialysis", 3, ((0, 2, 4),), ((6, 45),), 330, minutes=90),
    _Rule("cemetery", 12, ((0,), (1,), (2,), (3,), (4,)), ((10, 0), (14, 0)), 60),
    _Rule("senior_club", 14, ((2,),), ((14, 0),), 180),
    _Rule("physio", 8, ((1, 3), (0,), (2,), (4,)), ((8, 30), (9, 45), (11, 0)), 75),
    _Rule("supermarket", 12, ((4,), (1,)), ((9, 30),), 90),
    _Rule("day_care", 4, ((0, 2), (1, 3)), ((8, 0),), 480),
    _Rule("foot_care", 4, ((0,), (2,)), ((10, 0),), 90, monthly=True),
    _Rule("gymnastics", 6, ((0,), (3,)), ((9, 30),), 90),
)


@dataclass
class _Order:
    id: int
    passenger: PersonInfo
    rule: _Rule
    recurrence: Recurrence
    pickup: dt.time
    back: dt.time | None
    valid_from: dt.date
    valid_to: dt.date | None
    pauses: list[tuple[dt.date, dt.date]] = field(default_factory=list)

    def runs_on(self, day: dt.date) -> bool:
        if day < self.valid_from or (self.valid_to is not None and day > self.valid_to):
            return False
        if any(start <= day <= end for start, end in self.pauses):
            return False
        return self.recurrence.occurs_on(day, self.valid_from)


@dataclass(eq=False)
class _Driver:
    person: PersonInfo
    vehicle_id: int
    wheelchair: bool
    max_per_week: int
    seats: int = 4


@dataclass
class _DayPools:
    """Drivers not absent on one day: all of them, and by their usual hours that weekday;
    index 1 of each holds only those with a wheelchair car."""

    present: tuple[list[_Driver], list[_Driver]] = field(default_factory=lambda: ([], []))
    usual: tuple[dict[tuple[int, int], list[_Driver]], dict[tuple[int, int], list[_Driver]]] = (
        field(default_factory=lambda: ({}, {}))
    )


def _minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute


@dataclass
class _Day:
    """One service day: who can drive and who is already out."""

    date: dt.date
    week: int
    available: list[_Driver]
    available_ids: set[int]
    wheelchair: list[_Driver]
    busy: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


def _address(name: str, street: str, postal_code: str, city: str) -> str:
    return f"{name}, {street}, {postal_code} {city}" if name else f"{street}, {postal_code} {city}"


_DESTINATION_ADDRESSES = {
    key: _address(name, street, postal_code, city)
    for key, (name, street, postal_code, city, _km) in DESTINATIONS.items()
}


def _km(value: float) -> Decimal:
    return _TENTHS[min(round(value * 10), len(_TENTHS) - 1)]


def _village_km(person: PersonInfo) -> float:
    return 0.0 if person.place_index == 0 else 3.0 + (person.place_index * 7) % 12


class _RideBuilder:
    def __init__(
        self,
        ctx: Context,
        population: Population,
        centers: list[CenterInfo],
        organizations: list[OrganizationInfo],
    ):
        self.ctx = ctx
        self.rng = ctx.rng("rides")
        self.clock = ctx.clock
        self.writer = ctx.writer
        self.population = population
        self.seniors_center = next(c.id for c in centers if c.key == "seniors")
        self.partner_id = next((o.id for o in organizations if o.key == "elisabeth"), None)
        self.drivers: list[_Driver] = []
        self.agency_vehicle = 0
        self.orders: list[_Order] = []
        self.preferences: dict[int, list[_Driver]] = {}
        self.week_load: dict[tuple[int, int], int] = defaultdict(int)
        self.work: list[Work] = []
        self.last_planned: dt.datetime | None = None
        self.last_ride_id = 0
        self._pools: dict[dt.date, _DayPools] = {}
        self._turn = 0

    # -- master data ------------------------------------------------------

    def services(self) -> tuple[int, int]:
        coordinator = self.population.staff[-1].id
        ids = []
        for name, kind, days, minutes in (
            ("Seniorenfahrdienst", RideServiceKind.WEEKLY, "01234", 60),
            ("Impffahrten", RideServiceKind.DAILY, "01234", 90),
        ):
            service_id = self.writer.new_id(SERVICE)
            self.writer.add(
                SERVICE,
                {
                    "id": service_id,
                    "name": name,
                    "kind": kind,
                    "center_id": self.seniors_center,
                    "coordinator_id": coordinator,
                    "operating_days": days,
                    "default_duration_minutes": minutes,
                    "runs_on_holidays": False,
                    "status": RecordStatus.ACTIVE,
                    "version": 1,
                },
            )
            ids.append(service_id)
        return ids[0], ids[1]

    def vehicles_and_drivers(self) -> None:
        rng, writer = self.rng, self.writer
        car_weights = [c[3] for c in _CARS]
        used_plates: set[str] = set()

        def plate() -> str:
            while True:
                letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWZ") for _ in range(2))
                text = f"{PLATE_PREFIX}-{letters} {rng.randint(1, 999)}"
                if text not in used_plates:
                    used_plates.add(text)
                    return text

        self.agency_vehicle = writer.new_id(VEHICLE)
        writer.add(
            VEHICLE,
            {
                "id": self.agency_vehicle,
                "label": f"VW Caddy Maxi der Stadt {TOWN} (Rampe)",
                "registration": f"{PLATE_PREFIX}-KY 110",
                "owner_id": None,
                "seats": 4,
                "wheelchair_spaces": 1,
                "status": RecordStatus.ACTIVE,
                "version": 1,
            },
        )
        used_plates.add(f"{PLATE_PREFIX}-KY 110")
        for person in self.population.drivers:
            model, seats, wheelchair, _ = rng.choices(_CARS, car_weights)[0]
            vehicle_id = writer.new_id(VEHICLE)
            writer.add(
                VEHICLE,
                {
                    "id": vehicle_id,
                    "label": f"{model} {rng.choice(_COLOURS)}",
                    "registration": plate(),
                    "owner_id": person.id,
                    "seats": seats,
                    "wheelchair_spaces": wheelchair,
                    "status": RecordStatus.ACTIVE if person.is_active else RecordStatus.ARCHIVED,
                    "version": 1,
                },
            )
            max_per_week = rng.choice((3, 4, 5, 6, 6, 8, 10))
            writer.add(
                PROFILE,
                {
                    "person_id": person.id,
                    "max_rides_per_week": max_per_week,
                    "vehicle_id": vehicle_id,
                    "notes": rng.choice(_DRIVER_NOTES),
                    "version": 1,
                },
            )
            if person.is_active:
                self.drivers.append(
                    _Driver(person, vehicle_id, wheelchair > 0, max_per_week, seats)
                )

    def standing_orders(self, service_id: int) -> None:
        rng = self.rng
        weights = [r.weight for r in _RULES]
        for passenger in self.population.passengers:
            if passenger.is_active:
                if rng.random() >= 0.7:
                    continue
                count = 2 if rng.random() < 0.2 else 1
            elif rng.random() < 0.5:
                count = 1
            else:
                continue
            first = rng.choices(_RULES, weights)[0]
            self._order(service_id, passenger, first)
            if count == 2:
                second = rng.choices(_RULES, weights)[0]
                if second is not first:
                    self._order(service_id, passenger, second)
        self._preferences()

    def _order(self, service_id: int, passenger: PersonInfo, rule: _Rule) -> None:
        rng, clock, writer = self.rng, self.clock, self.writer
        weekdays = rng.choice(rule.weekdays)
        if rule.monthly:
            recurrence = Recurrence(weekdays[:1], nth=rng.randint(1, 3))
        else:
            recurrence = Recurrence(weekdays, interval=rng.choice(rule.interval))
        hour, minute = rng.choice(rule.pickups)
        pickup = dt.time(hour, minute)
        back = None
        if rule.stay_minutes is not None and rng.random() < 0.85:
            total = hour * 60 + minute + rule.stay_minutes
            back = dt.time(total // 60, total % 60)
        start = max(clock.founded, passenger.created)
        valid_from = clock.random_day(start, max(start, clock.days_ago(14)), rng)
        valid_to = None
        if not passenger.is_active:
            valid_to = clock.random_day(valid_from, clock.days_ago(1), rng)
        elif rng.random() < 0.05:
            valid_to = clock.today + dt.timedelta(days=rng.randint(7, 120))
        order = _Order(
            writer.new_id(ORDER), passenger, rule, recurrence, pickup, back, valid_from, valid_to
        )
        other_pickup = rng.random() < 0.08
        name, street, postal_code, city, _km = DESTINATIONS[rule.destination]
        created_at, updated_at = clock.created_and_updated(valid_from - DAY * 7, rng)
        writer.add(
            ORDER,
            {
                "id": order.id,
                "service_id": service_id,
                "passenger_id": passenger.id,
                "recurrence": recurrence.rrule,
                "pickup_time": pickup,
                "pickup_street": self.ctx.pools.street(rng, PLACES[0]) if other_pickup else "",
                "pickup_postal_code": PLACES[0].postal_code if other_pickup else "",
                "pickup_city": TOWN if other_pickup else "",
                "destination_name": name,
                "destination_street": street,
                "destination_postal_code": postal_code,
                "destination_city": city,
                "return_time": back,
                "wheelchair": passenger.wheelchair,
                "rollator": passenger.rollator,
                "escort": passenger.escort,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "notes": self._order_note(passenger, other_pickup),
                "created_at": created_at,
                "updated_at": updated_at,
                "version": 1,
            },
        )
        if rng.random() < 0.1:
            self._pause(order)
        self.orders.append(order)

    def _order_note(self, passenger: PersonInfo, other_pickup: bool) -> str:
        rng = self.rng
        if other_pickup:
            return "Abholung bei der Tochter."
        if passenger.rollator and rng.random() < 0.3:
            return _ROLLATOR_NOTE
        return rng.choice(_ORDER_NOTES) if rng.random() < 0.25 else ""

    def _pause(self, order: _Order) -> None:
        rng, clock, writer = self.rng, self.clock, self.writer
        r = rng.random()
        if r < 0.3:
            start = clock.days_ago(rng.randint(1, 14))
        elif r < 0.8:
            start = clock.days_ago(rng.randint(15, HISTORY_DAYS + 60))
        else:
            start = clock.today + dt.timedelta(days=rng.randint(3, 40))
        start = max(start, order.valid_from)
        end = start + dt.timedelta(days=rng.randint(5, 35))
        order.pauses.append((start, end))
        writer.add(
            PAUSE,
            {
                "id": writer.new_id(PAUSE),
                "standing_order_id": order.id,
                "start_date": start,
                "end_date": end,
                "reason": rng.choice(_PAUSE_REASONS),
            },
        )

    def _preferences(self) -> None:
        rng, writer = self.rng, self.writer
        if not self.drivers:
            return
        passengers = list(dict.fromkeys(o.passenger.id for o in self.orders if o.valid_to is None))
        for passenger_id in passengers:
            if rng.random() >= 0.4:
                continue
            count = min(len(self.drivers), 2 if rng.random() < 0.15 else 1)
            chosen = rng.sample(self.drivers, count)
            self.preferences[passenger_id] = chosen
            for driver in sorted(chosen, key=lambda d: d.person.id):
                writer.add(
                    PREFERENCE,
                    {
                        "driver_id": driver.person.id,
                        "passenger_id": passenger_id,
                    },
                )

    # -- this week and the next ------------------------------------------------

    def coming_weeks(self, weekly_id: int) -> None:
        """From today to next week's Sunday: one ride per standing order and leg, as the
        planner generates them, with a driver where the planner's hard rules allow one.

        A quick first-fit, not the planner itself (that takes half a minute for the
        default demo); rides left without a driver get the planner's reason when shown.
        """
        clock = self.clock
        load: dict[tuple[int, int], int] = defaultdict(int)
        busy: dict[tuple[int, dt.date], list[tuple[int, int]]] = defaultdict(list)
        trips: dict[tuple[dt.date, dt.time, str, bool], list[tuple[_Driver, int]]] = defaultdict(
            list
        )
        day = clock.today
        last = monday_of(clock.today) + 13 * DAY
        while day <= last:
            if day.weekday() < 5 and not is_holiday(day):
                legs = []
                for order in self.orders:
                    if day.weekday() in order.recurrence.weekdays and order.runs_on(day):
                        legs.append((order.pickup, order.id, False, order))
                        if order.back is not None:
                            legs.append((order.back, order.id, True, order))
                for start, _id, is_return, order in sorted(legs, key=lambda leg: leg[:3]):
                    trip = trips[(day, start, order.rule.destination, is_return)]
                    driver, manual = self._shared(trip, order.passenger), False
                    if driver is None:
                        driver = self._first_fit(day, start, order.passenger, load, busy)
                    if driver is None:
                        # The office asks someone outside their usual hours, by hand.
                        driver = self._first_fit(
                            day, start, order.passenger, load, busy, any_hour=True
                        )
                        manual = driver is not None
                    if driver is not None and not any(d is driver for d, _ in trip):
                        trip.append((driver, 1))
                    self._write_coming(weekly_id, order, day, start, is_return, driver, manual)
            day += DAY
        self._plan_marks(clock.today, last)

    def _plan_marks(self, first: dt.date, last: dt.date) -> None:
        """Both weeks count as planned (*Woche planen*), so open rides show their reason."""
        if self.last_planned is None:
            return
        writer = self.writer
        up_to = self.last_ride_id
        for week in sorted({week_of(first), week_of(last)}, key=week_key):
            writer.add(
                AUDIT,
                {
                    "id": writer.new_id(AUDIT),
                    "at": self.last_planned + dt.timedelta(minutes=1),
                    "user": "fahrdienst",
                    "action": AuditAction.UPDATE,
                    "entity": ENTITY,
                    "entity_id": week_key(week),
                    "summary": f"{ALL_SERVICES}, {UP_TO}{up_to}",
                },
            )

    @staticmethod
    def _shared(trip: list[tuple[_Driver, int]], passenger: PersonInfo) -> _Driver | None:
        """A car already going at that time to that place with a free seat (counts once)."""
        if passenger.wheelchair:
            return None
        for index, (driver, riders) in enumerate(trip):
            if riders < driver.seats:
                trip[index] = (driver, riders + 1)
                return driver
        return None

    def _day_pools(self, day: dt.date) -> _DayPools:
        """Who is not absent that day, by usual hours and by wheelchair car (cached)."""
        pools = self._pools.get(day)
        if pools is None:
            pools = self._pools[day] = _DayPools()
            for driver in self.drivers:
                person = driver.person
                if any(s <= day <= e for s, e in person.absences):
                    continue
                groups = (False, True) if driver.wheelchair else (False,)
                window = person.day_windows.get(day.weekday())
                for wheelchair in groups:
                    pools.present[wheelchair].append(driver)
                    if window is not None:
                        span = (_minutes(window[0]), _minutes(window[1]))
                        pools.usual[wheelchair].setdefault(span, []).append(driver)
        return pools

    def _first_fit(
        self,
        day: dt.date,
        start: dt.time,
        passenger: PersonInfo,
        load: dict[tuple[int, int], int],
        busy: dict[tuple[int, dt.date], list[tuple[int, int]]],
        *,
        any_hour: bool = False,
    ) -> _Driver | None:
        """The passenger's usual driver if free, else the next free one in turn."""
        begin = _minutes(start)
        end = begin + COMING_RIDE_MINUTES
        week = day.isocalendar()[1]
        wheelchair = passenger.wheelchair
        pools = self._day_pools(day)
        if any_hour:
            lists = [pools.present[wheelchair]]
        else:
            lists = [
                drivers
                for (first, last), drivers in pools.usual[wheelchair].items()
                if first <= begin and end <= last
            ]

        def fits(driver: _Driver) -> bool:
            person_id = driver.person.id
            if load[(person_id, week)] >= driver.max_per_week:
                return False
            gap = BUFFER_MINUTES
            return not any(b < end + gap and begin < e + gap for b, e in busy[(person_id, day)])

        def usual_for(driver: _Driver) -> bool:
            person = driver.person
            window = person.day_windows.get(day.weekday())
            if (wheelchair and not driver.wheelchair) or any(
                s <= day <= e for s, e in person.absences
            ):
                return False
            return any_hour or (
                window is not None and _minutes(window[0]) <= begin and end <= _minutes(window[1])
            )

        preferred = self.preferences.get(passenger.id, ())
        chosen = next((d for d in preferred if usual_for(d) and fits(d)), None)
        self._turn += 1
        for drivers in lists if chosen is None else ():
            count = len(drivers)
            chosen = next(
                (
                    drivers[(self._turn + k) % count]
                    for k in range(count)
                    if fits(drivers[(self._turn + k) % count])
                ),
                None,
            )
            if chosen is not None:
                break
        if chosen is not None:
            load[(chosen.person.id, week)] += 1
            busy[(chosen.person.id, day)].append((begin, end))
        return chosen

    def _write_coming(
        self,
        service_id: int,
        order: _Order,
        day: dt.date,
        start: dt.time,
        is_return: bool,
        driver: _Driver | None,
        manual: bool,
    ) -> None:
        clock, writer = self.clock, self.writer
        passenger = order.passenger
        home, target = passenger.address, _DESTINATION_ADDRESSES[order.rule.destination]
        stamp = clock.stamp(min(clock.today, monday_of(day) - 4 * DAY), self.rng)
        self.last_planned = max(stamp, self.last_planned or stamp)
        ride_id = self.last_ride_id = writer.new_id(RIDE)
        writer.add(
            RIDE,
            {
                "id": ride_id,
                "service_id": service_id,
                "standing_order_id": order.id,
                "is_return": is_return,
                "ride_date": day,
                "start_time": start,
                "duration_minutes": COMING_RIDE_MINUTES,
                "pickup_address": target if is_return else home,
                "destination": home if is_return else target,
                "driver_id": driver.person.id if driver else None,
                "vehicle_id": driver.vehicle_id if driver else None,
                "assigned_manually": manual,
                "status": RideStatus.ASSIGNED if driver else RideStatus.PLANNED,
                "km": None,
                "notes": "",
                "created_at": stamp,
                "updated_at": stamp,
                "version": 2 if driver else 1,
            },
        )
        writer.add(
            PASSENGER,
            {
                "ride_id": ride_id,
                "person_id": passenger.id,
                "wheelchair": passenger.wheelchair,
                "rollator": passenger.rollator,
                "escort": passenger.escort,
            },
        )

    # -- history ------------------------------------------------------------

    def history(self, weekly_id: int, daily_id: int) -> None:
        clock, rng = self.clock, self.rng
        by_weekday: dict[int, list[_Order]] = defaultdict(list)
        for order in self.orders:
            for weekday in order.recurrence.weekdays:
                by_weekday[weekday].append(order)
        active_passengers = [p for p in self.population.passengers if p.is_active]
        vaccinations = max(0.3, len(active_passengers) / 150)
        this_week = monday_of(clock.today)
        day = clock.days_ago(HISTORY_DAYS)
        while day < clock.today:
            if day.weekday() < 5 and not is_holiday(day):
                today = self._day(day)
                legs: dict[tuple[dt.time, str, bool], list[_Order]] = defaultdict(list)
                for order in by_weekday[day.weekday()]:
                    if order.runs_on(day):
                        legs[(order.pickup, order.rule.destination, False)].append(order)
                        if order.back is not None:
                            legs[(order.back, order.rule.destination, True)].append(order)
                for (start, destination, is_return), orders in sorted(legs.items()):
                    # The planner keys a week's rides by standing order: days already
                    # past in this week keep one ride per order, so planning adds none.
                    groups = [[o] for o in orders] if day >= this_week else self._bundles(orders)
                    for group in groups:
                        self._write_ride(
                            weekly_id,
                            group[0].id,
                            today,
                            start,
                            destination,
                            is_return,
                            [o.passenger for o in group],
                            group[0].rule.minutes,
                        )
                for _ in range(min(12, int(vaccinations + rng.random()))):
                    self._vaccination_ride(daily_id, today, active_passengers)
            day += DAY
        self._standby(weekly_id, daily_id)

    def _day(self, day: dt.date) -> _Day:
        available = [
            d
            for d in self.drivers
            if day.weekday() in d.person.weekdays
            and not any(start <= day <= end for start, end in d.person.absences)
        ]
        return _Day(
            day,
            day.isocalendar()[1],
            available,
            {d.person.id for d in available},
            [d for d in available if d.wheelchair],
        )

    def _bundles(self, orders: list[_Order]) -> list[list[_Order]]:
        rng = self.rng
        singles = [[o] for o in orders if o.passenger.wheelchair]
        rest = [o for o in orders if not o.passenger.wheelchair]
        groups: list[list[_Order]] = []
        while rest:
            size = min(len(rest), _BUNDLE_SIZE(rng))
            groups.append(rest[:size])
            rest = rest[size:]
        return singles + groups

    def _assign(
        self, day: _Day, start: dt.time, minutes: int, passengers: list[PersonInfo]
    ) -> tuple[_Driver | None, bool]:
        rng = self.rng
        begin = start.hour * 60 + start.minute
        end = begin + minutes
        busy = day.busy
        load = self.week_load

        def free(driver: _Driver, strict: bool = True) -> bool:
            person_id = driver.person.id
            spans = busy.get(person_id)
            if spans and any(b < end and begin < e for b, e in spans):
                return False
            return not strict or load[(person_id, day.week)] < driver.max_per_week

        chosen: _Driver | None = None
        manual = False
        for driver in self.preferences.get(passengers[0].id, ()):
            if driver.person.id in day.available_ids and free(driver):
                chosen = driver
                break
        if chosen is None:
            wheelchair = any(p.wheelchair for p in passengers)
            pool = day.wheelchair if wheelchair else day.available
            for _ in range(8 if pool else 0):
                candidate = pool[int(rng.random() * len(pool))]
                if free(candidate):
                    chosen = candidate
                    break
        if chosen is None and self.drivers:
            # The dispatcher asks someone outside their usual days, over their limit only
            # as a last resort.
            for attempt in range(16):
                candidate = self.drivers[int(rng.random() * len(self.drivers))]
                if free(candidate, strict=attempt < 8) and not any(
                    s <= day.date <= e for s, e in candidate.person.absences
                ):
                    chosen, manual = candidate, True
                    break
        if chosen is not None:
            busy.setdefault(chosen.person.id, []).append((begin, end))
            load[(chosen.person.id, day.week)] += 1
        return chosen, manual

    def _vaccination_ride(self, service_id: int, day: _Day, candidates: list[PersonInfo]) -> None:
        rng = self.rng
        if not candidates:
            return
        count = 2 if rng.random() < 0.3 else 1
        passengers = rng.sample(candidates, min(count, len(candidates)))
        start = dt.time(rng.randint(8, 13), rng.choice((0, 15, 30, 45)))
        self._write_ride(service_id, None, day, start, "vaccination", False, passengers, 90)
        back = dt.time(start.hour + 2, start.minute)
        self._write_ride(service_id, None, day, back, "vaccination", True, passengers, 90)

    def _write_ride(
        self,
        service_id: int,
        order_id: int | None,
        day: _Day,
        start: dt.time,
        destination: str,
        is_return: bool,
        passengers: list[PersonInfo],
        minutes: int,
    ) -> None:
        rng, clock, writer = self.rng, self.clock, self.writer
        driver, manual = self._assign(day, start, minutes, passengers)
        r = rng.random()
        if driver is None:
            status, note = RideStatus.CANCELLED, "Kein Fahrer verfügbar."
        elif r < 0.06:
            status, note = RideStatus.CANCELLED, _CANCEL_NOTES[int(r / 0.06 * len(_CANCEL_NOTES))]
        elif r < 0.09 and len(passengers) == 1 and not is_return:
            status, note = RideStatus.NO_SHOW, "Fahrgast nicht angetroffen."
        else:
            status, note = RideStatus.DONE, ""
        vehicle_id = None
        if driver is not None:
            vehicle_id = driver.vehicle_id
            if not driver.wheelchair and any(p.wheelchair for p in passengers):
                vehicle_id = self.agency_vehicle
        km = None
        if status is not RideStatus.CANCELLED:
            base = DESTINATIONS[destination][4] + max(_village_km(p) for p in passengers)
            base += 1.5 * (len(passengers) - 1)
            km = _km(base * (0.9 + 0.35 * rng.random()))
        home = "; ".join(p.address for p in passengers)[:300]
        target = _DESTINATION_ADDRESSES[destination]
        ride_id = writer.new_id(RIDE)
        date = day.date
        writer.add(
            RIDE,
            {
                "id": ride_id,
                "service_id": service_id,
                "standing_order_id": order_id,
                "is_return": is_return,
                "ride_date": date,
                "start_time": start,
                "duration_minutes": minutes,
                "pickup_address": target if is_return else home,
                "destination": home if is_return else target,
                "driver_id": driver.person.id if driver else None,
                "vehicle_id": vehicle_id,
                "assigned_manually": manual or (driver is not None and rng.random() < 0.08),
                "status": status,
                "km": km,
                "notes": note,
                # Planned on the Thursday before the week, recorded in the evening.
                "created_at": clock.stamp(monday_of(date) - 4 * DAY, rng),
                "updated_at": dt.datetime(date.year, date.month, date.day, 17, tzinfo=dt.UTC)
                + dt.timedelta(seconds=int(rng.random() * 3600)),
                "version": 3,
            },
        )
        for person in passengers:
            writer.add(
                PASSENGER,
                {
                    "ride_id": ride_id,
                    "person_id": person.id,
                    "wheelchair": person.wheelchair,
                    "rollator": person.rollator,
                    "escort": person.escort,
                },
            )
        if status is not RideStatus.CANCELLED and driver is not None:
            name = DESTINATIONS[destination][0]
            leg = "Rückfahrt von" if is_return else "Fahrt zu"
            service = "Impffahrt" if destination == "vaccination" else "Seniorenfahrdienst"
            self.work.append(
                Work(
                    driver.person.id,
                    date,
                    _HOURS[minutes],
                    self.partner_id,
                    self.seniors_center,
                    f"{service}: {leg} {name}",
                    HoursSource.RIDE,
                    ride_id=ride_id,
                )
            )

    def _standby(self, weekly_id: int, daily_id: int) -> None:
        rng, clock, writer = self.rng, self.clock, self.writer
        if not self.drivers:
            return
        rota = list(self.drivers)
        rng.shuffle(rota)
        turn = 0
        day = clock.days_ago(HISTORY_DAYS)
        last = clock.today + dt.timedelta(days=STANDBY_AHEAD_DAYS)
        while day <= last:
            if day.weekday() < 5 and not is_holiday(day):
                for service_id, share in ((weekly_id, 1.0), (daily_id, 0.3)):
                    if rng.random() >= share:
                        continue
                    for _ in range(len(rota)):
                        driver = rota[turn % len(rota)]
                        turn += 1
                        if not any(s <= day <= e for s, e in driver.person.absences):
                            writer.add(
                                STANDBY,
                                {
                                    "service_id": service_id,
                                    "on_date": day,
                                    "driver_id": driver.person.id,
                                },
                            )
                            break
            day += DAY


def generate_rides(
    ctx: Context,
    population: Population,
    centers: list[CenterInfo],
    organizations: list[OrganizationInfo],
) -> list[Work]:
    """Write the ride service; return the drivers' time from rides done."""
    builder = _RideBuilder(ctx, population, centers, organizations)
    weekly_id, daily_id = builder.services()
    builder.vehicles_and_drivers()
    builder.standing_orders(weekly_id)
    builder.history(weekly_id, daily_id)
    builder.coming_weeks(weekly_id)
    return builder.work
