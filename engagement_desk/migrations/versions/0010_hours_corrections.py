"""hours corrections

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 19:50:00

Corrections and deletions of hours entries with their reason: the table
``hours_correction`` (the audit trail keeps field names only, the reason and the
old and new values are personal data and stay with the person).

The default certificate texts address people in the right case
(``{anrede_name}``, ``{anrede_name_akkusativ}``): a default template whose text
is still the one migration 0003 wrote gets the new text; one the office edited
stays as it is. Where certificates were issued from the old text, the
template's version goes up so the register tells the two texts apart.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


certificate_template = sa.table(
    "certificate_template",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("body", sa.Text),
    sa.column("template_version", sa.Integer),
    sa.column("is_default", sa.Boolean),
)
certificate = sa.table(
    "certificate",
    sa.column("template_id", sa.Integer),
    sa.column("template_version", sa.Integer),
)

OLD_BODIES = {
    "recognition": (
        "In Dank und Anerkennung\nfür das ehrenamtliche Engagement\n\n"
        "{name}\n\n"
        "hat im Zeitraum {zeitraum} bei {organisationen} {stunden} Stunden Zeit "
        "geschenkt – für die Menschen in {ort} und für unsere Gemeinschaft.\n\n"
        "Für diesen Einsatz danken wir von Herzen."
    ),
    "statement": (
        "{anrede} {name} hat sich im Zeitraum {zeitraum} ehrenamtlich für das Gemeinwohl "
        "engagiert.\n\n"
        "Dieser Nachweis bestätigt Art und Umfang des Engagements sowie die dabei "
        "erworbenen Kompetenzen. Er enthält keine Bewertung.\n\n"
        "Wir danken für den Einsatz und wünschen für den weiteren Weg alles Gute."
    ),
    "attendance": (
        "{name}\n\n"
        "hat am {veranstaltungsdatum} an der Veranstaltung\n\n"
        "„{veranstaltung}“\n\n"
        "im Umfang von {stunden} Stunden teilgenommen."
    ),
}
NEW_BODIES = {
    "recognition": (
        "In Dank und Anerkennung\nfür das ehrenamtliche Engagement\nverliehen an\n\n"
        "{anrede_name_akkusativ}\n\n"
        "für {stunden} Stunden geschenkte Zeit im Zeitraum {zeitraum} bei "
        "{organisationen} – für die Menschen in {ort} und für unsere Gemeinschaft.\n\n"
        "Für diesen Einsatz danken wir von Herzen."
    ),
    "statement": (
        "{anrede_name} hat sich im Zeitraum {zeitraum} ehrenamtlich für das Gemeinwohl "
        "engagiert.\n\n"
        "Dieser Nachweis bestätigt Art und Umfang des Engagements sowie die dabei "
        "erworbenen Kompetenzen. Er enthält keine Bewertung.\n\n"
        "Wir danken für den Einsatz und wünschen für den weiteren Weg alles Gute."
    ),
    "attendance": (
        "{anrede_name}\n\n"
        "hat am {veranstaltungsdatum} an der Veranstaltung\n\n"
        "„{veranstaltung}“\n\n"
        "im Umfang von {stunden} Stunden teilgenommen."
    ),
}


def upgrade() -> None:
    _replace_default_texts(OLD_BODIES, NEW_BODIES)
    op.create_table(
        "hours_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hours_entry_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=100), server_default="", nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('correct', 'delete')",
            name=op.f("ck_hours_correction_hours_correction_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_hours_correction_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hours_correction")),
    )
    with op.batch_alter_table("hours_correction", schema=None) as batch_op:
        batch_op.create_index("ix_hours_correction_entry", ["hours_entry_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_hours_correction_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("hours_correction")
    # The old program knows no {anrede_name…}: an unchanged new text goes back.
    _replace_default_texts(NEW_BODIES, OLD_BODIES)


def _replace_default_texts(old: dict[str, str], new: dict[str, str]) -> None:
    bind = op.get_bind()
    for kind, body in old.items():
        rows = bind.execute(
            sa.select(certificate_template.c.id, certificate_template.c.template_version).where(
                certificate_template.c.kind == kind, certificate_template.c.body == body
            )
        ).all()
        for template_id, template_version in rows:
            issued = bind.scalar(
                sa.select(sa.func.count())
                .select_from(certificate)
                .where(
                    certificate.c.template_id == template_id,
                    certificate.c.template_version == template_version,
                )
            )
            bind.execute(
                certificate_template.update()
                .where(certificate_template.c.id == template_id)
                .values(
                    body=new[kind],
                    template_version=template_version + 1 if issued else template_version,
                )
            )
