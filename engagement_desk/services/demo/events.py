"""Two years of events and the next three months: every kind the agency runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from engagement_desk.models import Event, EventQuestion, Registration, Shift
from engagement_desk.models.enums import (
    EventKind,
    HoursSource,
    RegistrationRole,
    RegistrationStatus,
)
from engagement_desk.services.demo.clock import is_holiday, nth_weekday
from engagement_desk.services.demo.context import Context
from engagement_desk.services.demo.event_texts import (
    DIALOGUE_TOPICS,
    MINUTES,
    QUESTIONS,
    SPONSOR_NOTES,
    TRAININGS,
    VOLUNTEER_DAY_PROJECTS,
    WORKING_GROUP_TOPICS,
    WORKSHOPS,
)
from engagement_desk.services.demo.records import (
    AgencyInfo,
    CenterInfo,
    OrganizationInfo,
    PersonInfo,
    Population,
    Work,
)
from engagement_desk.services.demo.town import TOWN, VENUES

EVENT = Event.__table__
SHIFT = Shift.__table__
REGISTRATION = Registration.__table__
QUESTION = EventQuestion.__table__

PAST_DAYS = 730
FUTURE_DAYS = 92
R = RegistrationStatus
Role = RegistrationRole


@dataclass
class _Shift:
    title: str
    start: dt.time
    end: dt.time
    slots: int
    id: int = 0


@dataclass
class _Event:
    kind: EventKind
    title: str
    start: dt.datetime
    end: dt.datetime
    place: str
    description: str
    capacity: int | None = None
    center: str | None = None
    organization_id: int | None = None
    is_public: bool = True
    hours_credit: Decimal | None = None
    trainer: str = ""
    agenda: str = ""
    minutes: str = ""
    next_meeting_on: dt.date | None = None
    shifts: list[_Shift] = field(default_factory=list)
    id: int = 0


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute)


def _working_day(day: dt.date) -> dt.date:
    """The same weekday a week later if ``day`` is a public holiday."""
    while is_holiday(day):
        day += dt.timedelta(days=7)
    return day


def _weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    return _working_day(nth_weekday(year, month, weekday, n))


class _Calendar:
    """Builds the list of events between two years ago and three months ahead."""

    def __init__(
        self,
        ctx: Context,
        population: Population,
        agency: AgencyInfo,
        organizations: list[OrganizationInfo],
    ):
        self.rng = ctx.rng("events")
        self.clock = ctx.clock
        self.mayor = agency.mayor
        self.first = ctx.clock.days_ago(PAST_DAYS)
        self.last = ctx.clock.today + dt.timedelta(days=FUTURE_DAYS)
        self.population = population
        self.vhs_id = next((o.id for o in organizations if o.key == "vhs"), None)
        self.events: list[_Event] = []

    def in_range(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def build(self) -> list[_Event]:
        years = range(self.first.year, self.last.year + 1)
        training_index = workshop_index = dialogue_index = 0
        for year in years:
            self._add(self._club_fair(year))
            self._add(self._volunteer_day(year))
            self._add(self._recognition(year))
            self._add(self._new_year(year))
            self._add(self._card_evening(year))
            for month in (2, 5, 8, 11):
                self._add(self._drivers_meeting(year, month))
            for month in (2, 6, 10):
                if self._add(self._workshop(year, month, workshop_index)):
                    workshop_index += 1
            for month in (3, 10):
                if self._add(self._dialogue(year, month, dialogue_index)):
                    dialogue_index += 1
            for month in (1, 2, 3, 4, 5, 6, 9, 10, 11):
                if self._add(self._training(year, month, training_index)):
                    training_index += 1
        self._working_group()
        self._coming_weeks()
        self.events.sort(key=lambda e: (e.start, e.kind.value))
        return self.events

    def _soon(self, days: int, weekday: int) -> dt.date:
        """A working day about ``days`` ahead (never the Christmas days), within four weeks."""
        today = self.clock.today
        first = today + dt.timedelta(days=days)
        candidates = [first + dt.timedelta(days=n) for n in range(-6, 7)]
        fitting = [
            day
            for day in candidates
            if today < day < today + dt.timedelta(days=28)
            and day.weekday() < 5
            and not is_holiday(day)
            and not (day.month == 12 and day.day >= 24)
            and not (day.month == 1 and day.day == 1)
        ]
        if not fitting:
            return first
        return min(fitting, key=lambda day: (day.weekday() != weekday, abs((day - first).days)))

    def _coming_weeks(self) -> None:
        """Whatever the season, the next four weeks hold events to register people for."""
        meeting = self._soon(3, 1)
        self.events.append(
            _Event(
                EventKind.OTHER,
                "Offener Ehrenamtstreff im Mehrgenerationenhaus",
                _at(meeting, 18),
                _at(meeting, 20),
                VENUES["mgh"],
                "Engagierte und Interessierte treffen sich, erzählen von ihren Einsätzen "
                "und lernen neue Angebote kennen.",
                capacity=30,
                shifts=[_Shift("Kaffee und Kuchen", dt.time(17, 30), dt.time(20), 3)],
            )
        )
        course = self._soon(11, 5)
        self.events.append(
            _Event(
                EventKind.TRAINING,
                "Erste-Hilfe-Auffrischung für Fahrerinnen und Fahrer",
                _at(course, 9),
                _at(course, 13),
                VENUES["vhs"],
                "Auffrischung der Ersten Hilfe für den Seniorenfahrdienst: Notruf, "
                "stabile Seitenlage, Hilfe beim Ein- und Aussteigen.",
                capacity=12,
                center="seniors",
                hours_credit=Decimal("4.00"),
                trainer="DRK-Ortsverein Kyllheim",
            )
        )
        workshop = self._soon(18, 3)
        self.events.append(
            _Event(
                EventKind.WORKSHOP,
                "Engagement-Werkstatt: Besuchsdienste im Winter",
                _at(workshop, 15),
                _at(workshop, 18),
                VENUES["parish"],
                "Wie erreichen wir Menschen, die im Winter kaum aus dem Haus kommen? "
                "Ideen sammeln und Besuchspaare bilden.",
                capacity=20,
                center="seniors",
                trainer=f"Moderation: {self.population.staff[0].full_name}",
                shifts=[_Shift("Begrüßung und Anmeldung", dt.time(14, 30), dt.time(15, 30), 2)],
            )
        )

    def _add(self, event: _Event) -> bool:
        if self.in_range(event.start.date()):
            self.events.append(event)
            return True
        return False

    def _club_fair(self, year: int) -> _Event:
        day = _weekday(year, 4, 6, 2)
        return _Event(
            EventKind.CLUB_FAIR,
            f"Vereinsmesse {TOWN} {year}",
            _at(day, 11),
            _at(day, 17),
            VENUES["hall"],
            "Vereine, Initiativen und Einrichtungen stellen sich an Ständen vor – "
            "mit Mitmachaktionen und Beratung durch die Freiwilligenagentur.",
            capacity=40,
            shifts=[
                _Shift("Aufbau", dt.time(8), dt.time(11), 6),
                _Shift("Infostand der Freiwilligenagentur", dt.time(11), dt.time(14), 3),
                _Shift("Infostand der Freiwilligenagentur", dt.time(14), dt.time(17), 3),
                _Shift("Abbau", dt.time(17), dt.time(19), 6),
            ],
        )

    def _volunteer_day(self, year: int) -> _Event:
        rng = self.rng
        day = _weekday(year, 9, 5, 3)
        people = len(self.population.people)
        count = max(5, min(len(VOLUNTEER_DAY_PROJECTS), people // 300))
        shifts = []
        for title in rng.sample(VOLUNTEER_DAY_PROJECTS, count):
            start, end = rng.choice(((9, 13), (13, 17), (9, 16)))
            shifts.append(_Shift(title, dt.time(start), dt.time(end), rng.randint(4, 12)))
        return _Event(
            EventKind.VOLUNTEER_DAY,
            f"Freiwilligentag {year} – {TOWN} packt an",
            _at(day, 9),
            _at(day, 17),
            f"Treffpunkt: Marktplatz {TOWN}",
            "Ein Tag, viele Projekte: Bürgerinnen und Bürger packen gemeinsam mit Vereinen "
            "und Einrichtungen an. Mittagessen für alle Helfenden im Rathaushof.",
            shifts=shifts,
        )

    def _recognition(self, year: int) -> _Event:
        day = _weekday(year, 12, 4, 1)
        return _Event(
            EventKind.RECOGNITION,
            f"Ehrenamtsabend {year} – Anerkennungs- und Sponsorenevent",
            _at(day, 18),
            _at(day, 22),
            VENUES["hall"],
            "Die Stadt dankt ihren Ehrenamtlichen: Ehrungen auf der Bühne, Übergabe der "
            "Urkunden und Ehrenamtskarten, Dank an die Sponsoren.",
            capacity=150,
            agenda=f"18:00 Sektempfang (gespendet)\n18:30 Begrüßung: {self.mayor}\n"
            "19:00 Ehrungen und Übergabe der Urkunden\n"
            "20:00 Dank an die Sponsoren\n20:15 Buffet und Musik",
            shifts=[
                _Shift("Empfang und Namensschilder", dt.time(17), dt.time(19), 3),
                _Shift("Bewirtung", dt.time(18), dt.time(22), 5),
                _Shift("Bühne und Technik", dt.time(16), dt.time(22), 2),
            ],
        )

    def _new_year(self, year: int) -> _Event:
        day = _weekday(year, 1, 4, 2)
        return _Event(
            EventKind.OTHER,
            f"Neujahrsempfang für Ehrenamtliche {year}",
            _at(day, 18),
            _at(day, 21),
            VENUES["council"],
            f"{self.mayor} lädt alle Engagierten ins Rathaus ein.",
            capacity=120,
        )

    def _card_evening(self, year: int) -> _Event:
        day = _weekday(year, 5, 1, 2)
        return _Event(
            EventKind.OTHER,
            "Infoabend Ehrenamtskarte Rheinland-Pfalz",
            _at(day, 19),
            _at(day, 20, 30),
            VENUES["council"],
            "Wer bekommt die Ehrenamtskarte, wie wird sie beantragt, welche Vergünstigungen "
            "gibt es? Mit Hinweisen zur Jubiläums-Ehrenamtskarte nach 25 Jahren.",
            capacity=40,
            center="seniors",
        )

    def _drivers_meeting(self, year: int, month: int) -> _Event:
        day = _weekday(year, month, 1, 1)
        return _Event(
            EventKind.OTHER,
            "Stammtisch der Fahrerinnen und Fahrer",
            _at(day, 15),
            _at(day, 17),
            "Café am Markt, Marktplatz 6, 54650 Kyllheim",
            "Austausch über den Seniorenfahrdienst, Planung der nächsten Wochen.",
            center="seniors",
            is_public=False,
        )

    def _workshop(self, year: int, month: int, index: int) -> _Event:
        day = _weekday(year, month, 5, 2)
        title, center, description = WORKSHOPS[index % len(WORKSHOPS)]
        return _Event(
            EventKind.WORKSHOP,
            f"Engagement-Werkstatt: {title}",
            _at(day, 10),
            _at(day, 15),
            VENUES["mgh"],
            description,
            capacity=20,
            center=center,
            trainer=f"Moderation: {self.population.staff[0].full_name}",
        )

    def _dialogue(self, year: int, month: int, index: int) -> _Event:
        day = _weekday(year, month, 3, 4)
        topic, center = DIALOGUE_TOPICS[index % len(DIALOGUE_TOPICS)]
        return _Event(
            EventKind.CITIZEN_DIALOGUE,
            f"Bürgerschaft (ge)fragt: {topic}",
            _at(day, 19),
            _at(day, 21),
            VENUES["council"],
            "Bürgerinnen und Bürger im Gespräch mit Verwaltung, Stadtrat und örtlicher "
            "Wirtschaft. Fragen können vorab bei der Freiwilligenagentur eingereicht werden.",
            capacity=80,
            center=center,
            agenda="1. Begrüßung\n2. Kurzimpulse vom Podium\n3. Antworten auf die vorab "
            "eingereichten Fragen\n4. Offene Runde\n5. Wie geht es weiter?",
        )

    def _training(self, year: int, month: int, index: int) -> _Event:
        rng = self.rng
        title, trainer, hours, center = TRAININGS[index % len(TRAININGS)]
        if hours > 4:
            day = _weekday(year, month, 5, 3)
            start, end = _at(day, 9), _at(day, 9 + int(hours) + 1)
        else:
            day = _weekday(year, month, 1, 3)
            start = _at(day, 18, 30)
            end = start + dt.timedelta(minutes=int(hours * 60))
        return _Event(
            EventKind.TRAINING,
            f"Vereinsforum: {title}",
            start,
            end,
            VENUES["vhs"] if rng.random() < 0.6 else VENUES["council"],
            "Fortbildung für Vorstände und Aktive in Vereinen und Initiativen; "
            "Teilnahmebescheinigung auf Wunsch.",
            capacity=rng.choice((15, 18, 20, 25)),
            center=center,
            organization_id=self.vhs_id if rng.random() < 0.4 else None,
            hours_credit=Decimal(str(hours)).quantize(Decimal("0.01")),
            trainer=trainer,
        )

    def _working_group(self) -> None:
        """Every other month since the agency opened; numbered from the first meeting."""
        rng = self.rng
        dates = [
            _weekday(year, month, 2, 1)
            for year in range(self.clock.founded.year, self.last.year + 2)
            for month in (1, 3, 5, 7, 9, 11)
        ]
        dates = [day for day in dates if day > self.clock.founded]
        for index, day in enumerate(dates[:-1]):
            if not self.in_range(day):
                continue
            meeting = index + 1
            past = day < self.clock.today
            topics = rng.sample(WORKING_GROUP_TOPICS, 3)
            agenda = "\n".join(
                [
                    f"TOP 1 Begrüßung und Protokoll der {meeting - 1 or 'letzten'}. Sitzung"
                    if meeting > 1
                    else "TOP 1 Begrüßung und Vorstellungsrunde"
                ]
                + [f"TOP {n} {topic}" for n, topic in enumerate(topics, start=2)]
                + ["TOP 5 Verschiedenes und nächster Termin"]
            )
            minutes = ""
            if past:
                minutes = "\n".join(
                    [f"Sitzungsleitung: {self.mayor}."]
                    + [f"Zu „{topic}“: {rng.choice(MINUTES)}" for topic in topics]
                    + [f"Nächste Sitzung am {dates[index + 1]:%d.%m.%Y}."]
                )
            self.events.append(
                _Event(
                    EventKind.WORKING_GROUP,
                    f"Arbeitskreis Engagierte Stadt – {meeting}. Sitzung",
                    _at(day, 17),
                    _at(day, 19),
                    VENUES["council"],
                    f"Arbeitskreis unter Leitung von {self.mayor}: Vereine, Jugend, "
                    "Seniorenbeirat, Stadtrat und Partner.",
                    is_public=False,
                    agenda=agenda,
                    minutes=minutes,
                    next_meeting_on=dates[index + 1],
                )
            )


class _Registrar:
    """Writes events, their shifts, registrations and questions; collects helpers' time."""

    def __init__(
        self,
        ctx: Context,
        population: Population,
        centers: list[CenterInfo],
        organizations: list[OrganizationInfo],
    ):
        self.rng = ctx.rng("registrations")
        self.clock = ctx.clock
        self.writer = ctx.writer
        self.population = population
        self.center_ids = {c.key: c.id for c in centers}
        self.organizations = [o for o in organizations if o.active]
        active = [p for p in population.volunteers if p.is_active]
        self.volunteers = active or population.volunteers
        self.contacts = [p for p in population.contacts if p.is_active] or population.contacts
        self.drivers = [p for p in population.drivers if p.is_active]
        self.members = self._members()
        self.work: list[Work] = []

    def _members(self) -> list[PersonInfo]:
        rng = self.rng
        members = rng.sample(self.contacts, min(9, len(self.contacts)))
        young = [p for p in self.volunteers if p.birth_date.year >= self.clock.today.year - 25]
        old = [p for p in self.volunteers if p.birth_date.year <= self.clock.today.year - 65]
        for group in (young, old):
            if group:
                members.append(rng.choice(group))
        members.append(self.population.staff[0])
        return list(dict.fromkeys(members))

    def write(self, event: _Event) -> None:
        rng, clock, writer = self.rng, self.clock, self.writer
        event.id = writer.new_id(EVENT)
        created = max(clock.founded, event.start.date() - dt.timedelta(days=rng.randint(40, 120)))
        created_at = clock.stamp(min(created, clock.today), rng)
        updated_day = min(clock.today, event.end.date() + dt.timedelta(days=rng.randint(1, 5)))
        updated_at = max(created_at, clock.stamp(updated_day, rng))
        writer.add(
            EVENT,
            {
                "id": event.id,
                "kind": event.kind,
                "title": event.title,
                "starts_at": event.start,
                "ends_at": event.end,
                "place": event.place,
                "center_id": self.center_ids[event.center] if event.center else None,
                "organization_id": event.organization_id,
                "capacity": event.capacity,
                "description": event.description,
                "is_public": event.is_public,
                "hours_credit": event.hours_credit,
                "trainer": event.trainer,
                "agenda": event.agenda,
                "minutes": event.minutes,
                "next_meeting_on": event.next_meeting_on,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": 1 if event.start.date() > clock.today else 2,
            },
        )
        for shift in event.shifts:
            shift.id = writer.new_id(SHIFT)
            writer.add(
                SHIFT,
                {
                    "id": shift.id,
                    "event_id": event.id,
                    "title": shift.title,
                    "starts_at": dt.datetime.combine(event.start.date(), shift.start),
                    "ends_at": dt.datetime.combine(event.start.date(), shift.end),
                    "slots": shift.slots,
                    "version": 1,
                },
            )
        self._registrations(event)

    # -- who comes --------------------------------------------------------------

    def _registrations(self, event: _Event) -> None:
        rng = self.rng
        kind = event.kind
        capacity = event.capacity
        if kind is EventKind.CLUB_FAIR:
            orgs = rng.sample(self.organizations, min(len(self.organizations), 45))
            self._group(
                event,
                [(o.contact_ids[0] if o.contact_ids else None, o.id) for o in orgs],
                Role.EXHIBITOR,
                capacity,
                stands=True,
            )
        elif kind is EventKind.WORKING_GROUP:
            past = event.start.date() < self.clock.today
            for person in self.members:
                if past:
                    status = rng.choices((R.ATTENDED, R.DECLINED, R.NO_SHOW), (80, 15, 5))[0]
                else:
                    status = rng.choices((R.INVITED, R.REGISTERED, R.DECLINED), (60, 30, 10))[0]
                note = "entschuldigt" if status is R.DECLINED else ""
                self._add(event, person.id, None, Role.MEMBER, status, note=note)
        elif kind is EventKind.RECOGNITION:
            self._recognition(event)
        elif kind is EventKind.CITIZEN_DIALOGUE:
            speakers = rng.sample(self.contacts, min(3, len(self.contacts)))
            for person in speakers:
                self._add(
                    event, person.id, None, Role.SPEAKER, self._confirmed(event), note="Podium"
                )
            self._crowd(
                event,
                self.volunteers + self.contacts,
                int((capacity or 60) * rng.uniform(0.5, 1.2)),
                Role.PARTICIPANT,
                exclude={p.id for p in speakers},
            )
            self._questions(event)
        elif kind is EventKind.TRAINING:
            demand = int((capacity or 20) * rng.uniform(0.5, 1.35))
            self._crowd(event, self.contacts + self.volunteers, demand, Role.PARTICIPANT)
        elif kind is EventKind.WORKSHOP:
            demand = int((capacity or 20) * rng.uniform(0.6, 1.4))
            self._crowd(event, self.volunteers + self.contacts, demand, Role.PARTICIPANT)
        elif kind is EventKind.OTHER:
            if event.title.startswith("Stammtisch"):
                self._crowd(event, self.drivers, int(len(self.drivers) * 0.5) + 1, Role.PARTICIPANT)
            elif event.title.startswith("Neujahrsempfang"):
                self._crowd(event, self.volunteers, int((capacity or 100) * 0.9), Role.GUEST)
            else:
                self._crowd(
                    event,
                    self.volunteers,
                    int((capacity or 30) * rng.uniform(0.4, 1)),
                    Role.PARTICIPANT,
                )
        self._helpers(event)

    def _recognition(self, event: _Event) -> None:
        rng, today = self.rng, self.clock.today
        veterans = [
            p
            for p in self.volunteers
            if p.engaged_since and p.engaged_since <= today - dt.timedelta(days=5 * 365)
        ] or self.volunteers
        nominees = rng.sample(veterans, min(len(veterans), rng.randint(8, 15)))
        if event.start.date() < today:
            nominees += [p for p in self.population.people if p.showcase and p not in nominees]
        for person in nominees:
            org = rng.choice(self.organizations) if self.organizations else None
            note = f"Vorgeschlagen von: {org.name}" if org else ""
            self._add(event, person.id, None, Role.NOMINEE, self._confirmed(event), note=note)
        for person in self.population.sponsors:
            self._add(
                event,
                person.id,
                None,
                Role.SPONSOR,
                self._confirmed(event),
                note=rng.choice(SPONSOR_NOTES),
            )
        guests = self.contacts + [p for p in self.volunteers if p not in nominees]
        self._crowd(
            event,
            guests,
            min(len(guests), 60),
            Role.GUEST,
            invited=True,
            exclude={p.id for p in nominees},
        )

    def _helpers(self, event: _Event) -> None:
        rng = self.rng
        pool = self.volunteers
        past = event.start.date() < self.clock.today
        used: set[int] = set()
        for shift in event.shifts:
            wanted = int(shift.slots * rng.uniform(0.7, 1.3)) + 1
            picks = [p for p in rng.sample(pool, min(len(pool), wanted + 5)) if p.id not in used]
            for position, person in enumerate(picks[:wanted]):
                used.add(person.id)
                if position >= shift.slots:
                    status = R.WAITING_LIST
                elif past:
                    status = R.ATTENDED if rng.random() < 0.9 else R.NO_SHOW
                else:
                    status = R.REGISTERED
                registration_id = self._add(
                    event, person.id, None, Role.HELPER, status, shift=shift
                )
                if status is R.ATTENDED:
                    start = dt.datetime.combine(event.start.date(), shift.start)
                    end = dt.datetime.combine(event.start.date(), shift.end)
                    hours = Decimal((end - start).seconds) / 3600
                    self.work.append(
                        Work(
                            person.id,
                            event.start.date(),
                            hours,
                            None,
                            self.center_ids.get(event.center) if event.center else None,
                            f"{event.title}: {shift.title}",
                            HoursSource.EVENT,
                            registration_id=registration_id,
                        )
                    )

    def _crowd(
        self,
        event: _Event,
        pool: list[PersonInfo],
        demand: int,
        role: RegistrationRole,
        *,
        invited: bool = False,
        exclude: set[int] | None = None,
    ) -> None:
        rng = self.rng
        exclude = exclude or set()
        unique = [p for p in dict.fromkeys(pool) if p.id not in exclude]
        # In a small demo the same few people should not be at every event.
        limit = len(unique) if len(unique) < 6 else len(unique) // 3
        people = rng.sample(unique, max(0, min(demand, limit)))
        self._group(event, [(p.id, None) for p in people], role, event.capacity, invited=invited)

    def _group(
        self,
        event: _Event,
        who: list[tuple[int | None, int | None]],
        role: RegistrationRole,
        capacity: int | None,
        *,
        stands: bool = False,
        invited: bool = False,
    ) -> None:
        """Register in order of arrival; beyond capacity people wait."""
        rng = self.rng
        past = event.start.date() < self.clock.today
        for position, (person_id, organization_id) in enumerate(who):
            if capacity is not None and position >= capacity:
                status = R.WAITING_LIST
            elif invited:
                if past:
                    status = rng.choices((R.ATTENDED, R.DECLINED, R.NO_SHOW), (70, 25, 5))[0]
                else:
                    status = rng.choices((R.INVITED, R.REGISTERED, R.DECLINED), (50, 40, 10))[0]
            elif past:
                status = rng.choices((R.ATTENDED, R.NO_SHOW, R.CANCELLED), (85, 8, 7))[0]
            else:
                status = R.REGISTERED if rng.random() < 0.9 else R.CANCELLED
            stand = ""
            if stands and status is not R.WAITING_LIST:
                stand = f"{'ABC'[position // 15]}{position % 15 + 1:02d}"
            self._add(
                event, person_id, organization_id, role, status, stand=stand, arrival=position
            )

    def _confirmed(self, event: _Event) -> RegistrationStatus:
        return R.ATTENDED if event.start.date() < self.clock.today else R.REGISTERED

    def _add(
        self,
        event: _Event,
        person_id: int | None,
        organization_id: int | None,
        role: RegistrationRole,
        status: RegistrationStatus,
        *,
        shift: _Shift | None = None,
        stand: str = "",
        note: str = "",
        arrival: int = 0,
    ) -> int:
        writer = self.writer
        registration_id = writer.new_id(REGISTRATION)
        writer.add(
            REGISTRATION,
            {
                "id": registration_id,
                "event_id": event.id,
                "person_id": person_id,
                "organization_id": organization_id,
                "role": role,
                "status": status,
                "shift_id": shift.id if shift else None,
                "stand": stand,
                "registered_at": self._registered_at(event, arrival),
                "note": note,
                "version": 1 if status in (R.REGISTERED, R.INVITED, R.WAITING_LIST) else 2,
            },
        )
        return registration_id

    def _registered_at(self, event: _Event, arrival: int) -> dt.datetime:
        """Later arrivals register later, so the waiting list keeps its order."""
        clock = self.clock
        latest = min(event.start - dt.timedelta(days=1), _at(clock.today, 7))
        earliest = latest - dt.timedelta(days=40)
        moment = earliest + dt.timedelta(minutes=arrival * 97 + self.rng.randrange(90))
        moment = min(moment, latest)
        return moment.replace(tzinfo=dt.UTC)

    def _questions(self, event: _Event) -> None:
        rng, clock, writer = self.rng, self.clock, self.writer
        people = self.population.people
        for text in rng.sample(QUESTIONS, rng.randint(5, min(15, len(QUESTIONS)))):
            r = rng.random()
            asked_by = rng.choice(people).full_name if r < 0.5 else "anonym" if r < 0.7 else ""
            received = event.start.date() - dt.timedelta(days=rng.randint(1, 30))
            writer.add(
                QUESTION,
                {
                    "id": writer.new_id(QUESTION),
                    "event_id": event.id,
                    "asked_by": asked_by,
                    "text": text,
                    "received_on": min(received, clock.today),
                },
            )


def generate_events(
    ctx: Context,
    population: Population,
    agency: AgencyInfo,
    organizations: list[OrganizationInfo],
) -> list[Work]:
    """Write events; return the helpers' time at past events."""
    calendar = _Calendar(ctx, population, agency, organizations)
    registrar = _Registrar(ctx, population, agency.centers, organizations)
    for event in calendar.build():
        registrar.write(event)
    return registrar.work
