"""Facet counts for the search page: one grouped count per facet over the filtered rows.

Each count runs on the narrow, indexed columns copied onto ``Paragraph`` (or on the tag
index ``(vocabulary, value, paragraph)``), so no facet joins documents or scans text.
When nothing is filtered the counts are cached until the data next changes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
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
    """Changes whenever tracked data or documents change: the cache key of unfiltered counts."""
    last = ObjectChange.objects.aggregate(n=Max("id"))["n"]
    return f"{last}-{Paragraph.objects.aggregate(n=Max('id'))['n']}"


def facets(queryset, selected: dict[str, list[str]], filtered: bool) -> list[Facet]:
    """The facets of ``queryset``; ``filtered`` False means it is every visible paragraph."""
    if filtered:
        return _compute(queryset, selected, filtered)
    key = "facets:" + hashlib.sha1(f"{queryset.query}|{generation()}".encode()).hexdigest()
    counts = cache.get(key)
    if counts is None:
        counts = _compute(queryset, {}, filtered)
        cache.set(key, counts, 600)
    return [Facet(f.name, f.label, [FacetValue(v.value, v.label, v.count, v.value in selected.get(f.name, []))
                                    for v in f.values]) for f in counts]


def _compute(queryset, selected, filtered: bool) -> list[Facet]:
    result = []
    base = queryset.order_by()
    for name, column, label in FIELD_FACETS:
        rows = base.values_list(column).annotate(n=Count("pk")).order_by("-n")[:LIMIT]
        result.append(Facet(name, label, [FacetValue(str(v), "", n) for v, n in rows if v not in (None, "")]))
    ids = base.values("pk")
    for name, vocabulary, label in TAG_FACETS:
        tags = Tag.objects.filter(vocabulary=vocabulary).exclude(decision=Decision.REJECTED)
        if filtered:
            tags = tags.filter(paragraph__in=ids)
        rows = tags.order_by().values_list("value").annotate(n=Count("id")).order_by("-n")[:LIMIT]
        result.append(Facet(name, label, [FacetValue(v, v, n) for v, n in rows]))
    _label(result)
    for facet in result:
        for value in facet.values:
            value.selected = value.value in selected.get(facet.name, [])
    return [f for f in result if f.values]


def _label(result: list[Facet]) -> None:
    by_name = {f.name: f for f in result}
    agencies = dict(Agency.objects.filter(pk__in=[v.value for v in by_name["lead_agency"].values])
                    .values_list("pk", "name"))
    names = {code: name for code, name in Document.objects.values_list("state_code", "state").distinct()[:500]}
    labels = {
        "kind": dict(Kind.choices), "status": dict(Status.choices), "urgent": {"True": "Urgent", "False": "Not urgent"},
        "lead_agency": {str(k): v for k, v in agencies.items()}, "state": names,
    }
    for facet in result:
        table = labels.get(facet.name, {})
        for value in facet.values:
            value.label = str(table.get(value.value) or value.label or value.value)
            if facet.name == "urgent":
                value.value = "true" if value.value == "True" else "false"
