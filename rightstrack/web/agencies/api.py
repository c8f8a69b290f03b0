from rest_framework import mixins, serializers

from ..api.views import RestrictedViewSet
from .filtersets import AgencyFilterSet
from .models import Agency


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name", "acronym", "kind", "parent", "contact", "active"]


class AgencyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                    mixins.UpdateModelMixin, RestrictedViewSet):
    """The agency directory; coordinators add and change agencies."""

    queryset = Agency.objects.all()
    serializer_class = AgencySerializer
    filterset_class = AgencyFilterSet

    def perform_create(self, serializer):
        from ..core.permissions import can_add

        if not can_add(self.request.user, Agency):
            from rest_framework.exceptions import PermissionDenied

            raise PermissionDenied("Only coordinators add agencies.")
        serializer.save()
