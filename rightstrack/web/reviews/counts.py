"""Facet counts over every paragraph, kept by the database as paragraphs and tags change.

The search page as it opens counts each facet over all paragraphs: grouping 100,000 rows
per facet on every visit costs 50-110 ms. Instead, triggers add rows (facet, value, +n/-n)
to ``reviews_facetcount`` in the same transaction as every insert, delete or change of a
facet column or a tag, whatever made it (a save, a bulk import, ``update()``, a cascade).
Reading sums the rows of each value.

PostgreSQL: statement triggers over the transition tables add the differences of a whole
statement (a bulk import adds a few rows per statement, not seven per paragraph), as new
rows rather than updates of one counter per value: two writers never wait for the same
counter row, so they can never deadlock on it; once rows pile up, reading compacts them
into one per value. SQLite has a single writer: its row triggers update one row per value.
``rebuild()`` recounts from scratch: after migrations and ``flush`` (which deletes tables
in an order the triggers cannot follow), and by hand with ``rightstrack manage shell``.
"""

from __future__ import annotations

from django.db import connection, transaction

TABLE = "reviews_facetcount"
# Facet name -> column of ``reviews_paragraph``; the SQL value as text ("" for none).
COLUMNS = (("committee", "committee"), ("state", "state_code"), ("cycle", "cycle"), ("kind", "kind"),
           ("urgent", "urgent"), ("status", "status"), ("lead_agency", "lead_agency_id"))
TAG_PREFIX = "tag:"  # tags count as facet "tag:<vocabulary>"
REJECTED = "rejected"  # a rejected tag counts nowhere (Decision.REJECTED)
COMPACT_ABOVE = 1000  # rows of differences, beyond one per value, before reading compacts them


def _value(column: str, row: str) -> str:
    if column == "urgent":
        return f"CASE WHEN {row}.urgent THEN 'true' ELSE 'false' END"
    return f"COALESCE(CAST({row}.{column} AS TEXT), '')"


def _paragraph_pairs(row: str) -> list[tuple[str, str]]:
    return [(f"'{name}'", _value(column, row)) for name, column in COLUMNS]


