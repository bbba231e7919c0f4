"""staff roles

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 19:10:00

``staff_member`` is the office's register of staff logins (name for the audit
trail, role, active). It exists on both databases; SQLite, the single-PC
database, needs no logins and leaves it empty.

On PostgreSQL the four group roles of this database, their GRANTs and the
SECURITY DEFINER functions that administer staff logins are applied by
``engagement_desk.staff_grants`` (the migrator applies them again after every
upgrade, so tables of later migrations are covered too). Downgrading drops the
functions and revokes the grants; the group roles and logins stay, they are
cluster-wide and may hold other grants.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from engagement_desk import staff_grants

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = ("leitung", "buero", "fahrdienst", "lesen")


def upgrade() -> None:
    op.create_table(
        "staff_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("full_name", sa.String(length=200), server_default="", nullable=False),
        sa.Column(
            "role",
            sa.Enum(*ROLES, name="staff_role", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=63), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_member")),
        sa.UniqueConstraint("login", name=op.f("uq_staff_member_login")),
    )
    staff_grants.apply(op.get_bind())


def downgrade() -> None:
    staff_grants.remove(op.get_bind())
    op.drop_table("staff_member")
