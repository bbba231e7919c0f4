"""The backups in a folder, read from the manifests written beside them."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from engagement_desk.services.files import write_file

MANIFEST_SUFFIX = ".manifest.json"
COUNTED_TABLES = {"people": "person", "hours": "hours_entry", "rides": "ride"}


@dataclass(frozen=True)
class BackupInfo:
    """One verified backup: where it is, when it was made, and what it holds."""

    path: Path
    created_at: dt.datetime
    source: str  # the database it was made of: the file's stem, or PostgreSQL's name
    kind: str  # "sqlite" or "snapshot"
    revision: str
    program_version: str
    size: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def manifest_path(self) -> Path:
        return manifest_path(self.path)


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def write_manifest(info: BackupInfo) -> None:
    data = asdict(info)
    data["path"] = info.path.name
    data["created_at"] = info.created_at.isoformat()
    write_file(info.manifest_path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_manifest(manifest: Path) -> BackupInfo | None:
    """The backup a manifest describes, or None if either is missing or unreadable."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        backup = manifest.with_name(data["path"])
        if not backup.is_file():
            return None
        return BackupInfo(
            path=backup,
            created_at=dt.datetime.fromisoformat(data["created_at"]),
            source=str(data.get("source", "")),
            kind=str(data["kind"]),
            revision=str(data["revision"]),
            program_version=str(data.get("program_version", "")),
            size=backup.stat().st_size,
            counts={str(k): int(v) for k, v in dict(data.get("counts", {})).items()},
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def list_backups(folder: Path, source: str | None = None) -> list[BackupInfo]:
    """The verified backups in ``folder`` (of the database ``source``, if given), newest
    first; an unreachable folder has none."""
    try:
        manifests = list(Path(folder).glob(f"*{MANIFEST_SUFFIX}"))
    except OSError:
        return []
    found = (read_manifest(manifest) for manifest in manifests)
    return sorted(
        (info for info in found if info is not None and source in (None, info.source)),
        key=lambda info: info.created_at,
        reverse=True,
    )


def latest_verified(folder: Path, source: str | None = None) -> BackupInfo | None:
    backups = list_backups(folder, source)
    return backups[0] if backups else None


@dataclass(frozen=True)
class FolderState:
    """What the status bar says about backups: the newest one, and whether the folder
    can take the next one."""

    folder: Path
    latest: BackupInfo | None
    reachable: bool


def folder_state(folder: Path, source: str | None = None) -> FolderState:
    folder = Path(folder)
    try:
        reachable = folder.is_dir() and os.access(folder, os.W_OK)
        if not folder.exists():
            parent = next((p for p in folder.parents if p.exists()), None)
            reachable = parent is not None and parent.is_dir() and os.access(parent, os.W_OK)
    except OSError:
        reachable = False
    return FolderState(folder, latest_verified(folder, source), reachable)
