"""german sort keys

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 19:50:00

Sort keys that follow German rules, kept up to date by the database (filled by the lists work).
"""

from collections.abc import Sequence

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
