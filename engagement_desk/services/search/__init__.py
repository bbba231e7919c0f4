"""Global search over people, organizations, opportunities and events.

The index itself (SQLite FTS5 or a PostgreSQL tsvector table, both kept in
step by triggers) is created by migration 0002; ``schema`` names its parts.
"""

from engagement_desk.models.search_index import KINDS, SearchKind
from engagement_desk.services.search.results import SearchHit
from engagement_desk.services.search.service import search_everything

__all__ = ["KINDS", "SearchHit", "SearchKind", "search_everything"]
