"""Where a batch's PDFs go: written into a hidden folder first and moved into place only
when the whole batch succeeded and its numbers are registered, so a cancelled, failed
or killed batch never leaves a certificate the register does not know."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from engagement_desk.services.certificates.errors import invalid
from engagement_desk.services.files import PRIVATE_FILE

PREFIX = ".urkunden-"
_UNSAFE = re.compile(r'[\s<>:"/\\|?*\x00-\x1f]+')


# File systems limit a name by bytes (ext4: 255) or UTF-16 units (NTFS: 255); a Cyrillic
# or Greek letter takes two bytes in UTF-8, a Chinese one three.
MAX_NAME_BYTES = 200


def _cut_to_bytes(text: str, limit: int) -> str:
    """The longest start of ``text`` that is at most ``limit`` bytes in UTF-8."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def file_name(number: str, first_name: str, last_name: str) -> str:
    """'U-2026-00042_Ağaoğlu_Şükrü.pdf': letters of every script stay, path characters go;
    a very long name is shortened (never the number) so no batch stops at a file name."""
    parts = [number, *(_UNSAFE.sub("-", p).strip("-.") for p in (last_name, first_name))]
    stem = _cut_to_bytes("_".join(p for p in parts if p), MAX_NAME_BYTES - len(".pdf"))
    return stem.rstrip("-._ ") + ".pdf"


STALE_AFTER_SECONDS = 3600


class Staging:
    """A hidden folder next to the destination; ``publish`` moves the files over.

    The files become visible only after the register committed their numbers, so
    every visible certificate is registered. A staging folder left by a batch that
    was killed is removed by the next batch into the same folder (its certificates,
    if registered, print again as duplicates from the register)."""

    def __init__(self, destination_dir: Path) -> None:
        destination_dir.mkdir(parents=True, exist_ok=True)
        self.destination_dir = destination_dir
        self._remove_stale()
        self.folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=destination_dir))
        self.published: list[Path] = []

    def _remove_stale(self) -> None:
        limit = time.time() - STALE_AFTER_SECONDS
        for leftover in self.destination_dir.glob(f"{PREFIX}*"):
            with contextlib.suppress(OSError):
                if leftover.is_dir() and leftover.stat().st_mtime < limit:
                    shutil.rmtree(leftover, ignore_errors=True)

    def path(self, name: str) -> Path:
        return self.folder / name

    def check_free(self, names: list[tuple[str, Path]]) -> None:
        """Refuse before anything is committed if a final path is taken."""
        clashes = [final for _, final in names if final.exists()]
        if clashes:
            raise invalid(
                "out", "Ausgabe", f"Die Datei {clashes[0]} gibt es schon; nichts überschrieben."
            )

    def publish(self, names: list[tuple[str, Path]]) -> list[Path]:
        """Move staged files to their final paths: synced, owner-only (they name people)."""
        for staged, _ in names:
            with open(self.folder / staged, "rb+") as written:
                os.fsync(written.fileno())
            os.chmod(self.folder / staged, PRIVATE_FILE)
        for staged, final in names:
            os.replace(self.folder / staged, final)
            self.published.append(final)
        return self.published

    def discard(self) -> None:
        """Remove the staging folder and anything already published (on failure)."""
        for path in self.published:
            path.unlink(missing_ok=True)
        self.cleanup()

    def cleanup(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
