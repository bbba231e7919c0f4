"""What every subcommand shares: opening the database, reporting, failing in one line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engagement_desk.db import Database


class CommandError(Exception):
    """A failure to report on stderr in one line, with an exit code."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def fail(message: str, code: int = 1) -> int:
    first_line = " ".join(message.split())
    print(f"engagement-desk: Fehler: {first_line}", file=sys.stderr)
    return code


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn the errors a user can act on into CommandError with a German line."""
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    from engagement_desk import migrator
    from engagement_desk.db import DatabaseTargetError
    from engagement_desk.services.errors import ServiceError

    try:
        yield
    except (ServiceError, migrator.MigrationError, DatabaseTargetError) as exc:
        raise CommandError(str(exc)) from exc
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise CommandError(f"Datenbank nicht erreichbar oder gesperrt: {reason}") from exc
    except SQLAlchemyError as exc:
        raise CommandError(f"Datenbankfehler: {exc.__class__.__name__}: {exc}") from exc
    except OSError as exc:
        raise CommandError(f"{exc.strerror or exc}: {exc.filename or ''}".strip(": ")) from exc


@contextmanager
def open_database(target: str | None, *, upgrade: bool = True) -> Iterator[Database]:
    from engagement_desk import migrator
    from engagement_desk.db import Database

    with translated_errors():
        db = Database(target)
        try:
            if upgrade:
                migrator.upgrade(db)
            yield db
        finally:
            db.dispose()


def emit(args: Any, data: Any, text: str) -> None:
    """Print ``data`` as JSON with --json, else the human-readable ``text``."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))
    else:
        print(text)
