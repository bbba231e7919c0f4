"""Global search (Ctrl+K): people, organizations, opportunities and events as you type."""

from __future__ import annotations

from collections.abc import Collection

from engagement_desk.db import Database
from engagement_desk.models.search_index import KINDS, SearchKind
from engagement_desk.services.search.backends import postgresql_candidates, sqlite_candidates
from engagement_desk.services.search.ranking import choose, rank
from engagement_desk.services.search.results import SearchHit, describe
from engagement_desk.services.search.terms import parse_terms

MIN_WINDOW = 30
"""Candidates fetched per kind and step; the best of them are shown."""


def search_everything(
    db: Database,
    text: str,
    *,
    limit: int = 20,
    kinds: Collection[SearchKind] | None = None,
) -> list[SearchHit]:
    """Records whose words start with every word of ``text``, best first, at most ``limit``.

    Case and accents do not matter ("mull" finds Müller), phone numbers are
    found with or without spaces. ``kinds`` narrows the search, e.g. to
    ``{"person"}`` for Ctrl+F in the people list. Empty text gives ``[]``.
    """
    terms = parse_terms(text)
    if terms is None or limit <= 0:
        return []
    wanted = [kind for kind in KINDS if kinds is None or kind in kinds]
    if not wanted:
        return []
    window = max(limit, MIN_WINDOW)
    fetch = sqlite_candidates if db.is_sqlite else postgresql_candidates
    with db.read_session() as session:
        found = fetch(session, terms, wanted, window)
        return describe(session, choose(rank(found, terms), limit))
