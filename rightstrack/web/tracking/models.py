"""What was done about a paragraph: actions, evidence, indicators and comments.

Status and responsible agencies live on ``reviews.Paragraph`` itself (facets need them
without a join); everything here belongs to one paragraph and is change-logged.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from ..core.models import TrackedModel
from .choices import ActionState

EVIDENCE_EXTENSIONS = (".pdf", ".docx", ".doc", ".odt", ".xlsx", ".xls", ".ods", ".csv", ".txt", ".png", ".jpg",
                       ".jpeg")


class Action(TrackedModel):
    """A measure taken or planned: a law, a programme, a training, with dates and outcome."""

    paragraph = models.ForeignKey("reviews.Paragraph", on_delete=models.CASCADE, related_name="actions")
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="actions")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    state = models.CharField(max_length=20, choices=ActionState.choices, default=ActionState.PLANNED)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    paragraph_scope = "paragraph__"
    focal_points_edit = True
    public = True

    class Meta:
        ordering = ["paragraph", "start", "id"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "The end date is before the start date."})


def _evidence_path(instance, filename: str) -> str:
    return f"evidence/{instance.paragraph_id}/{Path(filename).name}"


class Evidence(TrackedModel):
    """A file or a link that shows what was done."""

    paragraph = models.ForeignKey("reviews.Paragraph", on_delete=models.CASCADE, related_name="evidence")
    action = models.ForeignKey(Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence")
    title = models.CharField(max_length=300)
    url = models.URLField(blank=True, max_length=500)
    file = models.FileField(upload_to=_evidence_path, blank=True, max_length=300)

    paragraph_scope = "paragraph__"
    focal_points_edit = True

    class Meta:
        ordering = ["paragraph", "id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not self.url and not self.file:
            raise ValidationError({"url": "Give a link or attach a file."})
        if self.file and getattr(self.file, "size", 0) > settings.MAX_UPLOAD_SIZE:
            raise ValidationError({"file": f"The file is larger than {settings.MAX_UPLOAD_SIZE // 2**20} MB."})
        if self.file and Path(self.file.name).suffix.lower() not in EVIDENCE_EXTENSIONS:
            raise ValidationError({"file": "Attach a document, spreadsheet or picture ("
                                           + ", ".join(EVIDENCE_EXTENSIONS) + ")."})


class Indicator(TrackedModel):
    """A measurable sign of progress, e.g. "children in residential care"."""

    paragraph = models.ForeignKey("reviews.Paragraph", on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=50, blank=True)
    target = models.CharField(max_length=100, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where the values come from.")

    paragraph_scope = "paragraph__"
    focal_points_edit = True
    public = True

    class Meta:
        ordering = ["paragraph", "name"]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(TrackedModel):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    date = models.DateField()
    value = models.DecimalField(max_digits=16, decimal_places=4)
    note = models.CharField(max_length=300, blank=True)

    paragraph_scope = "indicator__paragraph__"
    focal_points_edit = True
    public = True

    class Meta:
        ordering = ["indicator", "date"]
        constraints = [models.UniqueConstraint(fields=["indicator", "date"], name="indicator_value_date_unique")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value.normalize()} on {self.date}"


class Comment(TrackedModel):
    """Internal discussion; never shown on the public portal."""

    paragraph = models.ForeignKey("reviews.Paragraph", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField()

    paragraph_scope = "paragraph__"
    focal_points_edit = True

    class Meta:
        ordering = ["paragraph", "created"]

    def __str__(self) -> str:
        return f"comment by {self.author} on {self.created:%Y-%m-%d}" if self.created else "comment"
