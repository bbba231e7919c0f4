"""Saved connection profiles: an SQLite file, or a PostgreSQL server with a staff login.

A profile names a database and, for a server, who logs in; it never holds a
password. The profiles are one JSON file in the user's configuration folder,
written atomically and readable by its owner only (``services.files``). A
password is either in the operating system's keyring (``passwords``), asked
each time, or left to libpq, which reads a PostgreSQL passfile (``~/.pgpass``,
``%APPDATA%\\postgresql\\pgpass.conf``) or service file when no password is given.
"""

from __future__ import annotations

import enum
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.engine.url import URL

from engagement_desk import APP_ID
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.files import write_file

log = logging.getLogger(__name__)

PROFILES_FILE = "connections.json"
FORMAT_VERSION = 1
DEFAULT_PORT = 5432
# Without it libpq waits for an unreachable server as long as the network does.
CONNECT_TIMEOUT_SECONDS = 10
MAX_NAME = 80


class ProfileKind(enum.Enum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


@dataclass(frozen=True)
class ConnectionProfile:
    """Where to connect and as whom; ``remember_password`` keeps it in the keyring."""

    name: str
    kind: ProfileKind
    path: str = ""
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    remember_password: bool = False

    @property
    def is_server(self) -> bool:
        return self.kind is ProfileKind.POSTGRESQL

    @property
    def place(self) -> str:
        """``host:port/database`` for a server, the file's path otherwise."""
        if self.is_server:
            return f"{self.host}:{self.port}/{self.database}"
        return self.path

    @property
    def keyring_key(self) -> str:
        """The password's name in the keyring: ``user@host:port/database``."""
        return f"{self.user}@{self.place}"

    def url(self, password: str = "") -> URL:
        """The database's URL; without ``password`` libpq may take one from a passfile."""
        if not self.is_server:
            return URL.create("sqlite+pysqlite", database=str(Path(self.path).expanduser()))
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query={"connect_timeout": str(CONNECT_TIMEOUT_SECONDS)},
        )


@dataclass(frozen=True)
class ProfileBook:
    """All saved profiles, in the order shown, and the one used last."""

    profiles: tuple[ConnectionProfile, ...] = ()
    last_used: str = ""

    def get(self, name: str) -> ConnectionProfile | None:
        return next((p for p in self.profiles if p.name == name), None)

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.profiles]

    @property
    def last(self) -> ConnectionProfile | None:
        return self.get(self.last_used) if self.last_used else None

    def saved(self, profile: ConnectionProfile, *, replacing: str | None = None) -> ProfileBook:
        """With ``profile`` stored in place of ``replacing`` (a rename) or of its namesake."""
        old = replacing if replacing is not None else profile.name
        if self.get(old) is None:
            profiles = (*self.profiles, profile)
        else:
            profiles = tuple(profile if p.name == old else p for p in self.profiles)
        last = profile.name if self.last_used == old else self.last_used
        return ProfileBook(profiles, last)

    def without(self, name: str) -> ProfileBook:
        last = "" if self.last_used == name else self.last_used
        return ProfileBook(tuple(p for p in self.profiles if p.name != name), last)

    def used(self, name: str) -> ProfileBook:
        return replace(self, last_used=name)


@dataclass
class _Checks:
    errors: list[FieldError] = field(default_factory=list)

    def fail(self, key: str, label: str, message: str) -> None:
        self.errors.append(FieldError(key, label, message))


def validate_profile(profile: ConnectionProfile, taken: Iterable[str] = ()) -> ConnectionProfile:
    """``profile`` with its texts trimmed, or a ``ValidationError`` naming each bad field.

    ``taken`` are the names of the other profiles.
    """
    profile = replace(
        profile,
        name=profile.name.strip(),
        path=profile.path.strip(),
        host=profile.host.strip(),
        database=profile.database.strip(),
        user=profile.user.strip(),
    )
    checks = _Checks()
    if not profile.name:
        checks.fail("name", "Name", "Bitte einen Namen für die Verbindung angeben.")
    elif len(profile.name) > MAX_NAME:
        checks.fail("name", "Name", f"Höchstens {MAX_NAME} Zeichen.")
    elif profile.name in set(taken):
        checks.fail("name", "Name", "Eine Verbindung mit diesem Namen gibt es schon.")
    if profile.is_server:
        if not profile.host:
            checks.fail("host", "Server", "Bitte den Server angeben (Name oder IP-Adresse).")
        if not 1 <= profile.port <= 65535:
            checks.fail("port", "Port", "Der Port liegt zwischen 1 und 65535.")
        if not profile.database:
            checks.fail("database", "Datenbank", "Bitte den Namen der Datenbank angeben.")
        if not profile.user:
            checks.fail("user", "Benutzer", "Bitte den Benutzernamen angeben.")
    elif not profile.path:
        checks.fail("path", "Datei", "Bitte die Datenbankdatei angeben.")
    if checks.errors:
        raise ValidationError(checks.errors)
    return profile


def profiles_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False)) / PROFILES_FILE


def load_profiles(path: Path | None = None) -> ProfileBook:
    """The saved profiles; none when the file is missing or (logged) unreadable."""
    source = path or profiles_path()
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ProfileBook()
    except (OSError, ValueError) as error:
        log.warning("Connection profiles in %s unreadable: %s", source, type(error).__name__)
        return ProfileBook()
    profiles = []
    for entry in data.get("profiles", []) if isinstance(data, dict) else []:
        try:
            profiles.append(_from_json(entry))
        except (KeyError, TypeError, ValueError):
            log.warning("A connection profile in %s is unreadable; skipped", source)
    last = data.get("last_used", "") if isinstance(data, dict) else ""
    return ProfileBook(tuple(profiles), last if isinstance(last, str) else "")


def save_profiles(book: ProfileBook, path: Path | None = None) -> Path:
    """Write ``book`` atomically, owner-only; there is no password in it to write."""
    target = path or profiles_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": FORMAT_VERSION,
        "last_used": book.last_used,
        "profiles": [_to_json(p) for p in book.profiles],
    }
    return write_file(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _to_json(profile: ConnectionProfile) -> dict[str, object]:
    common: dict[str, object] = {"name": profile.name, "kind": profile.kind.value}
    if not profile.is_server:
        return {**common, "path": profile.path}
    return {
        **common,
        "host": profile.host,
        "port": profile.port,
        "database": profile.database,
        "user": profile.user,
        "remember_password": profile.remember_password,
    }


def _from_json(entry: dict[str, object]) -> ConnectionProfile:
    kind = ProfileKind(entry["kind"])
    name = str(entry["name"])
    if kind is ProfileKind.SQLITE:
        return ConnectionProfile(name, kind, path=os.fspath(str(entry["path"])))
    return ConnectionProfile(
        name,
        kind,
        host=str(entry["host"]),
        port=int(entry.get("port", DEFAULT_PORT)),  # type: ignore[call-overload]
        database=str(entry["database"]),
        user=str(entry["user"]),
        remember_password=bool(entry.get("remember_password", False)),
    )
