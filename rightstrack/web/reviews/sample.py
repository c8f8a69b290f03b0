"""The sample that facets of large result sets are counted on: 1 paragraph in 16, by its id.

A paragraph's bucket (0-63) is a hash of its id; the sample is buckets 0-3. A hash, not
chance: a query always gets the same sample, so its estimates do not change from one page
to the next, and consecutive ids (the paragraphs of one document) spread over all buckets.

A filter that starts from its own index (the full-text index, the tags of a theme) would
read every match before the bucket is tested; ``sampled()`` marks a query so that such
filters (``search.Matches``, ``search.Tagged``) test the bucket inside their own look-up
and only the sample's rows are read.
PostgreSQL has an index on the bucket (migration 0004), which it ANDs with the others.
"""

from __future__ import annotations

BUCKETS = 64
SAMPLED = 4  # buckets 0-3: 1 paragraph in 16


def bucket_sql(column: str) -> str:
    """The bucket of the id in ``column``: Fibonacci hashing, the top 6 of 32 bits.

    The same text in the index and in queries, so PostgreSQL matches them; "%%" as Django
    passes SQL with parameters.
    """
    return f"((({column} * 2654435761) %% 4294967296) / 67108864)"


def sampled(queryset, op: str):
    """``queryset`` marked for the sample (op "<") or the rest (op ">="), to filters that
    can test the bucket early. The caller still tests the bucket of the rows it reads."""
    queryset = queryset.all()
    queryset.query.sample = (op, SAMPLED)  # read through ``also``; copied with the query
    return queryset


def also(compiler, lookup, column: str) -> str:
    """" AND <the bucket of column> < 4" when the query being compiled is marked and the
    lookup tests its own rows (not a joined paragraph's), else ""."""
    marked = getattr(compiler.query, "sample", None)
    own = getattr(lookup.lhs, "alias", None) == compiler.query.base_table
    return f" AND {bucket_sql(column)} {marked[0]} {marked[1]}" if marked and own else ""
