from rest_framework import mixins, serializers
from rest_framework.exceptions import PermissionDenied

from ..api.views import RestrictedViewSet
from ..core.permissions import can_add
from ..reviews.models import Paragraph
from .models import Action


class ActionSerializer(serializers.ModelSerializer):
    paragraph = serializers.PrimaryKeyRelatedField(queryset=Paragraph.objects.all())

    class Meta:
        model = Action
        fields = ["id", "paragraph", "agency", "title", "description", "state", "start", "end", "outcome",
                  "created", "updated"]
        read_only_fields = ["created", "updated"]

    def validate(self, data):
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise serializers.ValidationError({"end": "The end date is before the start date."})
        return data


class ActionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                    mixins.UpdateModelMixin, mixins.DestroyModelMixin, RestrictedViewSet):
    """Actions and measures taken for a paragraph; focal points write those of their agency's paragraphs."""

    queryset = Action.objects.all()
    serializer_class = ActionSerializer
    filterset_fields = ["paragraph", "agency", "state"]

    def perform_create(self, serializer):
        if not can_add(self.request.user, Action, serializer.validated_data["paragraph"]):
            raise PermissionDenied("Your role may not add actions to this paragraph.")
        serializer.save()

    def perform_update(self, serializer):
        paragraph = serializer.validated_data.get("paragraph")
        if paragraph is not None and not can_add(self.request.user, Action, paragraph):
            raise PermissionDenied("Your role may not move actions to this paragraph.")
        serializer.save()
