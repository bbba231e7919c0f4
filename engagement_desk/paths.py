"""Where the program finds its resources and keeps its data.

Resources live in the top-level ``resources/`` folder of a checkout; a wheel
installs that folder as the package ``engagement_desk.resources`` and a
PyInstaller bundle unpacks it to ``<bundle>/resources``. One function finds it
in all three cases.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from engagement_desk import APP_ID

DEFAULT_DB_FILENAME = "engagement-desk.sqlite3"
# Names the database when no --db is given; here, not in ``db``, so the window's
# start can read it without loading SQLAlchemy on the GUI thread.
DB_ENV_VAR = "ENGAGEMENT_DESK_DB"
DEMO_DB_FILENAME = "demo.sqlite3"


@cache
def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    package = Path(__file__).resolve().parent
    checkout = package.parent / "resources"
    if checkout.is_dir() and (package.parent / "pyproject.toml").is_file():
        return checkout
    return package / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    import platformdirs  # here: the window imports this module before its first paint

    path = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DB_FILENAME


def demo_database_path() -> Path:
    return data_dir() / DEMO_DB_FILENAME
