"""The interchange format: the whole database as one documented, versioned JSON file.

It moves an office from SQLite to PostgreSQL, feeds tests and answers a DSGVO
access request. The format is described in docs/interchange.md; its JSON
Schema ships as resources/interchange.schema.json. Both are generated from
``models.metadata`` by tools/generate_interchange_docs.py.
"""

from engagement_desk.services.interchange.envelope import FORMAT_VERSION, InterchangeError
from engagement_desk.services.interchange.exporter import (
    ExportSummary,
    export_bytes,
    export_database,
)
from engagement_desk.services.interchange.importer import ImportSummary, import_database

__all__ = [
    "FORMAT_VERSION",
    "ExportSummary",
    "ImportSummary",
    "InterchangeError",
    "export_bytes",
    "export_database",
    "import_database",
]
