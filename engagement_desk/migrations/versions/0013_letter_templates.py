"""letter templates for Serienbriefe

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 23:00:00

- ``letter_template``: form letters (subject and body with placeholders), two German
  defaults: the invitation to the recognition event and a general letter. The texts are
  a snapshot of ``services/letters/templates.DEFAULT_TEMPLATES`` at this revision (a
  test keeps the two equal).
- ``saved_filter``: the people list's search and filters under a name.
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_TEMPLATES = (
    (
        "Einladung zur Anerkennungsveranstaltung",
        "Einladung: {veranstaltung} am {veranstaltungsdatum}",
        "{briefanrede}\n\n"
        "wir laden Sie herzlich ein zu\n\n"
        "{veranstaltung}\n"
        "am {veranstaltungsdatum} um {veranstaltungszeit} Uhr\n"
        "Ort: {veranstaltungsort}\n\n"
        "Mit diesem Abend danken wir allen, die sich in unserer Stadt ehrenamtlich "
        "engagieren, und allen, die dieses Engagement fördern. Bitte sagen Sie uns bis eine "
        "Woche vorher, ob Sie kommen.\n\n"
        "Wir freuen uns auf Sie!\n\n"
        "Mit freundlichen Grüßen\n\n"
        "{agentur}",
    ),
    (
        "Allgemeiner Brief",
        "Informationen der {agentur}",
        "{briefanrede}\n\nhier steht Ihr Text.\n\nMit freundlichen Grüßen\n\n{agentur}",
    ),
)


def upgrade() -> None:
    template = op.create_table(
        "letter_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_template")),
        sa.UniqueConstraint("name", name=op.f("uq_letter_template_name")),
    )
    op.create_table(
        "saved_filter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("search_text", sa.String(length=200), server_default="", nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_filter")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_filter_name")),
    )
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    connection = op.get_bind()
    for name, subject, body in DEFAULT_TEMPLATES:
        connection.execute(
            template.insert().values(
                name=name, subject=subject, body=body, created_at=now, updated_at=now, version=1
            )
        )


def downgrade() -> None:
    op.drop_table("saved_filter")
    op.drop_table("letter_template")
