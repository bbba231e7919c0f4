"""Where this workstation keeps its backups: a setting of the machine, not of the database.

The window and the command line read the same small file in the user's config
directory, so a folder chosen in the window (an external drive, a network
share) is where ``db backup`` writes and ``db backups`` looks too.
"""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs

from engagement_desk import APP_ID
from engagement_desk.paths import data_dir
from engagement_desk.services.files import write_file

BACKUP_FOLDER_NAME = "Sicherungen"
_SETTINGS_FILE = "workstation.json"
_KEY = "backup_folder"


def default_backup_folder() -> Path:
    return data_dir() / BACKUP_FOLDER_NAME


def _settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False)) / _SETTINGS_FILE


def _read() -> dict[str, object]:
    try:
        data = json.loads(_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def backup_folder() -> Path:
    """The chosen folder, else the default one in the data directory."""
    chosen = _read().get(_KEY)
    return Path(chosen) if isinstance(chosen, str) and chosen else default_backup_folder()


def set_backup_folder(folder: Path | None) -> None:
    """Remember ``folder`` for this workstation; None goes back to the default."""
    data = _read()
    if folder is None:
        data.pop(_KEY, None)
    else:
        data[_KEY] = str(Path(folder).expanduser().resolve())
    path = _settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
