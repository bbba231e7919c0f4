"""Staff passwords in the operating system's keyring, or nowhere.

Windows' Credential Manager, macOS' Keychain or the Secret Service of a Linux
desktop keep the password, through the ``keyring`` library, under the service
"Engagement Desk" and the key ``user@host:port/database``. Where there is no
usable keyring (a Linux machine without a desktop session: keyring's "fail"
backend, or a backend that errors), nothing is stored and the password is asked
each time. Passwords and keyring errors are never logged; an error's type is.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

SERVICE = "Engagement Desk"


class Passwords:
    """The keyring as the connection dialog and the start-up use it; never raises."""

    def __init__(self, service: str = SERVICE):
        self.service = service

    @property
    def available(self) -> bool:
        """Whether a password can be kept: a real keyring backend, not the fail one."""
        try:
            import keyring
            from keyring.backends import fail

            backend = keyring.get_keyring()
            if isinstance(backend, fail.Keyring):
                return False
            return float(backend.priority) > 0  # type: ignore[arg-type]
        except Exception as error:  # a broken backend is no keyring
            log.warning("No usable keyring: %s", type(error).__name__)
            return False

    def get(self, key: str) -> str:
        """The stored password, or "" when there is none or no usable keyring."""
        if not self.available:
            return ""
        try:
            import keyring

            return keyring.get_password(self.service, key) or ""
        except Exception as error:
            log.warning("Reading a password from the keyring failed: %s", type(error).__name__)
            return ""

    def remember(self, key: str, password: str) -> bool:
        """Store ``password`` under ``key``; False (and nothing stored) without a keyring."""
        if not password or not self.available:
            return False
        try:
            import keyring

            keyring.set_password(self.service, key, password)
            return True
        except Exception as error:
            log.warning("Storing a password in the keyring failed: %s", type(error).__name__)
            return False

    def forget(self, key: str) -> None:
        """Remove the password stored under ``key``, if any."""
        if not self.available:
            return
        try:
            import keyring
            from keyring.errors import PasswordDeleteError

            with contextlib.suppress(PasswordDeleteError):  # there was none
                keyring.delete_password(self.service, key)
        except Exception as error:
            log.warning("Removing a password from the keyring failed: %s", type(error).__name__)


def libpq_may_find_password() -> bool:
    """Whether libpq may find a password without one given: a password file or service file.

    Then an empty password is worth a try before asking (``~/.pgpass``,
    ``%APPDATA%\\postgresql\\pgpass.conf``, or what the PG* variables name).
    """
    if any(os.environ.get(name) for name in ("PGPASSFILE", "PGSERVICE", "PGSERVICEFILE")):
        return True
    if os.name == "nt":
        default = Path(os.environ.get("APPDATA", "")) / "postgresql" / "pgpass.conf"
    else:
        default = Path.home() / ".pgpass"
    return default.is_file()
