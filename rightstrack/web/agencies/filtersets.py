import django_filters

from .models import Agency


class AgencyFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Name or acronym")

    class Meta:
        model = Agency
        fields = ["kind", "active"]

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value) | queryset.filter(acronym__iexact=value)
