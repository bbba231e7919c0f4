"""global search: a full-text index of people, organizations, opportunities and events

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 09:00:00

The index is kept in step by triggers, so every write path (services, bulk
Core inserts, the interchange import, raw SQL) updates it without code.

SQLite: one FTS5 table ``search_index(title, body)`` with its own content.
Its rowid encodes the record: ``kind_code << 40 | current << 39 | id`` (kind
codes person 1, organization 2, opportunity 3, event 4; ``current`` is 0 for
archived people and organizations), so a search can take one kind by rowid
range and list current records before archived ones by rowid order.

PostgreSQL: a table ``search_document`` with one tsvector of the title and
one of all searchable text, each under a GIN index per kind, filled by
PL/pgSQL triggers. Accents and case are folded by ``search_fold`` (NFKD
without combining marks, lower case), so neither ``unaccent`` nor ``pg_trgm``
is needed.

Both fold "ß" to "ss" and add the digits of each phone number as one word
("06561 1234" is also indexed as "065611234"; "+49 …" as "0…").

Caution for later migrations on SQLite: batch mode recreates a table and
drops the triggers on it; a migration that recreates person, organization,
opportunity or event must create that table's search triggers again.
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIND_CODES = {"person": 1, "organization": 2, "opportunity": 3, "event": 4}
KIND_SHIFT = 40
CURRENT_BAND = 1 << 39

EVENT_KIND_WORDS = {
    "club_fair": "Vereinsmesse Messe",
    "volunteer_day": "Freiwilligentag",
    "workshop": "Werkstatt Workshop",
    "training": "Schulung Fortbildung Training",
    "citizen_dialogue": "Bürgerdialog Bürgerschaft gefragt",
    "working_group": "Arbeitskreis",
    "recognition": "Ehrung Anerkennung",
    "other": "Sonstiges",
}


def fold_table() -> tuple[str, str]:
    """Letters with diacritics (Latin-1, Extended-A/B and Additional) and their ASCII base.

    Only for PostgreSQL before 13 or databases not in UTF-8, which lack ``normalize``.
    """
    source, target = [], []
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        letter = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", letter) if c.isalpha())
        if letter.isalpha() and base != letter and len(base) == 1 and base.isascii():
            source.append(letter)
            target.append(base.lower())
    return "".join(source), "".join(target)


# Combining marks left by NFKD ("ü" → "u" + U+0308), as PostgreSQL regex.
COMBINING_MARKS = "[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]"

# Split e-mail addresses, web and file names, hyphenated names as SQLite's
# unicode61 tokenizer does; PostgreSQL's parser would keep them whole.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~–—‚‘’„“”«»‹›·•§°"

PERSON_COLUMNS = ("first_name", "last_name", "city", "postal_code", "email", "phone", "mobile",
                  "status")
ORGANIZATION_COLUMNS = ("name", "city", "postal_code", "description", "email", "phone", "status")
OPPORTUNITY_COLUMNS = ("title", "place", "postal_code", "organization_id")
EVENT_COLUMNS = ("title", "place", "kind")


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def joined(*parts: str) -> str:
    return " || ' ' || ".join(f"coalesce({part}, '')" for part in parts)


def local_phone(column: str) -> str:
    return (
        f"CASE WHEN {column} LIKE '+49%' THEN '0' || substr({column}, 4) "
        f"WHEN {column} LIKE '0049%' THEN '0' || substr({column}, 5) ELSE {column} END"
    )


def sqlite_digits(column: str) -> str:
    expression = local_phone(column)
    for separator in (" ", "-", "/", "(", ")", ".", "+", "\u00a0"):
        expression = f"replace({expression}, {sql_string(separator)}, '')"
    return expression


def postgresql_digits(column: str) -> str:
    return f"search_digits({column})"


def sources(digits) -> dict[str, str]:
    """Per kind: SELECT record_id, archived, title, body FROM <table>, without WHERE."""
    kind_words = " ".join(
        f"WHEN {sql_string(kind)} THEN {sql_string(words)}"
        for kind, words in EVENT_KIND_WORDS.items()
    )
    return {
        "person": (
            "SELECT person.id AS record_id, person.status = 'archived' AS archived, "
            f"trim({joined('person.first_name', 'person.last_name')}) AS title, "
            + joined(
                "person.city", "person.postal_code", "person.email", "person.phone",
                "person.mobile", digits("person.phone"), digits("person.mobile"),
            )
            + " AS body FROM person"
        ),
        "organization": (
            "SELECT organization.id AS record_id, organization.status = 'archived' AS archived, "
            "organization.name AS title, "
            + joined(
                "organization.city", "organization.postal_code", "organization.email",
                "organization.phone", digits("organization.phone"), "organization.description",
            )
            + " AS body FROM organization"
        ),
        "opportunity": (
            "SELECT opportunity.id AS record_id, 1 = 0 AS archived, opportunity.title AS title, "
            + joined(
                "(SELECT organization.name FROM organization "
                "WHERE organization.id = opportunity.organization_id)",
                "opportunity.place", "opportunity.postal_code",
            )
            + " AS body FROM opportunity"
        ),
        "event": (
            "SELECT event.id AS record_id, 1 = 0 AS archived, event.title AS title, "
            + joined("event.place", f"CASE event.kind {kind_words} END")
            + " AS body FROM event"
        ),
    }


# --- SQLite ---------------------------------------------------------------------------------


def sqlite_fold(expression: str) -> str:
    return f"replace(replace({expression}, 'ß', 'ss'), 'ẞ', 'ss')"


def sqlite_insert(kind: str, where: str) -> str:
    base = KIND_CODES[kind] << KIND_SHIFT
    return (
        "INSERT INTO search_index (rowid, title, body) "
        f"SELECT {base} + CASE WHEN s.archived THEN 0 ELSE {CURRENT_BAND} END + s.record_id, "
        f"{sqlite_fold('s.title')}, {sqlite_fold('s.body')} "
        f"FROM ({sources(sqlite_digits)[kind]} {where}) AS s"
    )


def sqlite_delete(kind: str, record_id: str) -> str:
    base = KIND_CODES[kind] << KIND_SHIFT
    return (
        f"DELETE FROM search_index WHERE rowid = {base} + {record_id}; "
        f"DELETE FROM search_index WHERE rowid = {base + CURRENT_BAND} + {record_id};"
    )


def sqlite_triggers(kind: str, columns: Sequence[str]) -> list[str]:
    refresh = f"{sqlite_delete(kind, 'new.id')} {sqlite_insert(kind, f'WHERE {kind}.id = new.id')};"
    return [
        f"CREATE TRIGGER search_{kind}_insert AFTER INSERT ON {kind} BEGIN {refresh} END",
        f"CREATE TRIGGER search_{kind}_update AFTER UPDATE OF id, {', '.join(columns)} "
        f"ON {kind} BEGIN {sqlite_delete(kind, 'old.id')} {refresh} END",
        f"CREATE TRIGGER search_{kind}_delete AFTER DELETE ON {kind} "
        f"BEGIN {sqlite_delete(kind, 'old.id')} END",
    ]


def sqlite_statements() -> list[str]:
    opportunity_base = (KIND_CODES["opportunity"] << KIND_SHIFT) + CURRENT_BAND
    statements = [
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5')",
        *sqlite_triggers("person", PERSON_COLUMNS),
        *sqlite_triggers("organization", ORGANIZATION_COLUMNS),
        *sqlite_triggers("opportunity", OPPORTUNITY_COLUMNS),
        *sqlite_triggers("event", EVENT_COLUMNS),
        # An opportunity is found by its organization's name too.
        "CREATE TRIGGER search_organization_opportunities AFTER UPDATE OF name ON organization "
        "BEGIN DELETE FROM search_index WHERE rowid IN ("
        f"SELECT {opportunity_base} + opportunity.id FROM opportunity "
        "WHERE opportunity.organization_id = new.id); "
        f"{sqlite_insert('opportunity', 'WHERE opportunity.organization_id = new.id')}; END",
    ]
    statements += [sqlite_insert(kind, "") for kind in KIND_CODES]
    statements.append("INSERT INTO search_index (search_index) VALUES ('optimize')")
    return statements


# --- PostgreSQL -----------------------------------------------------------------------------


def postgresql_fold(unicode_normalize: bool) -> str:
    """SQL of ``search_fold(value)``: lower case, no accents, "ß" as "ss"."""
    if unicode_normalize:
        plain = f"regexp_replace(normalize(value, NFKD), {sql_string(COMBINING_MARKS)}, '', 'g')"
    else:
        fold_from, fold_to = fold_table()
        plain = f"translate(value, {sql_string(fold_from)}, {sql_string(fold_to)})"
    return f"replace(replace(lower({plain}), 'ß', 'ss'), 'ẞ', 'ss')"


def postgresql_functions(unicode_normalize: bool) -> list[str]:
    spaces = " " * len(PUNCTUATION)
    return [
        "CREATE FUNCTION search_fold(value text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS "
        f"$$ SELECT {postgresql_fold(unicode_normalize)} $$",
        "CREATE FUNCTION search_vector(value text) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_tsvector('simple', "
        f"translate(search_fold(value), {sql_string(PUNCTUATION)}, {sql_string(spaces)})) $$",
        "CREATE FUNCTION search_digits(value text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT regexp_replace("
        f"{local_phone('value')}, '[^0-9]+', '', 'g') $$",
    ]


def postgresql_insert(kind: str, where: str) -> str:
    return (
        "INSERT INTO search_document (kind, record_id, archived, title, title_doc, doc) "
        f"SELECT {sql_string(kind)}, s.record_id, s.archived, s.title, search_vector(s.title), "
        "search_vector(s.title || ' ' || s.body) "
        f"FROM ({sources(postgresql_digits)[kind]} {where}) AS s"
    )


def postgresql_sync(kind: str, columns: Sequence[str]) -> list[str]:
    function = f"search_sync_{kind}"
    return [
        f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP <> 'INSERT' THEN DELETE FROM search_document "
        f"WHERE kind = {sql_string(kind)} AND record_id = OLD.id; END IF; "
        f"IF TG_OP <> 'DELETE' THEN {postgresql_insert(kind, f'WHERE {kind}.id = NEW.id')}; "
        "END IF; RETURN NULL; END $$",
        f"CREATE TRIGGER search_{kind}_write AFTER INSERT OR DELETE ON {kind} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"CREATE TRIGGER search_{kind}_update AFTER UPDATE OF id, {', '.join(columns)} "
        f"ON {kind} FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


def postgresql_statements(unicode_normalize: bool) -> list[str]:
    # Triggers before the backfill: they lock the tables, so no write from
    # another workstation can fall between the two. Indexes after it, which
    # builds them faster than filling them row by row.
    statements = [
        *postgresql_functions(unicode_normalize),
        "CREATE TABLE search_document ("
        "kind varchar(12) NOT NULL, record_id integer NOT NULL, archived boolean NOT NULL, "
        "title text NOT NULL, title_doc tsvector NOT NULL, doc tsvector NOT NULL, "
        "CONSTRAINT pk_search_document PRIMARY KEY (kind, record_id))",
        *postgresql_sync("person", PERSON_COLUMNS),
        *postgresql_sync("organization", ORGANIZATION_COLUMNS),
        *postgresql_sync("opportunity", OPPORTUNITY_COLUMNS),
        *postgresql_sync("event", EVENT_COLUMNS),
        "CREATE FUNCTION search_sync_organization_opportunities() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_document WHERE kind = 'opportunity' "
        "AND record_id IN (SELECT id FROM opportunity WHERE organization_id = NEW.id); "
        f"{postgresql_insert('opportunity', 'WHERE opportunity.organization_id = NEW.id')}; "
        "RETURN NULL; END $$",
        "CREATE TRIGGER search_organization_opportunities AFTER UPDATE OF name ON organization "
        "FOR EACH ROW EXECUTE FUNCTION search_sync_organization_opportunities()",
        *(postgresql_insert(kind, "") for kind in KIND_CODES),
    ]
    for kind in KIND_CODES:
        # One index per kind lets a search stop at the few rows it shows; without
        # fastupdate no pending list of unsorted entries slows searches down.
        for column in ("title_doc", "doc"):
            statements.append(
                f"CREATE INDEX ix_search_document_{kind}_{column} ON search_document "
                f"USING gin ({column}) WITH (fastupdate = off) WHERE kind = {sql_string(kind)}"
            )
    statements.append("ANALYZE search_document")
    return statements


def can_normalize(connection: sa.Connection) -> bool:
    """``normalize()`` exists from PostgreSQL 13 on, and only in UTF-8 databases."""
    version = int(connection.exec_driver_sql("SHOW server_version_num").scalar_one())
    encoding = connection.exec_driver_sql("SHOW server_encoding").scalar_one()
    return version >= 130000 and encoding == "UTF8"


def run(statements: Sequence[str]) -> None:
    for statement in statements:
        op.execute(sa.text(statement))


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        run(sqlite_statements())
    elif dialect == "postgresql":
        run(postgresql_statements(can_normalize(op.get_bind())))
    else:
        raise NotImplementedError(f"global search is not built for {dialect}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        triggers = [f"search_{kind}_{event}" for kind in KIND_CODES
                    for event in ("insert", "update", "delete")]
        triggers.append("search_organization_opportunities")
        run([f"DROP TRIGGER IF EXISTS {name}" for name in triggers])
        run(["DROP TABLE IF EXISTS search_index"])
    elif dialect == "postgresql":
        statements = []
        for kind in KIND_CODES:
            statements += [
                f"DROP TRIGGER IF EXISTS search_{kind}_write ON {kind}",
                f"DROP TRIGGER IF EXISTS search_{kind}_update ON {kind}",
                f"DROP FUNCTION IF EXISTS search_sync_{kind}()",
            ]
        statements += [
            "DROP TRIGGER IF EXISTS search_organization_opportunities ON organization",
            "DROP FUNCTION IF EXISTS search_sync_organization_opportunities()",
            "DROP TABLE IF EXISTS search_document",
            "DROP FUNCTION IF EXISTS search_vector(text)",
            "DROP FUNCTION IF EXISTS search_digits(text)",
            "DROP FUNCTION IF EXISTS search_fold(text)",
        ]
        run(statements)
