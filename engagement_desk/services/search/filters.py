"""The search index as a list filter: "records of this kind whose words start with the typed ones".

Lists use it for their search field, so typing into a list of 100,000 people
asks the full-text index instead of scanning every row with LIKE, and folds
case and accents the same way as Ctrl+K ("muller" finds "Müller").
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from engagement_desk.models.search_index import RECORD_MASK, SQLITE_INDEX, SearchKind, kind_range
from engagement_desk.services.search.backends import SEARCH_DOCUMENT
from engagement_desk.services.search.terms import fts5_match, parse_terms, tsquery_text


def matching_ids(session: Session, kind: SearchKind, typed: str) -> Select[Any] | None:
    """A subquery of the record ids of ``kind`` matching ``typed``; None if nothing was typed."""
    terms = parse_terms(typed)
    if terms is None:
        return None
    if session.get_bind().dialect.name == "sqlite":
        first, last = kind_range(kind)
        return (
            select(literal_column(f"rowid & {RECORD_MASK}"))
            .select_from(table(SQLITE_INDEX))
            .where(
                text(f"{SQLITE_INDEX} MATCH :match").bindparams(match=fts5_match(terms)),
                literal_column("rowid").between(first, last),
            )
        )
    query = func.to_tsquery(
        literal_column("'simple'::regconfig"), func.search_fold(tsquery_text(terms))
    )
    return select(SEARCH_DOCUMENT.c.record_id).where(
        SEARCH_DOCUMENT.c.kind == kind, SEARCH_DOCUMENT.c.doc.bool_op("@@")(query)
    )
