"""People by role (active, new), volunteers by age band and by centre."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    String,
    case,
    cast,
    distinct,
    func,
    literal,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from engagement_desk.models import Center, Person, PersonRole
from engagement_desk.models.enums import Role
from engagement_desk.services.reports.activity import activity
from engagement_desk.services.reports.bounds import utc_bounds
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.sections import (
    AgeBand,
    CenterCount,
    PeopleSection,
    RoleFigures,
)

# Age groups as the Land's and funders' forms ask for them (lower, upper inclusive).
AGE_BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 17),
    (18, 29),
    (30, 49),
    (50, 64),
    (65, 79),
    (80, None),
)
UNKNOWN_BAND = len(AGE_BANDS)
NO_CENTER = "-"


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def people_section(session: Session, period: Period, center_id: int | None) -> PeopleSection:
    """People active in the period (see ``activity``) by role; new = registered in the period.

    "New" counts people whose record was created in the period (``created_at``,
    kept when a person is archived or anonymised); with a centre filter only
    those also active for that centre. Age bands take the age on the period's
    last day; anonymising erases the birth date, so an anonymised volunteer
    counts under "age not known" from then on (in every period).

    The activity is built once and counted three ways in one statement.
    """
    active = activity(period, center_id)
    volunteers = (
        select(active.c.person_id, active.c.center_id)
        .join(PersonRole, PersonRole.person_id == active.c.person_id)
        .where(PersonRole.role == Role.VOLUNTEER)
        .cte("volunteers")
    )
    band = case(
        (Person.birth_date.is_(None), literal(UNKNOWN_BAND)),
        *(
            (Person.birth_date > _years_before(period.end, lower), literal(index - 1))
            for index, (lower, _upper) in enumerate(AGE_BANDS)
            if index > 0
        ),
        else_=literal(len(AGE_BANDS) - 1),
    )
    # Grouped outside: PostgreSQL does not see the bound dates in SELECT and GROUP BY as one.
    bands = (
        select(band.label("band"))
        .where(Person.id.in_(select(volunteers.c.person_id)))
        .subquery("bands")
    )
    counts = union_all(
        select(
            literal_column("'role'").label("what"),
            cast(PersonRole.role, String).label("item"),
            func.count(distinct(active.c.person_id)).label("n"),
        )
        .join(active, active.c.person_id == PersonRole.person_id)
        .group_by(PersonRole.role),
        select(
            literal_column("'center'"),
            func.coalesce(cast(volunteers.c.center_id, String), NO_CENTER),
            func.count(distinct(volunteers.c.person_id)),
        ).group_by(volunteers.c.center_id),
        select(literal_column("'age'"), cast(bands.c.band, String), func.count()).group_by(
            bands.c.band
        ),
    )
    by_what: dict[str, dict[str, int]] = {"role": {}, "center": {}, "age": {}}
    for what, item, count in session.execute(counts):
        by_what[what][item] = count

    created_from, created_to = utc_bounds(period)
    new_query = (
        select(PersonRole.role, func.count())
        .join(Person, Person.id == PersonRole.person_id)
        .where(Person.created_at >= created_from, Person.created_at < created_to)
        .group_by(PersonRole.role)
    )
    if center_id is not None:
        new_query = new_query.where(PersonRole.person_id.in_(select(active.c.person_id)))
    new_by_role = {Role(role).value: count for role, count in session.execute(new_query)}
    by_role = tuple(
        RoleFigures(role.value, by_what["role"].get(role.value, 0), new_by_role.get(role.value, 0))
        for role in Role
    )
    by_age = (
        *(
            AgeBand(lower, upper, by_what["age"].get(str(index), 0))
            for index, (lower, upper) in enumerate(AGE_BANDS)
        ),
        AgeBand(None, None, by_what["age"].get(str(UNKNOWN_BAND), 0)),
    )
    centres = session.execute(select(Center.id, Center.name).order_by(Center.name_key)).all()
    by_center = tuple(
        CenterCount(cid, name, by_what["center"][str(cid)])
        for cid, name in centres
        if str(cid) in by_what["center"]
    )
    if NO_CENTER in by_what["center"]:
        by_center += (CenterCount(None, "", by_what["center"][NO_CENTER]),)
    return PeopleSection(by_role, by_age, by_center)
