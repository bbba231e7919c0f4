"""Importing people from the office's Excel and CSV lists.

``read_table`` reads a file, ``suggest_mapping`` says which column holds what,
``preview_import`` checks everything without writing and ``import_people``
writes every row or, if any row is bad, none.
"""

from engagement_desk.services.people.importing.columns import (
    FIELD_LABELS,
    ROLE_LABELS,
    STATUS_LABELS,
    suggest_mapping,
)
from engagement_desk.services.people.importing.duplicates import RowDuplicate
from engagement_desk.services.people.importing.reader import RawRow, RawTable, read_table
from engagement_desk.services.people.importing.service import (
    ImportPreview,
    ImportReport,
    PreviewRow,
    RowError,
    import_people,
    preview_import,
)

__all__ = [
    "FIELD_LABELS",
    "ROLE_LABELS",
    "STATUS_LABELS",
    "ImportPreview",
    "ImportReport",
    "PreviewRow",
    "RawRow",
    "RawTable",
    "RowDuplicate",
    "RowError",
    "import_people",
    "preview_import",
    "read_table",
    "suggest_mapping",
]
