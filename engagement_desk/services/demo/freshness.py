"""Whether the demo database still shows a working office today."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Person, Ride


def demo_is_stale(db: Database, *, today: dt.date | None = None) -> bool:
    """A demo made in an earlier week: people, but no ride from a standing order from today on.

    A demo plans the week it was made in and the next; once both are past, the
    office would open on empty weeks, so the window makes the demo anew.
    """
    day = today or dt.date.today()
    with db.read_session() as session:
        if session.scalar(select(Person.id).limit(1)) is None:
            return False
        upcoming = session.scalar(
            select(Ride.id)
            .where(Ride.standing_order_id.is_not(None), Ride.ride_date >= day)
            .limit(1)
        )
    return upcoming is None
