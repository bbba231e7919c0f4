"""agency identity

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 19:50:00

Agency identity for prints: signature images of signatories and what the set-up wizard records (filled by the set-up work).
"""

from collections.abc import Sequence

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
