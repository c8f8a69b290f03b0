"""API of the change log: read-only, for signed-in users."""

from __future__ import annotations

import django_filters
from rest_framework import mixins, serializers

from ..api.views import RestrictedViewSet
from .models import ObjectChange


class ChangeSerializer(serializers.ModelSerializer):
    object_type = serializers.SerializerMethodField()
    user = serializers.CharField(source="user_name")

    class Meta:
        model = ObjectChange
        fields = ["id", "time", "user", "request_id", "action", "object_type", "object_id", "object_repr",
                  "paragraph_id", "before", "after", "message"]

    def get_object_type(self, obj) -> str:
        return f"{obj.content_type.app_label}.{obj.content_type.model}"


class ChangeFilterSet(django_filters.FilterSet):
    paragraph = django_filters.NumberFilter(field_name="paragraph_id")
    user = django_filters.CharFilter(field_name="user_name")
    since = django_filters.IsoDateTimeFilter(field_name="time", lookup_expr="gte")

    class Meta:
        model = ObjectChange
        fields = ["paragraph", "user", "action", "object_id", "since"]


class ChangeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, RestrictedViewSet):
    """Who changed what, when, before and after (filter by ``paragraph`` for one history)."""

    queryset = ObjectChange.objects.select_related("content_type")
    serializer_class = ChangeSerializer
    filterset_class = ChangeFilterSet

    def get_queryset(self):
        if not self.request.user.is_authenticated:
            return ObjectChange.objects.none()
        return self.queryset.all()
