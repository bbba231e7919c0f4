"""Writing files the office keeps: atomically, and readable by their owner only.

Everything the program writes (PDFs, iCal, CSV/XLSX, JSON, the published
website) goes through here. A file appears under its name only once it is
complete and on disk: it is written to a temporary name in the target folder,
flushed with fsync and renamed over the target, so a full disk, a crash or a
kill never leaves half a file. Files are created with mode 0600 because most
of them hold personal data (passengers' mobility needs, volunteers' hours);
on Windows the user's profile ACL already keeps them private.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def _sync_folder(folder: Path) -> None:
    """Make a rename durable: fsync the folder (POSIX only; Windows has no folder handles)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str], *, private: bool = True) -> Iterator[Path]:
    """A temporary path beside ``path``; on success it is synced and renamed over ``path``.

    For writers that want a file name (openpyxl, reportlab). On any failure the
    temporary file is removed and ``path`` is left as it was.
    """
    target = Path(path)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        if not private:
            os.chmod(temporary, 0o644)
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
        _sync_folder(target.parent)
    finally:
        temporary.unlink(missing_ok=True)


def write_file(path: str | os.PathLike[str], data: bytes | str, *, private: bool = True) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; owner-only unless not ``private``."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with replacing(target, private=private) as temporary, open(temporary, "wb") as out:
        out.write(payload)
    return target


@contextlib.contextmanager
def replacing_folder(path: str | os.PathLike[str], *, private: bool = False) -> Iterator[Path]:
    """Build a folder's new content in a sibling folder and swap it in when complete.

    Readers of ``path`` see either the old content or the new, never a mix.
    Leftovers of an earlier, interrupted run are removed first.
    """
    target = Path(path)
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    for leftover in parent.glob(f".{target.name}.staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in parent.glob(f".{target.name}.old-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.staging-"))
    try:
        if not private:
            os.chmod(staging, 0o755)
        yield staging
        for file in staging.rglob("*"):
            if file.is_file():
                with open(file, "rb+") as written:
                    os.fsync(written.fileno())
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.old-"))
            os.rmdir(old)
            os.replace(target, old)
        os.replace(staging, target)
        _sync_folder(parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
