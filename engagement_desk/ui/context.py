"""The one object every widget gets: database, operations, settings, dialogs, languages.

Passed explicitly to each widget's constructor (git-cola's application
context) instead of living in module globals, so a test builds its own with
a temporary database, inline operations and a recording dialog seam.

The database is opened after the main window is on screen (start-up stays
quick); only the main window ever sees a context whose database is not open
yet. Everything else is built later and simply uses ``ctx.db``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from engagement_desk.db import Database
    from engagement_desk.ui.access import AccessGuard
    from engagement_desk.ui.i18n import LanguageSwitcher
    from engagement_desk.ui.operations import Operations
    from engagement_desk.ui.widgets.dialogs import Dialogs


class DatabaseNotOpen(RuntimeError):
    """A widget asked for the database before the start-up opened it."""


@dataclass(eq=False)
class AppContext:
    ops: Operations
    settings: QSettings
    dialogs: Dialogs
    languages: LanguageSwitcher
    database: Database | None = None
    demo: bool = False
    access_guard: AccessGuard | None = None

    @property
    def db(self) -> Database:
        if self.database is None:
            raise DatabaseNotOpen("the database is opened after the main window is shown")
        return self.database

    @property
    def access(self) -> AccessGuard:
        """What the logged-in role may do (``ui.access``); made on first use."""
        if self.access_guard is None:
            from engagement_desk.ui.access import AccessGuard

            self.access_guard = AccessGuard(self)
        return self.access_guard

    @property
    def is_open(self) -> bool:
        return self.database is not None

    @property
    def database_name(self) -> str:
        """What the title and status bar call the database."""
        return self.db.display_name
