"""API of documents (list, import), paragraphs (filters of the search page, tracking
updates with optimistic locking), links and tags (decisions)."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from ..agencies.models import Agency
from ..api.views import RestrictedViewSet
from ..core.permissions import editable_fields, is_coordinator
from . import importer
from .choices import Decision, Origin
from .filtersets import ParagraphFilterSet
from .models import Document, Link, Paragraph, Tag


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "symbol", "committee", "state", "state_code", "type", "cycle", "language", "session",
                  "title", "date", "dates", "obligations", "paragraph_count", "sha256"]


class ImportSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A .docx, .pdf, .html, .txt or .md document.")
    symbol = serializers.CharField(required=False, allow_blank=True, help_text="When the file does not print it.")
    dry_run = serializers.BooleanField(required=False, default=False,
                                      help_text="Report what would change; save nothing.")


class ImportResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[importer.NEW, importer.NEW_VERSION, importer.UNCHANGED])
    saved = serializers.BooleanField()
    document = DocumentSerializer(allow_null=True)
    changes = serializers.ListField(child=serializers.DictField())
    warnings = serializers.ListField(child=serializers.DictField())
    proposed_links = serializers.IntegerField()
    notes = serializers.ListField(child=serializers.CharField())


class DocumentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, RestrictedViewSet):
    """Imported documents; POST a file to import it (coordinators)."""

    queryset = Document.objects.all()
    serializer_class = DocumentSerializer
    filterset_fields = ["committee", "state_code", "type", "cycle", "symbol"]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request=ImportSerializer, responses={201: ImportResultSerializer, 200: ImportResultSerializer})
    def create(self, request):
        if not is_coordinator(request.user):
            raise PermissionDenied("Only coordinators import documents.")
        form = ImportSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        upload = form.validated_data["file"]
        parsed = importer.read(upload.read(), upload.name, symbol=form.validated_data.get("symbol") or None)
        plan = importer.plan(parsed, upload.name)
        saved = not form.validated_data["dry_run"] and plan.status != importer.UNCHANGED
        document = importer.save(plan, request.user) if saved else plan.existing
        body = {"status": plan.status, "saved": saved,
                "document": DocumentSerializer(document).data if document else None,
                "changes": [vars(c) for c in plan.changes],
                "warnings": [{"line": w.line, "message": w.message} for w in parsed.warnings],
                "proposed_links": len(plan.proposed_links), "notes": plan.notes}
        return Response(body, status=status.HTTP_201_CREATED if saved else status.HTTP_200_OK)


class ParagraphSerializer(serializers.ModelSerializer):
    document = serializers.SlugRelatedField(slug_field="symbol", read_only=True)
    supporting_agencies = serializers.PrimaryKeyRelatedField(many=True, queryset=Agency.objects.all(),
                                                             required=False)
    version = serializers.IntegerField(help_text="Send back the version you read; a stale one answers 409.")

    class Meta:
        model = Paragraph
        fields = ["id", "document", "number", "position", "kind", "urgent", "repeated", "part", "cluster",
                  "heading", "articles", "text", "subparagraphs", "references", "recommending_states", "response",
                  "withdrawn", "committee", "state_code", "cycle", "year", "status", "status_note",
                  "lead_agency", "supporting_agencies", "published", "version", "updated"]
        read_only_fields = [f for f in fields if f not in
                            ("status", "status_note", "lead_agency", "supporting_agencies", "published", "version")]

    def validate(self, data):
        if "version" not in data:
            raise serializers.ValidationError({"version": "Send back the version you read (it guards against "
                                                          "overwriting someone else's change)."})
        allowed = set(editable_fields(self.context["request"].user)) | {"version"}
        refused = sorted(set(data) - allowed)
        if refused:
            raise PermissionDenied(f"Your role may not change: {', '.join(refused)}.")
        return data

    def update(self, instance, validated_data):
        expected = validated_data.pop("version")
        agencies = validated_data.pop("supporting_agencies", None)
        with transaction.atomic():
            for key, value in validated_data.items():
                setattr(instance, key, value)
            instance.save_version(expected)
            if agencies is not None:
                instance.supporting_agencies.set(agencies)
        return instance


class ParagraphViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
                       RestrictedViewSet):
    """Recommendations, questions and other paragraphs, with the filters of the search page.

    PATCH changes tracking fields (which ones depends on the role) and needs ``version``.
    """

    queryset = Paragraph.objects.select_related("document").prefetch_related("supporting_agencies").order_by("id")
    serializer_class = ParagraphSerializer
    filterset_class = ParagraphFilterSet
    http_method_names = ["get", "patch", "head", "options"]


class LinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Link
        fields = ["id", "source", "source_item", "target", "score", "why", "explicit", "origin", "decision"]
        read_only_fields = ["score", "why", "explicit", "origin"]


class LinkViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                  mixins.UpdateModelMixin, RestrictedViewSet):
    """Follow-up links: ``source`` follows up ``target``. Coordinators confirm, reject or add them."""

    queryset = Link.objects.all().order_by("id")
    serializer_class = LinkSerializer
    filterset_fields = ["source", "target", "decision", "origin"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def _coordinator(self):
        if not is_coordinator(self.request.user):
            raise PermissionDenied("Only coordinators decide links.")

    def perform_create(self, serializer):
        self._coordinator()
        serializer.save(origin=Origin.MANUAL, decision=serializer.validated_data.get("decision", Decision.CONFIRMED))

    def perform_update(self, serializer):
        self._coordinator()
        serializer.save()


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["id", "paragraph", "vocabulary", "value", "origin", "decision"]
        read_only_fields = ["origin"]


class TagViewSet(LinkViewSet):
    """Themes, affected groups, SDG targets and articles of paragraphs, with their decisions."""

    queryset = Tag.objects.all().order_by("id")
    serializer_class = TagSerializer
    filterset_fields = ["paragraph", "vocabulary", "value", "decision", "origin"]
