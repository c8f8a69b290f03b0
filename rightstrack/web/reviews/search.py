"""Full-text search of paragraphs: SQLite FTS5 or PostgreSQL tsvector, chosen by the database.

Both use the language-neutral tokeniser ("simple" / unicode61 without stemming): documents
come in English, French, Spanish and Russian, and a stemmer for one would mangle the
others. The index tables and triggers are created by migration 0002.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Lookup, TextField

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
            return f"{table}{connection.ops.quote_name('id')} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH {rhs})", \
                [*lhs_params, *rhs_params]
        return f"{lhs} LIKE '%%' || {rhs} || '%%'", [*lhs_params, *rhs_params]  # pragma: no cover


def matching(queryset, text: str):
    """``queryset`` narrowed to paragraphs whose text (with sub-points) matches ``text``."""
    text = text.strip()
    if connection.vendor == "sqlite":
        text = fts5_query(text)
    if not text:
        return queryset
    return queryset.filter(full_text__matches=text)


TextField.register_lookup(Matches)

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
