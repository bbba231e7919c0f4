"""People and what the office records about them: roles, tags, consents, time, mobility."""

from __future__ import annotations

import datetime as dt
import random

from engagement_desk.models import (
    Absence,
    Availability,
    Consent,
    ConsentEvent,
    MobilityNeeds,
    Person,
    PersonRole,
    PersonTag,
)
from engagement_desk.models.enums import (
    ConsentEventKind,
    ConsentPurpose,
    ConsentSource,
    PersonStatus,
    Role,
    TagKind,
)
from engagement_desk.services.demo.context import Context
from engagement_desk.services.demo.draw import Weighted, below, pick
from engagement_desk.services.demo.plan import Plan
from engagement_desk.services.demo.pools import PersonName, ascii_slug
from engagement_desk.services.demo.records import PersonInfo, Population
from engagement_desk.services.demo.town import PLACES, TOWN_AREA_CODE, TOWN_DOMAIN
from engagement_desk.services.demo.vocabulary import (
    ABSENCE_REASONS,
    CONSENT_NOTES,
    FOREIGN_LANGUAGES,
    INTERESTS,
    MOBILITY_NOTES,
    PERSON_NOTES,
    SKILLS,
)

PERSON = Person.__table__
PERSON_ROLE = PersonRole.__table__
PERSON_TAG = PersonTag.__table__
CONSENT = Consent.__table__
CONSENT_EVENT = ConsentEvent.__table__
AVAILABILITY = Availability.__table__
ABSENCE = Absence.__table__
MOBILITY = MobilityNeeds.__table__

FOREIGN_SHARE = 0.08
STAFF_FUNCTIONS = (
    "Leitung der Freiwilligenagentur",
    "Engagementberatung und Vermittlung",
    "Koordination Seniorenfahrdienst",
)
# Names that a certificate in Helvetica could not print; every demo has them.
SHOWCASE_NAMES = (
    (PersonName("Şükrü", "Ağaoğlu", "Türkisch"), False, 58),
    (PersonName("Łucja", "Wąsowska", "Polnisch"), True, 44),
    (PersonName("Анна", "Петрова", "Russisch"), True, 36),
)
_VOLUNTEER_AGES = Weighted(
    [((14, 17), 5), ((18, 29), 15), ((30, 49), 25), ((50, 64), 27), ((65, 85), 28)]
)
_VOLUNTEER_STATUS = Weighted(
    [(PersonStatus.ACTIVE, 78), (PersonStatus.INACTIVE, 14), (PersonStatus.ARCHIVED, 8)]
)
_PASSENGER_STATUS = Weighted(
    [(PersonStatus.ACTIVE, 85), (PersonStatus.INACTIVE, 10), (PersonStatus.ARCHIVED, 5)]
)
_SOURCES_DEFAULT = Weighted(
    [
        (ConsentSource.PAPER, 40),
        (ConsentSource.IN_PERSON, 20),
        (ConsentSource.EMAIL, 15),
        (ConsentSource.ONLINE, 15),
        (ConsentSource.PHONE, 10),
    ]
)
_SOURCES_PASSENGER = Weighted(
    [(ConsentSource.PHONE, 40), (ConsentSource.PAPER, 45), (ConsentSource.IN_PERSON, 15)]
)
_INTEREST_COUNT = Weighted([(1, 40), (2, 40), (3, 20)])
_SKILL_COUNT = Weighted([(0, 45), (1, 35), (2, 20)])
_ABSENCE_REASON = Weighted(ABSENCE_REASONS)
_AVAILABILITY_WINDOWS = (
    (dt.time(8, 0), dt.time(12, 0)),
    (dt.time(7, 30), dt.time(13, 0)),
    (dt.time(9, 0), dt.time(12, 30)),
    (dt.time(13, 0), dt.time(17, 0)),
    (dt.time(14, 0), dt.time(18, 0)),
    (dt.time(8, 0), dt.time(16, 0)),
)
_VOLUNTEER_WINDOWS = (
    *_AVAILABILITY_WINDOWS,
    (dt.time(17, 0), dt.time(20, 0)),
    (dt.time(18, 0), dt.time(21, 0)),
)