def read() -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """Counts of every paragraph: ({facet: {value: n}}, {vocabulary: {value: n}}).

    Compacts the table first when differences have piled up (after an import).
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT facet, value, SUM(count), COUNT(*) FROM {TABLE} GROUP BY facet, value")
        rows = cursor.fetchall()
    if sum(row[3] for row in rows) > len(rows) + COMPACT_ABOVE:
        compact()
    fields: dict[str, dict[str, int]] = {name: {} for name, _ in COLUMNS}
    tags: dict[str, dict[str, int]] = {}
    for facet, value, n, _ in rows:
        if not n:
            continue
        if facet.startswith(TAG_PREFIX):
            tags.setdefault(facet[len(TAG_PREFIX):], {})[value] = int(n)
        elif facet in fields:
            fields[facet][value] = int(n)
    return fields, tags


def compact() -> None:
    """One row per value, same sums (PostgreSQL; SQLite's triggers keep one row per value)."""
    if connection.vendor != "postgresql":
        return
    with transaction.atomic(), connection.cursor() as cursor:
        # Deletes exactly the rows it sums: rows a concurrent writer adds are not seen.
        cursor.execute(f"WITH gone AS (DELETE FROM {TABLE} RETURNING facet, value, count) "
                       f"INSERT INTO {TABLE} (facet, value, count) SELECT facet, value, SUM(count) FROM gone "
                       "GROUP BY facet, value HAVING SUM(count) <> 0")


def rebuild(using: str = "default") -> None:
    """Recount every paragraph and tag from scratch."""
    from django.db import connections

    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(f"INSERT INTO {TABLE} (facet, value, count) SELECT facet, value, COUNT(*) FROM ("
                       + " UNION ALL ".join(f"SELECT {name} AS facet, {value} AS value FROM reviews_paragraph p"
                                            for name, value in _paragraph_pairs("p"))
                       + ") f GROUP BY facet, value")
        cursor.execute(f"INSERT INTO {TABLE} (facet, value, count) SELECT '{TAG_PREFIX}' || vocabulary, value, "
                       f"COUNT(*) FROM reviews_tag WHERE decision <> '{REJECTED}' GROUP BY vocabulary, value")


# Triggers, created and dropped by migration 0004.

def _sqlite_values(row: str, sign: int, only_changed: bool = False) -> str:
    """SELECTs of one row's (facet, value, sign); with ``only_changed``, the changed columns only."""
    parts = []
    for (name, value), (_, column) in zip(_paragraph_pairs(row), COLUMNS, strict=True):
        where = f" WHERE old.{column} IS NOT new.{column}" if only_changed else ""
        parts.append(f"SELECT {name}, {value}, {sign}{where}")
    return " UNION ALL ".join(parts)


def _sqlite_tag(row: str, sign: int) -> str:
    return (f"SELECT '{TAG_PREFIX}' || {row}.vocabulary, {row}.value, {sign} "
            f"WHERE {row}.decision <> '{REJECTED}'")


def _sqlite_sql() -> list[str]:
    def add(rows: str) -> str:  # one row per value: SQLite has a single writer, no one waits
        return (f"INSERT INTO {TABLE} (facet, value, count) SELECT * FROM ({rows}) WHERE true "
                "ON CONFLICT (facet, value) DO UPDATE SET count = count + excluded.count; END")

    changed = " OR ".join(f"old.{column} IS NOT new.{column}" for _, column in COLUMNS)
    tag_changed = "old.vocabulary IS NOT new.vocabulary OR old.value IS NOT new.value " \
                  "OR old.decision IS NOT new.decision"
    return [
        f"CREATE UNIQUE INDEX {TABLE}_value ON {TABLE} (facet, value)",
        f"CREATE TRIGGER {TABLE}_paragraph_insert AFTER INSERT ON reviews_paragraph BEGIN "
        + add(_sqlite_values("new", 1)),
        f"CREATE TRIGGER {TABLE}_paragraph_delete AFTER DELETE ON reviews_paragraph BEGIN "
        + add(_sqlite_values("old", -1)),
        f"CREATE TRIGGER {TABLE}_paragraph_update AFTER UPDATE ON reviews_paragraph WHEN {changed} BEGIN "
        + add(f"{_sqlite_values('old', -1, True)} UNION ALL {_sqlite_values('new', 1, True)}"),
        f"CREATE TRIGGER {TABLE}_tag_insert AFTER INSERT ON reviews_tag BEGIN " + add(_sqlite_tag("new", 1)),
        f"CREATE TRIGGER {TABLE}_tag_delete AFTER DELETE ON reviews_tag BEGIN " + add(_sqlite_tag("old", -1)),
        f"CREATE TRIGGER {TABLE}_tag_update AFTER UPDATE ON reviews_tag WHEN {tag_changed} BEGIN "
        + add(f"{_sqlite_tag('old', -1)} UNION ALL {_sqlite_tag('new', 1)}"),
    ]


def _postgresql_rows(table: str, sign: int) -> str:
    """(facet, value, sign) of every row of a transition table."""
    if table.startswith("tag"):
        return (f"SELECT '{TAG_PREFIX}' || r.vocabulary AS facet, r.value AS value, {sign} AS n "
                f"FROM {table} r WHERE r.decision <> '{REJECTED}'")
    pairs = ", ".join(f"({name}, {value})" for name, value in _paragraph_pairs("r"))
    return f"SELECT f.facet, f.value, {sign} AS n FROM {table} r CROSS JOIN LATERAL (VALUES {pairs}) f(facet, value)"


def _postgresql_sql() -> list[str]:
    statements = []
    for model, prefix in (("reviews_paragraph", "paragraph"), ("reviews_tag", "tag")):
        for event, referencing, parts in (
            ("INSERT", "NEW TABLE AS {p}_new", [("{p}_new", 1)]),
            ("DELETE", "OLD TABLE AS {p}_old", [("{p}_old", -1)]),
            ("UPDATE", "OLD TABLE AS {p}_old NEW TABLE AS {p}_new", [("{p}_old", -1), ("{p}_new", 1)]),
        ):
            name = f"{TABLE}_{prefix}_{event.lower()}"
            rows = " UNION ALL ".join(_postgresql_rows(table.format(p=prefix), sign) for table, sign in parts)
            statements.append(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"INSERT INTO {TABLE} (facet, value, count) SELECT facet, value, SUM(n) FROM ({rows}) d "
                "GROUP BY facet, value HAVING SUM(n) <> 0; RETURN NULL; END $$")
            statements.append(
                f"CREATE TRIGGER {name} AFTER {event} ON {model} REFERENCING {referencing.format(p=prefix)} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()")
    return statements


def create_triggers(apps, schema_editor) -> None:
    statements = {"sqlite": _sqlite_sql, "postgresql": _postgresql_sql}.get(schema_editor.connection.vendor)
    for statement in statements() if statements else []:
        schema_editor.execute(statement)
    rebuild(schema_editor.connection.alias)


def drop_triggers(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TABLE}_value")
    for prefix in ("paragraph", "tag"):
        for event in ("insert", "delete", "update"):
            name = f"{TABLE}_{prefix}_{event}"
            if vendor == "postgresql":
                schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}() CASCADE")
            elif vendor == "sqlite":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
