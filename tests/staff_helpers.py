"""Staff logins for PostgreSQL tests: unique per run, dropped again afterwards.

Logins are cluster-wide, so each test run names its own (``t<hex>_<role>``)
and the fixture ends their sessions and drops them at the end of the test.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import create_engine, text

from engagement_desk.db import Database
from engagement_desk.models.enums import StaffRole
from engagement_desk.services.staff.admin import add_staff

PASSWORD = "Kaffee-und-Kuchen-7"


@dataclass
class StaffLogins:
    """Makes staff logins on ``owner``'s database and opens it as them."""

    owner: Database
    prefix: str = field(default_factory=lambda: f"t{uuid.uuid4().hex[:8]}")
    logins: list[str] = field(default_factory=list)
    opened: list[Database] = field(default_factory=list)

    def name(self, suffix: str) -> str:
        login = f"{self.prefix}_{suffix}"
        self.logins.append(login)
        return login

    def add(self, role: StaffRole, suffix: str | None = None, full_name: str = "") -> str:
        """A new login in ``role`` (through the service, as the owner); its name."""
        login = self.name(suffix or role.value)
        add_staff(self.owner, login, full_name or f"Test {role.value}", role, PASSWORD)
        return login

    def url(self, login: str) -> str:
        url = self.owner.url.set(username=login, password=PASSWORD)
        return url.render_as_string(hide_password=False)

    def open(self, login: str) -> Database:
        """The same database, logged in as ``login``."""
        db = Database(self.url(login))
        self.opened.append(db)
        return db

    def psycopg_dsn(self, login: str) -> str:
        """A plain libpq connection string: no program code involved."""
        url = self.owner.url
        return (
            f"host={url.host} port={url.port or 5432} dbname={url.database} "
            f"user={login} password={PASSWORD}"
        )

    def drop_all(self) -> None:
        for db in self.opened:
            db.dispose()
        if not self.logins:
            return
        engine = create_engine(self.owner.url)
        try:
            with engine.begin() as connection:
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE usename = ANY(:logins) AND pid <> pg_backend_pid()"
                    ).bindparams(logins=self.logins)
                )
                existing = connection.execute(
                    text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:logins)"),
                    {"logins": self.logins},
                ).scalars()
                for login in existing:
                    connection.exec_driver_sql(f'DROP ROLE "{login}"')
        finally:
            engine.dispose()


@pytest.fixture
def staff(pg_db: Database) -> Iterator[StaffLogins]:
    logins = StaffLogins(pg_db)
    yield logins
    logins.drop_all()
