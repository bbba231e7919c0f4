"""The rows every database starts with: the settings row and one German
certificate template per kind (migration 0003 writes them), and the German letter
templates (migration 0013).

A database holding nothing else, with these rows as the migration wrote them,
counts as empty for the interchange import and for demo data: those replace
the defaults inside their own transaction.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, select

from engagement_desk.models import AgencySettings, CertificateTemplate, LetterTemplate, Signatory
from engagement_desk.models.settings import SETTINGS_ID
from engagement_desk.services.certificates.templates import (
    DEFAULT_TEMPLATES,
)
from engagement_desk.services.letters.templates import DEFAULT_TEMPLATES as DEFAULT_LETTERS
from engagement_desk.services.settings import DEFAULT_VALUES

UNTOUCHED_VERSION = 1


def _settings_untouched(connection: Connection) -> bool:
    table = AgencySettings.__table__
    rows = connection.execute(select(table)).mappings().all()
    if not rows:
        return True
    if len(rows) != 1 or connection.scalar(select(func.count()).select_from(Signatory)):
        return False
    row = rows[0]
    return row["version"] == UNTOUCHED_VERSION and all(
        row[name] == value for name, value in DEFAULT_VALUES.items()
    )


def _templates_untouched(connection: Connection) -> bool:
    table = CertificateTemplate.__table__
    rows = connection.execute(select(table)).mappings().all()
    for row in rows:
        default = DEFAULT_TEMPLATES.get(row["kind"])
        if default is None or (
            row["name"],
            row["title"],
            row["body"],
            row["is_default"],
            row["template_version"],
            row["version"],
        ) != (default.name, default.title, default.body, True, 1, UNTOUCHED_VERSION):
            return False
    return True


def _letters_untouched(connection: Connection) -> bool:
    rows = connection.execute(select(LetterTemplate.__table__)).mappings().all()
    defaults = {(t.name, t.subject, t.body, UNTOUCHED_VERSION) for t in DEFAULT_LETTERS}
    return all((r["name"], r["subject"], r["body"], r["version"]) in defaults for r in rows)


def clear_untouched_defaults(connection: Connection) -> None:
    """Delete the default rows if they are still as the migration wrote them.

    Run inside the transaction that fills an empty database; rows the office
    has edited (or added) stay, and the emptiness check then names them."""
    if (
        _settings_untouched(connection)
        and _templates_untouched(connection)
        and _letters_untouched(connection)
    ):
        connection.execute(delete(CertificateTemplate.__table__))
        connection.execute(delete(LetterTemplate.__table__))
        connection.execute(
            delete(AgencySettings.__table__).where(AgencySettings.__table__.c.id == SETTINGS_ID)
        )
