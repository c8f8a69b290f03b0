"""Facet counts for the search page: one grouped count per facet over the filtered rows.

The facet columns are copied onto ``Paragraph`` so no facet joins documents. A filtered
set (a search, a facet) is read once, as a materialised CTE grouped per facet in the same
statement, and its size comes from the same counts (no separate COUNT). Every visible
paragraph (the search page as it opens) is counted from one index per facet. Tag facets
are one grouped query for all vocabularies. Counts are cached per query until the data
next changes (``generation``), so paging through results does not count again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max

from ..agencies.models import Agency
from ..core.models import ObjectChange
from ..tracking.choices import Status
from .choices import Decision, Kind, Vocabulary
from .models import Document, Paragraph, Tag

LIMIT = 12
FIELD_FACETS = (("committee", "committee", "Committee"), ("state", "state_code", "State"),
                ("cycle", "cycle", "Cycle"), ("kind", "kind", "Kind"), ("urgent", "urgent", "Urgency"),
                ("status", "status", "Status"), ("lead_agency", "lead_agency", "Responsible agency"))
TAG_FACETS = (("article", Vocabulary.ARTICLE, "Article"), ("theme", Vocabulary.THEME, "Theme"),
              ("group", Vocabulary.GROUP, "Affected group"), ("sdg", Vocabulary.SDG, "SDG target"))


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str  # the filter's query parameter
    label: str
    values: list[FacetValue] = field(default_factory=list)


def generation() -> str:
    """Changes whenever tracked data, documents, links or tags change: part of the cache key.

    Every save is change-logged; bulk inserts on import add paragraphs, links and tags.
    """
    return "-".join(str(model.objects.aggregate(n=Max("id"))["n"]) for model in (ObjectChange, Paragraph, Tag))


def facets(queryset, selected: dict[str, list[str]], filtered: bool) -> tuple[list[Facet], int]:
    """The facets of ``queryset`` and its size; ``filtered`` False means every visible paragraph.

    Cached per query until the data next changes: paging through a long result list, or
    coming back to the search page, does not count again.
    """
    key = "facets:" + hashlib.sha1(f"{queryset.query}|{generation()}".encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        cached = _compute(queryset, {}, filtered)
        cache.set(key, cached, 600)
    counts, total = cached
    return [Facet(f.name, f.label, [FacetValue(v.value, v.label, v.count, v.value in selected.get(f.name, []))
                                    for v in f.values]) for f in counts], total


def _compute(queryset, selected, filtered: bool) -> tuple[list[Facet], int]:
    if filtered:
        counts, by_vocabulary = _counts_one_pass(queryset)
    else:
        counts, by_vocabulary = _field_counts_indexed(queryset), _tag_counts_all()
    result = [Facet(name, label, [FacetValue(v, "", n) for v, n in _top(counts.get(name, {}))])
              for name, _, label in FIELD_FACETS]
    for name, vocabulary, label in TAG_FACETS:
        result.append(Facet(name, label, [FacetValue(v, v, n) for v, n in _top(by_vocabulary.get(vocabulary, {}))]))
    _label(result)
    for facet in result:
        for value in facet.values:
            value.selected = value.value in selected.get(facet.name, [])
    total = sum(counts.get("kind", {}).values())
    return [f for f in result if f.values], total


def _tag_counts_all() -> dict[str, dict[str, int]]:
    by_vocabulary: dict[str, dict[str, int]] = {}
    rows = (Tag.objects.exclude(decision=Decision.REJECTED).order_by().values_list("vocabulary", "value")
            .annotate(n=Count("*")))
    for vocabulary, value, n in rows:
        by_vocabulary.setdefault(vocabulary, {})[value] = n
    return by_vocabulary


def _top(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(((v, n) for v, n in counts.items() if v not in ("", "None")), key=lambda x: (-x[1], x[0]))[:LIMIT]


def _field_counts_indexed(queryset) -> dict[str, dict[str, int]]:
    """Every visible paragraph: one grouped count per facet, each read from its own index."""
    counts = {}
    for name, column, _ in FIELD_FACETS:
        rows = queryset.order_by().values_list(column).annotate(n=Count("*"))
        counts[name] = {_value(name, v): n for v, n in rows}
    return counts


def _value(name: str, value) -> str:
    if name == "urgent":
        return "true" if str(value).lower() in ("1", "true") else "false"
    return "" if value is None else str(value)


def _counts_one_pass(queryset) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """A filtered set, in one statement: its rows are read once into a materialised CTE, then
    grouped per facet, and its tags are grouped by vocabulary and value."""
    columns = [column for _, column, _ in FIELD_FACETS]
    # The id keeps rows apart should the queryset be DISTINCT; it also finds the tags.
    sql, params = queryset.order_by().values_list(*columns, "pk").query.sql_with_params()
    names = ", ".join(f"c{i}" for i in range(len(columns))) + ", id"
    groups = [f"SELECT '{name}', CAST(c{i} AS TEXT), COUNT(*) FROM m GROUP BY c{i}"
              for i, (name, _, _) in enumerate(FIELD_FACETS)]
    tag = Tag._meta.db_table
    # A join, not IN: PostgreSQL then knows how many ids m holds (hash or merge join); written
    # CROSS JOIN so SQLite walks m and looks each id up in the tag index, not the reverse.
    groups.append(f"SELECT 'tag:' || vocabulary, value, COUNT(*) FROM m CROSS JOIN {tag} "
                  f"WHERE {tag}.paragraph_id = m.id AND decision <> '{Decision.REJECTED}' GROUP BY vocabulary, value")
    counts: dict[str, dict[str, int]] = {name: {} for name, _, _ in FIELD_FACETS}
    by_vocabulary: dict[str, dict[str, int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(f"WITH m({names}) AS MATERIALIZED ({sql}) " + " UNION ALL ".join(groups), params)
        for name, value, n in cursor.fetchall():
            if name.startswith("tag:"):
                by_vocabulary.setdefault(name[4:], {})[value] = n
            else:
                counts[name][_value(name, value)] = n
    return counts, by_vocabulary


def _label(result: list[Facet]) -> None:
    by_name = {f.name: f for f in result}
    agencies = dict(Agency.objects.filter(pk__in=[v.value for v in by_name["lead_agency"].values])
                    .values_list("pk", "name"))
    names = {code: name for code, name in Document.objects.values_list("state_code", "state").distinct()[:500]}
    labels = {
        "kind": dict(Kind.choices), "status": dict(Status.choices), "urgent": {"true": "Urgent", "false": "Not urgent"},
        "lead_agency": {str(k): v for k, v in agencies.items()}, "state": names,
    }
    for facet in result:
        table = labels.get(facet.name, {})
        for value in facet.values:
            value.label = str(table.get(value.value) or value.label or value.value)
