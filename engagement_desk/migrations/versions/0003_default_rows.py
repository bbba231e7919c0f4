"""default rows: the agency settings row and a German certificate template per kind

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 17:00:00

Before this revision both were created lazily by the first read, which made
getters write. Now every database has them from the start, so reading the
settings or the templates opens no write transaction.

Idempotent: a database that already has the settings row keeps it, and a
kind that already has any template gets none. The texts are a snapshot of
``services/certificates/templates.DEFAULT_TEMPLATES`` at this revision
(a test keeps the two equal); later edits of the defaults there do not
change what this migration writes.
"""

from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SETTINGS_ID = 1

agency_settings = sa.table(
    "agency_settings",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("bundesland", sa.String),
    sa.column("km_rate", sa.Numeric(4, 2)),
    sa.column("version", sa.Integer),
)

certificate_template = sa.table(
    "certificate_template",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("name", sa.String),
    sa.column("template_version", sa.Integer),
    sa.column("title", sa.String),
    sa.column("body", sa.Text),
    sa.column("is_default", sa.Boolean),
    sa.column("version", sa.Integer),
)

DEFAULT_TEMPLATES = (
    (
        "recognition",
        "Anerkennungsurkunde",
        "In Dank und Anerkennung\nfür das ehrenamtliche Engagement\n\n"
        "{name}\n\n"
        "hat im Zeitraum {zeitraum} bei {organisationen} {stunden} Stunden Zeit "
        "geschenkt – für die Menschen in {ort} und für unsere Gemeinschaft.\n\n"
        "Für diesen Einsatz danken wir von Herzen.",
    ),
    (
        "statement",
        "Engagementnachweis",
        "{anrede} {name} hat sich im Zeitraum {zeitraum} ehrenamtlich für das Gemeinwohl "
        "engagiert.\n\n"
        "Dieser Nachweis bestätigt Art und Umfang des Engagements sowie die dabei "
        "erworbenen Kompetenzen. Er enthält keine Bewertung.\n\n"
        "Wir danken für den Einsatz und wünschen für den weiteren Weg alles Gute.",
    ),
    (
        "attendance",
        "Teilnahmebescheinigung",
        "{name}\n\n"
        "hat am {veranstaltungsdatum} an der Veranstaltung\n\n"
        "„{veranstaltung}“\n\n"
        "im Umfang von {stunden} Stunden teilgenommen.",
    ),
)


def upgrade() -> None:
    bind = op.get_bind()
    has_settings = bind.execute(
        sa.select(agency_settings.c.id).where(agency_settings.c.id == SETTINGS_ID)
    ).first()
    if has_settings is None:
        bind.execute(
            agency_settings.insert().values(
                id=SETTINGS_ID,
                name="Freiwilligenagentur",
                bundesland="RP",
                km_rate=Decimal("0.30"),
                version=1,
            )
        )
    present = set(bind.scalars(sa.select(certificate_template.c.kind).distinct()))
    rows = [
        {
            "kind": kind,
            "name": "Standard",
            "template_version": 1,
            "title": title,
            "body": body,
            "is_default": True,
            "version": 1,
        }
        for kind, title, body in DEFAULT_TEMPLATES
        if kind not in present
    ]
    if rows:
        bind.execute(certificate_template.insert(), rows)


def downgrade() -> None:
    # The rows stay: after a downgrade the old program finds them as if it had
    # created them lazily, and they may carry the office's own edits by then.
    pass
