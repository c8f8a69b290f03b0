"""The base every tracked model shares, and the change log they all write to.

As in NetBox: one abstract base (``TrackedModel``) brings change logging and
queryset permissions; one table (``ObjectChange``) holds every change with who, when,
before and after.
"""

from __future__ import annotations

import datetime
import decimal
import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils.encoding import force_str

from .choices import ChangeAction
from .errors import EditConflict
from .permissions import restrict


class RestrictedQuerySet(models.QuerySet):
    """``Model.objects.restrict(user, "change")``: the rows this user may see or change."""

    def restrict(self, user, action: str = "view"):
        return restrict(self, user, action)


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


@functools.cache
def _labels(field) -> dict:
    """Value -> label (still lazy: translated when shown) of a field with choices."""
    return dict(field.flatchoices)


class TrackedModel(models.Model):
    """Change-logged, permission-restricted.

    ``paragraph_scope`` is the lookup from this model to the paragraph it belongs to
    ("" for a paragraph itself, "paragraph__" for an action): it gives focal points their
    assigned rows, the public its published rows and the history page its entries.
    ``None`` means the model is not part of one paragraph.
    """

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    paragraph_scope: str | None = None
    focal_points_edit = False  # may an agency focal point change its assigned rows?
    public = False  # may the public portal show rows (of published paragraphs)?
    snapshot_exclude = ("created", "updated")
    snapshot_m2m: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def snapshot(self) -> dict:
        """The tracked values, JSON-ready: what the change log stores as before and after."""
        data = {}
        for f in self._meta.concrete_fields:
            if f.name in self.snapshot_exclude:
                continue
            data[f.name] = _plain(f.value_from_object(self))
        if self.pk:
            for name in self.snapshot_m2m:
                data[name] = sorted(getattr(self, name).values_list("pk", flat=True))
        return data

    def _get_FIELD_display(self, field):
        """``get_status_display()`` and the like, from a table built once per field.

        Django rebuilds the table at every call, hashing each lazily translated label (a
        translation look-up each): half the time of a document page of 200 paragraphs.
        """
        value = getattr(self, field.attname)
        return force_str(_labels(field).get(value, value), strings_only=True)

    def paragraph_id_for_history(self) -> int | None:
        if self.paragraph_scope is None:
            return None
        if self.paragraph_scope == "":
            return self.pk
        obj = self
        for part in self.paragraph_scope.strip("_").split("__")[:-1]:
            obj = getattr(obj, part)
        return getattr(obj, self.paragraph_scope.strip("_").split("__")[-1] + "_id")

    @classmethod
    def public_q(cls) -> Q | None:
        """Rows the public portal may show; None: none."""
        if not cls.public or cls.paragraph_scope is None:
            return None
        return Q(**{f"{cls.paragraph_scope}published": True})


class VersionedModel(models.Model):
    """Optimistic locking: a save names the version it started from; a stale one is refused."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True

    def save_version(self, expected: int, **kwargs) -> None:
        """Save if nobody saved since ``expected`` was read; else raise ``EditConflict``."""
        with transaction.atomic():
            row = (type(self).objects.select_for_update().filter(pk=self.pk)
                   .values_list("version", "updated").first())
            if row is None or row[0] != int(expected):
                last = ObjectChange.objects.filter(
                    content_type=ContentType.objects.get_for_model(self), object_id=self.pk
                ).order_by("-time").first()
                raise EditConflict(last.user_name if last else "", last.time if last else None)
            self.version = row[0] + 1
            self.save(**kwargs)


class ObjectChange(models.Model):
    """One change to tracked data: who, when, what it was before and after."""

    time = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="changes")
    user_name = models.CharField(max_length=150, blank=True)
    request_id = models.UUIDField(db_index=True)
    action = models.CharField(max_length=10, choices=ChangeAction.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.BigIntegerField()
    object_repr = models.CharField(max_length=200)
    paragraph_id = models.BigIntegerField(null=True, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    message = models.CharField(max_length=200, blank=True)

    objects = RestrictedQuerySet.as_manager()
    paragraph_scope = None

    class Meta:
        ordering = ["-time", "-id"]
        indexes = [
            models.Index(fields=["paragraph_id", "time"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.object_repr} {self.get_action_display()} by {self.user_name or 'system'}"

    @classmethod
    def public_q(cls) -> Q | None:
        return None

    def differences(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each value that changed."""
        before, after = self.before or {}, self.after or {}
        keys = [k for k in {**before, **after} if k not in ("version",)]
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
