"""consent history, audit action read

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 17:25:35

``consent_event`` keeps each consent's history (given, withdrawn, given
again); ``consent`` stays as the state that applies now, so every reader of
it keeps working. Each existing consent becomes a "given" event on its
``given_on`` (with its source and note) and, if withdrawn, a "withdrawn" event
on its ``withdrawn_on`` (source unknown). The carried-over events have an
empty ``recorded_by``: who typed them in was never stored.

``audit_entry.action`` learns "read" (reading health data in the person
editor is logged). The column is a VARCHAR with a CHECK constraint listing the
values: on SQLite the table is recreated in batch mode (it has no foreign keys
and no triggers; the migrator switches foreign keys off around upgrades), on
PostgreSQL the constraint is dropped and created again.
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PURPOSES = ("storage", "contact", "photos", "publication", "share_with_organization")
SOURCES = ("paper", "phone", "email", "in_person", "online")
OLD_ACTIONS = ("create", "update", "archive", "delete", "anonymize", "import", "export")
NEW_ACTIONS = (*OLD_ACTIONS, "read")


def _action_type(values: Sequence[str]) -> sa.Enum:
    return sa.Enum(*values, name="audit_action", native_enum=False, create_constraint=True)


def upgrade() -> None:
    op.create_table(
        "consent_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum(*PURPOSES, name="consent_purpose", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "given",
                "withdrawn",
                name="consent_event_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(*SOURCES, name="consent_source", native_enum=False, create_constraint=True),
            nullable=True,
        ),
        sa.Column("note", sa.String(length=500), server_default="", nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_consent_event_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_event")),
    )
    op.create_index("ix_consent_event_person", "consent_event", ["person_id", "purpose", "on_date"])

    # Given events first, so that on equal dates the ids already read given, withdrawn.
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    op.get_bind().execute(
        sa.text(
            "INSERT INTO consent_event "
            "(person_id, purpose, kind, on_date, source, note, recorded_at, recorded_by) "
            "SELECT person_id, purpose, 'given', given_on, source, note, :now, '' "
            "FROM consent ORDER BY person_id, purpose"
        ).bindparams(sa.bindparam("now", now, type_=sa.DateTime()))
    )
    op.get_bind().execute(
        sa.text(
            "INSERT INTO consent_event "
            "(person_id, purpose, kind, on_date, source, note, recorded_at, recorded_by) "
            "SELECT person_id, purpose, 'withdrawn', withdrawn_on, NULL, '', :now, '' "
            "FROM consent WHERE withdrawn_on IS NOT NULL ORDER BY person_id, purpose"
        ).bindparams(sa.bindparam("now", now, type_=sa.DateTime()))
    )

    _change_audit_actions(OLD_ACTIONS, NEW_ACTIONS)


def downgrade() -> None:
    op.execute("DELETE FROM audit_entry WHERE action = 'read'")
    _change_audit_actions(NEW_ACTIONS, OLD_ACTIONS)
    op.drop_index("ix_consent_event_person", table_name="consent_event")
    op.drop_table("consent_event")


def _change_audit_actions(old: Sequence[str], new: Sequence[str]) -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("audit_entry", recreate="always") as batch_op:
            batch_op.alter_column(
                "action",
                existing_type=_action_type(old),
                type_=_action_type(new),
                existing_nullable=False,
            )
        return
    name = op.f("ck_audit_entry_audit_action")
    op.drop_constraint(name, "audit_entry", type_="check")
    op.create_check_constraint(name, "audit_entry", sa.column("action").in_(new))
