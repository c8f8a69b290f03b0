"""The agency directory: ministries and bodies responsible for recommendations."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse

from ..core.models import TrackedModel
from .choices import AgencyKind


class Agency(TrackedModel):
    name = models.CharField(max_length=200, unique=True)
    acronym = models.CharField(max_length=30, blank=True)
    kind = models.CharField(max_length=20, choices=AgencyKind.choices, default=AgencyKind.MINISTRY)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="units")
    contact = models.CharField(max_length=200, blank=True, help_text="Focal point's name or e-mail address.")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("agencies:detail", args=[self.pk])

    @classmethod
    def public_q(cls) -> Q:
        return Q()  # the directory of responsible agencies is public
