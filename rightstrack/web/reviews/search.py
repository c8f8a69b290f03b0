"""Full-text search of paragraphs: SQLite FTS5 or PostgreSQL tsvector, chosen by the database.

Both use the language-neutral tokeniser ("simple" / unicode61 without stemming): documents
come in English, French, Spanish and Russian, and a stemmer for one would mangle the
others. The index tables and triggers are created by migration 0002.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BigAutoField, Lookup, TextField

from .choices import Decision
from .sample import also

_TOKEN = re.compile(r'"([^"]+)"|(\w+)', re.UNICODE)


def fts5_query(text: str) -> str:
    """User words as an FTS5 expression: every word (or "quoted phrase") must occur."""
    parts = []
    for phrase, word in _TOKEN.findall(text):
        value = (phrase or word).replace('"', "")
        words = re.findall(r"\w+", value)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " ".join(parts)


class Matches(Lookup):
    """``full_text__matches="words"``: the full-text index of the row's own table alias.

    A lookup rather than raw SQL so the condition follows Django's table aliases (facets
    reuse the filtered query as a sub-query) and PostgreSQL reads the row once.
    """

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        table = lhs[: -len(connection.ops.quote_name("full_text"))]  # '"U0".' or '"reviews_paragraph".'
        if connection.vendor == "postgresql":
            return f"{table}{connection.ops.quote_name('search')} @@ websearch_to_tsquery('simple', {rhs})", \
                [*lhs_params, *rhs_params]
        if connection.vendor == "sqlite":
            fts = connection.ops.quote_name("reviews_paragraph_fts")
            matches = f"SELECT rowid FROM {fts} WHERE {fts} MATCH {rhs}"
            matches += also(compiler, self, "rowid")  # in a sample, SQLite reads only the sample's rows
            id_column = f"{table}{connection.ops.quote_name('id')}"
            return f"{_first(compiler, connection)}{id_column} IN ({matches})", [*lhs_params, *rhs_params]
        return f"{lhs} LIKE '%%' || {rhs} || '%%'", [*lhs_params, *rhs_params]  # pragma: no cover


class Tagged(Lookup):
    """``id__tagged=(vocabulary, value)``: paragraphs with that tag, unless rejected.

    "id IN (their tags)" rather than EXISTS: SQLite read every paragraph to test an
    EXISTS (30 ms), where it now starts from the tag index; in a sample it keeps only the
    sample's tags first.
    """

    lookup_name = "tagged"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        vocabulary, value = self.rhs
        tags = "SELECT paragraph_id FROM reviews_tag WHERE vocabulary = %s AND value = %s AND decision <> %s"
        return f"{_first(compiler, connection)}{lhs} IN ({tags}{also(compiler, self, 'paragraph_id')})", \
            [*lhs_params, vocabulary, value, Decision.REJECTED]


def _first(compiler, connection) -> str:
    """"+" before the id when the query is read in listing order on SQLite: it then cannot
    start from this list of ids (and sort them all) but walks the listing order's index."""
    listing = getattr(compiler.query, "in_listing_order", False)
    return "+" if listing and connection.vendor == "sqlite" else ""


def matching(queryset, text: str):
    """``queryset`` narrowed to paragraphs whose text (with sub-points) matches ``text``."""
    text = text.strip()
    if connection.vendor == "sqlite":
        text = fts5_query(text)
    if not text:
        return queryset
    return queryset.filter(full_text__matches=text)


def in_listing_order(queryset):
    """``queryset`` (ordered by an index) read in that order, its words and tags tested on
    each row.

    For thousands of matches: SQLite would otherwise fetch and sort every match (35 ms for
    "education") where walking the newest-first index finds a page of them in a few
    hundred rows (4 ms). PostgreSQL weighs this itself from its statistics.
    """
    queryset = queryset.all()
    queryset.query.in_listing_order = True  # read by ``Matches``; copied with the query
    return queryset


TextField.register_lookup(Matches)
BigAutoField.register_lookup(Tagged)

SQLITE_SQL = [
    """CREATE VIRTUAL TABLE reviews_paragraph_fts USING fts5(
        full_text, content='reviews_paragraph', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER reviews_paragraph_fts_insert AFTER INSERT ON reviews_paragraph BEGIN
        INSERT INTO reviews_paragraph_fts(rowid, full_text) VALUES (new.id, new.full_text); END""",
    """CREATE TRIGGER reviews_paragraph_fts_delete AFTER DELETE ON reviews_paragraph BEGIN
        INSERT INTO reviews_paragraph_fts(reviews_paragraph_fts, rowid, full_text)
        VALUES ('delete', old.id, old.full_text); END""",
    """CREATE TRIGGER reviews_paragraph_fts_update AFTER UPDATE OF full_text ON reviews_paragraph BEGIN
        INSERT INTO reviews_paragraph_fts(reviews_paragraph_fts, rowid, full_text)
        VALUES ('delete', old.id, old.full_text);
        INSERT INTO reviews_paragraph_fts(rowid, full_text) VALUES (new.id, new.full_text); END""",
    "INSERT INTO reviews_paragraph_fts(reviews_paragraph_fts) VALUES ('rebuild')",
]
POSTGRESQL_SQL = [
    """ALTER TABLE reviews_paragraph ADD COLUMN search tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', full_text)) STORED""",
    "CREATE INDEX reviews_paragraph_search ON reviews_paragraph USING GIN (search)",
]


def create_index(apps, schema_editor) -> None:
    statements = {"sqlite": SQLITE_SQL, "postgresql": POSTGRESQL_SQL}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS reviews_paragraph_fts")
        for name in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS reviews_paragraph_fts_{name}")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE reviews_paragraph DROP COLUMN IF EXISTS search")
