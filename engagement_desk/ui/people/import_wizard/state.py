"""What the import wizard's pages share: the file, its columns and what was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from engagement_desk.services.people.importing import ImportPreview, ImportReport, RawTable


@dataclass
class ImportState:
    path: Path | None = None
    table: RawTable | None = None
    mapping: dict[str, str | None] = field(default_factory=dict)
    preview: ImportPreview | None = None
    report: ImportReport | None = None

    def choose(self, path: Path, table: RawTable) -> None:
        """A newly read file: everything found for the previous one is void."""
        self.path = path
        self.table = table
        self.mapping = {}
        self.preview = None
        self.report = None
