"""a person's name as printed on certificates and letters

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 23:00:00

``person.certificate_name``: an optional spelling of the name for certificates and
letters (e.g. a Latin spelling of a name in Arabic or Chinese script); empty means
the name itself is printed.

The global search finds a person by it too: the person triggers of migration 0002
are made again with the column in the searched text. The new column is empty
everywhere, so the indexed text of every person stays what it is (no backfill).
"""

import importlib
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BODY_END = " AS body FROM person"


def _search():
    return importlib.import_module("engagement_desk.migrations.versions.0002_global_search")


def _with_name_on_certificates(sources: Callable) -> Callable:
    def patched(digits) -> dict[str, str]:
        found = sources(digits)
        person = found["person"]
        if BODY_END not in person:
            raise RuntimeError("the search source of people is not the one of migration 0002")
        extended = person.replace(
            BODY_END, " || ' ' || coalesce(person.certificate_name, '')" + BODY_END
        )
        return {**found, "person": extended}

    return patched


def _person_triggers(with_name: bool) -> list[str]:
    """Statements that replace the triggers keeping people's search text."""
    search = _search()
    original = search.sources
    columns = tuple(search.PERSON_COLUMNS) + (("certificate_name",) if with_name else ())
    if with_name:
        search.sources = _with_name_on_certificates(original)
    try:
        if op.get_bind().dialect.name == "sqlite":
            insert, update, _delete = search.sqlite_triggers("person", columns)
            return [
                "DROP TRIGGER IF EXISTS search_person_insert",
                "DROP TRIGGER IF EXISTS search_person_update",
                insert,
                update,
            ]
        function, _write, update = search.postgresql_sync("person", columns)
        return [
            function.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1),
            "DROP TRIGGER IF EXISTS search_person_update ON person",
            update,
        ]
    finally:
        search.sources = original


def upgrade() -> None:
    op.add_column(
        "person",
        sa.Column("certificate_name", sa.String(200), nullable=False, server_default=""),
    )
    for statement in _person_triggers(with_name=True):
        op.execute(sa.text(statement))


def downgrade() -> None:
    for statement in _person_triggers(with_name=False):
        op.execute(sa.text(statement))
    op.drop_column("person", "certificate_name")
