"""Where a batch's PDFs go: written into a hidden folder first and moved into place only
when the whole batch succeeded, so a cancelled or failed batch leaves nothing behind."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from engagement_desk.services.certificates.errors import invalid

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


class Staging:
    """A temporary folder next to the destination; ``publish`` moves the files over."""

    def __init__(self, destination_dir: Path) -> None:
        destination_dir.mkdir(parents=True, exist_ok=True)
        self.destination_dir = destination_dir
        self.folder = Path(tempfile.mkdtemp(prefix=".urkunden-", dir=destination_dir))
        self.published: list[Path] = []

    def path(self, name: str) -> Path:
        return self.folder / name

    def publish(self, names: list[tuple[str, Path]]) -> list[Path]:
        """Move staged files to their final paths; refuses to overwrite existing files."""
        clashes = [final for _, final in names if final.exists()]
        if clashes:
            raise invalid(
                "out", "Ausgabe", f"Die Datei {clashes[0]} gibt es schon; nichts überschrieben."
            )
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
