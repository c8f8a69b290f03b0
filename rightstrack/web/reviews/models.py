"""Imported documents and what they contain, as tracked data.

A ``Paragraph`` is one numbered paragraph of a treaty-body document or one UPR
recommendation ("136.12"); it carries its tracking fields (status, agencies,
publication) so search facets need no join. Committee, State and cycle are copied onto
it from its document for the same reason.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from ..core.models import TrackedModel, VersionedModel
from ..tracking.choices import Status
from .choices import Decision, DocumentType, Kind, Origin, Response, Vocabulary


class Document(TrackedModel):
    symbol = models.CharField(max_length=100, unique=True)
    committee = models.CharField(max_length=10, db_index=True)
    state = models.CharField(max_length=100)
    state_code = models.CharField(max_length=3, db_index=True)
    type = models.CharField(max_length=40, choices=DocumentType.choices)
    cycle = models.CharField(max_length=20, blank=True)
    language = models.CharField(max_length=5)
    session = models.IntegerField(null=True, blank=True)
    title = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True, help_text="Adoption date, else issue date.")
    dates = models.JSONField(default=dict, blank=True)
    obligations = models.JSONField(default=list, blank=True)
    paragraph_count = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, help_text="Of the current version's file.")

    paragraph_scope = None

    class Meta:
        ordering = ["state", "date", "symbol"]
        indexes = [models.Index(fields=["state_code", "committee", "date"])]

    def __str__(self) -> str:
        return self.symbol

    def get_absolute_url(self) -> str:
        return reverse("reviews:document", args=[self.pk])

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @classmethod
    def public_q(cls) -> Q:
        return Q(Exists(Paragraph.objects.filter(document=OuterRef("pk"), published=True)))


class DocumentVersion(models.Model):
    """One imported file of a document: its parse, kept whole, and what it changed."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, unique=True)
    file_name = models.CharField(max_length=255)
    parsed = models.JSONField(help_text="rightstrack.documents.to_json() of the file.")
    changes = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    imported = models.DateTimeField(auto_now_add=True)
    imported_by = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["document", "-number"]
        unique_together = [("document", "number")]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class Paragraph(TrackedModel, VersionedModel):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.CharField(max_length=20)
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=30, choices=Kind.choices, db_index=True)
    urgent = models.BooleanField(default=False)
    repeated = models.BooleanField(default=False)
    part = models.CharField(max_length=300, blank=True)
    cluster = models.CharField(max_length=300, blank=True)
    heading = models.CharField(max_length=300, blank=True)
    articles = models.JSONField(default=list, blank=True)
    text = models.TextField()
    subparagraphs = models.JSONField(default=list, blank=True)
    references = models.JSONField(default=list, blank=True)
    full_text = models.TextField(help_text="Text with sub-points: what search indexes.")
    recommending_states = models.JSONField(default=list, blank=True)
    response = models.CharField(max_length=20, choices=Response.choices, blank=True)
    withdrawn = models.BooleanField(default=False, help_text="Absent from the latest version of its document.")
    # Copied from the document: facets and filters without a join.
    committee = models.CharField(max_length=10)
    state_code = models.CharField(max_length=3)
    cycle = models.CharField(max_length=20, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # Tracking.
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NOT_ASSESSED)
    status_note = models.TextField(blank=True)
    lead_agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="lead_paragraphs")
    supporting_agencies = models.ManyToManyField("agencies.Agency", blank=True, related_name="supported_paragraphs")
    published = models.BooleanField(default=False)

    paragraph_scope = ""
    focal_points_edit = True
    public = True
    snapshot_m2m = ("supporting_agencies",)

    class Meta:
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="paragraph_number_unique")]
        indexes = [
            models.Index(fields=["document", "position"]),
            models.Index(fields=["committee", "state_code"]),
            models.Index(fields=["state_code", "year"]),
            models.Index(fields=["cycle"]),
            models.Index(fields=["status"]),
            models.Index(fields=["lead_agency", "status"]),
            models.Index(fields=["urgent"]),
            # Partial: the portal reads only published rows ("WHERE published" can use it).
            models.Index(fields=["state_code", "status"], condition=Q(published=True), name="paragraph_published"),
            models.Index(fields=["-year", "document", "position"], name="paragraph_newest_first"),
        ]

    def __str__(self) -> str:
        return f"{self.document.symbol} para. {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:paragraph", args=[self.pk])

    @property
    def label(self) -> str:
        """How people cite it: "para. 39", "question 8", "rec. 136.12"."""
        if self.kind == Kind.REQUEST_FOR_INFORMATION:
            return _("question %(n)s") % {"n": self.number}
        if "." in self.number:
            return _("rec. %(n)s") % {"n": self.number}
        return _("para. %(n)s") % {"n": self.number}


class Link(TrackedModel):
    """``source`` (newer: a question, a repeated recommendation) follows up ``target`` (earlier)."""

    source = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="links_out")
    source_item = models.CharField(max_length=30, blank=True, help_text='Sub-point of the source, e.g. "8(d)".')
    target = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="links_in")
    score = models.FloatField(default=1.0)
    why = models.TextField(blank=True)
    explicit = models.BooleanField(default=False, help_text="The source cites the target.")
    origin = models.CharField(max_length=20, choices=Origin.choices)
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PROPOSED)

    paragraph_scope = "source__"
    public = True

    class Meta:
        ordering = ["-score"]
        constraints = [models.UniqueConstraint(fields=["source", "source_item", "target"], name="link_unique")]
        indexes = [models.Index(fields=["target", "decision"])]

    def __str__(self) -> str:
        item = self.source_item or self.source.number
        return f"{self.source.document.symbol} {item} follows up {self.target}"

    @classmethod
    def public_q(cls) -> Q:
        return Q(source__published=True, target__published=True) & ~Q(decision=Decision.REJECTED)


class Tag(TrackedModel):
    """A theme, affected group, SDG target or article of a paragraph."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="tags")
    vocabulary = models.CharField(max_length=10, choices=Vocabulary.choices)
    value = models.CharField(max_length=100)
    origin = models.CharField(max_length=20, choices=Origin.choices)
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PROPOSED)

    paragraph_scope = "paragraph__"
    public = True

    class Meta:
        ordering = ["vocabulary", "value"]
        constraints = [models.UniqueConstraint(fields=["paragraph", "vocabulary", "value"], name="tag_unique")]
        indexes = [
            # Covering indexes: the paragraphs with a tag (a theme filter), and the tags of paragraphs (facets).
            models.Index(fields=["vocabulary", "value", "decision", "paragraph"], name="tag_filter"),
            models.Index(fields=["paragraph", "vocabulary", "value", "decision"], name="tag_facet_filtered"),
        ]

    def __str__(self) -> str:
        return f"{self.get_vocabulary_display()}: {self.value}"

    @classmethod
    def public_q(cls) -> Q:
        return Q(paragraph__published=True) & ~Q(decision=Decision.REJECTED)


class FacetCount(models.Model):
    """A difference to the facet counts over every paragraph, written by database triggers.

    ``counts.read()`` sums them per (facet, value); see ``counts.py`` for why differences.
    """

    facet = models.CharField(max_length=30, help_text='A facet name, or "tag:" and a vocabulary.')
    value = models.TextField()
    count = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.facet}={self.value}: {self.count:+d}"
