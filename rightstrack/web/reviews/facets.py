"""Facet counts for the search page: exact while that is cheap, estimated from a sample beyond.

What costs is reading each matching paragraph (a wide row, with its text) for its facet
columns: 33,000 matches of "education" took 0.2-0.3 s. So, by what the user asked:

- every visible paragraph (the search page as it opens): the counts the database keeps
  up to date (``counts.py``), exact, a few hundred rows read;
- a filtered set (words, facets) of up to ``settings.FACETS_EXACT_UP_TO`` paragraphs
  (3,000): every match is read and counted, exact;
- a larger one: counted on a fixed sample of 1 match in 16 (``sample.py``) and scaled;
  the page says "about" and offers exact counts (``?exact=1``), which read every match.

Counts are cached per query until the data next changes (``generation``), so paging
through results does not count again.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Max
from django.utils import translation

from ..agencies.models import Agency
from ..core.models import ObjectChange
from ..tracking.choices import Status
from . import counts
from .choices import Decision, Kind, Vocabulary
from .models import Document, Paragraph, Tag
from .sample import BUCKETS, SAMPLED, bucket_sql, sampled

LIMIT = 12
_LABELS = {"committee": "Committee", "state": "State", "cycle": "Cycle", "kind": "Kind", "urgent": "Urgency",
           "status": "Status", "lead_agency": "Responsible agency"}
FIELD_FACETS = tuple((name, column, _LABELS[name]) for name, column in counts.COLUMNS)
TAG_FACETS = (("article", Vocabulary.ARTICLE, "Article"), ("theme", Vocabulary.THEME, "Theme"),
              ("group", Vocabulary.GROUP, "Affected group"), ("sdg", Vocabulary.SDG, "SDG target"))
IDS_UP_TO = 5000  # matches whose ids are kept for the result list (not searched again)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    approximate: bool = False  # estimated from a sample


@dataclass
class Facet:
    name: str  # the filter's query parameter
    label: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass
class FacetCounts:
    facets: list[Facet]
    total: int
    approximate: bool = False  # every count (and the total) estimated from ``sampled`` matches
    sampled: int = 0
    ids: list[int] | None = None  # every match, when counted exactly and no more than IDS_UP_TO


def generation() -> str:
    """Changes whenever tracked data, documents, links or tags change: part of the cache key.

    Every save is change-logged; bulk inserts on import add paragraphs, links and tags.
    """
    return "-".join(str(model.objects.aggregate(n=Max("id"))["n"]) for model in (ObjectChange, Paragraph, Tag))


def facets(queryset, selected: dict[str, list[str]], exact: bool = False) -> FacetCounts:
    """The facets of ``queryset`` (the paragraphs a user may see, filtered) and its size.

    ``exact`` counts every match however many there are. Cached per query until the data
    next changes: paging through a long result list does not count again.
    """
    limit = settings.FACETS_EXACT_UP_TO
    key = f"{queryset.query}|{exact or limit}|{translation.get_language()}|{generation()}"
    key = "facets:" + hashlib.sha1(key.encode()).hexdigest()
    result = cache.get(key)
    if result is None:
        result = _compute(queryset, None if exact else limit)
        cache.set(key, result, 600)
    return replace(result, facets=[
        Facet(f.name, f.label, [replace(v, selected=v.value in selected.get(f.name, [])) for v in f.values])
        for f in result.facets])


def _compute(queryset, limit: int | None) -> FacetCounts:
    if not queryset.query.where:
        # Every paragraph, nothing hidden from this user: the counts the database keeps.
        fields, tags = counts.read()
        scale, sampled, ids = 1, 0, None
    else:
        fields, tags, scale, sampled, ids = _count_matches(queryset, limit)
    approximate = scale > 1
    result = [Facet(name, label, [FacetValue(v, "", n, approximate=approximate) for v, n in _top(fields[name])])
              for name, _, label in FIELD_FACETS]
    for name, vocabulary, label in TAG_FACETS:
        result.append(Facet(name, label, [FacetValue(v, v, n, approximate=approximate)
                                          for v, n in _top(tags.get(vocabulary, {}))]))
    _label(result)
    total = sum(fields["kind"].values())  # every paragraph has a kind
    return FacetCounts([f for f in result if f.values], total, approximate, sampled, ids)


def _count_matches(queryset, limit: int | None):
    """Counts of a filtered set: the sample first; the other matches too when the sample
    says they are few (or ``limit`` is None). Returns (fields, tags, scale, sampled, ids)."""
    columns = [column for _, column, _ in FIELD_FACETS]
    names = ", ".join(f"c{i}" for i in range(len(columns)))

    def read(op: str) -> list[tuple]:
        query = sampled(queryset.order_by().values_list(*columns, "pk"), op)
        sql, params = query.query.sql_with_params()
        return _fetch(f"WITH m({names}, id) AS ({sql}) SELECT {names}, id FROM m "
                      f"WHERE {bucket_sql('id')} {op} {SAMPLED}", params)

    rows = read("<")
    sample_size = len(rows)
    scale = BUCKETS // SAMPLED
    if limit is None or sample_size * scale <= limit:
        rows += read(">=")
        scale = 1
    fields = {}
    for i, (name, _, _) in enumerate(FIELD_FACETS):
        fields[name] = Counter()
        for value, n in Counter(row[i] for row in rows).items():
            fields[name][_value(name, value)] += n * scale
    ids = [row[-1] for row in rows]
    tags: dict[str, dict[str, int]] = {}
    for vocabulary, value, n in _tag_counts(ids):
        tags.setdefault(vocabulary, {})[value] = n * scale
    return fields, tags, scale, sample_size, ids if scale == 1 and len(ids) <= IDS_UP_TO else None


def _tag_counts(ids: list[int]) -> list[tuple]:
    """(vocabulary, value, n) of the tags of these paragraphs: the ids are passed as one
    value (an array, a JSON list), so the paragraphs are not searched again."""
    if connection.vendor == "postgresql":
        among, ids = "= ANY(%s)", ids
    else:
        among, ids = "IN (SELECT value FROM json_each(%s))", json.dumps(ids)
    return _fetch(f"SELECT vocabulary, value, COUNT(*) FROM {Tag._meta.db_table} WHERE paragraph_id {among} "
                  f"AND decision <> '{Decision.REJECTED}' GROUP BY vocabulary, value", [ids])


def _fetch(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _value(name: str, value) -> str:
    if name == "urgent":
        return "true" if str(value).lower() in ("1", "true") else "false"
    return "" if value is None else str(value)


def _top(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(((v, n) for v, n in counts.items() if v not in ("", "None")), key=lambda x: (-x[1], x[0]))[:LIMIT]


def _label(result: list[Facet]) -> None:
    by_name = {f.name: f for f in result}
    agencies = dict(Agency.objects.filter(pk__in=[v.value for v in by_name["lead_agency"].values])
                    .values_list("pk", "name"))
    names = dict(Document.objects.order_by().values_list("state_code", "state").distinct())
    labels = {
        "kind": dict(Kind.choices), "status": dict(Status.choices), "urgent": {"true": "Urgent", "false": "Not urgent"},
        "lead_agency": {str(k): v for k, v in agencies.items()}, "state": names,
    }
    for facet in result:
        table = labels.get(facet.name, {})
        for value in facet.values:
            value.label = str(table.get(value.value) or value.label or value.value)