class _PeopleMaker:
    """Draws people of each kind; ``created`` and ``engaged_since`` follow the agency's history."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rng = ctx.rng("people")
        self.clock = ctx.clock
        self.pools = ctx.pools
        self._place = Weighted([(i, p.weight) for i, p in enumerate(PLACES)])
        self._place_villages_likelier = Weighted(
            [(i, p.weight * (1 if i == 0 else 2)) for i, p in enumerate(PLACES)]
        )

    def birth_date(self, age_low: int, age_high: int) -> dt.date:
        age = age_low + below(self.rng, age_high - age_low + 1)
        year = self.clock.today.year - age - 1
        return dt.date(year, 1, 1) + dt.timedelta(days=below(self.rng, 365))

    def person(
        self,
        roles: tuple[Role, ...],
        *,
        female_share: float,
        ages: tuple[int, int],
        status: PersonStatus,
        created: dt.date,
        villages_likelier: bool = False,
        name: PersonName | None = None,
        female: bool | None = None,
        birth_date: dt.date | None = None,
    ) -> PersonInfo:
        rng = self.rng
        if female is None:
            female = rng.random() < female_share
        birth = birth_date or self.birth_date(*ages)
        if name is None:
            name = (
                self.pools.foreign_name(rng, female)
                if rng.random() < FOREIGN_SHARE
                else self.pools.german_name(rng, female, birth.year)
            )
        place_index = (self._place_villages_likelier if villages_likelier else self._place)(rng)
        place = PLACES[place_index]
        info = PersonInfo(
            female=female,
            salutation=("Frau" if female else "Herr") if rng.random() > 0.01 else "",
            first_name=name.first_name,
            last_name=name.last_name,
            birth_date=birth,
            street=self.pools.street(rng, place),
            postal_code=place.postal_code,
            city=place.name,
            place_index=place_index,
            status=status,
            roles=roles,
            created=created,
            languages=(name.language,) if name.language else (),
        )
        return info

    def engaged_since(self, birth: dt.date) -> dt.date:
        rng, today = self.rng, self.clock.today
        r = rng.random()
        if r < 0.08:
            years = rng.uniform(25, 45)
        elif r < 0.22:
            years = rng.uniform(10, 25)
        elif r < 0.40:
            years = rng.uniform(5, 10)
        else:
            years = rng.uniform(0.05, 5)
        since = today - dt.timedelta(days=int(years * 365.25))
        earliest = dt.date(birth.year + 14, birth.month, min(birth.day, 28))
        if since < earliest:
            since = self.clock.random_day(earliest, today - dt.timedelta(days=30), rng)
        return min(since, today - dt.timedelta(days=1))

    def registered(self, engaged_since: dt.date | None) -> dt.date:
        """The day the office entered the person: old hands were taken over from Excel lists."""
        rng, clock = self.rng, self.clock
        if engaged_since is None:
            return clock.random_day(clock.founded, clock.today, rng)
        if engaged_since <= clock.founded:
            return clock.founded + dt.timedelta(days=below(rng, 401))
        return max(clock.founded, engaged_since - dt.timedelta(days=below(rng, 22)))

    # -- the kinds of people ------------------------------------------------

    def staff(self, count: int) -> list[PersonInfo]:
        people = []
        for index in range(count):
            female = index != 1
            birth = self.birth_date(32, 60)
            people.append(
                self.person(
                    (Role.STAFF,),
                    female_share=0.0,
                    female=female,
                    ages=(32, 60),
                    birth_date=birth,
                    status=PersonStatus.ACTIVE,
                    created=self.clock.founded,
                    name=self.pools.german_name(self.rng, female, birth.year),
                )
            )
        return people

    def drivers(self, count: int) -> list[PersonInfo]:
        rng, people = self.rng, []
        for _ in range(count):
            birth = self.birth_date(40, 78)
            since = self.engaged_since(birth)
            roles = (Role.DRIVER, Role.VOLUNTEER) if rng.random() < 0.8 else (Role.DRIVER,)
            status = PersonStatus.ACTIVE if rng.random() < 0.9 else PersonStatus.INACTIVE
            info = self.person(
                roles,
                female_share=0.38,
                ages=(40, 78),
                birth_date=birth,
                status=status,
                created=self.registered(since),
            )
            info.engaged_since = since
            people.append(info)
        return people

    def passengers(self, count: int) -> list[PersonInfo]:
        rng, clock, people = self.rng, self.clock, []
        for _ in range(count):
            roles = (Role.PASSENGER, Role.VOLUNTEER) if rng.random() < 0.05 else (Role.PASSENGER,)
            info = self.person(
                roles,
                female_share=0.68,
                ages=(70, 95),
                villages_likelier=True,
                status=_PASSENGER_STATUS(rng),
                created=clock.random_day(clock.founded, clock.days_ago(14), rng),
            )
            _draw_needs(rng, info)
            people.append(info)
        return people

    def contacts(self, count: int) -> list[PersonInfo]:
        rng, clock, people = self.rng, self.clock, []
        for _ in range(count):
            volunteer = rng.random() < 0.4
            roles = (Role.CLUB_CONTACT, Role.VOLUNTEER) if volunteer else (Role.CLUB_CONTACT,)
            status = PersonStatus.ACTIVE if rng.random() < 0.95 else PersonStatus.INACTIVE
            info = self.person(
                roles,
                female_share=0.45,
                ages=(30, 75),
                status=status,
                created=clock.random_day(clock.founded, clock.days_ago(30), rng),
            )
            if volunteer:
                info.engaged_since = self.engaged_since(info.birth_date)
            people.append(info)
        return people

    def sponsors(self, count: int) -> list[PersonInfo]:
        clock = self.clock
        return [
            self.person(
                (Role.SPONSOR,),
                female_share=0.35,
                ages=(35, 70),
                status=PersonStatus.ACTIVE,
                created=clock.random_day(clock.founded, clock.days_ago(60), self.rng),
            )
            for _ in range(count)
        ]

    def volunteers(self, count: int) -> list[PersonInfo]:
        rng, clock, people = self.rng, self.clock, []
        for index in range(count):
            low, high = _VOLUNTEER_AGES(rng)
            if index < len(SHOWCASE_NAMES):
                showcase_name, female, age = SHOWCASE_NAMES[index]
                info = self.person(
                    (Role.VOLUNTEER,),
                    female_share=0.0,
                    female=female,
                    ages=(age, age),
                    status=PersonStatus.ACTIVE,
                    created=clock.founded,
                    name=showcase_name,
                )
                info.showcase = True
                since: dt.date | None = clock.days_ago(rng.randint(800, 2400))
            else:
                info = self.person(
                    (Role.VOLUNTEER,),
                    female_share=0.58,
                    ages=(low, high),
                    status=_VOLUNTEER_STATUS(rng),
                    created=clock.founded,
                )
                since = self.engaged_since(info.birth_date) if rng.random() > 0.08 else None
            info.engaged_since = since
            info.created = self.registered(since)
            people.append(info)
        return people


def generate_people(ctx: Context, plan: Plan) -> Population:
    """Draw everyone, number them in the order the office registered them, write them."""
    maker = _PeopleMaker(ctx)
    staff = maker.staff(plan.staff)
    drafts = [
        *staff,
        *maker.drivers(plan.drivers),
        *maker.passengers(plan.passengers),
        *maker.contacts(plan.contacts),
        *maker.sponsors(plan.sponsors),
        *maker.volunteers(plan.volunteers_only),
    ]
    # Staff come first among those entered on the opening day.
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].created, i >= len(staff), i))
    people = [drafts[index] for index in order]
    for number, info in enumerate(people, start=1):
        info.id = number
    rows = _RowMaker(ctx, [f"{p.first_name[0]}. {p.last_name}" for p in staff])
    for info in people:
        rows.write(info)
    return Population(
        people=people,
        staff=staff,
        volunteers=[p for p in people if Role.VOLUNTEER in p.roles],
        passengers=[p for p in people if Role.PASSENGER in p.roles],
        drivers=[p for p in people if Role.DRIVER in p.roles],
        contacts=[p for p in people if Role.CLUB_CONTACT in p.roles],
        sponsors=[p for p in people if Role.SPONSOR in p.roles],
    )


def _draw_needs(rng: random.Random, info: PersonInfo) -> None:
    r = rng.random()
    info.wheelchair = r < 0.08
    info.rollator = 0.08 <= r < 0.43
    info.escort = rng.random() < (0.35 if info.wheelchair else 0.15)


class _RowMaker:
    """Writes one person and everything recorded about them."""

    def __init__(self, ctx: Context, staff_initials: list[str]):
        self.writer = ctx.writer
        self.clock = ctx.clock
        self.pools = ctx.pools
        self.rng = ctx.rng("people-details")
        # A stream of its own, so that the histories leave every other draw as it was.
        self.history_rng = ctx.rng("consent-history")
        self.staff_initials = staff_initials

    def write(self, info: PersonInfo) -> None:
        rng = self.rng
        self._person(info)
        add = self.writer.add
        for role in info.roles:
            add(PERSON_ROLE, {"person_id": info.id, "role": role})
        self._tags(info)
        self._consents(info)
        if Role.DRIVER in info.roles:
            self._availability(info, rng.randint(2, 5), _AVAILABILITY_WINDOWS, weekend=False)
            if rng.random() < 0.45:
                self._absences(info, rng.randint(1, 2))
        elif Role.VOLUNTEER in info.roles and info.is_active:
            if rng.random() < 0.25:
                self._availability(info, rng.randint(1, 2), _VOLUNTEER_WINDOWS, weekend=True)
            if rng.random() < 0.04:
                self._absences(info, 1)
        if Role.PASSENGER in info.roles and (
            info.wheelchair or info.rollator or info.escort or rng.random() < 0.1
        ):
            add(
                MOBILITY,
                {
                    "person_id": info.id,
                    "wheelchair": info.wheelchair,
                    "rollator": info.rollator,
                    "escort": info.escort,
                    "notes": pick(rng, MOBILITY_NOTES),
                    "version": 1,
                },
            )

    def _person(self, info: PersonInfo) -> None:
        rng, pools = self.rng, self.pools
        age = self.clock.today.year - info.birth_date.year
        place = PLACES[info.place_index]
        if Role.STAFF in info.roles:
            phone = f"{TOWN_AREA_CODE} 9100-25{info.id}"
            mobile = ""
            first, last = (
                ascii_slug(n).replace(" ", "") for n in (info.first_name, info.last_name)
            )
            email = f"{first}.{last}@{TOWN_DOMAIN}"
        else:
            p_phone, p_mobile, p_email = (
                (0.95, 0.3, 0.15)
                if age >= 75
                else (0.85, 0.65, 0.5)
                if age >= 60
                else (0.45, 0.95, 0.9)
            )
            phone = pools.landline(rng, place.area_code) if rng.random() < p_phone else ""
            mobile = pools.mobile(rng) if rng.random() < p_mobile else ""
            email = (
                pools.email(rng, info.first_name, info.last_name, info.birth_date.year)
                if rng.random() < p_email
                else ""
            )
            if not (phone or mobile or email):
                phone = pools.landline(rng, place.area_code)
        title = ""
        if age >= 30 and rng.random() < 0.03:
            title = "Prof. Dr." if rng.random() < 0.1 else "Dr."
        notes = ""
        if Role.STAFF in info.roles:
            notes = STAFF_FUNCTIONS[(info.id - 1) % len(STAFF_FUNCTIONS)]
        elif rng.random() < 0.06:
            notes = rng.choice(PERSON_NOTES)
        created_at, updated_at = self.clock.created_and_updated(info.created, rng)
        self.writer.add(
            PERSON,
            {
                "id": info.id,
                "salutation": info.salutation,
                "title": title,
                "first_name": info.first_name,
                "last_name": info.last_name,
                "birth_date": info.birth_date,
                "street": info.street,
                "postal_code": info.postal_code,
                "city": info.city,
                "phone": phone,
                "mobile": mobile,
                "email": email,
                "notes": notes,
                "status": info.status,
                "engaged_since": info.engaged_since,
                "anonymized_on": None,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": 1,
            },
        )

    def _tags(self, info: PersonInfo) -> None:
        rng = self.rng
        interests: list[str] = []
        skills: list[str] = []
        languages = list(info.languages)
        if Role.VOLUNTEER in info.roles or Role.CLUB_CONTACT in info.roles:
            interests = rng.sample(INTERESTS, _INTEREST_COUNT(rng))
            skills = rng.sample(SKILLS, _SKILL_COUNT(rng))
            if info.birth_date.year > self.clock.today.year - 26 and "Jugendliche" not in interests:
                interests.append("Jugendliche")
        if Role.DRIVER in info.roles:
            if "Fahrdienst" not in interests:
                interests.append("Fahrdienst")
            if "Führerschein Klasse B" not in skills:
                skills.append("Führerschein Klasse B")
        if languages:
            languages.append("Deutsch")  # recorded for those with another mother tongue
        if Role.PASSENGER not in info.roles:
            for language, percent in FOREIGN_LANGUAGES:
                if rng.random() * 100 < percent and language not in languages:
                    languages.append(language)
        info.interests = tuple(interests)
        info.skills = tuple(skills)
        add = self.writer.add
        for kind, values in (
            (TagKind.INTEREST, interests),
            (TagKind.SKILL, skills),
            (TagKind.LANGUAGE, languages),
        ):
            for value in values:
                add(PERSON_TAG, {"person_id": info.id, "kind": kind, "value": value})

    def _consents(self, info: PersonInfo) -> None:
        rng, clock, writer = self.rng, self.clock, self.writer
        passenger = Role.PASSENGER in info.roles
        volunteer = Role.VOLUNTEER in info.roles or Role.CLUB_CONTACT in info.roles
        chances = {
            ConsentPurpose.STORAGE: 0.97 if Role.STAFF not in info.roles else 1.0,
            ConsentPurpose.CONTACT: 0.8,
            ConsentPurpose.PHOTOS: 0.35 if volunteer else 0.1,
            ConsentPurpose.PUBLICATION: 0.15 if volunteer else 0.03,
            ConsentPurpose.SHARE_WITH_ORGANIZATION: 0.5 if volunteer else 0.0,
        }
        sources = _SOURCES_PASSENGER if passenger else _SOURCES_DEFAULT
        given = info.created
        for purpose, chance in chances.items():
            if rng.random() >= chance:
                continue
            withdrawn = None
            if purpose is not ConsentPurpose.STORAGE and rng.random() < 0.04:
                withdrawn = clock.random_day(given, clock.days_ago(1), rng)
            source = sources(rng)
            note = pick(rng, CONSENT_NOTES).format(
                year=given.year, staff=pick(rng, self.staff_initials)
            )
            current = self._consent_history(info, purpose, given, source, note, withdrawn)
            writer.add(
                CONSENT,
                {
                    "id": writer.new_id(CONSENT),
                    "person_id": info.id,
                    "purpose": purpose,
                    "given_on": current[0],
                    "source": current[1],
                    "withdrawn_on": current[2],
                    "note": note,
                    "version": 1,
                },
            )

    def _consent_history(
        self,
        info: PersonInfo,
        purpose: ConsentPurpose,
        given: dt.date,
        source: ConsentSource,
        note: str,
        withdrawn: dt.date | None,
    ) -> tuple[dt.date, ConsentSource, dt.date | None]:
        """Write the steps: given, perhaps withdrawn, and some withdrawn ones given again.

        Returns what the consent says now (given on, how, withdrawn on).
        """
        rng, clock = self.history_rng, self.clock
        steps = [(ConsentEventKind.GIVEN, given, source, note)]
        current = (given, source, withdrawn)
        if withdrawn is not None:
            steps.append((ConsentEventKind.WITHDRAWN, withdrawn, None, ""))
            if withdrawn < clock.days_ago(30) and rng.random() < 0.4:
                again = clock.random_day(withdrawn + dt.timedelta(days=14), clock.today, rng)
                again_source = rng.choice((ConsentSource.PAPER, ConsentSource.PHONE))
                steps.append((ConsentEventKind.GIVEN, again, again_source, "erneut erteilt"))
                current = (again, again_source, None)
        for kind, day, how, text in steps:
            self.writer.add(
                CONSENT_EVENT,
                {
                    "id": self.writer.new_id(CONSENT_EVENT),
                    "person_id": info.id,
                    "purpose": purpose,
                    "kind": kind,
                    "on_date": day,
                    "source": how,
                    "note": text,
                    "recorded_at": clock.stamp(day, rng),
                    "recorded_by": pick(rng, self.staff_initials).lower(),
                },
            )
        return current

    def _availability(
        self,
        info: PersonInfo,
        count: int,
        windows: tuple[tuple[dt.time, dt.time], ...],
        *,
        weekend: bool,
    ) -> None:
        rng, writer = self.rng, self.writer
        days = sorted(rng.sample(range(6 if weekend else 5), count))
        info.weekdays = tuple(days)
        for weekday in days:
            start, end = rng.choice(windows)
            info.day_windows[weekday] = (start, end)
            note = "nur gerade Wochen" if rng.random() < 0.05 else ""
            writer.add(
                AVAILABILITY,
                {
                    "id": writer.new_id(AVAILABILITY),
                    "person_id": info.id,
                    "weekday": weekday,
                    "start_time": start,
                    "end_time": end,
                    "note": note,
                },
            )

    def _absences(self, info: PersonInfo, count: int) -> None:
        rng, writer, clock = self.rng, self.writer, self.clock
        start = clock.days_ago(70)
        periods = []
        for _ in range(count):
            start = start + dt.timedelta(days=rng.randint(3, 60))
            end = start + dt.timedelta(days=rng.randint(2, 20))
            writer.add(
                ABSENCE,
                {
                    "id": writer.new_id(ABSENCE),
                    "person_id": info.id,
                    "start_date": start,
                    "end_date": end,
                    "reason": _ABSENCE_REASON(rng),
                },
            )
            periods.append((start, end))
            start = end
        info.absences = tuple(periods)
