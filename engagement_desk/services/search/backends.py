"""Candidate records per kind from the database's own full-text index.

A search asks each kind for at most ``window`` records, so a one-letter
prefix that matches most of 100,000 people costs no more than a precise
name: SQLite walks its index in rowid order (current records first, newest
first) and PostgreSQL stops scanning once the window is full. Which of many
equally weak matches come back is therefore arbitrary; typing one more
letter narrows them.

A full window may have crowded out records whose *name* matches (typing
"bit" finds thousands of people living in Bitburg before Mr. Bittner), so
then the titles alone are searched as well. Numbers are not looked for in
titles: names rarely hold them, and every phone number would have to be
walked past.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    func,
    literal,
    literal_column,
    not_,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Session

from engagement_desk.models.search_index import (
    CURRENT_BAND,
    POSTGRESQL_TABLE,
    RECORD_MASK,
    SQLITE_INDEX,
    SearchKind,
    kind_range,
)
from engagement_desk.services.search.terms import Terms, fts5_match, tsquery_text


@dataclass(frozen=True)
class Candidate:
    kind: SearchKind
    record_id: int
    title: str
    archived: bool


_SQLITE_WINDOW = text(
    f"SELECT rowid, title FROM {SQLITE_INDEX} WHERE {SQLITE_INDEX} MATCH :match "
    "AND rowid BETWEEN :first AND :last ORDER BY rowid DESC LIMIT :window"
)

SEARCH_DOCUMENT = Table(
    POSTGRESQL_TABLE,
    MetaData(),
    Column("kind", String(12)),
    Column("record_id", Integer),
    Column("archived", Boolean),
    Column("title", Text),
    Column("title_doc", TSVECTOR),
    Column("doc", TSVECTOR),
)


def sqlite_candidates(
    session: Session, terms: Terms, kinds: Sequence[SearchKind], window: int
) -> list[Candidate]:
    found: list[Candidate] = []
    anywhere, in_title = fts5_match(terms), fts5_match(terms, title_only=True)
    for kind in kinds:
        rows = _sqlite_window(session, anywhere, kind, window)
        if len(rows) == window and not terms.numeric:
            rows += _sqlite_window(session, in_title, kind, window)
        found += [
            Candidate(kind, rowid & RECORD_MASK, title, not rowid & CURRENT_BAND)
            for rowid, title in rows
        ]
    return found


def _sqlite_window(session: Session, match: str, kind: SearchKind, window: int) -> list[Any]:
    first, last = kind_range(kind)
    parameters = {"match": match, "first": first, "last": last, "window": window}
    return list(session.execute(_SQLITE_WINDOW, parameters))


def postgresql_candidates(
    session: Session, terms: Terms, kinds: Sequence[SearchKind], window: int
) -> list[Candidate]:
    # One round trip for both steps: the title step costs the server little.
    statement = _postgresql_windows(tuple(kinds), not terms.numeric, window)
    rows = session.execute(statement, {"query": tsquery_text(terms)})
    return [
        Candidate(kind, record_id, title, archived) for kind, record_id, title, archived in rows
    ]


@lru_cache(maxsize=64)
def _postgresql_windows(kinds: tuple[SearchKind, ...], with_titles: bool, window: int) -> Any:
    # Literal values, not parameters: the planner must see the kind to pick
    # that kind's partial index, and the query to estimate how many rows
    # match (a generic plan of a prepared statement would not).
    tsquery = func.to_tsquery(
        literal_column("'simple'::regconfig"),
        func.search_fold(bindparam("query", type_=Text, literal_execute=True)),
    )
    document = SEARCH_DOCUMENT.c
    vectors = (document.doc, document.title_doc) if with_titles else (document.doc,)
    parts = [
        select(
            literal(kind, literal_execute=True).label("kind"),
            document.record_id,
            document.title,
            document.archived,
        )
        .where(
            document.kind == literal(kind, literal_execute=True),
            document.archived if archived else not_(document.archived),
            vector.bool_op("@@")(tsquery),
        )
        .limit(literal_column(str(int(window))))
        for vector in vectors
        for kind in kinds
        for archived in (False, True)
    ]
    return union_all(*parts)
