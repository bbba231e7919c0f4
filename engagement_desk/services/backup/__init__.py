"""Datensicherung: verified backups, their rotation, and restoring one.

SQLite files are copied with SQLite's online backup API (consistent while the
program runs), checked (integrity, schema revision, row counts) and only then
given their final name. PostgreSQL databases are saved as a compressed
interchange snapshot. Every backup has a manifest beside it, so the list of
backups is read without opening each one.
"""

from engagement_desk.services.backup.catalog import (
    BackupInfo,
    FolderState,
    folder_state,
    latest_verified,
    list_backups,
)
from engagement_desk.services.backup.location import (
    BACKUP_FOLDER_NAME,
    backup_folder,
    default_backup_folder,
    set_backup_folder,
)
from engagement_desk.services.backup.service import (
    BackupError,
    RestoreResult,
    create_backup,
    inspect_backup,
    restore_backup,
    rotate_backups,
    source_name,
)

__all__ = [
    "BACKUP_FOLDER_NAME",
    "BackupError",
    "BackupInfo",
    "FolderState",
    "RestoreResult",
    "backup_folder",
    "create_backup",
    "default_backup_folder",
    "folder_state",
    "inspect_backup",
    "latest_verified",
    "list_backups",
    "restore_backup",
    "rotate_backups",
    "set_backup_folder",
    "source_name",
]
