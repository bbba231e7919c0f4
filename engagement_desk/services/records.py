"""What every editing service does the same way: load for update, detect conflicts, apply."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from engagement_desk.services.errors import ConflictError, NotFoundError

T = TypeVar("T")


def get_or_raise(session: Session, model: type[T], record_id: int, what: str) -> T:
    obj = session.get(model, record_id)
    if obj is None:
        raise NotFoundError(f"{what} Nr. {record_id} gibt es nicht (mehr).")
    return obj


def load_for_update(
    session: Session, model: type[T], record_id: int, expected_version: int, what: str
) -> T:
    """The record as the user saw it; ConflictError if someone saved in between."""
    obj = get_or_raise(session, model, record_id, what)
    if obj.version != expected_version:  # type: ignore[attr-defined]
        raise ConflictError(
            f"{what} Nr. {record_id} wurde inzwischen an einem anderen Arbeitsplatz geändert. "
            "Bitte neu laden und die Änderung noch einmal eintragen."
        )
    return obj


def apply_changes(obj: Any, values: Mapping[str, Any]) -> list[str]:
    """Set attributes that differ; return the names of those that changed."""
    changed = []
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


@contextmanager
def conflicts_reported(what: str, record_id: int) -> Iterator[None]:
    """The version column caught a concurrent save between our read and our write."""
    try:
        yield
    except StaleDataError as exc:
        raise ConflictError(
            f"{what} Nr. {record_id} wurde gerade an einem anderen Arbeitsplatz gespeichert. "
            "Bitte neu laden und die Änderung noch einmal eintragen."
        ) from exc


def violates(error: IntegrityError, constraint: str, columns: str = "") -> bool:
    """Whether ``error`` is the named unique key. PostgreSQL names it; SQLite's text names
    an index, or for a table's UNIQUE constraint its ``columns`` ("center.name")."""
    diag = getattr(error.orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name:
        return name == constraint
    text = str(error.orig)
    return f"'{constraint}'" in text or (bool(columns) and text.endswith(f"failed: {columns}"))
