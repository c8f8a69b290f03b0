"""Full-text search of paragraphs: SQLite FTS5 or PostgreSQL tsvector, chosen by the database.

Both use the language-neutral tokeniser ("simple" / unicode61 without stemming): documents
come in English, French, Spanish and Russian, and a stemmer for one would mangle the
others. The index tables and triggers are created by migration 0002.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models.expressions import RawSQL

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


def matching(queryset, text: str):
    """``queryset`` narrowed to paragraphs whose text (with sub-points) matches ``text``."""
    text = text.strip()
    if not text:
        return queryset
    table = queryset.model._meta.db_table
    # A sub-select on ids, not a condition on the outer table: it stays right when Django
    # aliases the table (facets reuse the filtered query as a sub-query).
    if connection.vendor == "postgresql":
        ids = RawSQL(f"SELECT id FROM {table} WHERE search @@ websearch_to_tsquery('simple', %s)", [text])
        return queryset.filter(pk__in=ids)
    if connection.vendor == "sqlite":
        expression = fts5_query(text)
        if not expression:
            return queryset
        ids = RawSQL(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s", [expression])
        return queryset.filter(pk__in=ids)
    return queryset.filter(full_text__icontains=text)  # pragma: no cover - other databases


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
