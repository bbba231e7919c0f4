"""Certificate numbers ("U-2026-00042") and verification codes.

Numbers are allocated inside the issuing transaction while holding a lock: on PostgreSQL a
transaction-scoped advisory lock, on SQLite the write lock every writing session takes at
its first statement (BEGIN IMMEDIATE). Two workstations issuing at the same time therefore
queue instead of reading the same highest number; the unique constraint on the number
stays as the last line of defence.
"""

from __future__ import annotations

import re
import secrets

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from engagement_desk.models import Certificate
from engagement_desk.models.enums import CertificateKind

PREFIXES: dict[CertificateKind, str] = {
    CertificateKind.RECOGNITION: "U",
    CertificateKind.STATEMENT: "N",
    CertificateKind.ATTENDANCE: "T",
}
SEQUENCE_DIGITS = 5
ADVISORY_LOCK_KEY = 0x45_44_43_45  # "EDCE": one key for all certificate numbering
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
CODE_LENGTH = 8
_NUMBER = re.compile(r"^([A-Z])-(\d{4})-(\d+)$")
_CODE_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def format_number(kind: CertificateKind, year: int, sequence: int) -> str:
    return f"{PREFIXES[kind]}-{year:04d}-{sequence:0{SEQUENCE_DIGITS}d}"


def normalize_number(number: str) -> str:
    return "".join(number.split()).upper()


def lock_numbering(session: Session) -> None:
    """Serialise number allocation until the session's transaction ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})


def allocate_numbers(session: Session, kind: CertificateKind, year: int, count: int) -> list[str]:
    """The next ``count`` free numbers of a kind and year; call ``lock_numbering`` first."""
    prefix = f"{PREFIXES[kind]}-{year:04d}-"
    highest = session.execute(
        select(Certificate.number)
        .where(Certificate.number.like(f"{prefix}%"))
        .order_by(func.length(Certificate.number).desc(), Certificate.number.desc())
        .limit(1)
    ).scalar()
    start = int(highest.removeprefix(prefix)) + 1 if highest else 1
    return [format_number(kind, year, sequence) for sequence in range(start, start + count)]


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """'7KQ4M2XP' → '7KQ4-M2XP', as printed."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def normalize_code(code: str) -> str:
    """What was typed or scanned, compared the way the code was made: case, spaces, hyphens
    and look-alike letters do not matter."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return cleaned.translate(_CODE_LOOKALIKES)


def is_number(number: str) -> bool:
    return bool(_NUMBER.match(number))
