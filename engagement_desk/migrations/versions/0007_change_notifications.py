"""change notifications

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 19:10:00

PostgreSQL only (SQLite: nothing): a trigger function and statement-level
triggers on every table (except the search index and alembic's own) that
``pg_notify`` the channel ``engagement_desk_changes`` when rows change, so
that open windows on other workstations refresh. What the payload holds and
how bulk writes stay quiet: ``engagement_desk.migrations.change_notifications``;
tables added by later migrations get their triggers from the migrator
(``cover_new_tables``).
"""

from collections.abc import Sequence

from alembic import op

from engagement_desk.migrations import change_notifications

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    change_notifications.install(op.get_bind())


def downgrade() -> None:
    change_notifications.uninstall(op.get_bind())
