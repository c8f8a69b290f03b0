"""Filters of paragraphs, shared by the search page and the API (the same names in both)."""

from __future__ import annotations

import django_filters

from ..agencies.models import Agency
from ..tracking.choices import Status
from . import search
from .choices import Kind, Vocabulary
from .models import Document, Paragraph


def _tag_filter(vocabulary: str):
    def method(queryset, name, values):
        for value in values:
            queryset = queryset.filter(id__tagged=(vocabulary, value))
        return queryset
    return method


class FreeMultipleChoiceField(django_filters.fields.MultipleChoiceField):
    """Several values of one facet (?committee=CRC&committee=CEDAW), taken from the data."""

    def valid_value(self, value):
        return True


class FreeMultipleFilter(django_filters.MultipleChoiceFilter):
    field_class = FreeMultipleChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)  # no join: no duplicate rows to remove
        super().__init__(*args, **kwargs)


class ParagraphFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="full_text", label="Words")
    committee = FreeMultipleFilter()
    state = FreeMultipleFilter(field_name="state_code", label="State (ISO code)")
    cycle = FreeMultipleFilter()
    year = django_filters.NumberFilter()
    document = django_filters.ModelChoiceFilter(queryset=Document.objects.all())
    kind = django_filters.MultipleChoiceFilter(choices=Kind.choices, distinct=False)
    urgent = django_filters.BooleanFilter()
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, distinct=False)
    agency = django_filters.ModelMultipleChoiceFilter(queryset=Agency.objects.all(), method="responsible",
                                                      label="Responsible agency (lead or supporting)")
    lead_agency = django_filters.ModelMultipleChoiceFilter(queryset=Agency.objects.all(), distinct=False)
    published = django_filters.BooleanFilter()
    article = FreeMultipleFilter(method=_tag_filter(Vocabulary.ARTICLE))
    theme = FreeMultipleFilter(method=_tag_filter(Vocabulary.THEME))
    group = FreeMultipleFilter(method=_tag_filter(Vocabulary.GROUP), label="Affected group")
    sdg = FreeMultipleFilter(method=_tag_filter(Vocabulary.SDG), label="SDG target")

    class Meta:
        model = Paragraph
        fields = ["q", "committee", "state", "cycle", "year", "document", "kind", "urgent", "status", "agency",
                  "lead_agency", "published", "article", "theme", "group", "sdg"]

    def full_text(self, queryset, name, value):
        return search.matching(queryset, value)

    def responsible(self, queryset, name, agencies):
        if not agencies:
            return queryset
        # One list of ids rather than "lead OR supporting": PostgreSQL estimates its size
        # (it took an OR for half of all rows and walked 30,000 of them for 50 results).
        lead = Paragraph.objects.filter(lead_agency__in=agencies).order_by().values("pk")
        through = Paragraph.supporting_agencies.through.objects.filter(agency__in=agencies).values("paragraph_id")
        return queryset.filter(pk__in=lead.union(through))
